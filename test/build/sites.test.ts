/**
 * Small sites built end to end: lists and pagination, an English site,
 * images beside a post (JPEG and PNG: test/build/images.test.ts), the author box.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles, parsePage, text } from "../helpers/html.ts";
import { buildSite, post, removeSite, SMALL_CONFIG, type BuiltSite } from "../helpers/project.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><circle cx="1" cy="1" r="1" fill="red"/></svg>';
/** A 1×1 GIF. */
const GIF = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");

describe("a site of 23 posts", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 23; i++) {
      const day = String(i).padStart(2, "0");
      files[`posts/billet-${day}.md`] = post(
        {
          title: `Billet numéro ${i} : essai`,
          date: `2024-01-${day} 10:00`,
          category: i % 2 ? "opinion" : "pratique",
          tags: i % 3 ? ["réseaux sociaux"] : ["réseaux sociaux", "Stratégie"],
        },
        `Le texte du billet ${i}.`,
      );
    }
    files["posts/ancien.md"] = post({ title: "Un ancien billet", date: "2019-06-01", category: "opinion" });
    site = await buildSite({ files });
  });
  afterAll(() => removeSite(site));

  it("paginates the home page by 10, newest first, with links both ways", async () => {
    const files = await listFiles(site.output);
    expect(files).toEqual(expect.arrayContaining(["index.html", "page/2/index.html", "page/3/index.html"]));
    expect(files).not.toContain("page/4/index.html");
    const first = await parsePage(site.output, "index.html");
    const titles = first.querySelectorAll(".summary__title a").map((a) => text(a));
    expect(titles).toHaveLength(10);
    expect(titles[0]).toBe("Billet numéro 23\u00A0: essai");
    expect(first.querySelector('.pagination a[rel="next"]')?.getAttribute("href")).toBe("/page/2/");
    expect(first.querySelector('.pagination a[rel="prev"]')).toBeNull();
    const last = await parsePage(site.output, "page/3/index.html");
    expect(last.querySelectorAll(".summary")).toHaveLength(4);
    expect(text(last.querySelector(".pagination__status"))).toBe("Page 3 sur 3");
    expect(last.querySelector('.pagination a[rel="prev"]')?.getAttribute("href")).toBe("/page/2/");
    expect(text(last.querySelector("title"))).toContain("Derniers billets — page 3");
  });

  it("gives each category and tag one page listing every post by year", async () => {
    const files = await listFiles(site.output);
    expect(files).toEqual(
      expect.arrayContaining([
        "categories/opinion/index.html",
        "categories/pratique/index.html",
        "etiquettes/reseaux-sociaux/index.html",
        "etiquettes/strategie/index.html",
      ]),
    );
    const pages = files.filter((file) => file.endsWith(".html"));
    expect(pages.filter((file) => file.startsWith("categories/") || file.startsWith("etiquettes/"))).toHaveLength(4);
    const tag = await parsePage(site.output, "etiquettes/strategie/index.html");
    expect(text(tag.querySelector("h1"))).toBe("Étiquette\u00A0: Stratégie");
    expect(text(tag.querySelector(".list-header .meta"))).toBe("7 billets");
    expect(tag.querySelectorAll(".archive-list a").map((a) => a.getAttribute("href"))).toEqual(
      [21, 18, 15, 12, 9, 6, 3].map((i) => `/billets/billet-${String(i).padStart(2, "0")}/`),
    );
    const opinion = await parsePage(site.output, "categories/opinion/index.html");
    expect(opinion.querySelectorAll(".archive-year h2").map((h) => text(h))).toEqual([
      "2024 (12 billets)",
      "2019 (1 billet)",
    ]);
  });

  it("links each post to its neighbours and its category", async () => {
    const page = await parsePage(site.output, "billets/billet-05/index.html");
    expect(page.querySelector('.neighbours a[rel="prev"]')?.getAttribute("href")).toBe("/billets/billet-04/");
    expect(page.querySelector('.neighbours a[rel="next"]')?.getAttribute("href")).toBe("/billets/billet-06/");
    expect(page.querySelector(".post__category a")?.getAttribute("href")).toBe("/categories/opinion/");
    const oldest = await parsePage(site.output, "billets/ancien/index.html");
    expect(oldest.querySelector('.neighbours a[rel="prev"]')).toBeNull();
  });

  it("groups the archive by year, newest first, with counts", async () => {
    const archive = await parsePage(site.output, "archives/index.html");
    expect(archive.querySelectorAll(".archive-year h2").map((h) => text(h))).toEqual([
      "2024 (23 billets)",
      "2019 (1 billet)",
    ]);
    expect(text(archive.querySelector(".list-header__intro"))).toBe(
      "24 billets publiés, du plus récent au plus ancien.",
    );
  });

  it("dates posts in French, with the moment in <time datetime>", async () => {
    const page = await parsePage(site.output, "billets/billet-01/index.html");
    const time = page.querySelector(".post__meta time");
    expect(text(time)).toBe("1er janvier 2024");
    expect(time?.getAttribute("datetime")).toBe("2024-01-01T10:00:00+01:00");
  });
});

