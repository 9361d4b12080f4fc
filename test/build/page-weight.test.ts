/**
 * The page-weight budget: what a reader downloads to read a text-only post
 * of about 1,000 words with no comments yet — the page, its stylesheet,
 * fonts and scripts, compressed as Netlify serves them — stays at or under
 * 14 KB, from the site's own origin only.
 *
 * The site is the sample blog's configuration (its navigation, author box,
 * share buttons, search box) with giscus switched on, and one post
 * (test/fixtures/page-weight/). With no GitHub token there is no thread, so
 * the comments section says « Aucun commentaire pour l'instant » and the
 * page loads the small script that will bring the widget.
 *
 * Counted: everything the page loads before any interaction, found by
 * reading the built files (test/helpers/page-weight.ts, which also says
 * how compression is reckoned). Left out, and listed by the test, because
 * they load only when the reader scrolls down to them or acts:
 * - the share script and the comments' loader, which page.js imports when
 *   the reader nears the share block or the comments, both below 1,000
 *   words of text (layouts/scripts/scripts-near.ts);
 * - the giscus widget, which that loader imports in turn;
 * - the author's portrait in the author box (loading="lazy", below the text);
 * - the Pagefind index (on the search page only, when the reader types).
 * The share icons' sprite is counted: the share links draw their icons
 * with <use href>, which the browser fetches with the page.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import siteConfig from "../../site.config.ts";
import { pageWeight, weightTable, BROTLI_QUALITY, GZIP_LEVEL, type PageWeight } from "../helpers/page-weight.ts";
import { buildSite, removeSite, ROOT, tempDir, type BuiltSite } from "../helpers/project.ts";

const BUDGET = 14 * 1024;
const ORIGIN = "https://carnet.example";
const POST = "/billets/relire-a-voix-haute/";

describe("page-weight budget of a text-only post", () => {
  let site: BuiltSite;
  let weight: PageWeight;
  let words: number;
  beforeAll(async () => {
    const source = await readFile(path.join(ROOT, "test/fixtures/page-weight/relire-a-voix-haute.md"), "utf8");
    words = source
      .split(/^---$/m)[2]!
      .split(/\s+/)
      .filter((word) => /\p{L}/u.test(word)).length;
    site = await buildSite({
      config: {
        ...siteConfig,
        url: ORIGIN,
        comments: { ...siteConfig.comments, repoId: "R_kgDOpoids", categoryId: "DIC_kwDOpoids" },
      },
      files: {
        "posts/relire-a-voix-haute.md": source,
        "images/elise-marchal.svg": await readFile(path.join(ROOT, "content/images/elise-marchal.svg")),
      },
    });
    weight = pageWeight(site.output, POST, ORIGIN);
  });
  afterAll(() => removeSite(site));

  it("the post is the one the budget is about: about 1,000 words, no comments yet, giscus on", async () => {
    expect(words).toBeGreaterThanOrEqual(950);
    const html = await readFile(path.join(site.output, POST, "index.html"), "utf8");
    expect(html).toContain("Aucun commentaire pour l’instant");
    expect(html).toContain("data-giscus=");
    expect(html).not.toMatch(/<img(?![^>]*loading="lazy")/);
    expect(weight.files.map((file) => file.kind)).toEqual(expect.arrayContaining(["html", "css", "js"]));
  });

  it(`loads at most ${BUDGET} bytes, brotli quality ${BROTLI_QUALITY} (gzip level ${GZIP_LEVEL} reported)`, () => {
    const report = `\n${weightTable(weight)}\n\nleft out:\n${weight.leftOut.map((line) => `  ${line}`).join("\n")}\n`;
    console.info(`Page weight of ${POST}:${report}`);
    expect(weight.missing, "references to files that were not built").toEqual([]);
    expect(weight.total.brotli, `over budget (${BUDGET} bytes):${report}`).toBeLessThanOrEqual(BUDGET);
  });

  it("requests nothing from another origin before the reader asks", () => {
    expect(weight.offsite).toEqual([]);
    // What is left out for later comes from the site too.
    const later = weight.leftOut.join("\n");
    expect(later).toMatch(/\/assets\/share\.\w+\.js: named by data-script/);
    expect(later).toMatch(/\/assets\/comments\.\w+\.js: named by data-script/);
    expect(later).toMatch(/\/assets\/giscus\.\w+\.js: named by data-giscus/);
  });
});

describe("reading what a page loads", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("weight");
    const files: Record<string, string> = {
      "index.html": [
        '<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css"><script src="/classic.js"></script>',
        '<script type="module" src="/m.js"></script><link rel="icon" href="/i.svg"></head><body>',
        '<img src="/eager.png" alt=""><img src="/lazy.png" loading="lazy" alt="">',
        '<svg><use href="/sprite.svg#x"></use></svg><svg><use href="#local"></use></svg>',
        '<div data-script="/later.js"></div><script src="https://cdn.example/x.js"></script></body></html>',
      ].join(""),
      "a.css": '@import "./b.css";body{background:url("data:image/svg+xml,x")}',
      "b.css": '@font-face{font-family:F;src:url(/f.woff2) format("woff2")}',
      "classic.js": "document.title='x'",
      "m.js": 'import{a}from"/dep.js";import("/dyn.js");',
      "dep.js": "export const a=1;",
      "i.svg": "<svg/>",
      "eager.png": "png",
      "sprite.svg": "<svg/>",
      "f.woff2": "font",
    };
    for (const [name, contents] of Object.entries(files)) await writeFile(path.join(dir, name), contents);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("follows stylesheets, imports, fonts, sprites and eager images; leaves out what waits; flags other origins", () => {
    const weight = pageWeight(dir, "/", "https://site.example");
    expect(weight.files.map((file) => `${file.kind} ${file.url}`).sort()).toEqual(
      [
        "css /a.css",
        "css /b.css",
        "font /f.woff2",
        "html /",
        "image /eager.png",
        "image /i.svg",
        "image /sprite.svg",
        "js /classic.js",
        "js /dep.js",
        "js /m.js",
      ].sort(),
    );
    expect(weight.offsite).toEqual(["https://cdn.example/x.js (<script> in /)"]);
    expect(weight.leftOut).toEqual([
      "/m.js: 1 dynamic import() (runs when the script asks: on scroll or on a click)",
      "/lazy.png: <img loading=lazy> (below the fold, loads as the reader scrolls)",
      "/later.js: named by data-script (loaded by a script when needed)",
    ]);
    expect(weight.total.raw).toBe(weight.files.reduce((sum, file) => sum + file.raw, 0));
  });
});
