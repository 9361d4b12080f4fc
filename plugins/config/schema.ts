/**
 * The schema of site.config.ts, composed from the sections each capability
 * declares (comments, search, share buttons, feeds) and the site's own
 * fields (title, address, language, authors, categories, addresses).
 *
 * Every expectation is the message of its check, so that the problem
 * translator (plugins/problems/issues.ts) reports
 * `site.config.ts: field: found …, expected …` for each mistake at once.
 * Defaults that depend on nothing else are filled in here; the few that
 * depend on another field (addresses by language) in ./resolve.ts.
 */
import { z } from "zod";
import { commentsSchema } from "../comments/config.ts";
import { feedsSchema } from "../feeds/config.ts";
import { LANGUAGES } from "../i18n/languages.ts";
import { keyedTable } from "../problems/table.ts";
import { searchSchema } from "../search/config.ts";
import { shareSchema } from "../social/config.ts";
import { isLinkTarget, isSitePath, isWebAddress, pagePathProblem } from "./addresses.ts";
import type { AuthorLink, NavigationItem, ResolvedAuthor, ResolvedCategory } from "./site.ts";

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

/** Text with something in it; kept as written. */
const filled = (expected: string) =>
  z.string({ error: expected }).refine((text) => text.trim() !== "", { error: expected });
const text = (expected: string) => z.string({ error: expected });
const wholeNumber = (fallback: number) =>
  z
    .number({ error: "a whole number of at least 1" })
    .int({ error: "a whole number of at least 1" })
    .min(1, { error: "a whole number of at least 1" })
    .default(fallback);

/** `@name@host.tld`, as Mastodon writes a handle. */
const FEDIVERSE_HANDLE = /^@[a-z0-9_.-]+@(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}$/i;
/** A category's slug, as its address and posts' `category:` write it. */
export const CATEGORY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function link(expected: string) {
  return z.strictObject(
    {
      label: filled("the link's text"),
      url: z.string({ error: expected }).refine(isLinkTarget, { error: expected }),
    },
    { error: `a link, e.g. { label: "Contact", url: "/contact/" }` },
  ) satisfies z.ZodType<AuthorLink | NavigationItem>;
}

const authorSchema = z.strictObject(
  {
    name: filled("the author's name as a non-empty string"),
    bio: text("a few sentences of text").default(""),
    avatar: z
      .string({ error: 'a path on this site ("/images/lea.jpg") or an absolute address' })
      .refine((avatar) => isSitePath(avatar) || isWebAddress(avatar), {
        error: 'a path on this site ("/images/lea.jpg") or an absolute address',
      })
      .optional(),
    links: z.array(link('a path ("/contact/") or an absolute URL'), { error: "a list of links" }).default([]),
    github: filled("a GitHub login").optional(),
    fediverse: z
      .string({ error: 'a handle such as "@lea@piaille.fr"' })
      .regex(FEDIVERSE_HANDLE, { error: 'a handle such as "@lea@piaille.fr"' })
      .optional(),
    profiles: z
      .array(
        z
          .string({ error: 'an absolute address such as "https://www.linkedin.com/in/lea"' })
          .refine((profile) => isWebAddress(profile), {
            error: 'an absolute address such as "https://www.linkedin.com/in/lea"',
          }),
        { error: "a list of addresses" },
      )
      .default([]),
  },
  { error: 'the author\'s details, e.g. { name: "Léa" }' },
);

/** One category, in site.config.ts or content/categories.yaml. */
export const categorySchema = z.strictObject(
  {
    name: filled("the category's name as readers see it"),
    description: text("one sentence of text").default(""),
  },
  { error: 'the category\'s name and description, e.g. { name: "Opinion" }' },
);

/** Categories by slug. */
export const categoriesSchema = keyedTable(
  categorySchema,
  {
    expected: 'categories by slug, e.g. { opinion: { name: "Opinion" } }',
    key: (slug) => (CATEGORY_SLUG.test(slug) ? undefined : "a slug of lowercase letters, digits and dashes as the key"),
  },
  (slug, category): ResolvedCategory => ({ slug, ...category }),
);

