/**
 * Front matter schemas for posts and pages, and what each field expects, as
 * the problem translator (plugins/problems/issues.ts) reports it:
 * `field: found …, expected …`.
 *
 * The schemas depend on the site's configuration (which categories and
 * authors exist, which time zone dates are read in), so they are built from
 * it. Their output types are what layouts receive.
 */
import type { DateTime } from "luxon";
import { z } from "zod";
import { pagePathProblem } from "../config/addresses.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { validate as validateWith } from "../problems/issues.ts";
import { hint } from "../problems/suggest.ts";
import { DATE_EXPECTATION, parseDate } from "./dates.ts";
import { SLUG_PATTERN } from "./slug.ts";

/** What each field expects, as the author reads it in an error. */
const EXPECTED = {
  title: 'the title as text, e.g. title: "Mon billet"',
  date: DATE_EXPECTATION,
  updated: `${DATE_EXPECTATION}, not before date`,
  category: "one of the categories declared in site.config.ts",
  tags: "a list of tags, e.g. tags: [réseaux sociaux, stratégie]",
  description: "one or two sentences of text, at most 300 characters",
  author: "one of the authors declared in site.config.ts",
  draft: "true or false",
  comments:
    'true, false, or the thread to keep, e.g. comments: { key: "mon-ancien-billet" } or comments: { discussion: 42 }',
  image: "a path to an image beside the post, e.g. ./couverture.jpg",
  imageAlt: "a text describing the image for readers who cannot see it",
  slug: "lowercase letters, digits and dashes, e.g. mon-billet",
  permalink:
    'an address on this site that starts and ends with "/", without "." or ".." segments, e.g. /contact/merci/',
  form: 'the name of a built-in form: "contact"',
  noindex: "true or false",
  syndication:
    "a list of https:// addresses where the post was shared, e.g. syndication: [https://mastodon.social/@moi/1234]",
} as const;

type FieldName = keyof typeof EXPECTED;

/** Keys authors coming from other tools tend to write, with what to do instead. */
const FOREIGN_KEYS: ReadonlyMap<string, string> = new Map([
  ["permalink", "a post's address comes from its slug and the permalinks pattern in site.config.ts; set slug: instead"],
  ["layout", "layouts are chosen by Billet (posts use the post layout)"],
  ["categories", "a post has one category: write category: (singular)"],
  ["tag", "write tags: as a list"],
  ["published", "write draft: true to keep a post unpublished"],
  ["excerpt", "write description:"],
  ["summary", "write description:"],
  ["cover", "write image: and imageAlt:"],
]);

/**
 * `read`: the dates these rules have read, by text, shared by the date fields
 * of one schema (a blog has many posts of the same day; a DateTime is immutable).
 */
function dateField(zone: string, read: Map<string, DateTime | null>) {
  return z.string({ error: EXPECTED.date }).transform((text, ctx): DateTime => {
    let date = read.get(text);
    if (date === undefined) read.set(text, (date = parseDate(text, zone)));
    if (!date) {
      ctx.addIssue({ code: "custom", message: EXPECTED.date });
      return z.NEVER;
    }
    return date;
  });
}

function oneOf(kind: string, known: Iterable<string>) {
  const names = [...known];
  return z
    .string({ error: `one of the ${kind} declared in site.config.ts: ${names.join(", ")}` })
    .superRefine((value, ctx) => {
      if (names.includes(value)) return;
      ctx.addIssue({
        code: "custom",
        message: `one of the ${kind} declared in site.config.ts: ${names.join(", ")}${hint(value, names)}`,
      });
    });
}

/** A post's comment thread, from `comments:` in its front matter. */
export interface CommentSettings {
  /** `comments: false` turns the thread off. */
  enabled: boolean;
  /** The comment key pinned with `comments: { key: "…" }`; the slug otherwise. */
  key: string | undefined;
  /** A GitHub discussion pinned with `comments: { discussion: 42 }`. */
  discussion: number | undefined;
}

const COMMENT_KEY = 'a non-empty key of at most 200 characters on one line, e.g. key: "mon-ancien-billet"';
const DISCUSSION_NUMBER = "the number of a GitHub discussion, a whole number such as 42";

