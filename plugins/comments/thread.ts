/**
 * A post's thread as readers see it: archived comments first (threaded by
 * `parent`), then the comments of its GitHub discussion with their replies;
 * and how many comments that makes.
 */
import { DateTime } from "luxon";
import type { ArchivedComment } from "./archived.ts";

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
  source: "archive" | "github";
  author: { name: string; url: string | undefined; avatar: string | undefined };
  date: DateTime;
  body: { markdown: string } | { html: string };
  /** A deleted or hidden comment stays in place, without its text, when it has replies. */
  state: "visible" | "deleted" | "minimized";
  byPostAuthor: boolean;
  reactions: Array<{ content: ReactionContent; count: number }>;
  upvotes: number;
  /** The comment on GitHub. */
  url: string | undefined;
  /** The comment this one answers, for « en réponse à ». */
  parent: ThreadComment | undefined;
  replies: ThreadComment[];
}

export interface Thread {
  comments: ThreadComment[];
  /** Every visible comment, replies and archived ones included. */
  count: number;
  /** The discussion on GitHub, when there is one. */
  discussionUrl: string | undefined;
}

const GHOST = { name: "ghost", url: "https://github.com/ghost", avatar: undefined };

/** Builds the thread; `authorLogin` is the post author's GitHub login, whose comments are marked. */
export function buildThread(
  archived: ArchivedComment[],
  discussion: Discussion | undefined,
  authorLogin: string | undefined,
): Thread {
  const comments = [...threadArchive(archived), ...threadDiscussion(discussion, authorLogin)];
  return { comments, count: countComments(comments), discussionUrl: discussion?.url };
}

/** Archived comments as a tree: each under the comment it answers, in file order. */
export function threadArchive(archived: ArchivedComment[]): ThreadComment[] {
  const nodes = new Map<string, ThreadComment>();
  for (const comment of archived) {
    nodes.set(comment.id, {
      id: comment.id,
      source: "archive",
      author: { name: comment.author.name, url: comment.author.url, avatar: undefined },
      date: comment.date,
      body: { markdown: comment.body },
      state: "visible",
      byPostAuthor: comment.byPostAuthor,
      reactions: [],
      upvotes: 0,
      url: undefined,
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
        ? { name: comment.author.login, url: comment.author.url, avatar: comment.author.avatarUrl }
        : GHOST,
      date: DateTime.fromISO(comment.createdAt, { setZone: true }),
      body: { html: comment.bodyHTML },
      state: comment.deletedAt ? "deleted" : comment.isMinimized ? "minimized" : "visible",
      byPostAuthor: login !== undefined && comment.author?.login.toLowerCase() === login,
      reactions: comment.reactions.filter((r) => r.count > 0),
      upvotes: comment.upvoteCount,
      url: comment.url,
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