describe("an English site", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite({
      config: { ...SMALL_CONFIG, language: "en", timeZone: "America/New_York" },
      files: {
        "posts/hello.md": post({
          title: 'Hello: a "first" post',
          date: "2024-03-01",
          category: "opinion",
          tags: ["Tips & tricks"],
        }),
        "posts/draft.md": post({ title: "Not yet", date: "2024-03-02", category: "opinion", draft: true }),
      },
    });
  });
  afterAll(() => removeSite(site));

  it("speaks English everywhere, with English addresses, dates and typography", async () => {
    const page = await parsePage(site.output, "posts/hello/index.html");
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("en");
    expect(text(page.querySelector("h1"))).toBe("Hello: a “first” post");
    expect(text(page.querySelector(".post__meta"))).toBe("Published on March 1, 2024 · 1 min read");
    expect(page.querySelector(".post__meta time")?.getAttribute("datetime")).toBe("2024-03-01T00:00:00-05:00");
    expect(text(page.querySelector(".author-box__heading"))).toBe("Published by");
    expect(text(page.querySelector(".skip-link"))).toBe("Skip to content");
    expect(page.querySelector(".tags a")?.getAttribute("href")).toBe("/tags/tips-and-tricks/");
    const home = await parsePage(site.output, "index.html");
    expect(text(home.querySelector("h1"))).toBe("Latest posts");
    const notFound = await parsePage(site.output, "404.html");
    expect(text(notFound.querySelector("h1"))).toBe("Page not found");
    const archive = await parsePage(site.output, "archives/index.html");
    expect(text(archive.querySelector("h1"))).toBe("Archive");
    expect(text(archive.querySelector(".archive-year h2"))).toBe("2024 (1 post)");
  });
});

describe("images beside a post", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite({
      files: {
        "posts/avec-image/index.md": post(
          { title: "Avec image", date: "2024-03-01", category: "opinion" },
          "![Un point rouge](./point.svg)\n\n![Un autre](images/deux.gif)",
        ),
        "posts/avec-image/point.svg": SVG,
        "posts/avec-image/images/deux.gif": GIF,
      },
    });
  });
  afterAll(() => removeSite(site));

  it("publishes those the image pipeline leaves as they are (SVG, GIF) next to the page", async () => {
    const page = await parsePage(site.output, "billets/avec-image/index.html");
    const sources = page.querySelectorAll(".post__body img").map((img) => img.getAttribute("src"));
    expect(sources).toEqual(["/billets/avec-image/point.svg", "/billets/avec-image/images/deux.gif"]);
    expect(await readFile(path.join(site.output, sources[0]!), "utf8")).toBe(SVG);
    expect(await readFile(path.join(site.output, sources[1]!))).toEqual(GIF);
  });
});

describe("categories listed in content/categories.yaml", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite({
      files: {
        "categories.yaml":
          "voyages:\n  name: Voyages\n  description: Carnets de route.\nopinion:\n  name: Ignorée, site.config.ts gagne\n",
        "posts/route.md": post({ title: "En route", date: "2024-03-01", category: "voyages" }),
      },
    });
  });
  afterAll(() => removeSite(site));

  it("are categories like those of site.config.ts, which wins on a conflict", async () => {
    const page = await parsePage(site.output, "categories/voyages/index.html");
    expect(text(page.querySelector("h1"))).toBe("Catégorie\u00A0: Voyages");
    expect(text(page.querySelector(".list-header__intro"))).toBe("Carnets de route.");
    const archive = await parsePage(site.output, "archives/index.html");
    expect(archive.querySelectorAll(".taxonomy-list a").map((a) => text(a))).toEqual([
      "Opinion",
      "Pratique",
      "Voyages",
    ]);
  });
});

describe("tags and file names in other scripts", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite({
      files: {
        "posts/中文标题.md": post({
          title: "中文标题",
          date: "2024-03-01",
          category: "opinion",
          tags: ["漢字", "Voyage"],
        }),
      },
    });
  });
  afterAll(() => removeSite(site));

  it("get addresses in their own letters, never an empty one", async () => {
    const files = await listFiles(site.output);
    expect(files).toEqual(
      expect.arrayContaining([
        "billets/中文标题/index.html",
        "etiquettes/漢字/index.html",
        "etiquettes/voyage/index.html",
      ]),
    );
    expect(files).not.toContain("etiquettes/index.html");
    const page = await parsePage(site.output, "billets/中文标题/index.html");
    expect(page.querySelectorAll(".tags a").map((a) => a.getAttribute("href"))).toEqual([
      "/etiquettes/漢字/",
      "/etiquettes/voyage/",
    ]);
  });
});
