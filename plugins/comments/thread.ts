/**
 * A post's thread as readers see it: archived comments (threaded by
 * `parent`), the comments of its GitHub discussion with their replies, and
 * the replies from where the post was shared (Mastodon, Bluesky), merged in
 * date order, each under what it answers; what moderation hides left out;
 * and how many comments that makes.
 */
import { DateTime } from "luxon";
import type { ArchivedComment } from "./archived.ts";
import type { SocialThread } from "./social/targets.ts";

/** GitHub's reactions, in the order GitHub shows them. */
export const REACTIONS = [
  "THUMBS_UP",
  "THUMBS_DOWN",
  "LAUGH",
  "HOORAY",
  "CONFUSED",
  "HEART",
  "ROCKET",
  "EYES",
] as const;
export type ReactionContent = (typeof REACTIONS)[number];

/** A GitHub user as the snapshot keeps it; null for a deleted account (GitHub's « ghost »). */
export interface GitHubAuthor {
  login: string;
  url: string;
  avatarUrl: string;
}

/** A discussion comment or reply, as the snapshot keeps it (GitHub's fields, untouched). */
export interface GitHubComment {
  id: string;
  author: GitHubAuthor | null;
  createdAt: string;
  url: string;
  /** GitHub's rendered HTML: sanitized again before it reaches a page. */
  bodyHTML: string;
  deletedAt: string | null;
  isMinimized: boolean;
  upvoteCount: number;
  reactions: Array<{ content: ReactionContent; count: number }>;
  /** Replies to a top-level comment (always empty on a reply). */
  replies: GitHubComment[];
}

export interface Discussion {
  id: string;
  number: number;
  url: string;
  title: string;
  updatedAt: string;
  comments: GitHubComment[];
}

export interface ThreadComment {
  /** As written in the archive, or GitHub's node id. */
  id: string;
  source: CommentSource;
  author: {
    name: string;
    url: string | undefined;
    avatar: string | undefined;
    /** What moderation may name the author by (GitHub login, Mastodon acct, Bluesky handle or DID), lower case. */
    ids: string[];
  };
  date: DateTime;
  body: { markdown: string } | { html: string };
  /** A deleted or hidden comment stays in place, without its text, when it has replies. */
  state: "visible" | "deleted" | "minimized";
  byPostAuthor: boolean;
  reactions: Array<{ content: ReactionContent; count: number }>;
  upvotes: number;
  /** The comment where it was written (GitHub, Mastodon, Bluesky). */
  url: string | undefined;
  /** A content warning: the body stays folded under it. */
  warning: string | undefined;
  /** Images attached to a reply (Mastodon, Bluesky); sensitive ones are shown as links. */
  media: Array<{ url: string; alt: string; sensitive: boolean }>;
  /** The comment this one answers, for « en réponse à ». */
  parent: ThreadComment | undefined;
  replies: ThreadComment[];
}

export type CommentSource = "archive" | "github" | "mastodon" | "bluesky";

export interface Moderation {
  hidden: string[];
  blockedAuthors: string[];
}

export interface Thread {
  comments: ThreadComment[];
  /** Every visible comment, replies and archived ones included. */
  count: number;
  /** The discussion on GitHub, when there is one. */
  discussionUrl: string | undefined;
}

const GHOST = { name: "ghost", url: "https://github.com/ghost", avatar: undefined, ids: [] };
const NO_MODERATION: Moderation = { hidden: [], blockedAuthors: [] };

/**
 * Builds the thread; `authorLogin` is the post author's GitHub login, whose
 * comments are marked; `social`, the cached replies of each place the post
 * was shared.
 */
export function buildThread(
  archived: ArchivedComment[],
  discussion: Discussion | undefined,
  authorLogin: string | undefined,
  social: SocialThread[] = [],
  moderation: Moderation = NO_MODERATION,
): Thread {
  const merged = [
    ...threadArchive(archived),
    ...threadDiscussion(discussion, authorLogin),
    ...social.flatMap(threadSocial),
  ];
  const comments = moderate(merged, moderation);
  sortByDate(comments);
  return { comments, count: countComments(comments), discussionUrl: discussion?.url };
}

/** Oldest first at every level; the sort is stable, so equal dates keep their order. */
function sortByDate(comments: ThreadComment[]): void {
  comments.sort((a, b) => a.date.toMillis() - b.date.toMillis());
  for (const comment of comments) sortByDate(comment.replies);
}

