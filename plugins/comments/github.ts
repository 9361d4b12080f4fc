/**
 * A small client for GitHub's GraphQL API, for the build-time snapshot:
 * every way a request can fail becomes one `GitHubError` whose message says
 * what happened, in words an author can act on.
 *
 * https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api
 */
import type { Discussion, GitHubAuthor, GitHubComment, ReactionContent } from "./thread.ts";
import { REACTIONS } from "./thread.ts";

export const DEFAULT_GRAPHQL_URL = "https://api.github.com/graphql";

export class GitHubError extends Error {
  override name = "GitHubError";
}

export interface RateLimit {
  cost: number;
  remaining: number;
  resetAt: string;
}

export interface GraphQLClientOptions {
  endpoint: string;
  token: string;
  /** Each request is abandoned after this long. */
  timeoutMs: number;
  /** Stop before a request when fewer points than this are left. */
  reserve?: number;
}

export class GraphQLClient {
  /** Requests sent so far. */
  requests = 0;
  rateLimit: RateLimit | undefined;
  readonly #options: Required<GraphQLClientOptions>;

  constructor(options: GraphQLClientOptions) {
    this.#options = { reserve: 50, ...options };
  }

  get host(): string {
    try {
      return new URL(this.#options.endpoint).host;
    } catch {
      return this.#options.endpoint;
    }
  }

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { endpoint, token, timeoutMs, reserve } = this.#options;
    if (this.rateLimit && this.rateLimit.remaining < reserve) {
      throw new GitHubError(
        `GitHub's rate limit is nearly used up (${this.rateLimit.remaining} points left until ${clock(this.rateLimit.resetAt)})`,
      );
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let status: number;
    let statusText: string;
    let headers: Headers;
    let text: string;
    this.requests++;
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: {
          Authorization: `bearer ${token}`,
          "Content-Type": "application/json",
          Accept: "application/json",
          "User-Agent": "billet-comments-snapshot",
        },
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
      ({ status, statusText, headers } = response);
      text = await response.text();
    } catch (error) {
      if (controller.signal.aborted) {
        throw new GitHubError(`${this.host} did not answer within ${Math.round(timeoutMs / 1000)} s`);
      }
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new GitHubError(
        `could not reach ${this.host} (${cause?.code ?? cause?.message ?? (error as Error).message})`,
      );
    } finally {
      clearTimeout(timer);
    }

    const remainingHeader = headers.get("x-ratelimit-remaining");
    if (status === 401) {
      throw new GitHubError("GitHub refused the token (401 Unauthorized): check GITHUB_TOKEN");
    }
    if ((status === 403 || status === 429) && (remainingHeader === "0" || headers.get("retry-after"))) {
      const reset = headers.get("x-ratelimit-reset");
      const retry = headers.get("retry-after");
      throw new GitHubError(
        remainingHeader === "0"
          ? `GitHub's rate limit is used up${reset ? ` until ${clock(new Date(Number(reset) * 1000).toISOString())}` : ""} (${status})`
          : `GitHub asked to slow down (secondary rate limit, ${status}; retry after ${retry} s)`,
      );
    }
    if (status >= 400) {
      const message = errorMessage(text);
      throw new GitHubError(`GitHub answered ${status} ${statusText}${message ? `: ${message}` : ""}`.trim());
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new GitHubError(`GitHub's answer was not valid JSON (${status}, ${text.length} bytes)`);
    }
    if (json === null || typeof json !== "object") throw new GitHubError("GitHub's answer was not a GraphQL response");
    const { data, errors } = json as { data?: unknown; errors?: Array<{ type?: string; message?: string }> };
    if (Array.isArray(errors) && errors.length > 0) {
      if (errors.some((e) => e?.type === "RATE_LIMITED"))
        throw new GitHubError("GitHub's rate limit is used up (RATE_LIMITED)");
      // A pinned discussion that does not exist comes back as null with a NOT_FOUND error: not a failure.
      const serious = errors.filter((e) => e?.type !== "NOT_FOUND");
      if (serious.length > 0 || data === null || data === undefined) {
        throw new GitHubError(
          `GitHub answered with ${errors.length === 1 ? "an error" : `${errors.length} errors`}: ${errors
            .map((e) => e?.message ?? "unknown")
            .join("; ")}`,
        );
      }
    }
    if (data === null || typeof data !== "object") throw new GitHubError("GitHub's answer had no data");
    const rate = (data as { rateLimit?: unknown }).rateLimit;
    if (rate && typeof rate === "object") {
      const { cost, remaining, resetAt } = rate as Record<string, unknown>;
      if (typeof remaining === "number" && typeof resetAt === "string") {
        this.rateLimit = { cost: typeof cost === "number" ? cost : 1, remaining, resetAt };
      }
    } else if (remainingHeader !== null && Number.isFinite(Number(remainingHeader))) {
      this.rateLimit = { cost: 1, remaining: Number(remainingHeader), resetAt: this.rateLimit?.resetAt ?? "" };
    }
    return data as T;
  }
}

function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === "string" ? body.message : "";
  } catch {
    return "";
  }
}

function clock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.valueOf()) ? "later" : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// ---------------------------------------------------------------- queries

/** Comments and replies fetched with a discussion; longer threads are paged. */
export const COMMENTS_PAGE = 50;
export const REPLIES_PAGE = 20;

const AUTHOR = "author { login url avatarUrl(size: 96) }";
const REACTION_GROUPS = "reactionGroups { content users { totalCount } }";
const COMMENT_FIELDS = `id ${AUTHOR} createdAt url bodyHTML deletedAt isMinimized ${REACTION_GROUPS}`;
const REPLY_CONNECTION = `totalCount pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} }`;
const COMMENT_CONNECTION = `totalCount pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} upvoteCount replies(first: ${REPLIES_PAGE}) { ${REPLY_CONNECTION} } }`;

