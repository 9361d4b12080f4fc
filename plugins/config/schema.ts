/**
 * The schema of site.config.ts, composed from the sections each capability
 * declares (comments, search, share buttons, feeds) and the site's own
 * fields (title, address, language, authors, categories, addresses).
 *
 * Every expectation is the message of its check, so that the problem
 * translator (plugins/problems/issues.ts) reports
 * `site.config.ts: field: found …, expected …` for each mistake at once.
 * Defaults that depend on nothing else are filled in here; the few that
 * depend on another field (addresses by language) in ./resolve.ts. The
 * schemas are made for a language, whose words their expectations are.
 */
import { z } from "zod";
import { commentsSchema } from "../comments/config.ts";
import { feedsSchema } from "../feeds/config.ts";
import type { Messages } from "../i18n/index.ts";
import { LANGUAGES, type Language } from "../i18n/languages.ts";
import { keyedTable } from "../problems/table.ts";
import { searchSchema } from "../search/config.ts";
import { shareSchema } from "../social/config.ts";
import { isLinkTarget, isSitePath, isWebAddress, pagePathProblem } from "./addresses.ts";
import { quoted, wholeNumber } from "./fields.ts";
import type { AuthorLink, NavigationItem, ResolvedAuthor, ResolvedCategory } from "./site.ts";

/** Text with something in it; kept as written. */
const filled = (expected: string) =>
  z.string({ error: expected }).refine((text) => text.trim() !== "", { error: expected });
const text = (expected: string) => z.string({ error: expected });

/** `@name@host.tld`, as Mastodon writes a handle. */
const FEDIVERSE_HANDLE = /^@[a-z0-9_.-]+@(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}$/i;
/** A category's slug, as its address and posts' `category:` write it. */
export const CATEGORY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function link(expected: string, m: Messages) {
  return z.strictObject(
    {
      label: filled(m.t.config.linkText),
      url: z.string({ error: expected }).refine(isLinkTarget, { error: expected }),
    },
    { error: m.t.config.link },
  ) satisfies z.ZodType<AuthorLink | NavigationItem>;
}

function authorSchema(m: Messages) {
  const t = m.t.config;
  return z.strictObject(
    {
      name: filled(t.authorName),
      bio: text(t.bio).default(""),
      avatar: z
        .string({ error: t.avatar })
        .refine((avatar) => isSitePath(avatar) || isWebAddress(avatar), { error: t.avatar })
        .optional(),
      links: z.array(link(t.authorLinkUrl, m), { error: t.links }).default([]),
      github: filled(t.github).optional(),
      fediverse: z.string({ error: t.fediverse }).regex(FEDIVERSE_HANDLE, { error: t.fediverse }).optional(),
      profiles: z
        .array(
          z.string({ error: t.profile }).refine((profile) => isWebAddress(profile), { error: t.profile }),
          { error: t.profiles },
        )
        .default([]),
    },
    { error: t.author },
  );
}

/** One category, in site.config.ts or content/categories.yaml. */
function categorySchema(m: Messages) {
  const t = m.t.config;
  return z.strictObject(
    {
      name: filled(t.categoryName),
      description: text(t.categoryDescription).default(""),
    },
    { error: t.category },
  );
}

/** Categories by slug. */
export function categoriesSchema(m: Messages) {
  return keyedTable(
    categorySchema(m),
    {
      expected: m.t.config.categories,
      key: (slug) => (CATEGORY_SLUG.test(slug) ? undefined : m.t.config.categorySlug),
      messages: m,
    },
    (slug, category): ResolvedCategory => ({ slug, ...category }),
  );
}

function authorsSchema(m: Messages) {
  return keyedTable(
    authorSchema(m),
    { expected: m.t.config.authors, atLeastOne: m.t.config.atLeastOneAuthor, messages: m },
    (id, author): ResolvedAuthor => ({
      id,
      name: author.name,
      bio: author.bio,
      avatar: author.avatar,
      links: author.links,
      github: author.github,
      fediverse: author.fediverse,
      profiles: author.profiles,
    }),
  );
}

const PERMALINK_TOKENS = [":slug", ":year", ":month", ":day"] as const;
/** Pages Billet generates once, whose pattern holds no :slug. */
const SINGLE_PAGES: ReadonlySet<string> = new Set(["archive", "search"]);

function pattern(key: string, m: Messages) {
  const t = m.t.config;
  return z.string({ error: t.pattern }).superRefine((value, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", message });
    const tokens: string[] = value.match(/:[a-z]+/g) ?? [];
    if (!value.startsWith("/") || !value.endsWith("/")) return problem(t.pattern);
    if (tokens.some((token) => !(PERMALINK_TOKENS as readonly string[]).includes(token)))
      return problem(m.format(t.patternTokens, { tokens: PERMALINK_TOKENS.join(", ") }));
    if (!SINGLE_PAGES.has(key) && !tokens.includes(":slug")) return problem(t.patternSlug);
    const path = pagePathProblem(value.replace(/:[a-z]+/g, "x"));
    if (path === "not-a-path") return problem(t.patternPath);
    if (path === "dot-segment") return problem(t.patternDots);
    if (path === "not-normal") return problem(t.patternPlain);
  });
}

function permalinksSchema(m: Messages) {
  return z
    .strictObject(
      {
        post: pattern("post", m).optional(),
        category: pattern("category", m).optional(),
        tag: pattern("tag", m).optional(),
        archive: pattern("archive", m).optional(),
        search: pattern("search", m).optional(),
      },
      { error: m.t.config.permalinks },
    )
    .prefault({});
}

const SITE_URL = /^https?:\/\/[^/\s]+(\/[^\s]*)?$/;

/** The whole of site.config.ts, its problems in the words of `m`. */
export function siteConfigSchema(m: Messages) {
  const t = m.t.config;
  return z.strictObject(
    {
      title: filled(t.title),
      description: text(t.description).default(""),
      url: z
        .string({ error: t.url })
        .transform((url) => url.replace(/\/+$/, ""))
        .refine((url) => SITE_URL.test(url) && isWebAddress(url), { error: t.url })
        .default("http://localhost:8080"),
      language: languageSchema(m).default("fr"),
      timeZone: z.string({ error: t.timeZone }).refine(isValidTimeZone, { error: t.timeZone }).default("Europe/Paris"),
      authors: authorsSchema(m),
      navigation: z.array(link(t.navigationUrl, m), { error: t.links }).default([]),
      categories: categoriesSchema(m),
      postsPerPage: wholeNumber(10, m),
      permalinks: permalinksSchema(m),
      footer: text(t.footer).default(""),
      favicon: z.string({ error: t.favicon }).refine(isSitePath, { error: t.favicon }).optional(),
      contactSuccessUrl: z
        .string({ error: t.contactSuccessUrl })
        .refine(isSitePath, { error: t.contactSuccessUrl })
        .default("/contact/merci/"),
      comments: commentsSchema(m),
      share: shareSchema(m),
      feeds: feedsSchema(m),
      search: searchSchema(m),
    },
    { error: t.settings },
  );
}

function languageSchema(m: Messages) {
  return z.enum(LANGUAGES, { error: m.format(m.t.problems.oneOf, { names: quoted(LANGUAGES, m) }) });
}

/**
 * The language the site's own problems are told in: its `language` field
 * when that is valid, French (the default) otherwise.
 */
export function configLanguage(config: unknown): Language {
  const language =
    config !== null && typeof config === "object" && Object.hasOwn(config, "language")
      ? (config as { language: unknown }).language
      : undefined;
  return (LANGUAGES as readonly unknown[]).includes(language) ? (language as Language) : "fr";
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
