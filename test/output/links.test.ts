/**
 * Every internal link, image, stylesheet and script of the built sample
 * blog leads to a built file, and every `#anchor` to an id on its page.
 */
import type { HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { brokenReferences, parsedPages, references } from "../helpers/checks.ts";

const output = inject("siteOutput");
const SITE_ORIGIN = "https://elise-marchal.example";

let pages = new Map<string, HTMLElement>();
beforeAll(async () => {
  pages = await parsedPages(output);
});

describe("internal links", () => {
  it("every link, image, style and script on the site resolves", () => {
    const { broken, checked } = brokenReferences(output, pages, SITE_ORIGIN);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it("the sample posts link to each other, some to a heading", () => {
    const anchors = references(pages).filter(
      ({ page, value }) => page.startsWith("billets/") && /^\/billets\/[^#]+\/#.+/.test(value),
    );
    expect(anchors.length).toBeGreaterThanOrEqual(3);
  });

  it("ids are unique on every page", () => {
    const duplicates: string[] = [];
    for (const [page, root] of pages) {
      const seen = new Set<string>();
      for (const element of root.querySelectorAll("[id]")) {
        const id = element.getAttribute("id")!;
        if (seen.has(id)) duplicates.push(`${page}: #${id}`);
        seen.add(id);
      }
    }
    expect(duplicates).toEqual([]);
  });
});
