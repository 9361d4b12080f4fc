/**
 * Replies from where a post was shared (Mastodon, Bluesky) merged with
 * GitHub's comments in built sites, against stand-ins in the services'
 * shapes: order, threads, sources, counts, sanitizing, avatars served by
 * the site, moderation, politeness, failures, and a damaged snapshot.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { blueskyPosts, githubThread, mastodonStatuses } from "../fixtures/social-thread.ts";
import { startGitHubStandIn, type StandIn } from "../helpers/github-stand-in.ts";
import { takeWarnings } from "../helpers/build-log.ts";
import { htmlValidator } from "../helpers/checks.ts";
import { parsePage, text } from "../helpers/html.ts";
import { post, removeSite, runEleventy, SMALL_CONFIG, writeSite, type BuiltSite } from "../helpers/project.ts";
import {
  startBlueskyStandIn,
  startMastodonStandIn,
  type BlueskyStandIn,
  type MastodonStandIn,
} from "../helpers/social-stand-in.ts";

const COMMENTS = {
  repo: "elise-marchal/carnet",
  repoId: "R_x",
  category: "Commentaires",
  categoryId: "DIC_kwDOcomments",
};
const CONFIG = {
  ...SMALL_CONFIG,
  authors: { claire: { name: "Claire Dupont", bio: "Autrice de test.", github: "claire-dupont" } },
  comments: COMMENTS,
};
const ENV = ["GITHUB_TOKEN", "GITHUB_GRAPHQL_URL", "BLUESKY_API_URL", "SOCIAL_TIMEOUT"] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

/** The `[billet]` warnings the builds since the last call said (the build log: test/helpers/build-log.ts). */
const warnings = () => takeWarnings().filter((line) => line.startsWith("[billet]"));

let github: StandIn;
let mastodon: MastodonStandIn;
let bluesky: BlueskyStandIn;
const sites: BuiltSite[] = [];

beforeAll(async () => {
  github = await startGitHubStandIn({ discussions: githubThread("partage") });
  mastodon = await startMastodonStandIn({ statuses: mastodonStatuses() });
  bluesky = await startBlueskyStandIn({ posts: blueskyPosts() });
  process.env.GITHUB_TOKEN = github.token;
  process.env.GITHUB_GRAPHQL_URL = github.url;
  process.env.BLUESKY_API_URL = bluesky.url;
  process.env.SOCIAL_TIMEOUT = "1";
});
afterAll(async () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await Promise.all([github?.close(), mastodon?.close(), bluesky?.close()]);
  for (const site of sites) await removeSite(site);
});

beforeEach(() => {
  mastodon.fail = bluesky.fail = "none";
});

function shared(date: string) {
  return post({
    title: "Un billet partagé",
    date,
    category: "opinion",
    slug: "partage",
    syndication: [
      mastodon.statusUrl(mastodon.statuses[0]!),
      bluesky.postUrl(bluesky.posts[0]!),
      "https://www.linkedin.com/posts/claire-dupont_activity-1",
    ],
  });
}

async function site(config: Record<string, unknown>, date: string) {
  const written = await writeSite({ config, files: { "posts/partage.md": shared(date) } });
  sites.push(written);
  return written;
}

