/**
 * The build-time snapshot of the comment threads, kept on disk under
 * `.cache/comments/` and brought up to date from GitHub's GraphQL API when
 * a token is given.
 *
 * First build (or once a week, to catch deletions): every post's
 * discussion is looked up the way giscus finds it (a search by the SHA-1 of
 * its term, or by a pinned number), 20 posts per request, then the threads
 * found are fetched, 10 per request. Later builds list the category's
 * discussions by last update, newest first, stop at the previous snapshot's
 * high-water mark, and fetch only those; posts new since then are looked up.
 *
 * Whatever goes wrong, the build goes on with the last snapshot, and the
 * caller prints the one warning this returns.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Messages } from "../i18n/index.ts";
import {
  CATEGORIES,
  DISCUSSION_SUMMARY,
  DISCUSSIONS_BY_ID,
  GitHubError,
  type GraphQLClient,
  MORE_COMMENTS,
  MORE_REPLIES,
  RATE_LIMIT,
  readComment,
  readDiscussion,
  readObject,
  readPage,
  readString,
  readSummary,
  UPDATED_DISCUSSIONS,
  type Page,
} from "./github.ts";
import { keysOfDiscussion, searchQuery, type DiscussionLookup } from "./term.ts";
import { REACTIONS, type Discussion, type GitHubComment } from "./thread.ts";

export const SNAPSHOT_VERSION = 1;
/** Everything is fetched afresh after this long, so that deleted discussions and comments go. */
export const FULL_REFRESH_MS = 7 * 24 * 3600 * 1000;
export const LOOKUPS_PER_REQUEST = 20;
export const DISCUSSIONS_PER_REQUEST = 10;
const LISTING_PAGE = 50;

export interface SnapshotSource {
  endpoint: string;
  repo: string;
  category: string | undefined;
  strict: boolean;
}

export interface Snapshot {
  version: number;
  source: SnapshotSource;
  categoryId: string | null;
  /** The newest `updatedAt` seen among the category's discussions. */
  highWaterMark: string | null;
  /** When everything was last fetched afresh. */
  fullAt: string | null;
  /** When the snapshot was last brought up to date. */
  takenAt: string | null;
  /** Discussion id by look-up key (`sha1:…`, `title:…`, `number:…`); null when GitHub has none yet. */
  lookups: Record<string, string | null>;
  discussions: Record<string, Discussion>;
}

export function emptySnapshot(source: SnapshotSource): Snapshot {
  return {
    version: SNAPSHOT_VERSION,
    source,
    categoryId: null,
    highWaterMark: null,
    fullAt: null,
    takenAt: null,
    lookups: {},
    discussions: {},
  };
}

export function sameSource(a: SnapshotSource, b: SnapshotSource): boolean {
  // The endpoint is left out: the same repository through a proxy is the same snapshot.
  return (
    a.repo.toLowerCase() === b.repo.toLowerCase() && (a.category ?? "") === (b.category ?? "") && a.strict === b.strict
  );
}

// ---------------------------------------------------------------- the file

export const SNAPSHOT_FILE = "snapshot.json";

const AUTHOR = z.object({ login: z.string(), url: z.string(), avatarUrl: z.string() }).nullable();
const REACTION = z.object({ content: z.enum(REACTIONS), count: z.number().int().nonnegative() });
const COMMENT_FIELDS = {
  id: z.string(),
  author: AUTHOR,
  createdAt: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "a date"),
  url: z.string(),
  bodyHTML: z.string(),
  deletedAt: z.string().nullable(),
  isMinimized: z.boolean(),
  upvoteCount: z.number(),
  reactions: z.array(REACTION),
};
const REPLY = z.object({ ...COMMENT_FIELDS, replies: z.array(z.never()).default([]) });
const COMMENT = z.object({ ...COMMENT_FIELDS, replies: z.array(REPLY) });
/** One discussion as the snapshot keeps it: checked on its own, so that one bad entry costs only itself. */
export const DISCUSSION_SCHEMA = z.object({
  id: z.string(),
  number: z.number().int().positive(),
  url: z.string(),
  title: z.string(),
  updatedAt: z.string(),
  comments: z.array(COMMENT),
});
const HEAD = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  source: z.object({
    endpoint: z.string(),
    repo: z.string(),
    category: z.string().optional(),
    strict: z.boolean(),
  }),
  categoryId: z.string().nullable(),
  highWaterMark: z.string().nullable(),
  fullAt: z.string().nullable(),
  takenAt: z.string().nullable(),
  lookups: z.record(z.string(), z.unknown()),
  discussions: z.record(z.string(), z.unknown()),
});

