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
import { messages, type Messages } from "../i18n/index.ts";
import { validate as validateWith } from "../problems/issues.ts";
import { hint } from "../problems/suggest.ts";
import { parseDate } from "./dates.ts";
import { SLUG_PATTERN } from "./slug.ts";

/** What each field expects, as the author reads it in an error. */
function expectations(m: Messages) {
  const t = m.t.frontMatter;
  return {
    title: t.title,
    date: m.t.problems.date,
    updated: m.format(t.updated, { date: m.t.problems.date }),
    category: t.category,
    tags: t.tags,
    description: t.description,
    author: t.author,
    draft: m.t.problems.trueOrFalse,
    comments: t.comments,
    image: t.image,
    imageAlt: t.imageAlt,
    slug: t.slug,
    permalink: t.permalink,
    form: t.form,
    noindex: m.t.problems.trueOrFalse,
    syndication: t.syndication,
  } as const;
}

type Expected = ReturnType<typeof expectations>;
type FieldName = keyof Expected;

/** Keys authors coming from other tools tend to write, with what to do instead. */
function foreignKeys(m: Messages): ReadonlyMap<string, string> {
  return new Map(Object.entries(m.t.frontMatter.foreignKeys));
}

/**
 * `read`: the dates these rules have read, by text, shared by the date fields
 * of one schema (a blog has many posts of the same day; a DateTime is immutable).
 */
function dateField(zone: string, expected: string, read: Map<string, DateTime | null>) {
  return z.string({ error: expected }).transform((text, ctx): DateTime => {
    let date = read.get(text);
    if (date === undefined) read.set(text, (date = parseDate(text, zone)));
    if (!date) {
      ctx.addIssue({ code: "custom", message: expected });
      return z.NEVER;
    }
    return date;
  });
}

function oneOf(template: string, known: Iterable<string>, m: Messages) {
  const names = [...known];
  const expected = m.format(template, { names: names.join(", ") });
  return z.string({ error: expected }).superRefine((value, ctx) => {
    if (names.includes(value)) return;
    ctx.addIssue({ code: "custom", message: expected + hint(value, names, m) });
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

/** `comments: false`, `comments: true`, or `comments: { key: "…", discussion: 42 }`. */
function commentsField(m: Messages) {
  const t = m.t.frontMatter;
  return z.unknown().transform((value, ctx): CommentSettings => {
    const settings: CommentSettings = { enabled: value !== false, key: undefined, discussion: undefined };
    if (value === undefined || typeof value === "boolean") return settings;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: t.comments });
      return z.NEVER;
    }
    for (const [name, field] of Object.entries(value)) {
      if (name === "key") {
        if (typeof field === "string" && field.trim() !== "" && field.length <= 200 && !/[\r\n]/.test(field)) {
          settings.key = field;
        } else {
          ctx.addIssue({ code: "custom", path: ["key"], message: t.commentKey });
        }
      } else if (name === "discussion") {
        if (typeof field === "number" && Number.isInteger(field) && field > 0) settings.discussion = field;
        else ctx.addIssue({ code: "custom", path: ["discussion"], message: t.discussion });
      } else {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: t.commentsOnly + hint(name, ["key", "discussion"], m),
        });
      }
    }
    return settings;
  });
}

/** Where a post was shared: https, or plain http on a loopback address (tests' stand-ins). */
const syndicationUrl = (expected: string) =>
  z.string({ error: expected }).refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return (
        url.protocol === "https:" ||
        (url.protocol === "http:" && /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(url.hostname))
      );
    },
    { error: expected },
  );

/** The schema's pieces, in the site's language. */
function fields(site: ResolvedSiteConfig) {
  const m = messages(site.language);
  const expected = expectations(m);
  const text = (field: FieldName) => z.string({ error: expected[field] }).trim().min(1, { error: expected[field] });
  const flag = (field: FieldName) => z.boolean({ error: expected[field] });
  const slug = () => z.string({ error: expected.slug }).regex(SLUG_PATTERN, { error: expected.slug }).optional();
  const dates = new Map<string, DateTime | null>();
  const date = () => dateField(site.timeZone, expected.date, dates);
  return { m, expected, text, flag, slug, date };
}

export function postSchema(site: ResolvedSiteConfig) {
  const { m, expected, text, flag, slug, date } = fields(site);
  return z
    .strictObject({
      title: text("title"),
      date: date(),
      updated: date().optional(),
      category: oneOf(m.t.frontMatter.categoryOneOf, site.categories.keys(), m),
      tags: z.array(text("tags"), { error: expected.tags }).default([]),
      description: text("description").max(300, { error: expected.description }).optional(),
      author: oneOf(m.t.frontMatter.authorOneOf, site.authors.keys(), m).optional(),
      draft: flag("draft").default(false),
      comments: commentsField(m).default({ enabled: true, key: undefined, discussion: undefined }),
      image: text("image").optional(),
      imageAlt: text("imageAlt").optional(),
      slug: slug(),
      syndication: z.array(syndicationUrl(expected.syndication), { error: expected.syndication }).default([]),
    })
    .superRefine((post, ctx) => {
      if (post.updated && post.date && post.updated < post.date) {
        ctx.addIssue({ code: "custom", path: ["updated"], message: expected.updated });
      }
      if (post.image && !post.imageAlt) {
        ctx.addIssue({ code: "custom", path: ["imageAlt"], message: m.t.frontMatter.imageAltNeeded });
      }
    });
}

/** Lowercase segments, ending with `/` or a `.html` file. */
const PERMALINK = /^\/(?:[a-z0-9._~-]+\/)*(?:[a-z0-9._~-]+\.html)?$/;

export function pageSchema(site: ResolvedSiteConfig) {
  const { expected, text, flag, slug, date } = fields(site);
  return z.strictObject({
    title: text("title"),
    description: text("description").max(300, { error: expected.description }).optional(),
    slug: slug(),
    permalink: z
      .string({ error: expected.permalink })
      .refine((permalink) => PERMALINK.test(permalink) && pagePathProblem(permalink) === undefined, {
        error: expected.permalink,
      })
      .optional(),
    updated: date().optional(),
    form: z.enum(["contact"], { error: expected.form }).optional(),
    noindex: flag("noindex").default(false),
    draft: flag("draft").default(false),
  });
}

export type PostFrontMatter = z.output<ReturnType<typeof postSchema>>;
export type PageFrontMatter = z.output<ReturnType<typeof pageSchema>>;

/**
 * Validates `data` and returns either the typed value or one line per
 * problem (without the file name, which the caller adds), in the words of `m`.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  data: Record<string, unknown>,
  m: Messages,
): { ok: true; value: z.output<S> } | { ok: false; problems: string[] } {
  const expected = expectations(m);
  return validateWith(schema, data, {
    messages: m,
    whole: m.t.frontMatter.whole,
    foreignKeys: foreignKeys(m),
    expected: (issue) => {
      const field = issue.path[0];
      if (issue.code === "custom" || typeof field !== "string" || !Object.hasOwn(expected, field)) return undefined;
      return expected[field as FieldName];
    },
  });
}
