/**
 * How WordPress's data maps onto Billet's: dates with their offset, comments
 * in the archived format, authors, categories, old addresses and uploads.
 */
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { parseDate } from "../../plugins/content/dates.ts";
import { resolveSiteConfig } from "../../plugins/config/resolve.ts";
import { mapAuthors, matchAuthor } from "../../scripts/wordpress/authors.ts";
import { CategoryMapper, isDefaultCategory, mergeCategoriesFile } from "../../scripts/wordpress/categories.ts";
import { archiveComments, commentFate, commentsYaml } from "../../scripts/wordpress/comments.ts";
import { wpDate } from "../../scripts/wordpress/dates.ts";
import type { WxrCategory, WxrComment } from "../../scripts/wordpress/model.ts";
import {
  applyStructure,
  BEGIN_MARKER,
  END_MARKER,
  learnStructure,
  mergeRedirectsFile,
  redirectLines,
  redirectPath,
} from "../../scripts/wordpress/redirects.ts";
import { localName, uploadPath } from "../../scripts/wordpress/uploads.ts";

const site = resolveSiteConfig(
  {
    title: "Essai",
    url: "https://essai.example",
    authors: {
      elise: { name: "Élise Marchal", github: "emarchal" },
      paul: { name: "Paul Kieffer" },
    },
    categories: { opinion: { name: "Opinion" }, strategie: { name: "Stratégie" } },
  },
  { env: {} },
);

describe("wpDate", () => {
  it("keeps the exact moment: local time with the offset WordPress's two dates give", () => {
    expect(wpDate("2013-01-14 09:30:00", "2013-01-14 08:30:00")).toBe("2013-01-14T09:30:00+01:00");
    expect(wpDate("2019-07-02 18:05:00", "2019-07-02 16:05:00")).toBe("2019-07-02T18:05:00+02:00");
    expect(wpDate("2020-03-01 05:00:00", "2020-03-01 10:30:00")).toBe("2020-03-01T05:00:00-05:30");
    expect(wpDate("2013-01-01 00:30:00", "2012-12-31 23:30:00")).toBe("2013-01-01T00:30:00+01:00");
  });

  it("writes dates Billet reads back as the same moment", () => {
    const date = parseDate(wpDate("2013-01-14 09:30:00", "2013-01-14 08:30:00")!, "America/Montreal")!;
    expect(date.toUTC().toISO()).toBe("2013-01-14T08:30:00.000Z");
  });

  it("falls back to local time for drafts, and refuses WordPress's zero date", () => {
    expect(wpDate("2021-05-01 10:00:00", "0000-00-00 00:00:00")).toBe("2021-05-01 10:00:00");
    expect(wpDate("0000-00-00 00:00:00", "0000-00-00 00:00:00")).toBeUndefined();
    expect(wpDate("", "")).toBeUndefined();
  });
});

function comment(fields: Partial<WxrComment> & { id: string }): WxrComment {
  return {
    author: "Quelqu’un",
    authorUrl: "",
    date: "2013-01-14 10:00:00",
    dateGmt: "2013-01-14 09:00:00",
    content: "Bonjour",
    approved: "1",
    type: "comment",
    parent: "0",
    userId: "0",
    ...fields,
  };
}

