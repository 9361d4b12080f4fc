/**
 * Feeds, sitemap and robots.txt of a small site: read back with a real
 * feed-reading library and an XML parser, never by searching text.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parse as parseHtml } from "node-html-parser";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlPages, parsePage, urlOf } from "../helpers/html.ts";
import { buildSite, post, removeSite, SMALL_CONFIG, type BuiltSite } from "../helpers/project.ts";

const DANGEROUS_TITLE = `Les "guillemets", <b>gras</b> & </script><script>alert(1)</script> en titre`;
const SHOWN_TITLE = `Les «\u00A0guillemets\u00A0», <b>gras</b> & </script><script>alert(1)</script> en titre`;
const SITE = "https://test.example";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** 24 published posts (newest first: billet-24 … billet-01), every third in « pratique ». */
function files(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  for (let i = 1; i <= 24; i++) {
    const n = String(i).padStart(2, "0");
    files[`posts/billet-${n}.md`] = post(
      {
        title: `Billet numéro ${i}`,
        date: `2024-01-${n} 10:00`,
        category: i % 3 === 0 ? "pratique" : "opinion",
        tags: ["essais"],
      },
      `Le texte du billet ${i}, avec [un lien vers le premier](/billets/billet-01/) et [un titre](#plus-loin).\n\n## Plus loin\n\nFin.`,
    );
  }
  files["posts/danger/index.md"] = post(
    { title: DANGEROUS_TITLE, date: "2024-02-01 09:00", updated: "2024-02-10", category: "opinion" },
    "Une image : ![Un carré](./carre.png) et [une page](../autre/).",
  );
  files["posts/danger/carre.png"] = PNG;
  files["posts/brouillon.md"] = post({ title: "Un brouillon", date: "2024-02-02", category: "opinion", draft: true });
  files["posts/futur.md"] = post({ title: "Un billet à venir", date: "2999-01-01", category: "opinion" });
  files["pages/apropos.md"] = post({ title: "À propos", updated: "2024-03-01" });
  files["pages/merci.md"] = post({ title: "Merci", noindex: true });
  files["pages/cachee.md"] = post({ title: "Page cachée", draft: true });
  return files;
}

/** Checks that a document is well-formed XML (saxes throws on the first error). */
function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.write(xml).close();
}