/** Normalised for comparison: `https://a.example/x/` and `https://A.example/x` are the same comment. */
function sameAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}${parsed.search}${parsed.hash}`;
  } catch {
    return url;
  }
}

/**
 * Hidden comments and blocked authors' leave the thread and the counts; one
 * that has replies from others stays in place without its text, like a
 * comment GitHub's moderators minimized.
 */
function moderate(comments: ThreadComment[], moderation: Moderation): ThreadComment[] {
  if (moderation.hidden.length === 0 && moderation.blockedAuthors.length === 0) return comments;
  const hidden = new Set(moderation.hidden.map(sameAddress));
  const blocked = new Set(moderation.blockedAuthors.map((name) => name.toLowerCase().replace(/^@/, "")));
  const visit = (list: ThreadComment[]): ThreadComment[] =>
    list.flatMap((comment) => {
      comment.replies = visit(comment.replies);
      const out =
        (comment.url !== undefined && hidden.has(sameAddress(comment.url))) ||
        comment.author.ids.some((id) => blocked.has(id));
      if (!out) return [comment];
      if (comment.replies.length === 0) return [];
      comment.state = "minimized";
      return [comment];
    });
  return visit(comments);
}

/** A place's replies as a tree: each under the reply it answers, the others at the top. */
function threadSocial(thread: SocialThread): ThreadComment[] {
  const nodes = new Map<string, ThreadComment>();
  for (const reply of thread.replies) {
    nodes.set(reply.id, {
      id: reply.id,
      source: thread.service,
      author: {
        name: reply.author.name,
        url: reply.author.url,
        avatar: reply.author.avatar ?? undefined,
        ids: reply.author.ids,
      },
      date: DateTime.fromISO(reply.createdAt, { setZone: true }),
      body: { html: reply.html },
      state: "visible",
      byPostAuthor: reply.byPostAuthor,
      reactions: [],
      upvotes: 0,
      url: reply.url,
      warning: reply.warning || undefined,
      media: reply.media,
      parent: undefined,
      replies: [],
    });
  }
  const roots: ThreadComment[] = [];
  for (const reply of thread.replies) {
    const node = nodes.get(reply.id)!;
    const parent = reply.parent === null ? undefined : nodes.get(reply.parent);
    if (parent && parent !== node) {
      node.parent = parent;
      parent.replies.push(node);
    } else roots.push(node);
  }
  return roots;
}

/** Archived comments as a tree: each under the comment it answers, in file order. */
export function threadArchive(archived: ArchivedComment[]): ThreadComment[] {
  const nodes = new Map<string, ThreadComment>();
  for (const comment of archived) {
    nodes.set(comment.id, {
      id: comment.id,
      source: "archive",
      author: { name: comment.author.name, url: comment.author.url, avatar: undefined, ids: [] },
      date: comment.date,
      body: { markdown: comment.body },
      state: "visible",
      byPostAuthor: comment.byPostAuthor,
      reactions: [],
      upvotes: 0,
      url: undefined,
      warning: undefined,
      media: [],
      parent: undefined,
      replies: [],
    });
  }
  const roots: ThreadComment[] = [];
  for (const comment of archived) {
    const node = nodes.get(comment.id)!;
    const parent = comment.parent === undefined ? undefined : nodes.get(comment.parent);
    if (parent) {
      node.parent = parent;
      parent.replies.push(node);
    } else roots.push(node);
  }
  return roots;
}

function threadDiscussion(discussion: Discussion | undefined, authorLogin: string | undefined): ThreadComment[] {
  if (!discussion) return [];
  const login = authorLogin?.toLowerCase();
  const convert = (comment: GitHubComment, parent: ThreadComment | undefined): ThreadComment | undefined => {
    const node: ThreadComment = {
      id: comment.id,
      source: "github",
      author: comment.author
        ? {
            name: comment.author.login,
            url: comment.author.url,
            avatar: comment.author.avatarUrl,
            ids: [comment.author.login.toLowerCase()],
          }
        : GHOST,
      date: DateTime.fromISO(comment.createdAt, { setZone: true }),
      body: { html: comment.bodyHTML },
      state: comment.deletedAt ? "deleted" : comment.isMinimized ? "minimized" : "visible",
      byPostAuthor: login !== undefined && comment.author?.login.toLowerCase() === login,
      reactions: comment.reactions.filter((r) => r.count > 0),
      upvotes: comment.upvoteCount,
      url: comment.url,
      warning: undefined,
      media: [],
      parent,
      replies: [],
    };
    node.replies = comment.replies.flatMap((reply) => convert(reply, node) ?? []);
    // A deleted or hidden comment without replies has nothing left to show.
    if (node.state !== "visible" && node.replies.length === 0) return undefined;
    return node;
  };
  return discussion.comments.flatMap((comment) => convert(comment, undefined) ?? []);
}

/** Visible comments, at every depth. */
export function countComments(comments: ThreadComment[]): number {
  let count = 0;
  for (const comment of comments) {
    if (comment.state === "visible") count++;
    count += countComments(comment.replies);
  }
  return count;
}
