/**
 * Stand-ins on 127.0.0.1 for a Mastodon instance's public API and for
 * Bluesky's AppView, in their exact shapes: Mastodon's Status and Context
 * (https://docs.joinmastodon.org/entities/Status/) with its X-RateLimit-*
 * headers; Bluesky's resolveHandle and getPostThread with ThreadViewPost,
 * NotFoundPost, BlockedPost, facets and image embeds
 * (https://docs.bsky.app/docs/api/app-bsky-feed-get-post-thread). Both also
 * serve avatars (PNG made on the fly; `/broken/…` answers 404) and fail the
 * ways the services do: 5xx, a truncated body, a request never answered,
 * 429, a deleted post.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import sharp from "sharp";

export type SocialFailure = "none" | "server-error" | "malformed" | "hang" | "rate-limited" | "deleted";

interface Served {
  url: string;
  /** Every request, by path and query. */
  requests: string[];
  fail: SocialFailure;
  close(): Promise<void>;
}

/** A small PNG avatar of one colour, made from the name. */
export async function avatarPng(name: string): Promise<Buffer> {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return sharp({
    create: {
      width: 96,
      height: 96,
      channels: 3,
      background: { r: hash & 255, g: (hash >> 8) & 255, b: (hash >> 16) & 255 },
    },
  })
    .png()
    .toBuffer();
}

async function serve(
  handle: (url: URL, response: ServerResponse, state: Served) => Promise<void> | void,
): Promise<Served> {
  const sockets = new Set<Socket>();
  const state: Served = { url: "", requests: [], fail: "none", close: async () => {} };
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    state.requests.push(url.pathname + url.search);
    if (url.pathname.startsWith("/avatars/") || url.pathname.startsWith("/media/")) {
      void avatarPng(url.pathname).then((png) => {
        response.writeHead(200, { "Content-Type": "image/png", "Content-Length": png.length });
        response.end(png);
      });
      return;
    }
    if (url.pathname.startsWith("/broken/")) {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("Not Found");
      return;
    }
    switch (state.fail) {
      case "hang":
        return;
      case "server-error":
        response.writeHead(503, { "Content-Type": "text/html" });
        return void response.end("<html><body><h1>503 Service Unavailable</h1></body></html>");
      case "malformed":
        response.writeHead(200, { "Content-Type": "application/json" });
        return void response.end('{"id": "1", "descendants": [');
      default:
        break; // The other failures are answered by each route.
    }
    void handle(url, response, state);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return state;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(body));
}

// ---------------------------------------------------------------- Mastodon

export interface FakeStatus {
  id: string;
  /** `user` (on this instance) or `user@elsewhere`. */
  acct: string;
  displayName?: string;
  /** HTML, as Mastodon gives it. */
  content: string;
  createdAt: string;
  inReplyTo?: string | null;
  visibility?: "public" | "unlisted" | "private" | "direct";
  spoiler?: string;
  sensitive?: boolean;
  images?: Array<{ description: string | null }>;
  /** The avatar answers 404. */
  brokenAvatar?: boolean;
}

export interface MastodonStandIn extends Served {
  statuses: FakeStatus[];
  rateLimitRemaining: number;
  /** The public address of a status, as a post's `syndication` lists it. */
  statusUrl(status: FakeStatus): string;
}

