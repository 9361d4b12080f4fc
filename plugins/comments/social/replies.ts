/**
 * Replies from where posts were shared, kept in `.cache/comments/social.json`
 * and brought up to date at each build, politely:
 *
 * - a post of the last 14 days is read at every build; one of the last
 *   90 days once a day; an older one once a week (each at its own moment of
 *   the week, so that a large blog's old posts do not all fall due on the
 *   same build);
 * - at most `BUDGET` requests per service and build, never-read posts
 *   first, then the newest; the rest wait for the next build;
 * - a Mastodon status without replies costs one request, not two;
 * - an instance whose `X-RateLimit-Remaining` runs low is left alone until
 *   its `X-RateLimit-Reset`.
 *
 * A service that fails keeps its cached replies; the caller prints one
 * warning per service.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Messages } from "../../i18n/index.ts";
import { readBluesky } from "./bluesky.ts";
import { JsonClient, Postponed, SocialError } from "./http.ts";
import { readMastodon } from "./mastodon.ts";
import { SOCIAL_THREAD, syndicationTarget, type SocialThread } from "./targets.ts";

const DAY = 24 * 3600 * 1000;
/** Requests per service and build. */
export const BUDGET = { mastodon: 250, bluesky: 500 } as const;
/** Requests in flight per service. */
const PARALLEL = 4;
const FILE = "social.json";
const VERSION = 1;

const CACHE_HEAD = z.object({
  version: z.literal(VERSION),
  threads: z.record(z.string(), z.unknown()),
  dids: z.record(z.string(), z.string()).catch({}),
});

export interface SocialCache {
  version: number;
  /** By syndication address. */
  threads: Record<string, SocialThread>;
  /** Bluesky handle → DID, so that a handle is resolved once. */
  dids: Record<string, string>;
}

export const emptySocialCache = (): SocialCache => ({ version: VERSION, threads: {}, dids: {} });

/** The cache on disk, entry by entry; what is damaged is named in `problem`, left out and read again. */
export async function readSocialCache(
  dir: string,
  m: Messages,
): Promise<{ cache: SocialCache; problem: string | undefined }> {
  const t = m.t.build;
  const file = path.join(dir, FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { cache: emptySocialCache(), problem: undefined };
  }
  let head: z.infer<typeof CACHE_HEAD>;
  try {
    const parsed = CACHE_HEAD.safeParse(JSON.parse(text));
    if (!parsed.success) return { cache: emptySocialCache(), problem: m.format(t.repliesNotCache, { file }) };
    head = parsed.data;
  } catch {
    return { cache: emptySocialCache(), problem: m.format(t.repliesNotJson, { file }) };
  }
  const cache = emptySocialCache();
  cache.dids = head.dids;
  const dropped: string[] = [];
  for (const [url, entry] of Object.entries(head.threads)) {
    const read = SOCIAL_THREAD.safeParse(entry);
    if (read.success) cache.threads[url] = read.data;
    else dropped.push(url);
  }
  return {
    cache,
    problem: dropped.length
      ? m.plural(t.repliesEntries, dropped.length, { file, entries: dropped.slice(0, 3).join(", ") })
      : undefined,
  };
}

export async function writeSocialCache(dir: string, cache: SocialCache): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(cache));
  await rename(temporary, file);
}

/** How long the replies of a post published `ageMs` ago stay fresh enough. */
export function refreshInterval(ageMs: number): number {
  if (ageMs < 14 * DAY) return 0;
  if (ageMs < 90 * DAY) return DAY;
  return 7 * DAY;
}

/** Whether a shared post's replies are read this build. */
export function isDue(url: string, fetchedAt: string | undefined, published: Date, now: Date): boolean {
  if (!fetchedAt) return true;
  const interval = refreshInterval(now.valueOf() - published.valueOf());
  if (interval === 0) return true;
  // Each address at its own moment: between three quarters of the interval and the whole of it.
  const spread = createHash("sha1").update(url).digest().readUInt16BE(0) / 0xffff;
  return now.valueOf() - Date.parse(fetchedAt) >= interval * (0.75 + 0.25 * spread);
}

export interface SharedPost {
  /** The syndication address. */
  url: string;
  published: Date;
}

export interface SocialRefresh {
  changed: boolean;
  /** One line per service that failed (or was held back by its rate limit). */
  warnings: string[];
  /** Requests sent, by service. */
  requests: { mastodon: number; bluesky: number };
}

const NAMES = { mastodon: "Mastodon", bluesky: "Bluesky" } as const;

/** Brings `cache` up to date, in place, for the posts being built. Never throws for a service's sake. */
export async function refreshSocial(options: {
  cache: SocialCache;
  shared: SharedPost[];
  now: Date;
  blueskyApi: string;
  timeoutMs: number;
  /** The site's language, for the warnings. */
  messages: Messages;
}): Promise<SocialRefresh> {
  const { cache, now, blueskyApi, timeoutMs, messages: m } = options;
  const t = m.t.build;
  const result: SocialRefresh = { changed: false, warnings: [], requests: { mastodon: 0, bluesky: 0 } };
  for (const service of ["mastodon", "bluesky"] as const) {
    const due = options.shared
      .map((shared) => ({ ...shared, target: syndicationTarget(shared.url) }))
      .filter(
        ({ target, url, published }) =>
          target.service === service && isDue(url, cache.threads[url]?.fetchedAt, published, now),
      )
      // Never read first, then the newest posts.
      .sort(
        (a, b) =>
          Number(Boolean(cache.threads[a.url])) - Number(Boolean(cache.threads[b.url])) ||
          b.published.valueOf() - a.published.valueOf(),
      );
    if (due.length === 0) continue;
    const client = new JsonClient({ timeoutMs, budget: BUDGET[service] });
    const failures: string[] = [];
    const gone: string[] = [];
    let postponed = 0;
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const { url, target } = due[next++]!;
        try {
          const read =
            target.service === "mastodon"
              ? await readMastodon(client, target.origin, target.id)
              : target.service === "bluesky"
                ? await readBluesky(client, blueskyApi, target.actor, target.rkey, cache.dids)
                : undefined;
          if (!read) continue;
          if (!read.found) {
            gone.push(read.reason);
            continue;
          }
          cache.threads[url] = { service, fetchedAt: now.toISOString(), replies: read.replies };
          result.changed = true;
        } catch (error) {
          if (error instanceof Postponed) postponed++;
          else if (error instanceof SocialError) failures.push(error.message);
          else throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, worker));
    result.requests[service] = client.requests;
    const parts: string[] = [];
    if (failures.length > 0) parts.push(m.plural(t.unreadPosts, failures.length, { reason: failures[0]! }));
    if (gone.length > 0) parts.push(m.plural(t.gonePosts, gone.length, { url: gone[0]! }));
    if (client.limited.size > 0 && postponed > 0) {
      const limits = [...client.limited].map(([origin, reset]) =>
        m.format(t.limitUntil, { host: new URL(origin).host, reset }),
      );
      parts.push(m.plural(t.postponed, postponed, { limits: limits.join(", ") }));
    }
    if (parts.length > 0) {
      result.warnings.push(m.format(t.repliesFrom, { service: NAMES[service], parts: parts.join(t.separator) }));
    }
  }
  return result;
}