describe("feeds and sitemap of a production build", () => {
  let site: BuiltSite;
  const read = (file: string) => readFile(path.join(site.output, file), "utf8");

  beforeAll(async () => {
    site = await buildSite({ config: { ...SMALL_CONFIG, description: "Un carnet d’essai" }, files: files() });
  });
  afterAll(() => removeSite(site));

  it("writes a well-formed Atom feed of the 20 latest posts, which a feed reader reads", async () => {
    const xml = await read("feed.xml");
    wellFormed(xml);
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("Carnet de test");
    expect(feed.description).toBe("Un carnet d’essai");
    expect(feed.url).toBe(`${SITE}/`);
    expect(feed.self).toBe(`${SITE}/feed.xml`);
    expect(feed.items).toHaveLength(20);
    expect(feed.items.map((item) => item.title)).toEqual([
      SHOWN_TITLE,
      ...Array.from({ length: 19 }, (_, i) => `Billet numéro ${24 - i}`),
    ]);
    expect(feed.items.map((item) => item.url)).toEqual([
      `${SITE}/billets/danger/`,
      ...Array.from({ length: 19 }, (_, i) => `${SITE}/billets/billet-${String(24 - i).padStart(2, "0")}/`),
    ]);
    const [first, second] = feed.items;
    expect(first!.published).toEqual(new Date("2024-02-01T09:00:00+01:00"));
    expect(first!.updated).toEqual(new Date("2024-02-10T00:00:00+01:00"));
    expect(first!.authors.map((author) => author.name)).toEqual(["Claire Dupont"]);
    expect(second!.categories.map((category) => category.label)).toEqual(["Pratique", "essais"]);
  });

  it("puts each post in full, with absolute links and images", async () => {
    const feed = parseFeed(await read("feed.xml"));
    const danger = parseHtml(feed.items[0]!.content!);
    // The picture of a PNG beside the post: every file it names, absolute.
    expect(danger.querySelector("img")?.getAttribute("src")).toMatch(new RegExp(`^${SITE}/img/[\\w-]+\\.png$`));
    const candidates = danger
      .querySelectorAll("source, img")
      .flatMap((node) => (node.getAttribute("srcset") ?? "").split(",").filter(Boolean))
      .map((candidate) => candidate.trim().split(/\s+/)[0]!);
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) expect(candidate.startsWith(`${SITE}/img/`), candidate).toBe(true);
    expect(danger.querySelector("a")?.getAttribute("href")).toBe(`${SITE}/billets/autre/`);
    const other = parseHtml(feed.items[1]!.content!);
    expect(other.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual([
      `${SITE}/billets/billet-01/`,
      `${SITE}/billets/billet-24/#plus-loin`,
    ]);
    expect(other.querySelector("h2")?.getAttribute("id")).toBe("plus-loin");
  });

  it("writes the Atom feed as plain XML, and tells people what a feed is on the « S'abonner » page", async () => {
    const xml = await read("feed.xml");
    expect(xml).not.toContain("<?xml-stylesheet");
    expect(xml.split("\n")[1]).toMatch(/^<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    await expect(read("feed.xsl")).rejects.toThrow(/ENOENT/);
    const page = await read("abonnement/index.html");
    expect(page).toContain("Qu’est-ce qu’un flux");
    expect(page).toContain(`${SITE}/feed.xml`);
    expect(page).toContain(`${SITE}/feed.json`);
  });

  it("writes a JSON Feed 1.1 with every required field", async () => {
    const feed = JSON.parse(await read("feed.json"));
    expect(feed).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: "Carnet de test",
      home_page_url: `${SITE}/`,
      feed_url: `${SITE}/feed.json`,
      language: "fr-FR",
      authors: [{ name: "Claire Dupont", url: `${SITE}/` }],
    });
    expect(feed.items).toHaveLength(20);
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(item.id.length).toBeGreaterThan(0);
      expect(typeof item.content_html).toBe("string");
      expect(item.url).toBe(item.id);
      expect(new Date(item.date_published).toString()).not.toBe("Invalid Date");
      expect(new Date(item.date_modified).toString()).not.toBe("Invalid Date");
    }
    expect(feed.items[0]).toMatchObject({
      title: SHOWN_TITLE,
      url: `${SITE}/billets/danger/`,
      date_published: "2024-02-01T09:00:00+01:00",
      date_modified: "2024-02-10T00:00:00+01:00",
      tags: ["Opinion"],
    });
  });

  it("gives each category its own feeds, with its posts only", async () => {
    const atom = parseFeed(await read("categories/pratique/feed.xml"));
    expect(atom.title).toBe("Carnet de test — Pratique");
    expect(atom.items.map((item) => item.title)).toEqual(
      [24, 21, 18, 15, 12, 9, 6, 3].map((i) => `Billet numéro ${i}`),
    );
    const json = JSON.parse(await read("categories/opinion/feed.json"));
    // 16 numbered posts and the dangerous one.
    expect(json.items).toHaveLength(17);
    expect(json.items.every((item: { tags: string[] }) => item.tags[0] === "Opinion")).toBe(true);
  });

  it("leaves drafts and scheduled posts out of every feed", async () => {
    for (const file of ["feed.xml", "feed.json", "categories/opinion/feed.xml", "categories/opinion/feed.json"]) {
      const content = await read(file);
      expect(content).not.toContain("brouillon");
      expect(content).not.toContain("venir");
    }
  });

  it("links every page to the feeds, and a category page to its own first", async () => {
    for (const file of await htmlPages(site.output)) {
      const page = await parsePage(site.output, file);
      const feeds = page.querySelectorAll('link[rel="alternate"]').map((link) => link.getAttribute("href"));
      if (file === "categories/pratique/index.html") {
        expect(feeds).toEqual([
          "/categories/pratique/feed.xml",
          "/categories/pratique/feed.json",
          "/feed.xml",
          "/feed.json",
        ]);
      } else if (!file.startsWith("categories/")) {
        expect(feeds, file).toEqual(["/feed.xml", "/feed.json"]);
      }
    }
    const home = await parsePage(site.output, "index.html");
    expect(home.querySelector('link[type="application/atom+xml"]')?.getAttribute("title")).toBe(
      "Carnet de test (Atom)",
    );
  });

  it("lists exactly the published pages in sitemap.xml, each with its last change", async () => {
    const xml = await read("sitemap.xml");
    wellFormed(xml);
    const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)];
    const listed = new Map(urls.map(([, loc, lastmod]) => [loc!, lastmod]));
    expect(urls).toHaveLength((xml.match(/<url>/g) ?? []).length);

    const published: string[] = [];
    for (const file of await htmlPages(site.output)) {
      const page = await parsePage(site.output, file);
      if (file === "404.html" || page.querySelector('meta[name="robots"][content="noindex"]')) continue;
      published.push(SITE + urlOf(file));
    }
    expect([...listed.keys()].sort()).toEqual(published.sort());
    expect(listed.has(`${SITE}/merci/`)).toBe(false);
    expect(listed.get(`${SITE}/billets/danger/`)).toBe("2024-02-10T00:00:00+01:00");
    expect(listed.get(`${SITE}/billets/billet-03/`)).toBe("2024-01-03T10:00:00+01:00");
    expect(listed.get(`${SITE}/apropos/`)).toBe("2024-03-01T00:00:00+01:00");
    expect(listed.get(`${SITE}/`)).toBe("2024-02-10T00:00:00+01:00");
    expect(listed.get(`${SITE}/categories/pratique/`)).toBe("2024-01-24T10:00:00+01:00");
    for (const [loc, lastmod] of listed) expect(lastmod, loc).toBeDefined();
  });

  it("points robots.txt at the sitemap", async () => {
    expect(await read("robots.txt")).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });
});

describe("feeds in preview (npm start)", () => {
  let site: BuiltSite;
  afterAll(() => removeSite(site));

  it("include drafts, like every other list there", async () => {
    site = await buildSite({ files: files() }, "watch");
    const feed = parseFeed(await readFile(path.join(site.output, "feed.xml"), "utf8"));
    expect(feed.items.map((item) => item.title)).toContain("Un billet à venir");
  });
});
