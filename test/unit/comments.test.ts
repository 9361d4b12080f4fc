/**
 * The rules of comment threads: terms and their SHA-1, look-ups, the
 * configuration and its environment variables, archives, threading and
 * counting.
 */
import { describe, expect, it } from "vitest";
import { parseArchive } from "../../plugins/comments/archived.ts";
import { widgetWarning } from "../../plugins/comments/config.ts";
import {
  discussionLookup,
  discussionTerm,
  keysOfDiscussion,
  searchQuery,
  sha1,
  widgetMapping,
} from "../../plugins/comments/term.ts";
import { buildThread, countComments, type Discussion, type GitHubComment } from "../../plugins/comments/thread.ts";
import { resolveSiteConfig } from "../../plugins/config/resolve.ts";
import { messages } from "../../plugins/i18n/index.ts";
import type { SiteConfig } from "../../plugins/config/site.ts";
import { ConfigError } from "../../plugins/problems/errors.ts";

const post = {
  key: "concours-demarches-en-clair",
  discussion: undefined,
  url: "/billets/concours-demarches-en-clair/",
};

describe("terms and look-ups", () => {
  it("hashes a term as giscus does: SHA-1 of its UTF-8 bytes, in lowercase hex", async () => {
    // The published test vectors of SHA-1 (FIPS 180).
    expect(sha1("")).toBe("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    expect(sha1("abc")).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    // giscus hashes with WebCrypto over TextEncoder's bytes (lib/utils.ts, digestMessage): same result.
    for (const term of ["concours-demarches-en-clair", "billets/été-à-strasbourg/", "« Titre » — 🎉", "日本語"]) {
      const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(term));
      const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
      expect(sha1(term)).toBe(hex);
    }
  });

  it("uses the post's comment key with the default mapping, and what giscus would compute otherwise", () => {
    expect(discussionTerm(post, "specific", "https://elise.example")).toBe("concours-demarches-en-clair");
    expect(discussionTerm(post, "pathname", "https://elise.example")).toBe("billets/concours-demarches-en-clair/");
    expect(discussionTerm(post, "url", "https://elise.example")).toBe(
      "https://elise.example/billets/concours-demarches-en-clair/",
    );
  });

  it("searches in discussion bodies by SHA-1 when strict, by title otherwise, and by number when pinned", () => {
    expect(discussionLookup(post, { mapping: "specific", strict: true }, "https://e.example")).toEqual({
      kind: "term",
      term: "concours-demarches-en-clair",
      strict: true,
      key: `sha1:${sha1("concours-demarches-en-clair")}`,
    });
    expect(discussionLookup(post, { mapping: "specific", strict: false }, "https://e.example").key).toBe(
      "title:concours-demarches-en-clair",
    );
    const pinned = discussionLookup(
      { ...post, discussion: 42 },
      { mapping: "specific", strict: true },
      "https://e.example",
    );
    expect(pinned).toEqual({ kind: "number", number: 42, key: "number:42" });
    expect(widgetMapping(pinned)).toEqual({ mapping: "number", term: "42" });
    expect(searchQuery("Elise-Marchal/Carnet", "Commentaires", "mon-billet", true)).toBe(
      `repo:elise-marchal/carnet category:"Commentaires" in:body "${sha1("mon-billet")}"`,
    );
    expect(searchQuery("a/b", undefined, 'dit "bonjour"', false)).toBe('repo:a/b  in:title "dit \\"bonjour\\""');
  });

  it("reads the keys a discussion answers to from what giscus wrote in it", () => {
    const hash = sha1("mon-billet");
    expect(
      keysOfDiscussion({ number: 5, title: "mon-billet", body: `# mon-billet\n\n<!-- sha1: ${hash} -->` }),
    ).toEqual(["number:5", "title:mon-billet", `sha1:${hash}`]);
  });
});