describe("archived comments", () => {
  const toMarkdown = (html: string) => html.replace(/<[^>]+>/g, "");
  const archive = (comments: WxrComment[], withPings = false) =>
    archiveComments(comments, { withPings, postAuthorUserId: "1", toMarkdown, anonymous: "Anonyme" });

  it("keeps approved comments only, and counts the others", () => {
    const fates = ["1", "0", "spam", "trash", "post-trashed"].map((approved) =>
      commentFate(comment({ id: "1", approved }), false),
    );
    expect(fates).toEqual(["kept", "pending", "spam", "trash", "trash"]);
    expect(commentFate(comment({ id: "1", type: "pingback" }), false)).toBe("pings");
    expect(commentFate(comment({ id: "1", type: "trackback" }), true)).toBe("kept");
  });

  it("keeps threads, marks the post author's own comments, and orders them oldest first", () => {
    const { entries, counts } = archive([
      comment({ id: "3", parent: "2", date: "2013-01-14 12:00:00", dateGmt: "2013-01-14 11:00:00" }),
      comment({ id: "1", author: "Jeanne", authorUrl: "https://jeanne.example", date: "2013-01-14 10:00:00" }),
      comment({ id: "2", parent: "1", userId: "1", date: "2013-01-14 11:00:00", dateGmt: "2013-01-14 10:00:00" }),
      comment({ id: "4", parent: "3", userId: "2", date: "2013-01-14 13:00:00", dateGmt: "2013-01-14 12:00:00" }),
    ]);
    expect(entries.map((e) => [e.id, e.parent, e.byPostAuthor])).toEqual([
      ["wp-1", undefined, undefined],
      ["wp-2", "wp-1", true],
      ["wp-3", "wp-2", undefined],
      ["wp-4", "wp-3", undefined],
    ]);
    expect(entries[0]).toEqual({
      id: "wp-1",
      author: { name: "Jeanne", url: "https://jeanne.example" },
      date: "2013-01-14T10:00:00+01:00",
      body: "Bonjour",
    });
    expect(counts.archived).toBe(4);
  });

  it("attaches a reply whose parent was left out to the nearest kept comment above", () => {
    const { entries, counts } = archive([
      comment({ id: "1" }),
      comment({ id: "2", parent: "1", approved: "spam" }),
      comment({ id: "3", parent: "2", date: "2013-01-14 11:00:00", dateGmt: "2013-01-14 10:00:00" }),
      comment({ id: "4", parent: "99", date: "2013-01-14 12:00:00", dateGmt: "2013-01-14 11:00:00" }),
    ]);
    expect(entries.map((e) => [e.id, e.parent])).toEqual([
      ["wp-1", undefined],
      ["wp-3", "wp-1"],
      ["wp-4", undefined],
    ]);
    expect(counts).toMatchObject({ archived: 3, spam: 1, reattached: 2 });
  });

  it("writes only the format's keys, with names and web addresses checked", () => {
    const { entries } = archive([comment({ id: "1", author: "  ", authorUrl: "javascript:alert(1)" })]);
    expect(entries[0]!.author).toEqual({ name: "Anonyme" });
    const text = commentsYaml(entries);
    const read = yaml.load(text, { schema: yaml.CORE_SCHEMA }) as Array<Record<string, unknown>>;
    expect(read).toEqual([
      { id: "wp-1", author: { name: "Anonyme" }, date: "2013-01-14T10:00:00+01:00", body: "Bonjour" },
    ]);
  });

  it("writes multi-line Markdown bodies that read back unchanged", () => {
    const body = "Premier paragraphe.\n\nSecond : « oui » — 🎉\n- une liste";
    const { entries } = archiveComments([comment({ id: "8", content: body })], {
      withPings: false,
      toMarkdown: (html) => html,
      anonymous: "Anonyme",
    });
    const read = yaml.load(commentsYaml(entries), { schema: yaml.CORE_SCHEMA }) as Array<{
      body: string;
      date: unknown;
    }>;
    expect(read[0]!.body).toBe(body);
    expect(typeof read[0]!.date).toBe("string");
  });
});

