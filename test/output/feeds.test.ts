/**
 * The sample blog's feeds and sitemap: every feed well-formed and readable
 * by a feed reader, every entry a built post, the sitemap listing exactly
 * the pages search engines may index.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { SaxesParser } from "saxes";
import { describe, expect, inject, it } from "vitest";
import { parseSource } from "../../plugins/content/frontmatter.ts";
import { htmlPages, listFiles, parsePage, urlOf } from "../helpers/html.ts";
import { ROOT } from "../helpers/project.ts";

const output = inject("siteOutput");
const SITE = "https://elise-marchal.example";
const PAGES = path.join(ROOT, "content", "pages");

describe("the sample blog's feeds and sitemap", async () => {
  const files = await listFiles(output);
  const atomFeeds = files.filter((file) => file.endsWith("feed.xml"));

  it("has a feed for the blog and for each category", () => {
    expect(atomFeeds).toEqual(expect.arrayContaining(["feed.xml", "categories/opinion/feed.xml"]));
    for (const feed of atomFeeds) expect(files).toContain(feed.replace(/\.xml$/, ".json"));
  });

  it.each(atomFeeds)("%s is well-formed, readable, and leads to built posts", async (file) => {
    const xml = await readFile(path.join(output, file), "utf8");
    new SaxesParser({ xmlns: true }).write(xml).close();
    const feed = parseFeed(xml);
    const json = JSON.parse(await readFile(path.join(output, file.replace(/\.xml$/, ".json")), "utf8"));
    expect(json.items.map((item: { url: string }) => item.url)).toEqual(feed.items.map((item) => item.url));
    for (const item of feed.items) {
      expect(item.url!.startsWith(`${SITE}/billets/`)).toBe(true);
      expect(existsSync(path.join(output, new URL(item.url!).pathname, "index.html")), item.url!).toBe(true);
      expect(item.content!.length).toBeGreaterThan(200);
    }
  });

  it("leaves the draft out of the feeds", async () => {
    const feed = parseFeed(await readFile(path.join(output, "feed.xml"), "utf8"));
    expect(feed.items.length).toBeGreaterThan(3);
    expect(feed.items.map((item) => item.title)).not.toContainEqual(expect.stringContaining("IA générative"));
  });

  it("lists exactly the indexable pages in sitemap.xml", async () => {
    const xml = await readFile(path.join(output, "sitemap.xml"), "utf8");
    new SaxesParser({ xmlns: true }).write(xml).close();
    const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!).sort();
    const indexable: string[] = [];
    for (const file of await htmlPages(output)) {
      if (file === "404.html") continue;
      const page = await parsePage(output, file);
      if (!page.querySelector('meta[name="robots"][content="noindex"]')) indexable.push(SITE + urlOf(file));
    }
    expect(listed).toEqual(indexable.sort());
    // Every address has its date of last change, except the pages that give none (no `updated:`).
    const undated = new Set<string>();
    for (const name of (await readdir(PAGES)).filter((file) => file.endsWith(".md"))) {
      const { data } = parseSource(await readFile(path.join(PAGES, name), "utf8"));
      if (data.updated || data.noindex || data.draft) continue;
      const { permalink, slug } = data as { permalink?: string; slug?: string };
      undated.add(SITE + (permalink ?? `/${slug ?? name.replace(/\.md$/, "")}/`));
    }
    expect(undated.size).toBeGreaterThan(0);
    for (const [, loc, lastmod] of xml.matchAll(/<url><loc>([^<]+)<\/loc>(<lastmod>[^<]+<\/lastmod>)?<\/url>/g)) {
      expect(Boolean(lastmod), loc).toBe(!undated.has(loc!));
    }
  });

  it("publishes a card for every post without its own image, as its og:image", async () => {
    for (const file of (await htmlPages(output)).filter((f) => f.startsWith("billets/"))) {
      const page = await parsePage(output, file);
      const image = page.querySelector('meta[property="og:image"]')?.getAttribute("content");
      expect(image, file).toMatch(/^https:\/\/elise-marchal\.example\//);
      expect(existsSync(path.join(output, new URL(image!).pathname)), image).toBe(true);
    }
  });
});