const authorsSchema = keyedTable(
  authorSchema,
  {
    expected: 'authors by id, e.g. { lea: { name: "Léa" } }',
    atLeastOne: 'at least one author, e.g. { lea: { name: "Léa" } }',
  },
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

const PERMALINK_TOKENS = [":slug", ":year", ":month", ":day"] as const;
/** Pages Billet generates once, whose pattern holds no :slug. */
const SINGLE_PAGES: ReadonlySet<string> = new Set(["archive", "search"]);

function pattern(key: string) {
  return z.string({ error: 'a pattern that starts and ends with "/"' }).superRefine((value, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", message });
    const tokens: string[] = value.match(/:[a-z]+/g) ?? [];
    if (!value.startsWith("/") || !value.endsWith("/")) return problem('a pattern that starts and ends with "/"');
    if (tokens.some((t) => !(PERMALINK_TOKENS as readonly string[]).includes(t)))
      return problem(`only the tokens ${PERMALINK_TOKENS.join(", ")}`);
    if (!SINGLE_PAGES.has(key) && !tokens.includes(":slug")) return problem("a pattern that contains :slug");
    const path = pagePathProblem(value.replace(/:[a-z]+/g, "x"));
    if (path === "not-a-path") return problem('a path on this site, e.g. "/billets/:slug/"');
    if (path === "dot-segment") return problem('a pattern without "." or ".." segments');
    if (path === "not-normal")
      return problem('a plain path: no "?", "#", empty segments or characters a browser would rewrite');
  });
}

const permalinksSchema = z
  .strictObject(
    {
      post: pattern("post").optional(),
      category: pattern("category").optional(),
      tag: pattern("tag").optional(),
      archive: pattern("archive").optional(),
      search: pattern("search").optional(),
    },
    { error: 'URL patterns, e.g. { post: "/billets/:slug/" }' },
  )
  .prefault({});

const SITE_URL = /^https?:\/\/[^/\s]+(\/[^\s]*)?$/;

export const siteConfigSchema = z.strictObject(
  {
    title: filled("the blog's name as a non-empty string"),
    description: text("one line of text").default(""),
    url: z
      .string({ error: 'an absolute address such as "https://example.org"' })
      .transform((url) => url.replace(/\/+$/, ""))
      .refine((url) => SITE_URL.test(url) && isWebAddress(url), {
        error: 'an absolute address such as "https://example.org"',
      })
      .default("http://localhost:8080"),
    language: z.enum(LANGUAGES, { error: `one of ${quoted(LANGUAGES)}` }).default("fr"),
    timeZone: z
      .string({ error: 'an IANA time zone such as "Europe/Paris"' })
      .refine(isValidTimeZone, { error: 'an IANA time zone such as "Europe/Paris"' })
      .default("Europe/Paris"),
    authors: authorsSchema,
    navigation: z.array(link('a path ("/archives/") or an absolute URL'), { error: "a list of links" }).default([]),
    categories: categoriesSchema,
    postsPerPage: wholeNumber(10),
    permalinks: permalinksSchema,
    footer: text("a line of text").default(""),
    favicon: z
      .string({ error: 'a path on this site, e.g. "/images/logo.svg"' })
      .refine(isSitePath, { error: 'a path on this site, e.g. "/images/logo.svg"' })
      .optional(),
    contactSuccessUrl: z
      .string({ error: 'a path on this site, e.g. "/contact/merci/"' })
      .refine(isSitePath, { error: 'a path on this site, e.g. "/contact/merci/"' })
      .default("/contact/merci/"),
    comments: commentsSchema,
    share: shareSchema,
    feeds: feedsSchema,
    search: searchSchema,
  },
  { error: "the site's settings, e.g. defineSiteConfig({ title, authors, categories })" },
);

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