describe("authors", () => {
  const wp = (login: string, displayName: string, firstName = "", lastName = "") => ({
    id: "9",
    login,
    displayName,
    firstName,
    lastName,
  });

  it("matches by id, GitHub login or name, whatever the case and accents", () => {
    expect(matchAuthor(wp("paul", "P."), site)).toBe("paul");
    expect(matchAuthor(wp("emarchal", "Admin"), site)).toBe("elise");
    expect(matchAuthor(wp("admin", "ELISE MARCHAL"), site)).toBe("elise");
    expect(matchAuthor(wp("x", "", "Élise", "Marchal"), site)).toBe("elise");
    expect(matchAuthor(wp("stagiaire", "Léon"), site)).toBeUndefined();
  });

  it("credits unmatched authors to the default author and lists them", () => {
    const mapping = mapAuthors([wp("stagiaire", "Léon")], ["stagiaire", "paul", "inconnu"], site);
    expect(mapping.byLogin.get("stagiaire")).toBe("elise");
    expect(mapping.byLogin.get("paul")).toBe("paul");
    expect(mapping.unmatched.map((a) => a.login)).toEqual(["stagiaire", "inconnu"]);
  });
});

describe("categories", () => {
  const declared: WxrCategory[] = [
    { termId: "1", slug: "non-classe", parent: "", name: "Non classé", description: "" },
    { termId: "2", slug: "voyages", parent: "", name: "Voyages", description: "Carnets de route." },
    { termId: "3", slug: "strategie-web", parent: "", name: "Stratégie", description: "" },
    { termId: "4", slug: "alsace", parent: "voyages", name: "Alsace", description: "" },
    { termId: "5", slug: "divers", parent: "", name: "Alsace", description: "" },
  ];
  const term = (slug: string) => ({ domain: "category", slug, name: declared.find((c) => c.slug === slug)!.name });

  it("recognises WordPress's default category in English and French", () => {
    expect(isDefaultCategory({ slug: "uncategorized", name: "Uncategorized" })).toBe(true);
    expect(isDefaultCategory({ slug: "non-classe", name: "Non classé" })).toBe(true);
    expect(isDefaultCategory({ slug: "voyages", name: "Voyages" })).toBe(false);
  });

  it("uses Billet's categories by slug or name, and creates the others", () => {
    const mapper = new CategoryMapper(site, declared, "opinion");
    expect(mapper.choose([term("strategie-web")], undefined)).toEqual({ category: "strategie", extraTags: [] });
    expect(mapper.choose([term("voyages"), term("alsace")], undefined)).toEqual({
      category: "voyages",
      extraTags: ["Alsace"],
    });
    expect(mapper.choose([term("voyages"), term("alsace")], "4")).toEqual({
      category: "alsace",
      extraTags: ["Voyages"],
    });
    expect(mapper.choose([term("non-classe")], undefined)).toEqual({ category: "opinion", extraTags: [] });
    expect(mapper.choose([term("non-classe"), term("voyages")], undefined).category).toBe("voyages");
    expect(mapper.defaultUsed).toBe(1);
    expect(Object.fromEntries(mapper.added)).toEqual({
      voyages: { name: "Voyages", description: "Carnets de route." },
      alsace: { name: "Voyages › Alsace" },
    });
  });

  it("adds new categories to categories.yaml, keeping the author's entries and comments", () => {
    const added = new Map([["voyages", { name: "Voyages", description: "Carnets de route." }]]);
    const existing = "# Mes catégories\nrandonnee:\n  name: Randonnée # à pied\n";
    const merged = mergeCategoriesFile(existing, added);
    expect(merged.startsWith(existing)).toBe(true);
    expect(yaml.load(merged, { schema: yaml.CORE_SCHEMA })).toEqual({
      randonnee: { name: "Randonnée" },
      voyages: { name: "Voyages", description: "Carnets de route." },
    });
    // An entry already there is never replaced.
    expect(mergeCategoriesFile("voyages: { name: Mes voyages }\n", added)).toBe("voyages: { name: Mes voyages }\n");
    // A file in flow style is rewritten whole, without losing anything.
    const flow = mergeCategoriesFile("{ randonnee: { name: Randonnée } }\n", added);
    expect(yaml.load(flow, { schema: yaml.CORE_SCHEMA })).toEqual({
      randonnee: { name: "Randonnée" },
      voyages: { name: "Voyages", description: "Carnets de route." },
    });
  });
});

