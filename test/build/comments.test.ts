/**
 * Comment threads in built sites: the snapshot taken from a stand-in for
 * GitHub's GraphQL API (found the way giscus finds discussions, cached,
 * brought up to date incrementally, kept when GitHub fails), archived
 * comments, and the errors an author can make.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptySnapshot, writeSnapshot, type Snapshot } from "../../plugins/comments/snapshot.ts";
import { sha1 } from "../../plugins/comments/term.ts";
import { giscusDiscussion, startGitHubStandIn, type FakeDiscussion, type StandIn } from "../helpers/github-stand-in.ts";
import { takeWarnings } from "../helpers/build-log.ts";
import { htmlErrors } from "../helpers/checks.ts";
import { parsePage, text } from "../helpers/html.ts";
import {
  buildSite,
  post,
  removeSite,
  runEleventy,
  SMALL_CONFIG,
  writeSite,
  type BuiltSite,
} from "../helpers/project.ts";

const CONFIG = {
  ...SMALL_CONFIG,
  authors: { claire: { name: "Claire Dupont", bio: "Autrice de test.", github: "claire-dupont" } },
  comments: {
    repo: "elise-marchal/carnet",
    repoId: "R_kgDOstandin",
    category: "Commentaires",
    categoryId: "DIC_kwDOcomments",
  },
};

const ARCHIVE = `- id: "wp-1"
  author: { name: "Marie Schaller", url: "https://marie.example" }
  date: "2013-01-15 10:32"
  body: "Merci pour ce billet. <script>alert(1)</script>"
- id: "wp-2"
  parent: "wp-1"
  byPostAuthor: true
  author: { name: "Claire Dupont" }
  date: "2013-01-16"
  body: |
    Merci Marie !

    Un second paragraphe.
`;

const FILES = {
  "posts/premier.md": post({ title: "Premier billet", date: "2024-01-10", category: "opinion" }),
  "posts/second.md": post({
    title: "Second billet",
    date: "2024-01-11",
    category: "opinion",
    comments: { discussion: 7 },
  }),
  "posts/troisieme.md": post({ title: "Troisième billet", date: "2024-01-12", category: "opinion" }),
  "posts/troisieme.comments.yaml": ARCHIVE,
  "posts/ferme.md": post({ title: "Billet fermé", date: "2024-01-13", category: "opinion", comments: false }),
};

function discussions(): FakeDiscussion[] {
  return [
    giscusDiscussion("premier", sha1("premier"), {
      number: 3,
      createdAt: "2024-01-10T10:00:00Z",
      updatedAt: "2024-02-01T10:00:00Z",
      comments: [
        {
          author: "lecteur",
          body: '<p>Très juste. <img src="x" onerror="alert(1)"></p>',
          createdAt: "2024-01-11T09:00:00Z",
          upvotes: 2,
          reactions: { THUMBS_UP: 3, HEART: 1 },
          replies: [{ author: "claire-dupont", body: "<p>Merci !</p>", createdAt: "2024-01-11T10:00:00Z" }],
        },
        {
          author: "spammeur",
          body: "<p>Achetez</p>",
          createdAt: "2024-01-12T09:00:00Z",
          deletedAt: "2024-01-12T10:00:00Z",
        },
        {
          author: "troll",
          body: "<p>Hors sujet</p>",
          createdAt: "2024-01-13T09:00:00Z",
          isMinimized: true,
          replies: [
            { author: null, body: "<p>Une réponse d’un compte supprimé.</p>", createdAt: "2024-01-13T10:00:00Z" },
          ],
        },
      ],
    }),
    {
      number: 7,
      title: "Une discussion ancienne, liée par son numéro",
      body: "Créée avant giscus.",
      category: "Commentaires",
      createdAt: "2023-05-01T10:00:00Z",
      updatedAt: "2024-01-20T10:00:00Z",
      comments: [{ author: "ancienne", body: "<p>Toujours là.</p>", createdAt: "2023-05-02T10:00:00Z" }],
    },
  ];
}

const ENV = ["GITHUB_TOKEN", "GITHUB_GRAPHQL_URL", "GITHUB_TIMEOUT"] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
afterAll(() => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("the comment snapshot from GitHub", () => {
  let github: StandIn;
  let site: BuiltSite & { config: string };
  const build = () => runEleventy(site.config);
  const page = (slug: string) => parsePage(site.output, `billets/${slug}/index.html`);

  beforeAll(async () => {
    github = await startGitHubStandIn({ discussions: discussions() });
    site = await writeSite({ config: CONFIG, files: FILES });
    process.env.GITHUB_TOKEN = github.token;
    process.env.GITHUB_GRAPHQL_URL = github.url;
    process.env.GITHUB_TIMEOUT = "1";
  });
  afterAll(async () => {
    await github?.close();
    await removeSite(site);
  });
  beforeEach(() => {
    github.requests.length = 0;
    github.fail = "none";
  });

  it("finds each post's discussion the way giscus does and renders its thread", async () => {
    await build();
    expect(takeWarnings()).toEqual([]);
    // The high-water mark, one batch of look-ups, one batch of threads.
    expect(github.requests).toHaveLength(3);
    const searches = Object.values(github.requests[1]!.variables).filter(
      (v) => typeof v === "string" && v.includes("in:body"),
    );
    expect(searches).toEqual([
      `repo:elise-marchal/carnet category:"Commentaires" in:body "${sha1("troisieme")}"`,
      `repo:elise-marchal/carnet category:"Commentaires" in:body "${sha1("premier")}"`,
    ]);
    expect(github.requests[1]!.variables).toMatchObject({ n1: 7 });

    const premier = await page("premier");
    expect(text(premier.querySelector("#commentaires h2"))).toBe(
      "3 réflexions au sujet de «\u00A0Premier billet\u00A0»",
    );
    const comments = premier.querySelectorAll("#commentaires [data-comment-id]");
    expect(comments.map((c) => text(c.querySelector(".comment__author")))).toEqual([
      "lecteur",
      "claire-dupont a écrit ce billet",
      "troll",
      "ghost",
    ]);
    const [first, reply, hidden, ghostReply] = comments;
    // Avatars are the site's own copies, downloaded from where GitHub said; a failed download gives initials.
    expect(first!.querySelector(".comment__avatar img")?.getAttribute("src")).toMatch(/^\/img\/[\w-]+\.png$/);
    expect(first!.querySelector(".comment__avatar source[type='image/avif']")?.getAttribute("srcset")).toMatch(
      /^\/img\/\S+ 40w, \/img\/\S+ 80w$/,
    );
    expect(premier.toString()).not.toContain(github.url);
    expect(github.avatarRequests).toBe(4); // lecteur, claire-dupont, troll, and the second post's ancienne
    expect(text(first!.querySelector(".comment__source"))).toBe("sur GitHub");
    expect(first!.querySelector(".comment__author a")?.getAttribute("href")).toBe("https://github.com/lecteur");
    expect(first!.querySelector(".comment__body")?.innerHTML).toBe("<p>Très juste. <a>[image]</a></p>");
    expect(first!.querySelectorAll(".comment__reactions li").map((li) => text(li))).toEqual([
      "👍 3 pouce levé",
      "❤️ 1 cœur",
      "2 votes",
    ]);
    expect(text(first!.querySelector("time"))).toBe("11 janvier 2024");
    // Replies sit inside the comment they answer; the author's are marked.
    expect(first!.querySelector(`[data-comment-id="${reply!.getAttribute("data-comment-id")}"]`)).not.toBeNull();
    expect(reply!.classList.contains("comment--by-author")).toBe(true);
    expect(text(reply!.querySelector(".comment__meta"))).toBe("11 janvier 2024 · sur GitHub · en réponse à lecteur");
    // A hidden comment with a reply stays in place without its text; a deleted one without replies goes.
    expect(text(hidden!.querySelector(".comment__body"))).toBe("Ce commentaire a été masqué par la modération.");
    expect(hidden!.querySelector(`[data-comment-id="${ghostReply!.getAttribute("data-comment-id")}"]`)).not.toBeNull();
    expect(premier.toString()).not.toContain("Achetez");
    expect(premier.querySelector(".comments__places a")?.getAttribute("href")).toBe(
      "https://github.com/elise-marchal/carnet/discussions/3",
    );

    const second = await page("second");
    expect(text(second.querySelector("#commentaires h2"))).toBe("1 réflexion au sujet de «\u00A0Second billet\u00A0»");
    expect(second.querySelector(".comments__widget")?.getAttribute("data-mapping")).toBe("number");
    expect(second.querySelector(".comments__widget")?.getAttribute("data-term")).toBe("7");

    expect(await htmlErrors(site.output, "billets/premier/index.html")).toEqual([]);

    const snapshot = JSON.parse(await readFile(path.join(site.dir, ".cache/comments/snapshot.json"), "utf8"));
    expect(snapshot.highWaterMark).toBe("2024-02-01T10:00:00Z");
    expect(Object.keys(snapshot.discussions)).toHaveLength(2);
  });

  it("counts each post's comments on the home page, archived ones and replies included", async () => {
    const home = await parsePage(site.output, "index.html");
    const counts = Object.fromEntries(
      home
        .querySelectorAll(".summary")
        .map((s) => [text(s.querySelector(".summary__title a")), text(s.querySelector(".comment-count"))]),
    );
    expect(counts).toEqual({
      "Billet fermé": "",
      "Troisième billet": "2 commentaires",
      "Second billet": "1 commentaire",
      "Premier billet": "3 commentaires",
    });
  });

  it("asks only what changed since the last snapshot on the next builds", async () => {
    await build();
    // Nothing changed: the listing of recent updates stops at once.
    expect(github.requests).toHaveLength(1);
    expect(github.requests[0]!.query).toContain("orderBy: { field: UPDATED_AT, direction: DESC }");

    // A comment on the first post, and a new discussion for the third.
    const premier = github.discussions.find((d) => d.number === 3)!;
    premier.comments.push({
      author: "nouvelle",
      body: "<p>Arrivée après coup.</p>",
      createdAt: "2024-03-01T08:00:00Z",
    });
    premier.updatedAt = "2024-03-01T08:00:00Z";
    github.discussions.push(
      giscusDiscussion("troisieme", sha1("troisieme"), {
        number: 12,
        createdAt: "2024-03-02T08:00:00Z",
        updatedAt: "2024-03-02T08:00:00Z",
        comments: [{ author: "lecteur", body: "<p>Sur GitHub cette fois.</p>", createdAt: "2024-03-02T08:00:00Z" }],
      }),
    );
    github.requests.length = 0;
    await build();
    expect(takeWarnings()).toEqual([]);
    expect(github.requests).toHaveLength(2);
    expect(github.requests[1]!.variables.ids).toEqual(["D_kwDO12", "D_kwDO3"]);
    const third = await page("troisieme");
    // Archived comments first, then GitHub's.
    expect(third.querySelectorAll("[data-comment-id]").map((c) => c.getAttribute("data-comment-id"))).toEqual([
      "wp-1",
      "wp-2",
      "DC_kwDO12_0",
    ]);
    expect(text(third.querySelector("#commentaires h2"))).toMatch(/^3 réflexions/);
    expect(text((await page("premier")).querySelector("#commentaires h2"))).toMatch(/^4 réflexions/);
  });

  it.each([
    ["unauthorized", "GitHub refused the token (401 Unauthorized): check GITHUB_TOKEN"],
    ["rate-limited", "GitHub's rate limit is used up until"],
    ["rate-limited-graphql", "GitHub's rate limit is used up (RATE_LIMITED)"],
    ["server-error", "GitHub answered 502 Bad Gateway"],
    ["malformed", "GitHub's answer was not valid JSON"],
    ["hang", "did not answer within 1 s"],
  ] as const)("keeps the last snapshot, with one warning, when GitHub fails: %s", async (mode, message) => {
    github.fail = mode;
    await build();
    const lines = takeWarnings();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Commentaires\u00A0: l’instantané n’a pas pu être mis à jour depuis GitHub\u00A0: ");
    expect(lines[0]).toContain(message);
    expect(lines[0]).toContain("Les fils sont ceux du dernier instantané");
    expect(text((await page("premier")).querySelector("#commentaires h2"))).toMatch(/^4 réflexions/);
  });

  it("keeps the last snapshot, with one warning, when GitHub cannot be reached", async () => {
    const closed = await startGitHubStandIn({});
    const url = closed.url;
    await closed.close();
    process.env.GITHUB_GRAPHQL_URL = url;
    try {
      await build();
    } finally {
      process.env.GITHUB_GRAPHQL_URL = github.url;
    }
    const lines = takeWarnings();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(text((await page("premier")).querySelector("#commentaires h2"))).toMatch(/^4 réflexions/);
  });

  it("asks GitHub nothing without a token, and says nothing about it", async () => {
    delete process.env.GITHUB_TOKEN;
    try {
      await build();
    } finally {
      process.env.GITHUB_TOKEN = github.token;
    }
    expect(github.requests).toHaveLength(0);
    expect(takeWarnings()).toEqual([]);
    // The snapshot on disk is still shown.
    expect(text((await page("premier")).querySelector("#commentaires h2"))).toMatch(/^4 réflexions/);
  });
});

describe("comments without GitHub", () => {
  let site: BuiltSite | undefined;
  beforeEach(() => {
    delete process.env.GITHUB_TOKEN;
  });
  afterEach(async () => {
    await removeSite(site);
    site = undefined;
  });

  it("renders archived comments, warns once per build that the widget is off, and shows no widget", async () => {
    site = await buildSite({
      config: { ...SMALL_CONFIG, comments: { repo: "claire/blog", category: "Commentaires" } },
      files: {
        "posts/a.md": post({ title: "A", date: "2024-01-01", category: "opinion" }),
        "posts/b.md": post({ title: "B", date: "2024-01-02", category: "opinion" }),
        "posts/b.comments.yaml": ARCHIVE,
        "posts/c.md": post({ title: "C", date: "2024-01-03", category: "opinion", comments: false }),
      },
    });
    const lines = takeWarnings();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      "le widget giscus est éteint, car site.config.ts ne donne pas comments.repoId (ou GISCUS_REPO_ID)",
    );
    const b = await parsePage(site.output, "billets/b/index.html");
    expect(text(b.querySelector("#commentaires h2"))).toBe("2 réflexions au sujet de «\u00A0B\u00A0»");
    const archived = b.querySelectorAll(".comment--archived");
    expect(archived.map((c) => c.getAttribute("data-comment-id"))).toEqual(["wp-1", "wp-2"]);
    expect(archived[0]!.querySelector('[data-comment-id="wp-2"]')).not.toBeNull();
    expect(archived[1]!.classList.contains("comment--by-author")).toBe(true);
    expect(text(archived[0]!.querySelector(".comment__author"))).toBe("Marie Schaller archivé");
    expect(archived[0]!.querySelector(".comment__author a")?.getAttribute("rel")).toBe("nofollow ugc noopener");
    expect(archived[0]!.querySelector(".comment__body")?.innerHTML).toBe("<p>Merci pour ce billet. </p>");
    expect(archived[1]!.querySelectorAll(".comment__body p").map((p) => text(p))).toEqual([
      "Merci Marie\u202F!",
      "Un second paragraphe.",
    ]);
    expect(b.querySelector("giscus-widget, .comments__widget")).toBeNull();
    expect(b.querySelector('script[src*="comments"]')).toBeNull();
    // No discussion yet: GitHub's form that starts one the way giscus would, so the thread is found afterwards.
    const start = new URL(b.querySelector(".comments__places a")!.getAttribute("href")!);
    expect(start.origin + start.pathname).toBe("https://github.com/claire/blog/discussions/new");
    expect(start.searchParams.get("title")).toBe("b");
    expect(start.searchParams.get("category")).toBe("commentaires");
    expect(start.searchParams.get("body")).toContain(`<!-- sha1: ${sha1("b")} -->`);
    expect(text(b.querySelector(".comments__leave"))).toBe("Laisser un commentaire");
    expect(text(b.querySelector(".comments__how"))).toContain("Personne n’a encore ouvert la discussion");
    const a = await parsePage(site.output, "billets/a/index.html");
    expect(text(a.querySelector("#commentaires h2"))).toBe("Aucun commentaire pour l’instant");
    const c = await parsePage(site.output, "billets/c/index.html");
    expect(c.querySelector("#commentaires")).toBeNull();
  });

  it("takes the giscus settings from the environment, and loads the widget script where it is used", async () => {
    const env = {
      GISCUS_REPO: "fourche/blog",
      GISCUS_REPO_ID: "R_env",
      GISCUS_CATEGORY: "Annonces",
      GISCUS_CATEGORY_ID: "DIC_env",
      GISCUS_LOADING: "consent",
    };
    Object.assign(process.env, env);
    try {
      site = await buildSite({
        config: SMALL_CONFIG,
        files: {
          "posts/a.md": post({
            title: "A",
            date: "2024-01-01",
            category: "opinion",
            comments: { key: "ancienne-cle" },
          }),
        },
      });
    } finally {
      for (const name of Object.keys(env)) delete process.env[name];
    }
    expect(takeWarnings()).toEqual([]);
    const a = await parsePage(site.output, "billets/a/index.html");
    const widget = a.querySelector(".comments__widget")!;
    expect(widget.getAttribute("data-repo")).toBe("fourche/blog");
    expect(widget.getAttribute("data-category-id")).toBe("DIC_env");
    expect(widget.getAttribute("data-loading")).toBe("consent");
    expect(widget.getAttribute("data-term")).toBe("ancienne-cle");
    expect(widget.getAttribute("data-strict")).toBe("1");
    expect(text(widget.querySelector("button"))).toBe("Afficher les commentaires");
    expect(widget.getAttribute("data-script")).toMatch(/^\/assets\/comments\.\w+\.js$/);
    expect(await htmlErrors(site.output, "billets/a/index.html")).toEqual([]);
  });
});

describe("consent mode", () => {
  let site: (BuiltSite & { config: string }) | undefined;
  afterEach(() => removeSite(site));

  it("shows the last snapshot without loading anything from GitHub: initials, and images as links", async () => {
    delete process.env.GITHUB_TOKEN;
    site = await writeSite({
      config: { ...CONFIG, comments: { ...CONFIG.comments, loading: "consent" } },
      files: { "posts/premier.md": post({ title: "Premier billet", date: "2024-01-10", category: "opinion" }) },
    });
    const snapshot: Snapshot = {
      ...emptySnapshot({
        endpoint: "https://api.github.com/graphql",
        repo: "elise-marchal/carnet",
        category: "Commentaires",
        strict: true,
      }),
      takenAt: "2024-03-01T00:00:00Z",
      fullAt: "2024-03-01T00:00:00Z",
      lookups: { [`sha1:${sha1("premier")}`]: "D1" },
      discussions: {
        D1: {
          id: "D1",
          number: 3,
          url: "https://github.com/elise-marchal/carnet/discussions/3",
          title: "premier",
          updatedAt: "2024-02-01T00:00:00Z",
          comments: [
            {
              id: "C1",
              author: {
                login: "lecteur",
                url: "https://github.com/lecteur",
                avatarUrl: "https://avatars.githubusercontent.com/u/9?v=4",
              },
              createdAt: "2024-02-01T00:00:00Z",
              url: "https://github.com/elise-marchal/carnet/discussions/3#discussioncomment-1",
              bodyHTML: '<p>Voyez <img src="https://camo.githubusercontent.com/abc" alt="ce schéma"></p>',
              deletedAt: null,
              isMinimized: false,
              upvoteCount: 0,
              reactions: [],
              replies: [],
            },
          ],
        },
      },
    };
    await writeSnapshot(path.join(site.dir, ".cache/comments"), snapshot);
    await runEleventy(site.config);
    const page = await parsePage(site.output, "billets/premier/index.html");
    expect(text(page.querySelector("#commentaires h2"))).toBe("1 réflexion au sujet de «\u00A0Premier billet\u00A0»");
    expect(page.querySelectorAll("#commentaires img")).toHaveLength(0);
    expect(text(page.querySelector(".comment__avatar"))).toBe("L");
    expect(page.querySelector(".comment__body a")?.getAttribute("href")).toBe("https://camo.githubusercontent.com/abc");
    expect(text(page.querySelector(".comment__body a"))).toBe("[ce schéma]");
  });
});

describe("comment mistakes", () => {
  let site: (BuiltSite & { config: string }) | undefined;
  afterEach(() => removeSite(site));

  it("reports archive problems, orphan archives and shared keys, one line each, before writing anything", async () => {
    site = await writeSite({
      // An English site: these are the comments' rules, told in English.
      config: { ...CONFIG, language: "en" },
      files: {
        "posts/a.md": post({ title: "A", date: "2024-01-01", category: "opinion" }),
        "posts/a.comments.yaml": `- id: 1\n  author: { name: "X", email: "x@example.org" }\n  date: "hier"\n  body: ""\n  parent: "99"\n- id: 1\n  author: { name: "Y" }\n  date: "2024-01-02"\n  body: "ok"\n`,
        "posts/renomme.comments.yaml": `- { id: a, author: { name: Z }, date: "2024-01-01", body: "perdu ?" }\n`,
        "posts/b.md": post({ title: "B", date: "2024-01-02", category: "opinion", comments: { key: "a" } }),
        "posts/c.md": post({
          title: "C",
          date: "2024-01-03",
          category: "opinion",
          comments: { clef: "x", discussion: -1 },
        }),
      },
    });
    const failure = await runEleventy(site.config).then(
      () => undefined,
      (error: Error) => error,
    );
    let message = "";
    for (let e: any = failure; e; e = e.originalError ?? e.cause) message += `${e.message}\n`;
    expect(message).toContain('content/posts/b.md: comments.key: found the comment key "a", which');
    expect(message).toContain(
      'content/posts/c.md: comments.clef: found "x", expected only key: and discussion: inside comments:',
    );
    expect(message).toContain(
      "content/posts/c.md: comments.discussion: found the number -1, expected the number of a GitHub discussion",
    );
    // Archive problems come once the front matter is right.
    await writeFile(
      path.join(site.dir, "content/posts/b.md"),
      post({ title: "B", date: "2024-01-02", category: "opinion" }),
    );
    await writeFile(
      path.join(site.dir, "content/posts/c.md"),
      post({ title: "C", date: "2024-01-03", category: "opinion" }),
    );
    const second = await runEleventy(site.config).then(
      () => undefined,
      (error: Error) => error,
    );
    message = "";
    for (let e: any = second; e; e = e.originalError ?? e.cause) message += `${e.message}\n`;
    for (const line of [
      "content/posts/a.comments.yaml: [0].author.email: found an unknown key, expected only name and url (e-mail and IP addresses are never published)",
      'content/posts/a.comments.yaml: [0].date: found "hier", expected a real date',
      'content/posts/a.comments.yaml: [0].body: found "", expected the comment\'s text',
      'content/posts/a.comments.yaml: [1].id: found "1", which [0] already uses',
      "content/posts/renomme.comments.yaml: found no post beside it, expected ",
    ]) {
      expect(message).toContain(line);
    }
  });
});