describe("a post answered on GitHub, Mastodon and Bluesky", () => {
  let built: BuiltSite & { config: string };
  const page = () => parsePage(built.output, "billets/partage/index.html");
  beforeAll(async () => {
    // Published two days ago: its replies are read at every build.
    built = await site(CONFIG, new Date(Date.now() - 2 * 86400_000).toISOString().slice(0, 10));
  });
  beforeEach(() => {
    takeWarnings();
    mastodon.fail = bluesky.fail = "none";
  });

  it("merges the nine replies in date order, each under what it answers, marked by source", async () => {
    await runEleventy(built.config);
    expect(warnings()).toEqual([]);
    const html = await page();
    expect(text(html.querySelector("#commentaires h2"))).toBe(
      "9 réflexions au sujet de «\u00A0Un billet partagé\u00A0»",
    );
    const top = html.querySelectorAll(".comments__list > li > .comment");
    expect(top.map((c) => text(c.querySelector(".comment__author")))).toEqual([
      "lea-martin",
      "Jules",
      "Inès",
      "sans-avatar-sami",
      "Nour",
      "Théo",
    ]);
    expect(top.map((c) => text(c.querySelector(".comment__source")))).toEqual([
      "sur GitHub",
      "sur Mastodon",
      "sur Bluesky",
      "sur GitHub",
      "sur Mastodon",
      "sur Bluesky",
    ]);
    // A comment's own replies: its first list of replies (nested ones sit inside it), one level down.
    const replies = (comment: (typeof top)[number]) =>
      (comment.querySelector(".comment__replies")?.childNodes ?? [])
        .flatMap((li) => ("querySelector" in li ? [(li as typeof comment).querySelector(".comment")!] : []))
        .map((c) => text(c.querySelector(".comment__author")));
    expect(replies(top[0]!)).toEqual(["claire-dupont a écrit ce billet"]);
    expect(replies(top[1]!)).toEqual(["Claire Dupont a écrit ce billet"]);
    expect(replies(top[2]!)).toEqual(["Jules <b>gras</b>"]);
    // Each links to where it was written.
    expect(top[1]!.querySelector(".comment__source")!.getAttribute("href")).toBe(
      `${mastodon.url}/@jules@pouet.example/1101`,
    );
    expect(top[2]!.querySelector(".comment__source")!.getAttribute("href")).toBe(
      "https://bsky.app/profile/ines.example/post/3kb1",
    );
    // Never shown: the private reply, the deleted, blocked and signed-in-only ones.
    const all = html.toString();
    for (const gone of ["réservée aux abonnés", "3kgone", "3kblock", "hors connexion"]) expect(all).not.toContain(gone);
    // Sanitized: no script, no javascript: link, no handler.
    expect(
      html
        .querySelector("#commentaires")!
        .toString()
        .match(/<script|javascript:|onerror/g),
    ).toBeNull();

    // Bluesky's facets over UTF-8 bytes (after an emoji): tag, mention and link, the hostile ones dropped.
    const ines = top[2]!.querySelector(".comment__body")!;
    expect(ines.querySelectorAll("a").map((a) => [text(a), a.getAttribute("href")])).toEqual([
      ["#veille", "https://bsky.app/hashtag/veille"],
      ["@jules.example", "https://bsky.app/profile/did:plc:jules"],
      ["https://exemple.fr/article", "https://exemple.fr/article"],
    ]);
    expect(text(ines)).toBe("Merci 🙏 pour #veille et @jules.example : https://exemple.fr/article");
    // A content warning stays folded; a sensitive image is only a link.
    const nour = top[4]!;
    expect(text(nour.querySelector(".comment__body details summary"))).toBe("Avertissement\u00A0: politique");
    expect(nour.querySelector(".comment__body details")!.hasAttribute("open")).toBe(false);
    expect(nour.querySelectorAll(".comment__body img")).toHaveLength(0);
    expect(text(nour.querySelector(".comment__body details a"))).toBe("[image sensible : Une capture d’écran]");

    // Avatars and images come from the site; a failed download gives initials.
    expect(text(top[3]!.querySelector(".comment__avatar"))).toBe("S");
    expect(text(nour.querySelector(".comment__avatar"))).toBe("N");
    expect(top[5]!.querySelector(".comment__body img")!.getAttribute("src")).toMatch(/^\/img\//);
    const sources = html
      .querySelectorAll("img, source")
      .flatMap((element) => [element.getAttribute("src"), ...(element.getAttribute("srcset")?.split(/,\s*/) ?? [])])
      .filter((value): value is string => Boolean(value));
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter((value) => !value.startsWith("/"))).toEqual([]);

    // « Aussi publié sur … » and where to answer.
    expect(text(html.querySelector(".syndication"))).toBe("Aussi publié sur Mastodon, Bluesky et LinkedIn");
    expect(html.querySelectorAll(".syndication a.u-syndication")).toHaveLength(3);
    expect(html.querySelectorAll(".comments__places a").map((a) => text(a))).toEqual([
      "Lire et commenter la discussion sur GitHub",
      "Répondre sur Mastodon",
      "Répondre sur Bluesky",
      "Répondre sur LinkedIn",
    ]);
    const report = await htmlValidator.validateFile(path.join(built.output, "billets/partage/index.html"));
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);

    // Counted on list pages.
    const home = await parsePage(built.output, "index.html");
    expect(text(home.querySelector(".comment-count"))).toBe("9 commentaires");
  });

  it("reads a recent post's replies again at the next build, and downloads nothing twice", async () => {
    mastodon.requests.length = bluesky.requests.length = 0;
    const avatars = github.avatarRequests;
    mastodon.statuses.push({
      id: "1105",
      acct: "arrivee",
      content: "<p>Arrivée après coup.</p>",
      createdAt: "2024-03-05T08:00:00.000Z",
      inReplyTo: "1100",
    });
    await runEleventy(built.config);
    expect(warnings()).toEqual([]);
    expect(mastodon.requests.filter((r) => r.startsWith("/api/"))).toEqual([
      "/api/v1/statuses/1100",
      "/api/v1/statuses/1100/context",
    ]);
    // The handle was resolved once, at the first build.
    expect(bluesky.requests.filter((r) => r.startsWith("/xrpc/")).map((r) => r.split("?")[0])).toEqual([
      "/xrpc/app.bsky.feed.getPostThread",
    ]);
    expect(mastodon.requests.filter((r) => r.startsWith("/avatars/"))).toEqual(["/avatars/arrivee.png"]);
    expect(github.avatarRequests).toBe(avatars);
    expect(text((await page()).querySelector("#commentaires h2"))).toMatch(/^10 réflexions/);
    mastodon.statuses.pop();
  });

  it.each(["server-error", "malformed", "hang", "deleted", "rate-limited"] as const)(
    "keeps the cached replies, with one warning per service, when the services fail: %s",
    async (mode) => {
      mastodon.fail = bluesky.fail = mode;
      await runEleventy(built.config);
      const lines = warnings();
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        /^\[billet\] Commentaires\u00A0: réponses depuis Mastodon\u00A0: .*Ces billets gardent les réponses lues avant\.$/,
      );
      expect(lines[1]).toMatch(/^\[billet\] Commentaires\u00A0: réponses depuis Bluesky\u00A0: /);
      expect(text((await page()).querySelector("#commentaires h2"))).toMatch(/^10 réflexions/);
    },
  );
});