export async function startMastodonStandIn(options: { statuses: FakeStatus[] }): Promise<MastodonStandIn> {
  const extra = { statuses: options.statuses, rateLimitRemaining: 300 };
  const served = await serve((url, response, state) => {
    const origin = state.url;
    const limits = () => {
      extra.rateLimitRemaining = Math.max(0, extra.rateLimitRemaining - 1);
      return {
        "X-RateLimit-Limit": "300",
        "X-RateLimit-Remaining": String(extra.rateLimitRemaining),
        "X-RateLimit-Reset": new Date(Date.now() + 300_000).toISOString(),
      };
    };
    if (state.fail === "rate-limited")
      return json(response, 429, { error: "Too many requests" }, { ...limits(), "X-RateLimit-Remaining": "0" });
    const match = /^\/api\/v1\/statuses\/([^/]+)(\/context)?$/.exec(url.pathname);
    const status = match && state.fail !== "deleted" ? extra.statuses.find((s) => s.id === match[1]) : undefined;
    if (!match || !status) return json(response, 404, { error: "Record not found" }, limits());
    const entity = (s: FakeStatus) => {
      const [username, domain] = s.acct.split("@") as [string, string | undefined];
      const host = domain ?? new URL(origin).host;
      const accountUrl = domain ? `https://${domain}/@${username}` : `${origin}/@${username}`;
      return {
        id: s.id,
        created_at: s.createdAt,
        in_reply_to_id: s.inReplyTo ?? null,
        in_reply_to_account_id: s.inReplyTo ? "1" : null,
        sensitive: s.sensitive ?? false,
        spoiler_text: s.spoiler ?? "",
        visibility: s.visibility ?? "public",
        language: "fr",
        uri: `${origin}/users/${username}/statuses/${s.id}`,
        url: `${origin}/@${s.acct}/${s.id}`,
        replies_count: extra.statuses.filter((r) => r.inReplyTo === s.id).length,
        reblogs_count: 0,
        favourites_count: 0,
        edited_at: null,
        content: s.content,
        reblog: null,
        application: null,
        account: {
          id: String(username.length),
          username,
          acct: s.acct,
          display_name: s.displayName ?? "",
          locked: false,
          bot: false,
          created_at: "2022-11-01T00:00:00.000Z",
          note: "",
          url: accountUrl,
          avatar: `${origin}/${s.brokenAvatar ? "broken" : "avatars"}/${username}.png`,
          avatar_static: `${origin}/${s.brokenAvatar ? "broken" : "avatars"}/${username}.png`,
          header: `${origin}/headers/original/missing.png`,
          followers_count: 1,
          following_count: 1,
          statuses_count: 1,
          emojis: [],
          fields: [],
          host,
        },
        media_attachments: (s.images ?? []).map((image, index) => ({
          id: `${s.id}${index}`,
          type: "image",
          url: `${origin}/media/${s.id}-${index}.png`,
          preview_url: `${origin}/media/${s.id}-${index}-small.png`,
          remote_url: null,
          description: image.description,
          blurhash: "UeKUpFxuo~R%0nW;WCnhF6RjaJt757oJodS$",
        })),
        mentions: [],
        tags: [],
        emojis: [],
        card: null,
        poll: null,
      };
    };
    if (!match[2]) return json(response, 200, entity(status), limits());
    const descendants: FakeStatus[] = [];
    const walk = (id: string) => {
      for (const reply of extra.statuses.filter((s) => s.inReplyTo === id)) {
        // Mastodon shows no one else's private or direct replies without a token.
        if (reply.visibility !== "private" && reply.visibility !== "direct") descendants.push(reply);
        walk(reply.id);
      }
    };
    walk(status.id);
    return json(response, 200, { ancestors: [], descendants: descendants.map(entity) }, limits());
  });
  // `statuses` and `rateLimitRemaining` are added just below, as live properties.
  const self = Object.assign(served, extra, {
    statusUrl: (status: FakeStatus) => `${served.url}/@${status.acct}/${status.id}`,
  });
  Object.defineProperty(self, "statuses", { get: () => extra.statuses });
  Object.defineProperty(self, "rateLimitRemaining", {
    get: () => extra.rateLimitRemaining,
    set: (value: number) => (extra.rateLimitRemaining = value),
  });
  return self;
}

// ---------------------------------------------------------------- Bluesky

export interface FakePost {
  rkey: string;
  handle: string;
  displayName?: string;
  text: string;
  facets?: unknown[];
  createdAt: string;
  /** rkey of the post this one answers (with its author's handle). */
  parent?: { handle: string; rkey: string };
  /** A reply since deleted, or one hidden by a block. */
  kind?: "post" | "notFound" | "blocked";
  labels?: string[];
  authorLabels?: string[];
  images?: Array<{ alt: string }>;
  brokenAvatar?: boolean;
}

export interface BlueskyStandIn extends Served {
  posts: FakePost[];
  didOf(handle: string): string;
  /** The post's address on bsky.app, as a post's `syndication` lists it. */
  postUrl(post: FakePost): string;
}

