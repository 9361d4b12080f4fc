/**
 * Every internal link, image, stylesheet and script of the built sample
 * blog leads to a built file, and every `#anchor` to an id on its page.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { htmlPages, parsePage, urlOf } from "../helpers/html.ts";

const output = inject("siteOutput");
const SITE_ORIGIN = "https://elise-marchal.example";

interface Reference {
  page: string;
  attribute: string;
  value: string;
}

const pages = new Map<string, HTMLElement>();
beforeAll(async () => {
  for (const file of await htmlPages(output)) pages.set(file, await parsePage(output, file));
});

/** The built file a site path resolves to, as Netlify would serve it. */
function builtFile(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith("/")
    ? [`${decoded}index.html`]
    : [decoded, `${decoded}.html`, `${decoded}/index.html`];
  return candidates
    .map((candidate) => candidate.replace(/^\//, ""))
    .find((candidate) => existsSync(path.join(output, candidate)));
}

function references(): Reference[] {
  const found: Reference[] = [];
  for (const [page, root] of pages) {
    for (const element of root.querySelectorAll("[href], [src], [srcset], form[action]")) {
      for (const attribute of ["href", "src", "action"]) {
        const value = element.getAttribute(attribute);
        if (value !== undefined) found.push({ page, attribute, value });
      }
      for (const candidate of (element.getAttribute("srcset") ?? "").split(",").filter(Boolean)) {
        found.push({ page, attribute: "srcset", value: candidate.trim().split(/\s+/)[0]! });
      }
    }
  }
  return found;
}

describe("internal links", () => {
  it("every link, image, style and script on the site resolves", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const { page, attribute, value } of references()) {
      const url = new URL(value, `${SITE_ORIGIN}${urlOf(page)}`);
      if (url.origin !== SITE_ORIGIN) continue;
      checked++;
      const file = builtFile(url.pathname);
      if (!file) {
        broken.push(`${page}: ${attribute}="${value}" leads to no built file`);
        continue;
      }
      if (url.hash && file.endsWith(".html")) {
        const target = pages.get(file);
        const id = decodeURIComponent(url.hash.slice(1));
        if (!target?.querySelector(`[id="${id.replace(/"/g, '\\"')}"]`))
          broken.push(`${page}: ${attribute}="${value}" points at no id "${id}" in ${file}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it("the sample posts link to each other, some to a heading", () => {
    const anchors = references().filter(
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
