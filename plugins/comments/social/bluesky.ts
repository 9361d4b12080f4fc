/**
 * Replies to a Bluesky post, read from the AppView at `BLUESKY_API_URL`
 * (default https://public.api.bsky.app, which needs no account):
 * `com.atproto.identity.resolveHandle` once per handle (the DID is kept),
 * then `app.bsky.feed.getPostThread` (https://docs.bsky.app/docs/api/app-bsky-feed-get-post-thread).
 *
 * A thread is a tree of ThreadViewPost; a reply that was deleted
 * (NotFoundPost) or whose author blocks or is blocked (BlockedPost) is
 * skipped, and so is a reply whose author asked not to be shown to people
 * who are not signed in (the `!no-unauthenticated` label). A post's text
 * is plain text with facets over UTF-8 byte offsets: links, mentions and
 * tags become links.
 */
import { z } from "zod";
import { SocialError, type JsonClient } from "./http.ts";
import { escapeHtml, type ReadResult, type SocialReply } from "./targets.ts";

export const DEFAULT_BLUESKY_API = "https://public.api.bsky.app";
/** How deep getPostThread goes under the shared post. */
const DEPTH = 10;
/** Labels under which media are not shown inline (https://docs.bsky.app/docs/advanced-guides/moderation). */
const SENSITIVE = new Set(["porn", "sexual", "nudity", "graphic-media", "gore"]);

const LABELS = z.array(z.object({ val: z.string() }).catch({ val: "" })).catch([]);
const FACET = z.object({
  index: z.object({ byteStart: z.number().int().nonnegative(), byteEnd: z.number().int().nonnegative() }),
  features: z.array(
    z
      .object({ $type: z.string(), uri: z.string().optional(), did: z.string().optional(), tag: z.string().optional() })
      .passthrough(),
  ),
});
const POST = z.object({
  uri: z.string().startsWith("at://"),
  author: z.object({
    did: z.string().startsWith("did:"),
    handle: z.string(),
    displayName: z.string().nullish(),
    avatar: z.string().nullish(),
    labels: LABELS,
  }),
  record: z.object({
    text: z.string(),
    createdAt: z.string().refine((value) => !Number.isNaN(Date.parse(value))),
    facets: z.array(z.unknown()).catch([]),
  }),
  embed: z.unknown().optional(),
  labels: LABELS,
});
type Post = z.infer<typeof POST>;
type Facet = z.infer<typeof FACET>;

export const DID_PATTERN = /^did:[a-z]+:[A-Za-z0-9._:%-]+$/;