export async function startBlueskyStandIn(options: { posts: FakePost[] }): Promise<BlueskyStandIn> {
  const posts = options.posts;
  const didOf = (handle: string) => `did:plc:${Buffer.from(handle).toString("hex").slice(0, 24)}`;
  const uriOf = (post: FakePost) => `at://${didOf(post.handle)}/app.bsky.feed.post/${post.rkey}`;
  const served = await serve((url, response, state) => {
    const origin = state.url;
    if (state.fail === "rate-limited")
      return json(response, 429, { error: "RateLimitExceeded", message: "Rate Limit Exceeded" });
    if (url.pathname === "/xrpc/com.atproto.identity.resolveHandle") {
      const handle = url.searchParams.get("handle") ?? "";
      if (!posts.some((p) => p.handle === handle))
        return json(response, 400, { error: "InvalidRequest", message: "Unable to resolve handle" });
      return json(response, 200, { did: didOf(handle) });
    }
    if (url.pathname !== "/xrpc/app.bsky.feed.getPostThread")
      return json(response, 501, { error: "MethodNotImplemented", message: "Method Not Implemented" });
    const uri = url.searchParams.get("uri") ?? "";
    const root = state.fail === "deleted" ? undefined : posts.find((p) => uriOf(p) === uri && !p.parent);
    if (!root) return json(response, 400, { error: "NotFound", message: `Post not found: ${uri}` });
    const depth = Number(url.searchParams.get("depth") ?? 6);
    const view = (post: FakePost) => ({
      uri: uriOf(post),
      cid: `bafyrei${post.rkey}`,
      author: {
        did: didOf(post.handle),
        handle: post.handle,
        displayName: post.displayName,
        avatar: `${origin}/${post.brokenAvatar ? "broken" : "avatars"}/${post.handle}.jpg`,
        labels: (post.authorLabels ?? []).map((val) => ({
          src: didOf(post.handle),
          uri: `at://${didOf(post.handle)}/app.bsky.actor.profile/self`,
          val,
          cts: post.createdAt,
        })),
        createdAt: "2023-04-01T00:00:00.000Z",
      },
      record: {
        $type: "app.bsky.feed.post",
        text: post.text,
        facets: post.facets,
        createdAt: post.createdAt,
        langs: ["fr"],
        ...(post.parent
          ? {
              reply: {
                root: { uri: uriOf(root), cid: `bafyrei${root.rkey}` },
                parent: {
                  uri: `at://${didOf(post.parent.handle)}/app.bsky.feed.post/${post.parent.rkey}`,
                  cid: "bafyrei",
                },
              },
            }
          : {}),
      },
      ...(post.images
        ? {
            embed: {
              $type: "app.bsky.embed.images#view",
              images: post.images.map((image, index) => ({
                thumb: `${origin}/media/${post.rkey}-${index}-thumb.jpg`,
                fullsize: `${origin}/media/${post.rkey}-${index}.jpg`,
                alt: image.alt,
                aspectRatio: { width: 96, height: 96 },
              })),
            },
          }
        : {}),
      replyCount: posts.filter((p) => p.parent?.rkey === post.rkey).length,
      repostCount: 0,
      likeCount: 0,
      quoteCount: 0,
      indexedAt: post.createdAt,
      labels: (post.labels ?? []).map((val) => ({
        src: didOf(post.handle),
        uri: uriOf(post),
        val,
        cts: post.createdAt,
      })),
    });
    const node = (post: FakePost, level: number): unknown => {
      if (post.kind === "notFound")
        return { $type: "app.bsky.feed.defs#notFoundPost", uri: uriOf(post), notFound: true };
      if (post.kind === "blocked")
        return {
          $type: "app.bsky.feed.defs#blockedPost",
          uri: uriOf(post),
          blocked: true,
          author: { did: didOf(post.handle), viewer: { blockedBy: true } },
        };
      const children = posts.filter((p) => p.parent?.rkey === post.rkey && p.parent.handle === post.handle);
      return {
        $type: "app.bsky.feed.defs#threadViewPost",
        post: view(post),
        ...(level < depth ? { replies: children.map((child) => node(child, level + 1)) } : {}),
      };
    };
    return json(response, 200, { thread: node(root, 0) }, { "RateLimit-Limit": "3000", "RateLimit-Remaining": "2999" });
  });
  return Object.assign(served, {
    posts,
    didOf,
    postUrl: (post: FakePost) => `https://bsky.app/profile/${post.handle}/post/${post.rkey}`,
  });
}