describe("redirects", () => {
  it("writes readable paths, keeping spaces and invisible characters encoded", () => {
    expect(redirectPath("https://a.example/2016/04/%e4%b8%ad%e6%96%87/")?.path).toBe("/2016/04/中文/");
    expect(redirectPath("https://a.example/a%20b/")?.path).toBe("/a%20b/");
    expect(redirectPath("https://a.example/x%E2%80%AEy/")?.path).toBe("/x%E2%80%AEy/");
    expect(redirectPath("https://a.example/?p=12")).toEqual({ path: "/", search: "?p=12" });
  });

  it("learns the permalink structure most posts show", () => {
    const date = { year: "2013", month: "01", day: "14" };
    const structure = learnStructure([
      { path: "/2013/01/un/", name: "un", date },
      { path: "/2013/01/deux/", name: "deux", date },
      { path: "/blog/trois/", name: "trois", date },
    ]);
    expect(structure).toBe("/%year%/%monthnum%/%postname%/");
    expect(applyStructure(structure!, "quatre", { year: "2015", month: "02", day: "10" })).toBe("/2015/02/quatre/");
    expect(learnStructure([{ path: "/2013/01/un/", name: "un", date }])).toBeUndefined();
  });

  it("writes Netlify rules, query conditions included, and replaces only its own block", () => {
    const lines = redirectLines([
      { from: "/", query: "p=:id", to: "/wp-id/:id/", force: true },
      { from: "/2013/01/un/", to: "/billets/un/" },
    ]);
    expect(lines).toEqual(["/  p=:id      /wp-id/:id/  301!", "/2013/01/un/  /billets/un/  301"]);
    const mine = "# Les miennes\n/vieux  /neuf  302\n";
    const first = mergeRedirectsFile(mine, lines);
    expect(first).toBe(`${mine}\n${BEGIN_MARKER}\n${lines.join("\n")}\n${END_MARKER}\n`);
    const again = mergeRedirectsFile(`${first}/apres  /ailleurs  301\n`, ["/a  /b  301"]);
    expect(again).toBe(`${mine}\n${BEGIN_MARKER}\n/a  /b  301\n${END_MARKER}\n/apres  /ailleurs  301\n`);
    expect(mergeRedirectsFile(undefined, ["/a  /b  301"])).toBe(`${BEGIN_MARKER}\n/a  /b  301\n${END_MARKER}\n`);
  });
});

describe("uploads", () => {
  const hosts = new Set(["ancien-carnet.example"]);

  it("finds the file an address points to in the old site's uploads", () => {
    expect(uploadPath("https://ancien-carnet.example/wp-content/uploads/2013/01/a.png", hosts)).toBe("2013/01/a.png");
    expect(uploadPath("http://www.ancien-carnet.example/wp-content/uploads/2013/01/%C3%A9t%C3%A9.JPG", hosts)).toBe(
      "2013/01/été.JPG",
    );
    expect(uploadPath("/wp-content/uploads/2013/01/a.png", hosts)).toBe("2013/01/a.png");
    expect(uploadPath("https://ailleurs.example/wp-content/uploads/2013/01/a.png", hosts)).toBeUndefined();
    expect(uploadPath("https://ancien-carnet.example/wp-content/uploads/../../etc/passwd.png", hosts)).toBeUndefined();
    expect(uploadPath("https://ancien-carnet.example/wp-content/uploads/2013/01/notice.pdf", hosts)).toBeUndefined();
  });

  it("names copies safely and uniquely beside the post", () => {
    const taken = new Set<string>();
    expect(localName("2013/01/Photo été.JPG", taken)).toBe("photo-ete.jpg");
    expect(localName("2014/02/photo-ete.jpg", taken)).toBe("photo-ete-2.jpg");
  });
});