describe("moderation", () => {
  it("leaves hidden comments and blocked authors out of the thread and the counts, from any source", async () => {
    const built = await site(
      {
        ...CONFIG,
        comments: {
          ...COMMENTS,
          moderation: {
            // The Mastodon reply that the author answered stays, without its text; Théo's Bluesky reply goes.
            hidden: [`${mastodon.url}/@jules@pouet.example/1101`, "https://bsky.app/profile/theo.example/post/3kb3"],
            blockedAuthors: ["lea-martin", "@nour@" + new URL(mastodon.url).hostname, "jules.example"],
          },
        },
      },
      "2024-03-03",
    );
    await runEleventy(built.config);
    const html = await parsePage(built.output, "billets/partage/index.html");
    // Left: claire-dupont's reply (under Léa's hidden comment), Claire's Mastodon reply, Inès, Sami.
    expect(text(html.querySelector("#commentaires h2"))).toMatch(/^4 réflexions/);
    const authors = html
      .querySelectorAll(".comment")
      .map((c) => [text(c.querySelector(".comment__author")), text(c.querySelector(".comment__body"))]);
    expect(authors.map(([name]) => name)).toEqual([
      "lea-martin",
      "claire-dupont a écrit ce billet",
      "Jules",
      "Claire Dupont a écrit ce billet",
      "Inès",
      "sans-avatar-sami",
    ]);
    expect(authors[0]![1]).toBe("Ce commentaire a été masqué par la modération.");
    expect(authors[2]![1]).toBe("Ce commentaire a été masqué par la modération.");
    expect(html.toString()).not.toContain("Très utile");
    expect(html.toString()).not.toContain("algorithmes");
    expect(html.toString()).not.toContain("Le schéma");
  });

  it("says which moderation setting is wrong", async () => {
    const built = await site(
      { ...CONFIG, comments: { ...COMMENTS, moderation: { hidden: ["pas une adresse"], blocked: [] } } },
      "2024-03-03",
    );
    const failure = await runEleventy(built.config).then(
      () => "",
      (error: Error) => {
        let message = "";
        for (let e: any = error; e; e = e.originalError ?? e.cause) message += `${e.message}\n`;
        return message;
      },
    );
    // The site is French.
    expect(failure).toContain(
      "comments.moderation.hidden[0]\u00A0: trouvé «\u00A0pas une adresse\u00A0», attendu l’adresse d’un commentaire",
    );
    expect(failure).toContain("comments.moderation.blocked\u00A0: trouvé");
  });
});

