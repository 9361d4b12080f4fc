/**
 * The search index and the search page, built on small sites: what is
 * indexed, in which language, where the page is, and the settings of
 * `search` in site.config.ts. (Searching in a browser: test/browser/search.test.ts.)
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchIndexer } from "../../plugins/search/indexer.ts";
import type { SearchSource } from "../../plugins/search/records.ts";
import { listFiles, parsePage } from "../helpers/html.ts";
import {
  buildSite,
  post,
  removeSite,
  runEleventy,
  SMALL_CONFIG,
  tempDir,
  writeSite,
  type BuiltSite,
} from "../helpers/project.ts";

const FILES = {
  "posts/publie.md": post({ title: "Les réseaux sociaux", date: "2024-01-01", category: "opinion" }),
  "posts/autre.md": post({ title: "Un autre billet", date: "2024-01-02", category: "pratique" }),
  "posts/brouillon.md": post({ title: "Pas encore", date: "2024-01-03", category: "opinion", draft: true }),
  "posts/plus-tard.md": post({ title: "Bientôt", date: "2999-01-01", category: "opinion" }),
  "pages/a-propos.md": "---\ntitle: À propos\n---\n\nQui écrit ici.\n",
  "pages/merci.md": "---\ntitle: Merci\nnoindex: true\n---\n\nMessage reçu.\n",
};

interface Entry {
  version: string;
  languages: Record<string, { page_count: number }>;
}

const entry = async (output: string): Promise<Entry> =>
  JSON.parse(await readFile(path.join(output, "pagefind", "pagefind-entry.json"), "utf8"));

describe("the search index of a production build", () => {
  let site: BuiltSite & { config: string };
  beforeAll(async () => {
    site = await writeSite({ files: FILES });
    await runEleventy(site.config);
  });
  afterAll(() => removeSite(site));

  it("holds the published posts and pages only, in French", async () => {
    const index = await entry(site.output);
    // Two published posts and « À propos »: no draft, no scheduled post, no noindex page.
    expect(index.languages).toEqual({ fr: expect.objectContaining({ page_count: 3 }) });
  });

  it("publishes the search script's files and not Pagefind's ready-made interfaces", async () => {
    const files = (await listFiles(path.join(site.output, "pagefind"))).filter((file) => !file.includes("/"));
    expect(files).toEqual(expect.arrayContaining(["pagefind.js", "pagefind-worker.js", "wasm.fr.pagefind"]));
    expect(files.filter((file) => file.includes("-ui"))).toEqual([]);
  });

  it("has a search page at /recherche/ and a link to it in every page's header", async () => {
    const search = await parsePage(site.output, "recherche/index.html");
    expect(search.querySelector("h1")?.textContent).toBe("Rechercher");
    const form = search.querySelector("form[data-search-form]")!;
    expect(form.getAttribute("action")).toBe("https://duckduckgo.com/");
    expect(form.hasAttribute("data-search-empty")).toBe(false);
    expect(form.querySelector('input[name="sites"]')?.getAttribute("value")).toBe("test.example");
    expect(search.querySelector("label[for=recherche-mots]")?.textContent).toBe("Rechercher sur le site");
    expect(search.querySelector("[data-search-status]")?.getAttribute("role")).toBe("status");
    // The same header as every other page: a link, not a second form.
    expect(search.querySelector("header form")).toBeNull();
    expect(search.querySelector("header a.search-link")?.getAttribute("aria-current")).toBe("page");

    const home = await parsePage(site.output, "index.html");
    expect(home.querySelector("header form")).toBeNull();
    expect(home.querySelector("header a.search-link")?.getAttribute("href")).toBe("/recherche/");
    // The search page's script is not loaded elsewhere.
    expect(home.querySelectorAll("script[src]").map((s) => s.getAttribute("src"))).toEqual([
      expect.stringMatching(/^\/assets\/page\.\w+\.js$/),
    ]);
    // The search page's own script is loaded there only.
    expect(home.querySelector('script[src*="/assets/search."]')).toBeNull();
    expect(search.querySelector('script[src*="/assets/search."]')).not.toBeNull();
  });

  it("keeps the index in .cache/search and reuses it when nothing it holds changed", async () => {
    const cache = path.join(site.dir, ".cache", "search");
    const [key] = await readdir(cache);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    const entryFile = path.join(cache, key!, "pagefind-entry.json");
    const before = (await stat(entryFile)).mtimeMs;
    await runEleventy(site.config);
    expect(await readdir(cache)).toEqual([key]);
    expect((await stat(entryFile)).mtimeMs).toBe(before);
    // The published files are links to the cached ones, not copies.
    expect((await stat(path.join(site.output, "pagefind", "pagefind-entry.json"))).ino).toBe(
      (await stat(entryFile)).ino,
    );

    // A changed post is a new index; the previous one is kept, one step back.
    const file = path.join(site.dir, "content/posts/autre.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("Un paragraphe", "Un paragraphe changé"));
    await runEleventy(site.config);
    const keys = await readdir(cache);
    expect(keys).toHaveLength(2);
    expect(keys).toContain(key);
    expect((await entry(site.output)).languages.fr?.page_count).toBe(3);
  });
});

describe("the search index of a preview build", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite({ files: FILES }, "watch");
  });
  afterAll(() => removeSite(site));

  it("holds the drafts and scheduled posts shown in the preview", async () => {
    expect((await entry(site.output)).languages.fr?.page_count).toBe(5);
  });
});

describe("search settings", () => {
  const sites: BuiltSite[] = [];
  afterAll(async () => {
    for (const site of sites) await removeSite(site);
  });
  const build = async (config: Record<string, unknown>) => {
    const site = await buildSite({
      config: { ...SMALL_CONFIG, ...config },
      files: { "posts/publie.md": FILES["posts/publie.md"] },
    });
    sites.push(site);
    return site;
  };

  it("an English site searches in English at /search/", async () => {
    const site = await build({ language: "en" });
    expect(Object.keys((await entry(site.output)).languages)).toEqual(["en"]);
    const page = await parsePage(site.output, "search/index.html");
    expect(page.querySelector("h1")?.textContent).toBe("Search");
    const home = await parsePage(site.output, "index.html");
    expect(home.querySelector("header a.search-link")?.getAttribute("href")).toBe("/search/");
  });

  it("without a fallback, the forms go to the search page and need no script elsewhere", async () => {
    const site = await build({ search: { fallback: false } });
    const search = await parsePage(site.output, "recherche/index.html");
    const form = search.querySelector("form[data-search-form]")!;
    expect(form.getAttribute("action")).toBe("/recherche/");
    expect(form.querySelectorAll("input[type=hidden]")).toHaveLength(0);
    expect(search.querySelector("noscript")?.textContent).toContain("a besoin de JavaScript");
  });

  it("with nothing published yet, the search page answers without an index to load", async () => {
    const site = await buildSite({ files: { "posts/brouillon.md": FILES["posts/brouillon.md"] } });
    sites.push(site);
    const search = await parsePage(site.output, "recherche/index.html");
    expect(search.querySelector("form[data-search-form]")?.hasAttribute("data-search-empty")).toBe(true);
    expect((await entry(site.output)).languages).toEqual({});
  });

  it("search: false leaves out the box, the page and the index", async () => {
    const site = await build({ search: false });
    const files = await listFiles(site.output);
    expect(files.some((file) => file.startsWith("pagefind/") || file.startsWith("recherche/"))).toBe(false);
    const home = await parsePage(site.output, "index.html");
    expect(home.querySelector("form[role=search]")).toBeNull();
  });
});

describe("the indexer", () => {
  const source = async (dir: string, name: string, words: string): Promise<SearchSource> => {
    const file = path.join(dir, `${name}.md`);
    const text = `---\ntitle: ${name}\n---\n\n${words}\n`;
    await writeFile(file, text);
    return { url: `/${name}/`, file, digest: createHash("sha1").update(text).digest("hex"), meta: { title: name } };
  };

  it("indexes only the latest of the contents given while it was busy", async () => {
    const dir = await tempDir("indexer");
    const indexer = new SearchIndexer({ language: "fr", cacheDir: path.join(dir, "cache") });
    indexer.prepare([await source(dir, "un", "Premier texte.")], { delayMs: 50 });
    indexer.prepare([await source(dir, "deux", "Deuxième texte.")], { delayMs: 50 });
    indexer.prepare([await source(dir, "trois", "Troisième texte."), await source(dir, "quatre", "Et un autre.")]);
    const report = await indexer.publish(path.join(dir, "site"));
    expect(report).toEqual({ pages: 2, reused: false });
    expect((await entry(path.join(dir, "site"))).languages.fr?.page_count).toBe(2);
    // The superseded contents were never indexed.
    expect(await readdir(path.join(dir, "cache"))).toHaveLength(1);
    await removeSite({ dir, output: dir });
  });

  it("writes an empty index when there is nothing to index", async () => {
    const dir = await tempDir("indexer");
    const indexer = new SearchIndexer({ language: "fr", cacheDir: path.join(dir, "cache") });
    indexer.prepare([]);
    await indexer.publish(path.join(dir, "site"));
    expect((await entry(path.join(dir, "site"))).languages).toEqual({});
    expect(existsSync(path.join(dir, "site", "pagefind", "pagefind.js"))).toBe(true);
    await removeSite({ dir, output: dir });
  });
});
