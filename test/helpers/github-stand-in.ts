/**
 * A stand-in for GitHub's GraphQL API on 127.0.0.1, for the comment
 * snapshot's tests: it executes the queries it receives against a subset of
 * GitHub's schema (same type, field and argument names, so a query GitHub
 * would reject fails here too) over discussions the test writes, and answers
 * in GitHub's shapes: `{ data, errors }` with `rateLimit`, NOT_FOUND errors
 * for missing discussions, connections with `pageInfo`, search results.
 *
 * It can also fail the ways GitHub does: 401 for a bad token, 403 with the
 * rate-limit headers, a RATE_LIMITED error, 502, a truncated body, a request
 * that never gets an answer; closing it gives "connection refused".
 *
 * It serves the avatars its answers name, as GitHub's image host would
 * (`GET /avatars/u/N.png`); a login that starts with "sans-avatar" gets an
 * address that answers 404.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { buildSchema, graphql, GraphQLError } from "graphql";
import { avatarPng } from "./social-stand-in.ts";

const SCHEMA = buildSchema(/* GraphQL */ `
  scalar DateTime
  scalar URI
  scalar HTML

  enum SearchType {
    DISCUSSION
    ISSUE
    REPOSITORY
    USER
  }
  enum DiscussionOrderField {
    CREATED_AT
    UPDATED_AT
  }
  enum OrderDirection {
    ASC
    DESC
  }
  enum ReactionContent {
    THUMBS_UP
    THUMBS_DOWN
    LAUGH
    HOORAY
    CONFUSED
    HEART
    ROCKET
    EYES
  }
  enum CommentAuthorAssociation {
    COLLABORATOR
    CONTRIBUTOR
    FIRST_TIMER
    FIRST_TIME_CONTRIBUTOR
    MANNEQUIN
    MEMBER
    NONE
    OWNER
  }

  input DiscussionOrder {
    field: DiscussionOrderField!
    direction: OrderDirection!
  }

  interface Node {
    id: ID!
  }
  interface Actor {
    login: String!
    url: URI!
    avatarUrl(size: Int): URI!
    resourcePath: URI!
  }
  type User implements Actor & Node {
    id: ID!
    login: String!
    name: String
    url: URI!
    avatarUrl(size: Int): URI!
    resourcePath: URI!
  }

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }
  type ReactingUserConnection {
    totalCount: Int!
  }
  type ReactorConnection {
    totalCount: Int!
  }
  type ReactionGroup {
    content: ReactionContent!
    users(first: Int): ReactingUserConnection!
    reactors(first: Int): ReactorConnection!
    viewerHasReacted: Boolean!
  }

  type DiscussionComment implements Node {
    id: ID!
    author: Actor
    authorAssociation: CommentAuthorAssociation!
    body: String!
    bodyHTML: HTML!
    createdAt: DateTime!
    updatedAt: DateTime!
    lastEditedAt: DateTime
    deletedAt: DateTime
    isMinimized: Boolean!
    minimizedReason: String
    url: URI!
    upvoteCount: Int!
    reactionGroups: [ReactionGroup!]
    replies(first: Int, after: String, last: Int, before: String): DiscussionCommentConnection!
    replyTo: DiscussionComment
  }
  type DiscussionCommentConnection {
    totalCount: Int!
    pageInfo: PageInfo!
    nodes: [DiscussionComment]
  }
  type DiscussionCategory implements Node {
    id: ID!
    name: String!
    slug: String!
  }
  type DiscussionCategoryConnection {
    totalCount: Int!
    nodes: [DiscussionCategory]
  }
  type Discussion implements Node {
    id: ID!
    number: Int!
    title: String!
    body: String!
    bodyHTML: HTML!
    url: URI!
    createdAt: DateTime!
    updatedAt: DateTime!
    locked: Boolean!
    author: Actor
    category: DiscussionCategory!
    comments(first: Int, after: String, last: Int, before: String): DiscussionCommentConnection!
    reactionGroups: [ReactionGroup!]
  }
  type DiscussionConnection {
    totalCount: Int!
    pageInfo: PageInfo!
    nodes: [Discussion]
  }
  type Repository implements Node {
    id: ID!
    nameWithOwner: String!
    discussion(number: Int!): Discussion
    discussions(
      first: Int
      after: String
      last: Int
      before: String
      categoryId: ID
      answered: Boolean
      orderBy: DiscussionOrder
    ): DiscussionConnection!
    discussionCategories(first: Int, after: String): DiscussionCategoryConnection!
  }
  type Issue implements Node {
    id: ID!
    title: String!
  }
  union SearchResultItem = Discussion | Issue | Repository | User
  type SearchResultItemConnection {
    discussionCount: Int!
    issueCount: Int!
    repositoryCount: Int!
    pageInfo: PageInfo!
    nodes: [SearchResultItem]
  }
  type RateLimit {
    cost: Int!
    limit: Int!
    nodeCount: Int!
    remaining: Int!
    resetAt: DateTime!
    used: Int!
  }
  type Query {
    search(
      query: String!
      type: SearchType!
      first: Int
      last: Int
      after: String
      before: String
    ): SearchResultItemConnection!
    repository(owner: String!, name: String!, followRenames: Boolean): Repository
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]!
    rateLimit(dryRun: Boolean): RateLimit
  }
`);