describe("the comments section of site.config.ts", () => {
  // In English: these tests are about what the section accepts.
  const minimal: SiteConfig = {
    title: "Blog",
    language: "en",
    authors: { a: { name: "A" } },
    categories: { o: { name: "O" } },
  };

  it("defaults to stable threads loaded lazily, and leaves the widget off without ids", () => {
    const { comments } = resolveSiteConfig(minimal, { env: {} });
    expect(comments).toMatchObject({
      enabled: true,
      mapping: "specific",
      strict: true,
      reactions: true,
      inputPosition: "bottom",
      loading: "lazy",
      themes: { light: "light", dark: "dark" },
      widget: { enabled: false, missing: ["repo", "repoId", "category", "categoryId"] },
    });
    expect(widgetWarning(comments, messages("en"))).toBe(
      "Comments: the giscus widget is off because site.config.ts leaves comments.repo (or GISCUS_REPO), comments.repoId (or GISCUS_REPO_ID), comments.category (or GISCUS_CATEGORY), comments.categoryId (or GISCUS_CATEGORY_ID) empty; posts show their archived and cached comments only. The values are given at https://giscus.app.",
    );
    // A French site's author reads it in French, with French spacing.
    expect(widgetWarning(comments, messages("fr"))).toBe(
      "Commentaires\u00A0: le widget giscus est éteint, car site.config.ts ne donne pas comments.repo (ou GISCUS_REPO), comments.repoId (ou GISCUS_REPO_ID), comments.category (ou GISCUS_CATEGORY), comments.categoryId (ou GISCUS_CATEGORY_ID)\u202F; les billets ne montrent que leurs commentaires archivés et gardés. Les valeurs sont données sur https://giscus.app.",
    );
  });

  it("lets each GISCUS_* variable win over the file, and ignores empty ones", () => {
    const config: SiteConfig = {
      ...minimal,
      comments: { repo: "moi/blog", category: "Commentaires", loading: "lazy" },
    };
    const { comments } = resolveSiteConfig(config, {
      env: {
        GISCUS_REPO: "fourche/blog",
        GISCUS_REPO_ID: "R_1",
        GISCUS_CATEGORY: "",
        GISCUS_CATEGORY_ID: "DIC_1",
        GISCUS_MAPPING: "pathname",
        GISCUS_LOADING: "consent",
      },
    });
    expect(comments.widget).toEqual({
      enabled: true,
      repo: "fourche/blog",
      repoId: "R_1",
      category: "Commentaires",
      categoryId: "DIC_1",
    });
    expect(comments.mapping).toBe("pathname");
    expect(comments.loading).toBe("consent");
    expect(widgetWarning(comments, messages("fr"))).toBeUndefined();
  });

  it("reports mistakes, naming the variable a wrong value came from", () => {
    const config = {
      ...minimal,
      comments: { repo: "pas un dépôt", strict: "oui", themes: { dark: "<script>" }, inputPosition: "left" },
    } as unknown as SiteConfig;
    try {
      resolveSiteConfig(config, { env: { GISCUS_MAPPING: "title" } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'site.config.ts: comments.repo: found "pas un dépôt", expected a GitHub repository as "owner/name"',
        'site.config.ts: comments.mapping (from GISCUS_MAPPING): found "title", expected one of "specific", "pathname", "url"',
        'site.config.ts: comments.inputPosition: found "left", expected one of "bottom", "top"',
        'site.config.ts: comments.strict: found "oui", expected true or false',
        'site.config.ts: comments.themes.dark: found "<script>", expected a giscus theme name such as "noborder_light", or an https:// URL',
      ]);
    }
  });
});

describe("archived comments", () => {
  it("reads the format, with dates in the site's time zone and numbers as ids", () => {
    const result = parseArchive(
      `- id: 1042\n  author: { name: "Marie", url: "https://marie.example" }\n  date: "2013-01-15 10:32"\n  body: "Merci."\n- id: "r"\n  parent: 1042\n  byPostAuthor: true\n  author: { name: Élise }\n  date: 2013-01-16\n  body: Réponse.\n`,
      "Europe/Paris",
      messages("en"),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.comments.map((c) => [c.id, c.parent, c.author, c.date.toISO(), c.byPostAuthor])).toEqual([
      ["1042", undefined, { name: "Marie", url: "https://marie.example" }, "2013-01-15T10:32:00.000+01:00", false],
      ["r", "1042", { name: "Élise", url: undefined }, "2013-01-16T00:00:00.000+01:00", true],
    ]);
  });

  it("lists every problem with its place in the file", () => {
    const result = parseArchive(
      `- id: a\n  author: { name: X, url: "javascript:alert(1)" }\n  date: "2013-13-01"\n  body: ok\n  ip: "10.0.0.1"\n- id: b\n  parent: c\n  author: { name: Y }\n  date: "2013-01-01"\n  body: ok\n- id: c\n  parent: b\n  author: { name: Z }\n  date: "2013-01-01"\n  body: ok\n- "texte"\n`,
      "Europe/Paris",
      messages("en"),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        "[0].ip: found an unknown key, expected only id, author, date, body, parent, byPostAuthor (e-mail and IP addresses are never published)",
        '[0].author.url: found "javascript:alert(1)", expected an http:// or https:// address',
        '[0].date: found "2013-13-01", expected a real date as YYYY-MM-DD, optionally with a time (2024-01-14 or 2024-01-14 09:30)',
        '[3]: found "texte", expected a comment: id, author, date and body',
        '[1].parent: found "c", which leads back to this comment, expected a comment it answers',
        '[2].parent: found "b", which leads back to this comment, expected a comment it answers',
      ],
    });
    expect(parseArchive("titre: pas une liste", "Europe/Paris", messages("en"))).toEqual({
      ok: false,
      problems: [
        'found an object ({"titre":"pas une liste"}), expected a list of comments, each starting with "- id:"',
      ],
    });
    expect(parseArchive("- [pas fermé", "Europe/Paris", messages("en"))).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^found invalid YAML at line 2/)],
    });
  });
});

