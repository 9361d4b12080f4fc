/**
 * Where a post was shared (front matter `syndication`), read from each
 * address: a Mastodon status, a Bluesky post, a LinkedIn share, or any
 * other page. Only Mastodon and Bluesky have a public API to read replies
 * from; the others are listed under the post and linked.
 */
import { z } from "zod";

export type SyndicationTarget =
  | { service: "mastodon"; url: string; origin: string; id: string }
  | { service: "bluesky"; url: string; actor: string; rkey: string }
  | { service: "linkedin"; url: string }
  | { service: "other"; url: string; host: string };

export type Service = SyndicationTarget["service"];

/** `https://INSTANCE/@user/ID` (or `/users/user/statuses/ID`), `https://bsky.app/profile/HANDLE_OR_DID/post/RKEY`. */
export function syndicationTarget(address: string): SyndicationTarget {
  const url = new URL(address);
  const host = url.hostname.replace(/^www\./, "");
  const bluesky = /^\/profile\/([^/]+)\/post\/([A-Za-z0-9._:~-]{1,512})\/?$/.exec(url.pathname);
  if (host === "bsky.app" && bluesky)
    return { service: "bluesky", url: address, actor: decodeURIComponent(bluesky[1]!), rkey: bluesky[2]! };
  if (host === "linkedin.com" || host.endsWith(".linkedin.com")) return { service: "linkedin", url: address };
  const mastodon = /^\/(?:@[^/]+|users\/[^/]+\/statuses)\/(\d{1,30})\/?$/.exec(url.pathname);
  if (mastodon && host !== "bsky.app")
    return { service: "mastodon", url: address, origin: url.origin, id: mastodon[1]! };
  return { service: "other", url: address, host };
}

/** A reply as the cache keeps it, whatever its service; its body is sanitized when a page shows it. */
export const SOCIAL_REPLY = z.object({
  /** Mastodon's status URI or Bluesky's at:// URI. */
  id: z.string(),
  /** The reply this one answers; null for a direct answer to the shared post. */
  parent: z.string().nullable(),
  /** The reply where it was written. */
  url: z.string(),
  createdAt: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "a date"),
  author: z.object({
    name: z.string(),
    /** `user@instance` or the Bluesky handle. */
    handle: z.string(),
    url: z.string(),
    avatar: z.string().nullable(),
    /** What moderation may name the author by (acct, handle, DID), lower case. */
    ids: z.array(z.string()),
  }),
  /** HTML (Mastodon's `content`, or Bluesky's text with its facets made links). */
  html: z.string(),
  /** A content warning (Mastodon's `spoiler_text`): the body stays folded under it. */
  warning: z.string(),
  media: z.array(z.object({ url: z.string(), alt: z.string(), sensitive: z.boolean() })),
  /** Written by the account that shared the post. */
  byPostAuthor: z.boolean(),
});
export type SocialReply = z.infer<typeof SOCIAL_REPLY>;

export const SOCIAL_THREAD = z.object({
  service: z.enum(["mastodon", "bluesky"]),
  /** When the replies were last read. */
  fetchedAt: z.string(),
  replies: z.array(SOCIAL_REPLY),
});
export type SocialThread = z.infer<typeof SOCIAL_THREAD>;

/** What reading one shared post gives: its replies, or that the post is gone. */
export type ReadResult = { found: true; replies: SocialReply[] } | { found: false; reason: string };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