// ---------------------------------------------------------------- the data a test writes

export interface FakeComment {
  author: string | null;
  body: string;
  createdAt: string;
  deletedAt?: string;
  isMinimized?: boolean;
  upvotes?: number;
  reactions?: Partial<Record<string, number>>;
  replies?: FakeComment[];
}

export interface FakeDiscussion {
  number: number;
  title: string;
  body: string;
  category: string;
  createdAt: string;
  updatedAt: string;
  comments: FakeComment[];
}

export type FailureMode =
  "none" | "unauthorized" | "rate-limited" | "rate-limited-graphql" | "server-error" | "malformed" | "hang";

export interface StandIn {
  url: string;
  /** `owner/name` of the stand-in repository. */
  repo: string;
  categories: Array<{ id: string; name: string }>;
  discussions: FakeDiscussion[];
  /** Requests received (failed ones included), with their query text and variables. */
  requests: Array<{ query: string; variables: Record<string, unknown> }>;
  fail: FailureMode;
  token: string;
  rateLimitRemaining: number;
  /** Avatars downloaded from it. */
  avatarRequests: number;
  /** A discussion's node id, as queries return it. */
  idOf(discussion: FakeDiscussion): string;
  close(): Promise<void>;
}

const b64 = (text: string) => Buffer.from(text).toString("base64");

function connection<T>(items: T[], args: { first?: number; after?: string; last?: number }) {
  let start = args.after ? Number(Buffer.from(args.after, "base64").toString().split(":")[1]) + 1 : 0;
  let end = items.length;
  if (args.first !== undefined && args.first !== null) end = Math.min(end, start + args.first);
  if (args.last !== undefined && args.last !== null) start = Math.max(start, end - args.last);
  const nodes = items.slice(start, end);
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length ? b64(`cursor:${start}`) : null,
      endCursor: nodes.length ? b64(`cursor:${end - 1}`) : null,
    },
    nodes,
  };
}