/** Text with its facets as HTML: links, mentions (to the profile) and tags (to the tag's page). */
export function richTextHtml(text: string, rawFacets: unknown[]): string {
  const bytes = new TextEncoder().encode(text);
  const decode = (from: number, to: number) => new TextDecoder().decode(bytes.subarray(from, to));
  const facets = rawFacets
    .flatMap((facet) => {
      const read = FACET.safeParse(facet);
      return read.success ? [read.data] : [];
    })
    .filter(({ index }) => index.byteStart < index.byteEnd && index.byteEnd <= bytes.length)
    .sort((a, b) => a.index.byteStart - b.index.byteStart);
  let html = "";
  let at = 0;
  for (const facet of facets) {
    const { byteStart, byteEnd } = facet.index;
    if (byteStart < at) continue; // Overlapping facets: the first one wins.
    const href = facetLink(facet);
    html += escapeHtml(decode(at, byteStart));
    const label = escapeHtml(decode(byteStart, byteEnd));
    html += href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    at = byteEnd;
  }
  html += escapeHtml(decode(at, bytes.length));
  return html
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function facetLink(facet: Facet): string | undefined {
  for (const feature of facet.features) {
    switch (feature.$type) {
      case "app.bsky.richtext.facet#link":
        if (feature.uri && /^https?:\/\//i.test(feature.uri)) return feature.uri;
        break;
      case "app.bsky.richtext.facet#mention":
        if (feature.did && DID_PATTERN.test(feature.did)) return `https://bsky.app/profile/${feature.did}`;
        break;
      case "app.bsky.richtext.facet#tag":
        if (feature.tag) return `https://bsky.app/hashtag/${encodeURIComponent(feature.tag)}`;
        break;
    }
  }
  return undefined;
}

/** The images of a post's embed (alone, or beside a quoted post). */
function embedImages(embed: unknown): Array<{ url: string; alt: string }> {
  const view = embed as { $type?: string; images?: unknown; media?: unknown } | undefined;
  if (!view || typeof view !== "object") return [];
  if (view.$type === "app.bsky.embed.recordWithMedia#view") return embedImages(view.media);
  if (view.$type !== "app.bsky.embed.images#view" || !Array.isArray(view.images)) return [];
  return view.images.flatMap((image: { fullsize?: unknown; thumb?: unknown; alt?: unknown }) => {
    const url =
      typeof image?.fullsize === "string" ? image.fullsize : typeof image?.thumb === "string" ? image.thumb : undefined;
    return url ? [{ url, alt: typeof image.alt === "string" ? image.alt : "" }] : [];
  });
}

function postUrl(post: Post): string {
  const rkey = post.uri.split("/").at(-1)!;
  const actor = post.author.handle && post.author.handle !== "handle.invalid" ? post.author.handle : post.author.did;
  return `https://bsky.app/profile/${actor}/post/${rkey}`;
}

export async function readBluesky(
  client: JsonClient,
  api: string,
  actor: string,
  rkey: string,
  dids: Record<string, string>,
): Promise<ReadResult> {
  const host = new URL(api).host;
  let did = DID_PATTERN.test(actor) ? actor : dids[actor.toLowerCase()];
  if (!did) {
    const answer = await client.get(
      `${api}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(actor)}`,
    );
    const found = (answer.json as { did?: unknown } | null)?.did;
    if (answer.status === 400 || answer.status === 404)
      return { found: false, reason: `the handle ${actor} is unknown to ${host}` };
    if (answer.status >= 400 || typeof found !== "string" || !DID_PATTERN.test(found))
      throw new SocialError(`${host}'s answer to resolveHandle did not have the expected shape`);
    did = found;
    dids[actor.toLowerCase()] = found;
  }
  const uri = `at://${did}/app.bsky.feed.post/${rkey}`;
  const answer = await client.get(
    `${api}/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(uri)}&depth=${DEPTH}&parentHeight=0`,
  );
  if (answer.status === 400 && (answer.json as { error?: unknown } | null)?.error === "NotFound")
    return { found: false, reason: `the post ${uri} no longer exists` };
  if (answer.status >= 400) throw new SocialError(`${host} answered ${answer.status} for ${uri}`);
  const thread = (answer.json as { thread?: { $type?: unknown; post?: unknown; replies?: unknown } } | null)?.thread;
  if (!thread || typeof thread !== "object") throw new SocialError(`${host}'s answer had no thread`);
  if (thread.$type === "app.bsky.feed.defs#notFoundPost" || thread.$type === "app.bsky.feed.defs#blockedPost")
    return { found: false, reason: `the post ${uri} is no longer shown` };
  const root = POST.safeParse(thread.post);
  if (!root.success) throw new SocialError(`${host}'s answer did not have the shape of a ThreadViewPost`);

  const replies: SocialReply[] = [];
  const visit = (children: unknown, parent: string | null) => {
    if (!Array.isArray(children)) return;
    for (const child of children) {
      const node = child as { $type?: unknown; post?: unknown; replies?: unknown } | null;
      if (!node || node.$type !== "app.bsky.feed.defs#threadViewPost") continue; // notFoundPost, blockedPost
      const read = POST.safeParse(node.post);
      if (!read.success) continue;
      const post = read.data;
      if (post.author.labels.some((label) => label.val === "!no-unauthenticated")) continue;
      const sensitive = post.labels.some((label) => SENSITIVE.has(label.val));
      replies.push({
        id: post.uri,
        parent,
        url: postUrl(post),
        createdAt: post.record.createdAt,
        author: {
          name: post.author.displayName?.trim() || post.author.handle,
          handle: post.author.handle,
          url: `https://bsky.app/profile/${post.author.handle !== "handle.invalid" ? post.author.handle : post.author.did}`,
          avatar: post.author.avatar ?? null,
          ids: [post.author.did.toLowerCase(), post.author.handle.toLowerCase()],
        },
        html: richTextHtml(post.record.text, post.record.facets),
        warning: "",
        media: embedImages(post.embed).map((image) => ({ ...image, sensitive })),
        byPostAuthor: post.author.did === root.data.author.did,
      });
      visit(node.replies, post.uri);
    }
  };
  visit(thread.replies, null);
  return { found: true, replies };
}
