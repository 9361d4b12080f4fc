/**
 * Replies to a Mastodon status, read from the instance that holds it
 * through its public API, without a token
 * (https://docs.joinmastodon.org/methods/statuses/):
 * `GET /api/v1/statuses/:id` (the status itself: its author, and whether it
 * has replies at all), then `GET /api/v1/statuses/:id/context` (its
 * descendants) only when it has.
 *
 * Only public and unlisted replies are kept (an instance shows nothing else
 * without a token; a private one that slipped through is dropped); each
 * answer is read entry by entry, so one malformed status costs only itself.
 */
import { z } from "zod";
import { SocialError, type JsonClient } from "./http.ts";
import type { ReadResult, SocialReply } from "./targets.ts";

const ACCOUNT = z.object({
  id: z.string(),
  acct: z.string(),
  username: z.string(),
  display_name: z.string().catch(""),
  url: z.string(),
  avatar_static: z.string().nullish(),
  avatar: z.string().nullish(),
});
const ATTACHMENT = z.object({
  type: z.string(),
  url: z.string().nullish(),
  description: z.string().nullish(),
});
const STATUS = z.object({
  id: z.string(),
  uri: z.string(),
  url: z.string().nullish(),
  in_reply_to_id: z.string().nullish(),
  created_at: z.string().refine((value) => !Number.isNaN(Date.parse(value))),
  visibility: z.string(),
  sensitive: z.boolean().catch(false),
  spoiler_text: z.string().catch(""),
  content: z.string(),
  replies_count: z.number().catch(1),
  account: ACCOUNT,
  media_attachments: z.array(z.unknown()).catch([]),
});
type Status = z.infer<typeof STATUS>;

const PUBLIC = new Set(["public", "unlisted"]);

/** `user` on its own instance, `user@instance` always. */
function fullAcct(acct: string, origin: string): string {
  return (acct.includes("@") ? acct : `${acct}@${new URL(origin).hostname}`).toLowerCase();
}

export async function readMastodon(client: JsonClient, origin: string, id: string): Promise<ReadResult> {
  const host = new URL(origin).host;
  const status = await client.get(`${origin}/api/v1/statuses/${encodeURIComponent(id)}`);
  if (status.status === 404 || status.status === 410)
    return { found: false, reason: `the status ${origin}/…/${id} no longer exists (${status.status})` };
  if (status.status >= 400) throw new SocialError(`${host} answered ${status.status} for the status ${id}`);
  const root = STATUS.safeParse(status.json);
  if (!root.success) throw new SocialError(`${host}'s answer did not have the shape of a Mastodon status`);
  if (root.data.replies_count === 0) return { found: true, replies: [] };

  const context = await client.get(`${origin}/api/v1/statuses/${encodeURIComponent(id)}/context`);
  if (context.status === 404 || context.status === 410)
    return { found: false, reason: `the status ${origin}/…/${id} no longer exists (${context.status})` };
  if (context.status >= 400) throw new SocialError(`${host} answered ${context.status} for the replies to ${id}`);
  const descendants = (context.json as { descendants?: unknown } | null)?.descendants;
  if (!Array.isArray(descendants))
    throw new SocialError(`${host}'s answer did not have the shape of a Mastodon context`);

  const author = fullAcct(root.data.account.acct, origin);
  const statuses = descendants.flatMap((entry) => {
    const read = STATUS.safeParse(entry);
    return read.success && PUBLIC.has(read.data.visibility) ? [read.data] : [];
  });
  const kept = new Set(statuses.map((s) => s.id));
  // A reply's parent is the shared status (a direct answer), another kept reply, or one not shown (then it
  // stands on its own).
  return {
    found: true,
    replies: statuses.map((s) =>
      reply(s, origin, author, s.in_reply_to_id && kept.has(s.in_reply_to_id) ? s.in_reply_to_id : null),
    ),
  };
}

function reply(status: Status, origin: string, postAuthor: string, parentId: string | null): SocialReply {
  const acct = fullAcct(status.account.acct, origin);
  const media = status.media_attachments.flatMap((entry) => {
    const read = ATTACHMENT.safeParse(entry);
    if (!read.success || read.data.type !== "image" || !read.data.url) return [];
    return [{ url: read.data.url, alt: read.data.description ?? "", sensitive: status.sensitive }];
  });
  return {
    id: `mastodon:${origin}/${status.id}`,
    parent: parentId === null ? null : `mastodon:${origin}/${parentId}`,
    url: status.url ?? status.uri,
    createdAt: status.created_at,
    author: {
      name: status.account.display_name.trim() || status.account.username,
      handle: acct,
      url: status.account.url,
      avatar: status.account.avatar_static ?? status.account.avatar ?? null,
      ids: [acct],
    },
    html: status.content,
    warning: status.spoiler_text.trim(),
    media,
    byPostAuthor: acct === postAuthor,
  };
}
