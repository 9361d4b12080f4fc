/**
 * WordPress comments to archived comments, in the format shared with the
 * comments plugin: a YAML list beside the post (`mon-billet.comments.yaml`),
 * oldest first, each with `id`, `author` (`name`, `url`), `date`, `body`
 * (Markdown), `parent` and `byPostAuthor`. Nothing else: a commenter's
 * e-mail and IP address are not even read from the export.
 *
 * Only approved comments are kept; spam, trash, pending ones and (unless
 * asked) pingbacks and trackbacks are counted, not written. A reply whose
 * parent is not kept answers the nearest kept comment above it, or the post.
 * A comment is the post author's when it was written by their WordPress
 * account (WordPress's own `bypostauthor` rule).
 */
import yaml from "js-yaml";
import { wpDate } from "./dates.ts";
import type { WxrComment } from "./model.ts";

export interface ArchivedComment {
  id: string;
  author: { name: string; url?: string };
  date: string;
  body: string;
  parent?: string;
  byPostAuthor?: true;
}

export interface CommentCounts {
  archived: number;
  spam: number;
  pending: number;
  trash: number;
  pings: number;
  /** Approved comments left out because their text or date could not be read. */
  unreadable: number;
  /** Replies whose parent was left out, attached to the nearest kept comment. */
  reattached: number;
}

export function emptyCounts(): CommentCounts {
  return { archived: 0, spam: 0, pending: 0, trash: 0, pings: 0, unreadable: 0, reattached: 0 };
}

export function addCounts(total: CommentCounts, more: CommentCounts): void {
  for (const key of Object.keys(total) as Array<keyof CommentCounts>) total[key] += more[key];
}

export interface ArchiveOptions {
  withPings: boolean;
  /** WordPress user id of the post's author. */
  postAuthorUserId?: string;
  /** Comment HTML (WordPress paragraphs already added) to Markdown. */
  toMarkdown: (html: string) => string;
  /** Name for a comment without one. */
  anonymous: string;
}

const PINGS = new Set(["pingback", "trackback", "pings", "webmention"]);

/** What becomes of a comment: kept, or the reason it is left out. */
export function commentFate(comment: WxrComment, withPings: boolean): "kept" | "spam" | "pending" | "trash" | "pings" {
  if (comment.approved === "spam") return "spam";
  if (comment.approved === "trash" || comment.approved === "post-trashed") return "trash";
  if (comment.approved !== "1") return "pending";
  if (PINGS.has(comment.type) && !withPings) return "pings";
  return "kept";
}

/** The commenter's site, when it is a web address (http or https). */
function authorUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url)) return undefined;
  try {
    new URL(url);
    return url;
  } catch {
    return undefined;
  }
}

export function archiveComments(
  comments: WxrComment[],
  options: ArchiveOptions,
): { entries: ArchivedComment[]; counts: CommentCounts } {
  const counts = emptyCounts();
  const parentOf = new Map(comments.map((c) => [c.id, c.parent]));
  const readable: Array<{ comment: WxrComment; date: string; body: string; sortKey: string }> = [];

  for (const comment of comments) {
    const fate = commentFate(comment, options.withPings);
    if (fate !== "kept") {
      counts[fate]++;
      continue;
    }
    const date = wpDate(comment.date, comment.dateGmt);
    const body = options.toMarkdown(comment.content).trim();
    if (!date || !body || !comment.id) {
      counts.unreadable++;
      continue;
    }
    const gmtKnown = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(comment.dateGmt) && !comment.dateGmt.startsWith("0000");
    readable.push({ comment, date, body, sortKey: gmtKnown ? comment.dateGmt : comment.date });
  }

  const keptIds = new Set(readable.map((r) => r.comment.id));
  /** The nearest kept comment above `id`, walking up the thread. */
  const keptParent = (id: string): string | undefined => {
    let parent = parentOf.get(id) ?? "0";
    const seen = new Set([id]);
    while (parent !== "0" && parent !== "" && !keptIds.has(parent) && !seen.has(parent)) {
      seen.add(parent);
      parent = parentOf.get(parent) ?? "0";
    }
    return keptIds.has(parent) && !seen.has(parent) ? parent : undefined;
  };

  readable.sort((a, b) =>
    a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : (Number(a.comment.id) || 0) - (Number(b.comment.id) || 0),
  );
  const built = readable.map(({ comment, date, body }) => {
    const url = authorUrl(comment.authorUrl);
    const parent = keptParent(comment.id);
    if (comment.parent !== "0" && comment.parent !== "" && parent !== comment.parent) counts.reattached++;
    const entry: ArchivedComment = {
      id: `wp-${comment.id}`,
      author: { name: comment.author.trim() || options.anonymous, ...(url ? { url } : {}) },
      date,
      body,
      ...(parent ? { parent: `wp-${parent}` } : {}),
    };
    if (options.postAuthorUserId && comment.userId !== "0" && comment.userId === options.postAuthorUserId) {
      entry.byPostAuthor = true;
    }
    return entry;
  });

  // A reply never comes before the comment it answers, even when clocks disagree.
  const entries: ArchivedComment[] = [];
  const placed = new Set<string>();
  const waiting = new Map<string, ArchivedComment[]>();
  const place = (entry: ArchivedComment) => {
    entries.push(entry);
    placed.add(entry.id);
    for (const child of waiting.get(entry.id) ?? []) place(child);
    waiting.delete(entry.id);
  };
  for (const entry of built) {
    if (entry.parent && !placed.has(entry.parent))
      waiting.set(entry.parent, [...(waiting.get(entry.parent) ?? []), entry]);
    else place(entry);
  }
  counts.archived = entries.length;
  return { entries, counts };
}

/** The archived-comments file's text. */
export function commentsYaml(entries: ArchivedComment[]): string {
  return yaml.dump(entries, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' });
}