export type SnapshotRead =
  | { state: "none" }
  | { state: "read"; snapshot: Snapshot; problem: string | undefined }
  | { state: "damaged"; problem: string };

/** Where zod found a problem, as `discussions.D1.comments[0].url: expected a string`. */
function firstIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0]!;
  const where = issue.path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${String(key)}`),
    prefix,
  );
  return `${where}: ${issue.message}`;
}

/**
 * The snapshot on disk, read through a schema entry by entry: a discussion
 * or a look-up that does not have the expected shape is dropped (and the
 * post it belongs to is looked up again at the next refresh); a file that
 * cannot be read at all is `damaged`, never taken for « no snapshot ».
 * Each kind of problem is said in one sentence naming the file.
 */
export async function readSnapshot(dir: string, m: Messages): Promise<SnapshotRead> {
  const t = m.t.build;
  const file = path.join(dir, SNAPSHOT_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "none" };
    return {
      state: "damaged",
      problem: m.format(t.cacheUnreadable, { file, code: String((error as NodeJS.ErrnoException).code) }),
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { state: "damaged", problem: m.format(t.cacheNotJson, { file, bytes: text.length }) };
  }
  const head = HEAD.safeParse(data);
  if (!head.success) {
    return { state: "damaged", problem: m.format(t.cacheDamaged, { file, issue: firstIssue(head.error, "snapshot") }) };
  }
  const dropped: string[] = [];
  const discussions: Record<string, Discussion> = {};
  for (const [id, entry] of Object.entries(head.data.discussions)) {
    const read = DISCUSSION_SCHEMA.safeParse(entry);
    if (read.success && read.data.id === id) discussions[id] = read.data;
    else
      dropped.push(
        read.success ? `discussions.${id}: found the id ${read.data.id}` : firstIssue(read.error, `discussions.${id}`),
      );
  }
  const lookups: Record<string, string | null> = {};
  for (const [key, id] of Object.entries(head.data.lookups)) {
    // A look-up that leads to a dropped discussion is forgotten, so that the discussion is fetched again.
    if (id === null || (typeof id === "string" && discussions[id])) lookups[key] = id;
    else if (typeof id !== "string") dropped.push(`lookups.${key}: found ${typeof id}, expected an id or null`);
  }
  const snapshot: Snapshot = {
    ...head.data,
    source: { ...head.data.source, category: head.data.source.category },
    lookups,
    discussions,
  };
  // A snapshot that lost entries is brought up to date in full, so the dropped threads come back.
  if (dropped.length > 0) snapshot.fullAt = null;
  return {
    state: "read",
    snapshot,
    problem:
      dropped.length === 0
        ? undefined
        : m.plural(t.snapshotEntries, dropped.length, {
            file,
            entries: [...dropped.slice(0, 3), ...(dropped.length > 3 ? ["…"] : [])].join(t.separator),
          }),
  };
}

/** Written beside, then renamed: a build stopped halfway never leaves half a file. */
export async function writeSnapshot(dir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, SNAPSHOT_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(snapshot));
  await rename(temporary, file);
}

// ---------------------------------------------------------------- bringing it up to date

export interface RefreshResult {
  snapshot: Snapshot;
  /** Set when GitHub could not be asked: the snapshot is then the previous one. */
  failure: string | undefined;
  /** Whether anything changed (the file needs writing). */
  changed: boolean;
}

/**
 * Brings `previous` up to date for `lookups` (the posts being built). Never
 * throws for GitHub's sake: on failure, returns `previous` untouched with
 * the reason.
 */
export async function refreshSnapshot(options: {
  previous: Snapshot | undefined;
  source: SnapshotSource;
  categoryId: string | undefined;
  lookups: DiscussionLookup[];
  client: GraphQLClient;
  now: Date;
}): Promise<RefreshResult> {
  const { source, now } = options;
  const usable = options.previous && sameSource(options.previous.source, source) ? options.previous : undefined;
  const full = !usable?.fullAt || now.valueOf() - Date.parse(usable.fullAt) > FULL_REFRESH_MS;
  const next: Snapshot = full
    ? { ...emptySnapshot(source), categoryId: usable?.categoryId ?? null }
    : structuredClone(usable);
  try {
    await update(next, { ...options, full });
    next.takenAt = now.toISOString();
    if (full) next.fullAt = now.toISOString();
    prune(next);
    return { snapshot: next, failure: undefined, changed: true };
  } catch (error) {
    if (error instanceof GitHubError) {
      return { snapshot: usable ?? emptySnapshot(source), failure: error.message, changed: false };
    }
    throw error;
  }
}

async function update(
  snapshot: Snapshot,
  options: {
    source: SnapshotSource;
    categoryId: string | undefined;
    lookups: DiscussionLookup[];
    client: GraphQLClient;
    full: boolean;
  },
): Promise<void> {
  const { source, client, lookups, full } = options;
  const [owner, name] = source.repo.split("/") as [string, string];
  const toFetch = new Set<string>();

  // 1. The category's id, to list its discussions.
  let categoryId: string | null = options.categoryId ?? snapshot.categoryId;
  if (!categoryId && source.category) {
    const data = await client.query<unknown>(CATEGORIES, { owner, name });
    const repository = readObject(data, "answer").repository;
    if (repository === null)
      throw new GitHubError(`the repository ${source.repo} does not exist, or the token cannot see it`);
    const categories = readObject(readObject(repository, "repository").discussionCategories, "categories").nodes;
    if (!Array.isArray(categories))
      throw new GitHubError("GitHub's answer did not have the expected shape (categories)");
    const found = categories.find((c) => readObject(c, "category").name === source.category) as
      { id: string } | undefined;
    if (!found) throw new GitHubError(`the repository ${source.repo} has no discussion category "${source.category}"`);
    categoryId = readString(found.id, "category id");
  }
  snapshot.categoryId = categoryId;

  // 2. What changed since the high-water mark (on a full refresh: only the newest date, to set the mark).
  const wanted = new Map(lookups.map((lookup) => [lookup.key, lookup]));
  const mark = full ? null : snapshot.highWaterMark;
  let newest = snapshot.highWaterMark;
  let after: string | null = null;
  listing: for (;;) {
    const data: unknown = await client.query<unknown>(UPDATED_DISCUSSIONS, {
      owner,
      name,
      categoryId,
      first: full ? 1 : LISTING_PAGE,
      after,
    });
    const repository: unknown = readObject(data, "answer").repository;
    if (repository === null)
      throw new GitHubError(`the repository ${source.repo} does not exist, or the token cannot see it`);
    const page: Page<{ id: string; number: number; title: string; body: string; updatedAt: string }> = readPage(
      readObject(repository, "repository").discussions,
      "discussions",
      (node) => {
        const d = readObject(node, "discussion");
        return {
          id: readString(d.id, "discussion id"),
          number: d.number as number,
          title: readString(d.title, "discussion title"),
          body: typeof d.body === "string" ? d.body : "",
          updatedAt: readString(d.updatedAt, "discussion updatedAt"),
        };
      },
    );
    for (const discussion of page.nodes) {
      if (!newest || discussion.updatedAt > newest) newest = discussion.updatedAt;
      if (full) break listing;
      if (mark && discussion.updatedAt <= mark) break listing;
      if (snapshot.discussions[discussion.id]) {
        toFetch.add(discussion.id);
        continue;
      }
      // A discussion the snapshot does not know: is it the thread of a post being built?
      for (const key of keysOfDiscussion(discussion)) {
        if (wanted.has(key) && !snapshot.lookups[key]) {
          snapshot.lookups[key] = discussion.id;
          toFetch.add(discussion.id);
        }
      }
    }
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
  }

  // 3. Posts the snapshot has never looked up (all of them on a full refresh), as giscus would.
  const unknown = [...wanted.values()].filter((lookup) => !(lookup.key in snapshot.lookups));
  for (let i = 0; i < unknown.length; i += LOOKUPS_PER_REQUEST) {
    const batch = unknown.slice(i, i + LOOKUPS_PER_REQUEST);
    // GraphQL refuses declared variables that no field uses: the repository's only when a number is pinned.
    const pinned = batch.some((lookup) => lookup.kind === "number");
    const variables: Record<string, unknown> = pinned ? { owner, name } : {};
    const declarations = pinned ? ["$owner: String!", "$name: String!"] : [];
    const fields = batch.map((lookup, index) => {
      if (lookup.kind === "number") {
        variables[`n${index}`] = lookup.number;
        declarations.push(`$n${index}: Int!`);
        return `l${index}: repository(owner: $owner, name: $name) { discussion(number: $n${index}) { ${DISCUSSION_SUMMARY} } }`;
      }
      variables[`q${index}`] = searchQuery(source.repo, source.category, lookup.term, lookup.strict);
      declarations.push(`$q${index}: String!`);
      return `l${index}: search(type: DISCUSSION, last: 1, query: $q${index}) { discussionCount nodes { ... on Discussion { ${DISCUSSION_SUMMARY} } } }`;
    });
    const data = readObject(
      await client.query<unknown>(`query(${declarations.join(", ")}) { ${fields.join(" ")} ${RATE_LIMIT} }`, variables),
      "answer",
    );
    batch.forEach((lookup, index) => {
      const answer = data[`l${index}`];
      let found: ReturnType<typeof readSummary>;
      if (lookup.kind === "number") {
        found = answer === null ? null : readSummary(readObject(answer, "repository").discussion);
      } else {
        const search = readObject(answer, "search");
        const nodes = search.nodes;
        if (!Array.isArray(nodes))
          throw new GitHubError("GitHub's answer did not have the expected shape (search nodes)");
        found = typeof search.discussionCount === "number" && search.discussionCount > 0 ? readSummary(nodes[0]) : null;
      }
      snapshot.lookups[lookup.key] = found?.id ?? null;
      if (found && snapshot.discussions[found.id]?.updatedAt !== found.updatedAt) toFetch.add(found.id);
    });
  }

  // 4. The threads themselves, then whatever did not fit in their first page.
  const ids = [...toFetch];
  for (let i = 0; i < ids.length; i += DISCUSSIONS_PER_REQUEST) {
    const data = readObject(
      await client.query<unknown>(DISCUSSIONS_BY_ID, { ids: ids.slice(i, i + DISCUSSIONS_PER_REQUEST) }),
      "answer",
    );
    if (!Array.isArray(data.nodes)) throw new GitHubError("GitHub's answer did not have the expected shape (nodes)");
    for (const node of data.nodes) {
      if (node === null) continue; // Deleted since it was listed.
      const { discussion, comments } = readDiscussion(node);
      discussion.comments = await completeComments(client, discussion.id, comments);
      snapshot.discussions[discussion.id] = discussion;
    }
  }
  if (newest) snapshot.highWaterMark = newest;
}

type PagedComment = GitHubComment & { repliesPage?: Page<GitHubComment> };

/** All of a discussion's comments and replies, following GitHub's pages. */
async function completeComments(
  client: GraphQLClient,
  id: string,
  first: Page<PagedComment>,
): Promise<GitHubComment[]> {
  const all: PagedComment[] = [...first.nodes];
  let page = first;
  while (page.hasNextPage && page.endCursor) {
    const data = readObject(await client.query<unknown>(MORE_COMMENTS, { id, after: page.endCursor }), "answer");
    page = readPage(readObject(data.node, "discussion").comments, "comments", readComment);
    all.push(...page.nodes);
  }
  for (const comment of all) {
    let replies = comment.repliesPage;
    while (replies?.hasNextPage && replies.endCursor) {
      const data = readObject(
        await client.query<unknown>(MORE_REPLIES, { id: comment.id, after: replies.endCursor }),
        "answer",
      );
      replies = readPage(readObject(data.node, "comment").replies, "replies", readComment);
      comment.replies.push(...replies.nodes);
    }
    delete comment.repliesPage;
    for (const reply of comment.replies) delete (reply as PagedComment).repliesPage;
  }
  return all;
}

/** Drops discussions no look-up leads to any more. */
function prune(snapshot: Snapshot): void {
  const used = new Set(Object.values(snapshot.lookups).filter((id): id is string => id !== null));
  for (const id of Object.keys(snapshot.discussions)) if (!used.has(id)) delete snapshot.discussions[id];
}