/** What the snapshot keeps of a discussion. */
export const DISCUSSION_FIELDS = `id number url title updatedAt comments(first: ${COMMENTS_PAGE}) { ${COMMENT_CONNECTION} }`;
/** Enough to know a discussion and whether it changed. */
export const DISCUSSION_SUMMARY = "id number updatedAt";
export const RATE_LIMIT = "rateLimit { cost remaining resetAt }";

export const MORE_COMMENTS = `query($id: ID!, $after: String) { node(id: $id) { ... on Discussion { comments(first: ${COMMENTS_PAGE}, after: $after) { ${COMMENT_CONNECTION} } } } ${RATE_LIMIT} }`;
export const MORE_REPLIES = `query($id: ID!, $after: String) { node(id: $id) { ... on DiscussionComment { replies(first: ${REPLIES_PAGE}, after: $after) { ${REPLY_CONNECTION} } } } ${RATE_LIMIT} }`;

export const CATEGORIES = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { discussionCategories(first: 100) { nodes { id name } } } ${RATE_LIMIT} }`;

/** The category's discussions, most recently updated first. */
export const UPDATED_DISCUSSIONS = `query($owner: String!, $name: String!, $categoryId: ID, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    discussions(first: $first, after: $after, categoryId: $categoryId, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { id number title body updatedAt }
    }
  }
  ${RATE_LIMIT}
}`;

export const DISCUSSIONS_BY_ID = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Discussion { ${DISCUSSION_FIELDS} } } ${RATE_LIMIT} }`;

// ---------------------------------------------------------------- reading answers

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

function shape(what: string): GitHubError {
  return new GitHubError(`GitHub's answer did not have the expected shape (${what})`);
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw shape(what);
  return value as Record<string, unknown>;
}

function string(value: unknown, what: string): string {
  if (typeof value !== "string") throw shape(what);
  return value;
}

function nullableString(value: unknown, what: string): string | null {
  return value === null || value === undefined ? null : string(value, what);
}

function readAuthor(value: unknown): GitHubAuthor | null {
  if (value === null || value === undefined) return null;
  const author = object(value, "comment author");
  return {
    login: string(author.login, "author login"),
    url: string(author.url, "author url"),
    avatarUrl: string(author.avatarUrl, "author avatarUrl"),
  };
}

function readReactions(value: unknown): GitHubComment["reactions"] {
  if (!Array.isArray(value)) throw shape("reactionGroups");
  return value.flatMap((group) => {
    const g = object(group, "reaction group");
    const content = string(g.content, "reaction content") as ReactionContent;
    const count = object(g.users, "reaction users").totalCount;
    if (typeof count !== "number") throw shape("reaction count");
    return REACTIONS.includes(content) ? [{ content, count }] : [];
  });
}

export function readPage<T>(value: unknown, what: string, read: (node: unknown) => T): Page<T> {
  const connection = object(value, what);
  const pageInfo = object(connection.pageInfo, `${what} pageInfo`);
  if (!Array.isArray(connection.nodes)) throw shape(`${what} nodes`);
  return {
    nodes: connection.nodes.map(read),
    hasNextPage: pageInfo.hasNextPage === true,
    endCursor: nullableString(pageInfo.endCursor, `${what} endCursor`),
  };
}

export function readComment(value: unknown): GitHubComment & { repliesPage?: Page<GitHubComment> } {
  const c = object(value, "comment");
  const comment: GitHubComment & { repliesPage?: Page<GitHubComment> } = {
    id: string(c.id, "comment id"),
    author: readAuthor(c.author),
    createdAt: string(c.createdAt, "comment createdAt"),
    url: string(c.url, "comment url"),
    bodyHTML: string(c.bodyHTML, "comment bodyHTML"),
    deletedAt: nullableString(c.deletedAt, "comment deletedAt"),
    isMinimized: c.isMinimized === true,
    upvoteCount: typeof c.upvoteCount === "number" ? c.upvoteCount : 0,
    reactions: readReactions(c.reactionGroups),
    replies: [],
  };
  if (c.replies !== undefined) {
    comment.repliesPage = readPage(c.replies, "replies", readComment);
    comment.replies = comment.repliesPage.nodes;
  }
  return comment;
}

/** A discussion with its first page of comments, and the cursors to fetch the rest. */
export function readDiscussion(value: unknown): {
  discussion: Discussion;
  comments: Page<GitHubComment & { repliesPage?: Page<GitHubComment> }>;
} {
  const d = object(value, "discussion");
  const comments = readPage(d.comments, "comments", readComment);
  const number = d.number;
  if (typeof number !== "number") throw shape("discussion number");
  return {
    discussion: {
      id: string(d.id, "discussion id"),
      number,
      url: string(d.url, "discussion url"),
      title: string(d.title, "discussion title"),
      updatedAt: string(d.updatedAt, "discussion updatedAt"),
      comments: comments.nodes,
    },
    comments,
  };
}

export function readSummary(value: unknown): { id: string; number: number; updatedAt: string } | null {
  if (value === null || value === undefined) return null;
  const d = object(value, "discussion");
  if (typeof d.number !== "number") throw shape("discussion number");
  return {
    id: string(d.id, "discussion id"),
    number: d.number,
    updatedAt: string(d.updatedAt, "discussion updatedAt"),
  };
}

export { object as readObject, string as readString };
