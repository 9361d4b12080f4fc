/**
 * Drafts and scheduled posts: shown with a badge in preview (`npm start`),
 * absent from every page of a production build.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlPages, listFiles, parsePage, text } from "../helpers/html.ts";
import { buildSite, post, readOutput, removeSite, type BuiltSite, type SiteSpec } from "../helpers/project.ts";

const spec: SiteSpec = {
  files: {
    "posts/publie.md": post({ title: "Billet publié", date: "2024-03-01", category: "opinion", tags: ["commun"] }),
    "posts/brouillon.md": post({
      title: "Billet brouillon",
      date: "2024-02-01",
      category: "pratique",
      tags: ["commun", "secret"],
      draft: true,
    }),
    "posts/programme.md": post({
      title: "Billet programmé",
      date: "2999-01-01 09:00",
      category: "pratique",
      tags: ["futur"],
    }),
    "pages/cachee.md": post({ title: "Page en cours", draft: true }),
  },
};

describe("a production build", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(spec, "build");
  });
  afterAll(() => removeSite(site));

  it("writes the published post", async () => {
    const html = await readOutput(site, "billets/publie/index.html");
    expect(html).toContain("Billet publié");
  });

  it("writes no page for a draft or a scheduled post, nor for a draft page", async () => {
    const files = await listFiles(site.output);
    expect(files).not.toContain("billets/brouillon/index.html");
    expect(files).not.toContain("billets/programme/index.html");
    expect(files).not.toContain("cachee/index.html");
  });

  it("mentions them on no page at all: lists, categories, tags, archive", async () => {
    for (const file of await htmlPages(site.output)) {
      const html = await readOutput(site, file);
      expect(html, file).not.toMatch(/brouillon|programm|Page en cours/i);
    }
  });

  it("writes no tag page for tags that only drafts and scheduled posts use", async () => {
    const files = await listFiles(site.output);
    expect(files).toContain("etiquettes/commun/index.html");
    expect(files).not.toContain("etiquettes/secret/index.html");
    expect(files).not.toContain("etiquettes/futur/index.html");
    const category = await parsePage(site.output, "categories/pratique/index.html");
    expect(text(category.querySelector(".empty"))).toBe("Aucun billet pour l’instant.");
  });
});

describe("a preview build (npm start)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(spec, "watch");
  });
  afterAll(() => removeSite(site));

  it("shows a draft with its « Brouillon » badge and a note", async () => {
    const page = await parsePage(site.output, "billets/brouillon/index.html");
    expect(text(page.querySelector(".post__notice .badge--draft"))).toBe("Brouillon");
    expect(text(page.querySelector(".post__notice"))).toContain("ne sera pas publié");
  });

  it("shows a scheduled post with its « Programmé » badge and its date", async () => {
    const page = await parsePage(site.output, "billets/programme/index.html");
    expect(text(page.querySelector(".badge--scheduled"))).toBe("Programmé");
    expect(text(page.querySelector(".post__notice"))).toContain("1er janvier 2999");
    // The first of the month is written 1<sup>er</sup>, the exact moment kept for machines.
    const date = page.querySelector(".post__notice time")!;
    expect(date.innerHTML).toBe("1<sup>er</sup> janvier 2999");
    expect(date.getAttribute("datetime")).toMatch(/^2999-01-01T/);
  });

  it("badges them in lists too", async () => {
    const home = await parsePage(site.output, "index.html");
    const titles = home.querySelectorAll(".summary__title").map((heading) => text(heading));
    expect(titles).toEqual(["Billet programmé Programmé", "Billet publié", "Billet brouillon Brouillon"]);
  });
});
