/**
 * The output checks every built site must pass: html-validate with the
 * project's rules, and internal references (links, images, styles,
 * scripts, `#anchors`) that lead to built files and ids. Used on the
 * project's own site (test/output) and on sites built from other sources
 * (a WordPress import).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import type { HTMLElement } from "node-html-parser";
import { htmlPages, parsePage, urlOf } from "./html.ts";
import { ROOT } from "./project.ts";

/**
 * The project's rules are in .htmlvalidate.json, where html-validate's own
 * command line (`npx html-validate "_site/**\/*.html"`) and editors find
 * them: the recommended rules, less two that are not about validity.
 * `long-title` is off: titles of opinion pieces are long by nature, and
 * search engines shorten them as they need. `valid-id` is relaxed: heading
 * ids come from the heading's words, and a heading may start with a number
 * (« 1. Lire deux fois »), a valid HTML5 id. Read from that file here because
 * the sites tests build live in temporary folders, outside the project,
 * where html-validate's search for the file would not find it.
 */
export const HTML_VALIDATE_CONFIG = path.join(ROOT, ".htmlvalidate.json");

export const htmlValidator = new HtmlValidate(JSON.parse(readFileSync(HTML_VALIDATE_CONFIG, "utf8")) as ConfigData);

/** Every html-validate error of one built page, as `page:line:column rule: message` (`page` relative to `output`). */
export async function htmlErrors(output: string, page: string): Promise<string[]> {
  const report = await htmlValidator.validateFile(path.join(output, page));
  return report.results.flatMap((result) =>
    result.messages.map((m) => `${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}

export interface Reference {
  page: string;
  attribute: string;
  value: string;
}

/** The pages of a built site, parsed. */
export async function parsedPages(output: string): Promise<Map<string, HTMLElement>> {
  const pages = new Map<string, HTMLElement>();
  for (const file of await htmlPages(output)) pages.set(file, await parsePage(output, file));
  return pages;
}

/** Every link, image, style, script and form target of the pages. */
export function references(pages: Map<string, HTMLElement>): Reference[] {
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

/** The built file a site path resolves to, as Netlify would serve it. */
export function builtFile(output: string, pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith("/")
    ? [`${decoded}index.html`]
    : [decoded, `${decoded}.html`, `${decoded}/index.html`];
  return candidates
    .map((candidate) => candidate.replace(/^\//, ""))
    .find((candidate) => existsSync(path.join(output, candidate)));
}

/**
 * References to the site itself that lead to no built file, or to no id on
 * their page; and how many were checked.
 */
export function brokenReferences(
  output: string,
  pages: Map<string, HTMLElement>,
  origin: string,
): { broken: string[]; checked: number } {
  const broken: string[] = [];
  let checked = 0;
  for (const { page, attribute, value } of references(pages)) {
    const url = new URL(value, `${origin}${urlOf(page)}`);
    if (url.origin !== origin) continue;
    checked++;
    const file = builtFile(output, url.pathname);
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
  return { broken, checked };
}
