/**
 * How a post finds its discussion, computed once at build time so that the
 * widget in the browser and the snapshot fetched from GitHub agree.
 *
 * giscus (https://github.com/giscus/giscus, services/github/getDiscussion.ts)
 * looks a discussion up by a search term. When it creates one, the title is
 * the term and the body ends with `<!-- sha1: <SHA-1 of the term> -->`. With
 * `strict` on, it searches `repo:owner/name category:"…" in:body "<sha1>"`,
 * so only that exact term matches; with `strict` off, `in:title "<term>"`. A
 * pinned discussion number is fetched directly instead.
 */
import { createHash } from "node:crypto";
import type { ResolvedComments } from "./config.ts";

/** The SHA-1 of a term, as giscus writes it (hex, lowercase, of the UTF-8 bytes). */
export function sha1(term: string): string {
  return createHash("sha1").update(term, "utf8").digest("hex");
}

/** What identifies a post's thread: its comment key and a pinned discussion, from front matter. */
export interface ThreadIdentity {
  /** The comment key: front matter `comments.key`, else the slug. */
  key: string;
  /** A discussion number pinned in front matter. */
  discussion: number | undefined;
  /** The post's path on the site, `/billets/mon-billet/`. */
  url: string;
}

export type DiscussionLookup =
  { kind: "number"; number: number; key: string } | { kind: "term"; term: string; strict: boolean; key: string };

/** The giscus search term for a post under a mapping (what giscus would compute in the browser). */
export function discussionTerm(post: ThreadIdentity, mapping: ResolvedComments["mapping"], siteUrl: string): string {
  switch (mapping) {
    case "specific":
      return post.key;
    case "pathname":
      // giscus: location.pathname without its leading slash, "index" for the home page.
      return post.url.length < 2 ? "index" : post.url.slice(1).replace(/\.\w+$/, "");
    case "url":
      return new URL(post.url, siteUrl + "/").href;
  }
}

/**
 * How the snapshot finds a post's discussion, with a `key` that names the
 * look-up in the cache: `number:42`, `sha1:<hex>` (strict) or `title:<term>`.
 */
export function discussionLookup(
  post: ThreadIdentity,
  comments: Pick<ResolvedComments, "mapping" | "strict">,
  siteUrl: string,
): DiscussionLookup {
  if (post.discussion !== undefined) {
    return { kind: "number", number: post.discussion, key: `number:${post.discussion}` };
  }
  const term = discussionTerm(post, comments.mapping, siteUrl);
  return comments.strict
    ? { kind: "term", term, strict: true, key: `sha1:${sha1(term)}` }
    : { kind: "term", term, strict: false, key: `title:${term}` };
}

/** The search giscus runs for a term: same words, same quoting, same lower-cased repository. */
export function searchQuery(repo: string, category: string | undefined, term: string, strict: boolean): string {
  const categoryQuery = category ? `category:${JSON.stringify(category)}` : "";
  const searched = strict ? sha1(term) : term;
  return `repo:${repo.toLowerCase()} ${categoryQuery} ${strict ? "in:body" : "in:title"} ${JSON.stringify(searched)}`;
}

/** The look-up keys a discussion answers to, read from its title and body as giscus wrote them. */
export function keysOfDiscussion(discussion: { number: number; title: string; body?: string | undefined }): string[] {
  const keys = [`number:${discussion.number}`, `title:${discussion.title}`];
  for (const match of (discussion.body ?? "").matchAll(/<!--\s*sha1:\s*([0-9a-f]{40})\s*-->/g)) {
    keys.push(`sha1:${match[1]}`);
  }
  return keys;
}

/** The widget's attributes for a lookup: a pinned number uses giscus's `number` mapping. */
export function widgetMapping(lookup: DiscussionLookup): { mapping: "specific" | "number"; term: string } {
  return lookup.kind === "number"
    ? { mapping: "number", term: String(lookup.number) }
    : { mapping: "specific", term: lookup.term };
}