describe("archived comments' problems in the site's language", () => {
  const text = `- id: a\n  author: { name: X }\n  date: "2013-13-01"\n  body: ok\n  email: "x@example.org"\n`;

  it("are in French for a French site", () => {
    expect(parseArchive(text, "Europe/Paris", messages("fr"))).toEqual({
      ok: false,
      problems: [
        "[0].email\u00A0: trouvé une clé inconnue, attendu seulement id, author, date, body, parent, byPostAuthor (les adresses e-mail et IP ne sont jamais publiées)",
        "[0].date\u00A0: trouvé «\u00A02013-13-01\u00A0», attendu une date réelle au format AAAA-MM-JJ, avec ou sans heure (2024-01-14 ou 2024-01-14 09:30)",
      ],
    });
  });

  it("are in English for an English site", () => {
    expect(parseArchive(text, "Europe/Paris", messages("en"))).toEqual({
      ok: false,
      problems: [
        "[0].email: found an unknown key, expected only id, author, date, body, parent, byPostAuthor (e-mail and IP addresses are never published)",
        '[0].date: found "2013-13-01", expected a real date as YYYY-MM-DD, optionally with a time (2024-01-14 or 2024-01-14 09:30)',
      ],
    });
  });
});

describe("threads and counts", () => {
  const gh = (id: string, login: string | null, extra: Partial<GitHubComment> = {}): GitHubComment => ({
    id,
    author: login
      ? { login, url: `https://github.com/${login}`, avatarUrl: "https://avatars.githubusercontent.com/u/1" }
      : null,
    createdAt: "2024-01-01T10:00:00Z",
    url: `https://github.com/a/b/discussions/1#${id}`,
    bodyHTML: `<p>${id}</p>`,
    deletedAt: null,
    isMinimized: false,
    upvoteCount: 0,
    reactions: [],
    replies: [],
    ...extra,
  });
  const archive = parseArchive(
    `- { id: a, author: { name: A }, date: "2013-01-01", body: a }\n- { id: b, parent: a, author: { name: B }, date: "2013-01-02", body: b }\n- { id: c, parent: b, author: { name: C }, date: "2013-01-03", body: c }\n- { id: d, author: { name: D }, date: "2013-01-04", body: d }\n`,
    "Europe/Paris",
    messages("en"),
  );
  const archived = archive.ok ? archive.comments : [];

  it("threads archived comments by parent, at any depth, in file order", () => {
    const thread = buildThread(archived, undefined, undefined);
    expect(thread.comments.map((c) => c.id)).toEqual(["a", "d"]);
    expect(thread.comments[0]!.replies[0]!.id).toBe("b");
    expect(thread.comments[0]!.replies[0]!.replies[0]!.parent?.id).toBe("b");
    expect(thread.count).toBe(4);
  });

  it("counts replies, which GitHub's comments.totalCount leaves out, and never what was deleted", () => {
    const discussion: Discussion = {
      id: "D1",
      number: 1,
      url: "https://github.com/a/b/discussions/1",
      title: "t",
      updatedAt: "2024-01-01T10:00:00Z",
      comments: [
        gh("c1", "lecteur", { replies: [gh("r1", "Autrice"), gh("r2", "autre")] }),
        gh("c2", "x", { deletedAt: "2024-01-02T00:00:00Z" }),
        gh("c3", "y", { isMinimized: true, replies: [gh("r3", null)] }),
      ],
    };
    const thread = buildThread(archived, discussion, "autrice");
    expect(thread.comments.map((c) => c.id)).toEqual(["a", "d", "c1", "c3"]);
    expect(thread.count).toBe(4 + 3 + 1);
    expect(countComments(thread.comments.slice(2))).toBe(4);
    const c1 = thread.comments[2]!;
    expect(c1.replies.map((r) => [r.id, r.byPostAuthor])).toEqual([
      ["r1", true],
      ["r2", false],
    ]);
    expect(thread.comments[3]!.state).toBe("minimized");
    expect(thread.comments[3]!.replies[0]!.author.name).toBe("ghost");
    expect(thread.discussionUrl).toBe("https://github.com/a/b/discussions/1");
    expect(buildThread([], undefined, undefined)).toEqual({ comments: [], count: 0, discussionUrl: undefined });
  });
});