export async function startGitHubStandIn(options: {
  repo?: string;
  categories?: Array<{ id: string; name: string }>;
  discussions?: FakeDiscussion[];
  token?: string;
}): Promise<StandIn> {
  const state: StandIn = {
    url: "",
    repo: options.repo ?? "elise-marchal/carnet",
    categories: options.categories ?? [{ id: "DIC_kwDOcomments", name: "Commentaires" }],
    discussions: options.discussions ?? [],
    requests: [],
    fail: "none",
    token: options.token ?? "ghp_standin",
    rateLimitRemaining: 5000,
    avatarRequests: 0,
    idOf: (discussion) => `D_kwDO${discussion.number}`,
    close: async () => {},
  };
  const [owner, name] = state.repo.split("/") as [string, string];
  const discussionUrl = (d: FakeDiscussion) => `https://github.com/${state.repo}/discussions/${d.number}`;
  const categoryOf = (d: FakeDiscussion) => state.categories.find((c) => c.name === d.category)!;

  const user = (login: string) => ({
    __typename: "User",
    id: `U_${login}`,
    login,
    url: `https://github.com/${login}`,
    resourcePath: `/${login}`,
    avatarUrl: ({ size }: { size?: number }) =>
      `${new URL(state.url).origin}/avatars/u/${login.startsWith("sans-avatar") ? "missing-" : ""}${login}?${size ? `s=${size}&` : ""}v=4`,
  });

  const comments = new Map<string, unknown>();
  const comment = (d: FakeDiscussion, c: FakeComment, path: string, parent?: unknown): unknown => {
    const id = `DC_kwDO${d.number}_${path}`;
    const node: Record<string, unknown> = {
      __typename: "DiscussionComment",
      id,
      author: c.author ? user(c.author) : null,
      authorAssociation: "NONE",
      body: c.body,
      bodyHTML: c.body,
      createdAt: c.createdAt,
      updatedAt: c.createdAt,
      lastEditedAt: null,
      deletedAt: c.deletedAt ?? null,
      isMinimized: c.isMinimized ?? false,
      minimizedReason: c.isMinimized ? "spam" : null,
      url: `${discussionUrl(d)}#discussioncomment-${d.number}${path.replace(/_/g, "")}`,
      upvoteCount: c.upvotes ?? 0,
      reactionGroups: ["THUMBS_UP", "THUMBS_DOWN", "LAUGH", "HOORAY", "CONFUSED", "HEART", "ROCKET", "EYES"].map(
        (content) => ({
          content,
          users: { totalCount: c.reactions?.[content] ?? 0 },
          reactors: { totalCount: c.reactions?.[content] ?? 0 },
          viewerHasReacted: false,
        }),
      ),
      replyTo: parent ?? null,
    };
    const replies = (c.replies ?? []).map((reply, i) => comment(d, reply, `${path}_${i}`, node));
    node.replies = (args: { first?: number; after?: string; last?: number }) => connection(replies, args);
    comments.set(id, node);
    return node;
  };
  const discussionNode = (d: FakeDiscussion) => {
    const list = d.comments.map((c, i) => comment(d, c, String(i)));
    return {
      __typename: "Discussion",
      id: state.idOf(d),
      number: d.number,
      title: d.title,
      body: d.body,
      bodyHTML: d.body,
      url: discussionUrl(d),
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      locked: false,
      author: user("elise-marchal"),
      category: { __typename: "DiscussionCategory", ...categoryOf(d), slug: "commentaires" },
      comments: (args: { first?: number; after?: string; last?: number }) => connection(list, args),
      reactionGroups: [],
    };
  };
  const repository = () => ({
    __typename: "Repository",
    id: "R_kgDOstandin",
    nameWithOwner: state.repo,
    discussion: ({ number }: { number: number }) => {
      const found = state.discussions.find((d) => d.number === number);
      if (!found) {
        throw Object.assign(new GraphQLError(`Could not resolve to a Discussion with the number of ${number}.`), {
          githubType: "NOT_FOUND",
        });
      }
      return discussionNode(found);
    },
    discussions: (args: {
      first?: number;
      after?: string;
      categoryId?: string;
      orderBy?: { field: string; direction: string };
    }) => {
      const field = args.orderBy?.field === "CREATED_AT" ? "createdAt" : "updatedAt";
      const sorted = state.discussions
        .filter((d) => !args.categoryId || categoryOf(d)?.id === args.categoryId)
        .sort((a, b) => (args.orderBy?.direction === "ASC" ? 1 : -1) * a[field].localeCompare(b[field]));
      return connection(sorted.map(discussionNode), args);
    },
    discussionCategories: (args: { first?: number }) =>
      connection(
        state.categories.map((c) => ({ __typename: "DiscussionCategory", ...c, slug: c.name.toLowerCase() })),
        args,
      ),
  });

  /** GitHub's search syntax, as far as giscus uses it: repo:, category:"…", in:body / in:title, "term". */
  const search = ({ query, type, first, last }: { query: string; type: string; first?: number; last?: number }) => {
    const repo = /\brepo:(\S+)/.exec(query)?.[1];
    const category = /\bcategory:"((?:[^"\\]|\\.)*)"/.exec(query)?.[1];
    const where = /\bin:(body|title)\b/.exec(query)?.[1] ?? "title";
    const term = /(?:^|\s)"((?:[^"\\]|\\.)*)"\s*$/.exec(query)?.[1];
    const matches =
      type !== "DISCUSSION" || repo !== state.repo.toLowerCase()
        ? []
        : state.discussions.filter(
            (d) =>
              (!category || d.category === JSON.parse(`"${category}"`)) &&
              term !== undefined &&
              (where === "body" ? d.body : d.title).includes(JSON.parse(`"${term}"`)),
          );
    const page = connection(matches.map(discussionNode), { first, last });
    return { ...page, discussionCount: matches.length, issueCount: 0, repositoryCount: 0 };
  };

  const findNode = (id: string) => {
    const discussion = state.discussions.find((d) => state.idOf(d) === id);
    if (discussion) return discussionNode(discussion);
    if (!comments.has(id)) for (const d of state.discussions) discussionNode(d); // fills `comments`
    return comments.get(id) ?? null;
  };

  const root = {
    search,
    repository: (args: { owner: string; name: string }) =>
      args.owner.toLowerCase() === owner.toLowerCase() && args.name.toLowerCase() === name.toLowerCase()
        ? repository()
        : null,
    node: ({ id }: { id: string }) => findNode(id),
    nodes: ({ ids }: { ids: string[] }) => ids.map(findNode),
    rateLimit: () => ({
      cost: 1,
      limit: 5000,
      nodeCount: 1,
      remaining: state.rateLimitRemaining,
      resetAt: new Date(Date.now() + 3600_000).toISOString(),
      used: 5000 - state.rateLimitRemaining,
    }),
  };

  const sockets = new Set<Socket>();
  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, {
      "Content-Type": "application/json; charset=utf-8",
      "X-GitHub-Media-Type": "github.v4; format=json",
      "X-RateLimit-Limit": "5000",
      "X-RateLimit-Remaining": String(state.rateLimitRemaining),
      "X-RateLimit-Reset": String(Math.floor(Date.now() / 1000) + 3600),
      "X-RateLimit-Resource": "graphql",
      ...headers,
    });
    response.end(typeof body === "string" ? body : JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === "GET" && request.url?.startsWith("/avatars/")) {
      state.avatarRequests++;
      if (request.url.startsWith("/avatars/u/missing-")) {
        response.writeHead(404, { "Content-Type": "text/plain" });
        return response.end("Not Found");
      }
      const png = await avatarPng(request.url);
      response.writeHead(200, { "Content-Type": "image/png", "Content-Length": png.length });
      return response.end(png);
    }
    let text = "";
    for await (const chunk of request) text += chunk;
    let payload: { query?: string; variables?: Record<string, unknown> };
    try {
      payload = JSON.parse(text);
    } catch {
      return json(response, 400, { message: "Problems parsing JSON" });
    }
    state.requests.push({ query: payload.query ?? "", variables: payload.variables ?? {} });
    switch (state.fail) {
      case "hang":
        return; // The socket stays open until the client gives up.
      case "server-error":
        response.writeHead(502, { "Content-Type": "text/html" });
        return response.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
      case "malformed":
        return json(response, 200, '{"data": {"l0": {"discussionCount": 1, "nodes": [');
      case "rate-limited":
        state.rateLimitRemaining = 0;
        return json(
          response,
          403,
          {
            message: "API rate limit exceeded for user ID 1.",
            documentation_url:
              "https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#primary-rate-limit",
            status: "403",
          },
          { "X-RateLimit-Remaining": "0", "X-RateLimit-Used": "5000" },
        );
      case "rate-limited-graphql":
        return json(response, 200, {
          errors: [{ type: "RATE_LIMITED", message: "API rate limit already exceeded for user ID 1." }],
        });
      default:
        break; // The other failures are answered by the query itself.
    }
    if (
      request.headers.authorization?.toLowerCase() !== `bearer ${state.token}`.toLowerCase() ||
      state.fail === "unauthorized"
    ) {
      return json(response, 401, {
        message: "Bad credentials",
        documentation_url: "https://docs.github.com/graphql",
        status: "401",
      });
    }
    state.rateLimitRemaining = Math.max(0, state.rateLimitRemaining - 1);
    const result = await graphql({
      schema: SCHEMA,
      source: payload.query ?? "",
      rootValue: root,
      variableValues: payload.variables,
    });
    const errors = result.errors?.map((error) => ({
      type: (error.originalError as { githubType?: string } | undefined)?.githubType,
      path: error.path,
      locations: error.locations,
      message: error.message,
    }));
    return json(response, 200, errors ? { data: result.data ?? null, errors } : { data: result.data });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error) => json(response, 500, { message: String(error) }));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  state.close = () =>
    new Promise<void>((done) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => done());
    });
  return state;
}

/** A discussion as giscus creates it for a term: title = term, body ending with the term's SHA-1. */
export function giscusDiscussion(
  term: string,
  sha1: string,
  fields: Omit<FakeDiscussion, "title" | "body" | "category"> & { category?: string },
): FakeDiscussion {
  return {
    title: term,
    body: `# ${term}\n\nUn billet.\n\nhttps://elise-marchal.example/billets/${term}/\n\n<!-- sha1: ${sha1} -->`,
    category: fields.category ?? "Commentaires",
    ...fields,
  };
}