/** `comments: false`, `comments: true`, or `comments: { key: "…", discussion: 42 }`. */
function commentsField() {
  return z.unknown().transform((value, ctx): CommentSettings => {
    const settings: CommentSettings = { enabled: value !== false, key: undefined, discussion: undefined };
    if (value === undefined || typeof value === "boolean") return settings;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: EXPECTED.comments });
      return z.NEVER;
    }
    for (const [name, field] of Object.entries(value)) {
      if (name === "key") {
        if (typeof field === "string" && field.trim() !== "" && field.length <= 200 && !/[\r\n]/.test(field)) {
          settings.key = field;
        } else {
          ctx.addIssue({ code: "custom", path: ["key"], message: COMMENT_KEY });
        }
      } else if (name === "discussion") {
        if (typeof field === "number" && Number.isInteger(field) && field > 0) settings.discussion = field;
        else ctx.addIssue({ code: "custom", path: ["discussion"], message: DISCUSSION_NUMBER });
      } else {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `only key: and discussion: inside comments:${hint(name, ["key", "discussion"])}`,
        });
      }
    }
    return settings;
  });
}

/** Where a post was shared: https, or plain http on a loopback address (tests' stand-ins). */
const syndicationUrl = () =>
  z.string({ error: EXPECTED.syndication }).refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return (
        url.protocol === "https:" ||
        (url.protocol === "http:" && /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(url.hostname))
      );
    },
    { error: EXPECTED.syndication },
  );
const text = (field: FieldName) => z.string({ error: EXPECTED[field] }).trim().min(1, { error: EXPECTED[field] });
const flag = (field: FieldName) => z.boolean({ error: EXPECTED[field] });

export function postSchema(site: ResolvedSiteConfig) {
  const dates = new Map<string, DateTime | null>();
  return z
    .strictObject({
      title: text("title"),
      date: dateField(site.timeZone, dates),
      updated: dateField(site.timeZone, dates).optional(),
      category: oneOf("categories", site.categories.keys()),
      tags: z.array(text("tags"), { error: EXPECTED.tags }).default([]),
      description: text("description").max(300, { error: EXPECTED.description }).optional(),
      author: oneOf("authors", site.authors.keys()).optional(),
      draft: flag("draft").default(false),
      comments: commentsField().default({ enabled: true, key: undefined, discussion: undefined }),
      image: text("image").optional(),
      imageAlt: text("imageAlt").optional(),
      slug: z.string({ error: EXPECTED.slug }).regex(SLUG_PATTERN, { error: EXPECTED.slug }).optional(),
      syndication: z.array(syndicationUrl(), { error: EXPECTED.syndication }).default([]),
    })
    .superRefine((post, ctx) => {
      if (post.updated && post.date && post.updated < post.date) {
        ctx.addIssue({ code: "custom", path: ["updated"], message: EXPECTED.updated });
      }
      if (post.image && !post.imageAlt) {
        ctx.addIssue({
          code: "custom",
          path: ["imageAlt"],
          message: "a description of the image, since image: is set",
        });
      }
    });
}

/** Lowercase segments, ending with `/` or a `.html` file. */
const PERMALINK = /^\/(?:[a-z0-9._~-]+\/)*(?:[a-z0-9._~-]+\.html)?$/;

export function pageSchema(site: ResolvedSiteConfig) {
  const dates = new Map<string, DateTime | null>();
  return z.strictObject({
    title: text("title"),
    description: text("description").max(300, { error: EXPECTED.description }).optional(),
    slug: z.string({ error: EXPECTED.slug }).regex(SLUG_PATTERN, { error: EXPECTED.slug }).optional(),
    permalink: z
      .string({ error: EXPECTED.permalink })
      .refine((permalink) => PERMALINK.test(permalink) && pagePathProblem(permalink) === undefined, {
        error: EXPECTED.permalink,
      })
      .optional(),
    updated: dateField(site.timeZone, dates).optional(),
    form: z.enum(["contact"], { error: EXPECTED.form }).optional(),
    noindex: flag("noindex").default(false),
    draft: flag("draft").default(false),
  });
}

export type PostFrontMatter = z.output<ReturnType<typeof postSchema>>;
export type PageFrontMatter = z.output<ReturnType<typeof pageSchema>>;

/**
 * Validates `data` and returns either the typed value or one line per
 * problem (without the file name, which the caller adds).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  data: Record<string, unknown>,
): { ok: true; value: z.output<S> } | { ok: false; problems: string[] } {
  return validateWith(schema, data, {
    whole: "front matter",
    foreignKeys: FOREIGN_KEYS,
    expected: (issue) => {
      const field = issue.path[0];
      if (issue.code === "custom" || typeof field !== "string" || !Object.hasOwn(EXPECTED, field)) return undefined;
      return EXPECTED[field as FieldName];
    },
  });
}