describe("politeness", () => {
  it("reads an old post's replies once a week, not at every build", async () => {
    const built = await site(CONFIG, "2020-05-01");
    await runEleventy(built.config);
    mastodon.requests.length = bluesky.requests.length = 0;
    await runEleventy(built.config);
    expect(mastodon.requests).toEqual([]);
    expect(bluesky.requests).toEqual([]);
    expect(
      text((await parsePage(built.output, "billets/partage/index.html")).querySelector("#commentaires h2")),
    ).toMatch(/^9 réflexions/);
  });

  it("stops asking an instance whose X-RateLimit-Remaining runs low", async () => {
    takeWarnings();
    try {
      mastodon.rateLimitRemaining = 3;
      const built = await site(CONFIG, "2024-03-03");
      await runEleventy(built.config);
      // The status said 2 left: its context waits for a later build.
      expect(mastodon.requests.at(-1)).toBe("/api/v1/statuses/1100");
      expect(warnings().join("\n")).toContain("1 laissée pour une prochaine construction (127.0.0.1:");
    } finally {
      mastodon.rateLimitRemaining = 300;
    }
  });
});

describe("a damaged comment snapshot", () => {
  it("is named in one warning, not taken for « no snapshot », and fetched again; a bad entry costs only itself", async () => {
    const built = await site(CONFIG, "2024-03-03");
    await runEleventy(built.config);
    const file = path.join(built.dir, ".cache/comments/snapshot.json");
    const good = await readFile(file, "utf8");
    takeWarnings();
    try {
      // Truncated: fetched again in full, with one warning naming the file.
      await writeFile(file, good.slice(0, good.length / 2));
      await runEleventy(built.config);
      let lines = warnings();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`${file} est abîmé (pas un JSON complet`);
      expect(lines[0]).toContain("Ce qui a été perdu est redemandé à GitHub.");
      expect(JSON.parse(await readFile(file, "utf8")).discussions).toEqual(JSON.parse(good).discussions);

      // One discussion with a field of the wrong type, GitHub answering: dropped, fetched again, no crash.
      const data = JSON.parse(good);
      const id = Object.keys(data.discussions)[0]!;
      data.discussions[id].comments[0].createdAt = 42;
      await writeFile(file, JSON.stringify(data));
      takeWarnings();
      github.requests.length = 0;
      await runEleventy(built.config);
      lines = warnings();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(
        `${file} avait une entrée abîmée, laissée de côté et redemandée (discussions.${id}.comments[0].createdAt`,
      );
      expect(github.requests.some((r) => JSON.stringify(r.variables).includes(id))).toBe(true);
      expect(JSON.parse(await readFile(file, "utf8")).discussions[id].comments[0].createdAt).toBe(
        JSON.parse(good).discussions[id].comments[0].createdAt,
      );

      // Damaged, and GitHub cannot be asked: the threads go, said as such.
      await writeFile(file, "{");
      github.fail = "server-error";
      takeWarnings();
      await runEleventy(built.config);
      lines = warnings();
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain("L’instantané gardé sur le disque était abîmé");
      expect(lines.join("\n")).not.toContain("Il n’y a pas d’instantané plus ancien");
    } finally {
      github.fail = "none";
    }
  });
});
