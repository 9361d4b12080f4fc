/**
 * The snapshot's conversation with GitHub, against the stand-in: long
 * threads are paged, a missing pinned discussion is not an error, the
 * category is found by name, titles are searched when strict is off, and
 * the rate limit is respected.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GraphQLClient } from "../../plugins/comments/github.ts";
import { FULL_REFRESH_MS, refreshSnapshot, type SnapshotSource } from "../../plugins/comments/snapshot.ts";
import { discussionLookup, sha1 } from "../../plugins/comments/term.ts";
import { giscusDiscussion, startGitHubStandIn, type FakeComment, type StandIn } from "../helpers/github-stand-in.ts";

const lookup = (key: string, discussion?: number, strict = true) =>
  discussionLookup({ key, discussion, url: `/billets/${key}/` }, { mapping: "specific", strict }, "https://e.example");

describe("the snapshot against GitHub's API", () => {
  let github: StandIn;
  let source: SnapshotSource;
  const client = () => new GraphQLClient({ endpoint: github.url, token: github.token, timeoutMs: 2000 });
  const comment = (i: number, replies = 0): FakeComment => ({
    author: `lecteur${i}`,
    body: `<p>Commentaire ${i}</p>`,
    createdAt: `2024-01-01T10:${String(i % 60).padStart(2, "0")}:00Z`,
    replies: Array.from({ length: replies }, (_, j) => ({
      author: `r${j}`,
      body: `<p>Réponse ${j}</p>`,
      createdAt: "2024-01-02T10:00:00Z",
    })),
  });

  beforeAll(async () => {
    github = await startGitHubStandIn({
      discussions: [
        giscusDiscussion("fleuve", sha1("fleuve"), {
          number: 1,
          createdAt: "2024-01-01T00:00:00Z",
          updatedAt: "2024-01-05T00:00:00Z",
          comments: Array.from({ length: 123 }, (_, i) => comment(i, i === 0 ? 45 : i === 70 ? 3 : 0)),
        }),
        {
          number: 2,
          title: "titre-exact",
          body: "Créée à la main, sans empreinte.",
          category: "Commentaires",
          createdAt: "2024-01-01T00:00:00Z",
          updatedAt: "2024-01-03T00:00:00Z",
          comments: [comment(1)],
        },
      ],
    });
    source = { endpoint: github.url, repo: github.repo, category: "Commentaires", strict: true };
  });
  afterAll(() => github?.close());
  beforeEach(() => {
    github.requests.length = 0;
    github.fail = "none";
    github.rateLimitRemaining = 5000;
  });

  it("pages long threads, finds the category by name, and takes a missing pinned discussion for none", async () => {
    const result = await refreshSnapshot({
      previous: undefined,
      source,
      categoryId: undefined,
      lookups: [lookup("fleuve"), lookup("absent", 999)],
      client: client(),
      now: new Date("2024-06-01T00:00:00Z"),
    });
    expect(result.failure).toBeUndefined();
    const { snapshot } = result;
    expect(snapshot.categoryId).toBe("DIC_kwDOcomments");
    expect(snapshot.lookups).toEqual({ [`sha1:${sha1("fleuve")}`]: "D_kwDO1", "number:999": null });
    const thread = snapshot.discussions.D_kwDO1!;
    expect(thread.comments).toHaveLength(123);
    expect(thread.comments[0]!.replies).toHaveLength(45);
    expect(thread.comments[70]!.replies).toHaveLength(3);
    expect(new Set(thread.comments.map((c) => c.id)).size).toBe(123);
    // categories, the mark, look-ups, the thread, two more pages of comments, two more of replies.
    expect(github.requests).toHaveLength(8);
  });

  it("searches titles when strict is off, as giscus does", async () => {
    const result = await refreshSnapshot({
      previous: undefined,
      source: { ...source, strict: false },
      categoryId: "DIC_kwDOcomments",
      lookups: [lookup("titre-exact", undefined, false)],
      client: client(),
      now: new Date("2024-06-01T00:00:00Z"),
    });
    expect(result.snapshot.lookups).toEqual({ "title:titre-exact": "D_kwDO2" });
    expect(github.requests[1]!.variables.q0).toBe(
      'repo:elise-marchal/carnet category:"Commentaires" in:title "titre-exact"',
    );
  });

  it("starts afresh once a week, and for another repository", async () => {
    const now = new Date("2024-06-01T00:00:00Z");
    const first = await refreshSnapshot({
      previous: undefined,
      source,
      categoryId: undefined,
      lookups: [lookup("fleuve")],
      client: client(),
      now,
    });
    github.requests.length = 0;
    await refreshSnapshot({
      previous: first.snapshot,
      source,
      categoryId: undefined,
      lookups: [lookup("fleuve")],
      client: client(),
      now,
    });
    expect(github.requests).toHaveLength(1);
    github.requests.length = 0;
    const later = new Date(now.valueOf() + FULL_REFRESH_MS + 1000);
    await refreshSnapshot({
      previous: first.snapshot,
      source,
      categoryId: undefined,
      lookups: [lookup("fleuve")],
      client: client(),
      now: later,
    });
    expect(github.requests.length).toBeGreaterThan(1);
    const other = await refreshSnapshot({
      previous: first.snapshot,
      source: { ...source, repo: "quelquun/autre" },
      categoryId: undefined,
      lookups: [lookup("fleuve")],
      client: client(),
      now,
    });
    expect(other.failure).toBe("the repository quelquun/autre does not exist, or the token cannot see it");
    expect(other.snapshot.discussions).toEqual({});
  });

  it("stops before GitHub's rate limit runs out, keeping the previous snapshot", async () => {
    const now = new Date("2024-06-01T00:00:00Z");
    const first = await refreshSnapshot({
      previous: undefined,
      source,
      categoryId: undefined,
      lookups: [lookup("fleuve")],
      client: client(),
      now,
    });
    github.rateLimitRemaining = 40;
    github.requests.length = 0;
    const result = await refreshSnapshot({
      previous: first.snapshot,
      source,
      categoryId: undefined,
      lookups: [lookup("fleuve"), lookup("nouveau")],
      client: client(),
      now,
    });
    expect(result.failure).toMatch(/^GitHub's rate limit is nearly used up \(39 points left until .* UTC\)$/);
    expect(result.snapshot).toBe(first.snapshot);
    // The listing told how many points were left; the look-up was never sent.
    expect(github.requests).toHaveLength(1);
  });

  it("says which category is missing", async () => {
    const result = await refreshSnapshot({
      previous: undefined,
      source: { ...source, category: "Inexistante" },
      categoryId: undefined,
      lookups: [lookup("fleuve")],
      client: client(),
      now: new Date(),
    });
    expect(result.failure).toBe('the repository elise-marchal/carnet has no discussion category "Inexistante"');
  });
});
