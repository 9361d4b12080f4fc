/**
 * What a reader's browser downloads to show one built page, before any
 * interaction: the page, then what it pulls in, recursively (stylesheets
 * and their @import and url() targets, such as fonts; classic and module
 * scripts and their static imports; the favicon; images loaded eagerly;
 * external SVG sprites named by <use href>), each with its size raw and
 * compressed as Netlify serves it.
 *
 * Compression, as Netlify serves files: brotli to browsers that accept it
 * (every current browser), gzip otherwise. Netlify does not publish the
 * levels it uses, so we take the levels of on-the-fly compression at
 * common CDNs and servers, which are lower (larger output) than what a
 * build could pre-compress at: brotli quality 5, gzip level 6 (zlib's
 * default). A budget met at these levels is met at any higher one
 * (at brotli 11, the text post of the budget test is about 8% smaller).
 *
 * What is left out, with the reason, is listed too: what loads only when
 * the reader acts or scrolls (what a script imports with `import()`, such
 * as the scripts named by `data-script`, the comment widget or the search
 * index; `loading="lazy"` images). data: URLs cost nothing more.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { parse } from "node-html-parser";
import { builtFile } from "./checks.ts";

export const BROTLI_QUALITY = 5;
export const GZIP_LEVEL = 6;

export type LoadedKind = "html" | "css" | "js" | "font" | "image";

export interface LoadedFile {
  /** Path on the site: `/assets/main.3f9a1c2e.css`. */
  url: string;
  kind: LoadedKind;
  /** What loads it: `<link rel=stylesheet>`, `@import`, `import`… */
  via: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageWeight {
  files: LoadedFile[];
  total: { raw: number; gzip: number; brotli: number };
  /** URLs the page would request from any origin but its own. */
  offsite: string[];
  /** Site files referenced but not counted, with the reason. */
  leftOut: string[];
  /** References to the site that lead to no built file. */
  missing: string[];
}

export function compressedSizes(bytes: Uint8Array): { raw: number; gzip: number; brotli: number } {
  return {
    raw: bytes.byteLength,
    gzip: gzipSync(bytes, { level: GZIP_LEVEL }).byteLength,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }).byteLength,
  };
}

const FONT = /\.(woff2?|ttf|otf|eot)$/i;

function kindOf(pathname: string, fallback: LoadedKind): LoadedKind {
  if (pathname.endsWith(".css")) return "css";
  if (/\.m?js$/.test(pathname)) return "js";
  if (FONT.test(pathname)) return "font";
  if (/\.(svg|png|jpe?g|webp|avif|gif|ico)$/i.test(pathname)) return "image";
  return fallback;
}

/** Static imports of a bundled ES module: `import x from "…"`, `import "…"`, `export * from "…"`. */
export function staticImports(js: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|[;\s}])(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*)["']([^"']+)["']/g;
  for (const match of js.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Dynamic imports with a literal or computed target: they run when the code asks, not on load. */
export function dynamicImports(js: string): number {
  return [...js.matchAll(/(?:^|[^\w$.])import\s*\(/g)].length;
}

/** `@import` and `url()` targets of a stylesheet. */
export function cssReferences(css: string): { imports: string[]; urls: string[] } {
  const imports: string[] = [];
  const urls: string[] = [];
  for (const match of css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?/g)) imports.push(match[1]!);
  const withoutImports = css.replace(/@import[^;]*;/g, "");
  for (const match of withoutImports.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g))
    urls.push((match[1] ?? match[2] ?? match[3])!);
  return { imports, urls };
}

/**
 * The files one page of a built site loads before any interaction, measured.
 * `pagePath` is the page's address (`/billets/a/`); `origin` the site's.
 */
export function pageWeight(output: string, pagePath: string, origin: string): PageWeight {
  const files: LoadedFile[] = [];
  const offsite: string[] = [];
  const leftOut: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();

  const load = (reference: string, base: string, via: string, fallback: LoadedKind): string | undefined => {
    if (reference.startsWith("data:")) return undefined;
    const url = new URL(reference, origin + base);
    if (url.origin !== origin) {
      offsite.push(`${url.href} (${via} in ${base})`);
      return undefined;
    }
    if (seen.has(url.pathname)) return undefined;
    seen.add(url.pathname);
    const file = builtFile(output, url.pathname);
    if (!file) {
      missing.push(`${url.pathname} (${via} in ${base})`);
      return undefined;
    }
    const bytes = readFileSync(path.join(output, file));
    const kind = kindOf(url.pathname, fallback);
    files.push({ url: url.pathname, kind, via, ...compressedSizes(bytes) });
    if (kind === "css") followCss(bytes.toString("utf8"), url.pathname);
    if (kind === "js") followScript(bytes.toString("utf8"), url.pathname, via.includes("module"));
    return url.pathname;
  };

  const followCss = (css: string, base: string) => {
    const { imports, urls } = cssReferences(css);
    for (const target of imports) load(target, base, "@import", "css");
    // Every url() counts, used or not on this page: a font or image a rule
    // names may load, so the budget takes the larger answer.
    for (const target of urls) load(target, base, "url() in CSS", "font");
  };

  const followScript = (js: string, base: string, isModule: boolean) => {
    if (isModule) for (const target of staticImports(js)) load(target, base, "static import (module)", "js");
    const dynamic = dynamicImports(js);
    if (dynamic > 0)
      leftOut.push(`${base}: ${dynamic} dynamic import() (runs when the script asks: on scroll or on a click)`);
  };

  load(pagePath, pagePath, "the page", "html");
  const html = readFileSync(path.join(output, builtFile(output, pagePath)!), "utf8");
  const root = parse(html);

  for (const link of root.querySelectorAll("link[href]")) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const href = link.getAttribute("href")!;
    if (rel.includes("stylesheet")) load(href, pagePath, "<link rel=stylesheet>", "css");
    else if (rel.includes("icon")) load(href, pagePath, "<link rel=icon>", "image");
    else if (rel.includes("modulepreload")) load(href, pagePath, "<link rel=modulepreload> (module)", "js");
    else if (rel.includes("preload")) load(href, pagePath, "<link rel=preload>", "font");
    else if (rel.some((r) => ["preconnect", "dns-prefetch", "prefetch", "prerender"].includes(r))) {
      const url = new URL(href, origin + pagePath);
      if (url.origin !== origin) offsite.push(`${url.href} (<link rel=${rel.join(" ")}>)`);
      else leftOut.push(`${url.pathname}: <link rel=${rel.join(" ")}> (a hint for later navigation)`);
    }
  }
  for (const script of root.querySelectorAll("script[src]")) {
    const isModule = script.getAttribute("type") === "module";
    load(script.getAttribute("src")!, pagePath, isModule ? "<script type=module>" : "<script>", "js");
  }
  for (const image of root.querySelectorAll("img[src]")) {
    const src = image.getAttribute("src")!;
    if (image.getAttribute("loading") === "lazy") {
      const url = new URL(src, origin + pagePath);
      if (url.origin !== origin) offsite.push(`${url.href} (<img loading=lazy>)`);
      else leftOut.push(`${url.pathname}: <img loading=lazy> (below the fold, loads as the reader scrolls)`);
    } else load(src, pagePath, "<img>", "image");
  }
  for (const use of root.querySelectorAll("use")) {
    const href = use.getAttribute("href") ?? use.getAttribute("xlink:href") ?? "";
    if (!href.startsWith("#")) load(href.replace(/#.*$/, ""), pagePath, "<use href> (SVG sprite)", "image");
  }
  for (const element of root.querySelectorAll("iframe[src], video[src], audio[src], source[src], embed[src]"))
    load(element.getAttribute("src")!, pagePath, `<${element.tagName.toLowerCase()}>`, "image");
  for (const element of root.querySelectorAll("object[data]"))
    load(element.getAttribute("data")!, pagePath, "<object>", "image");

  // Site files a script is told about in a data- attribute (the comment
  // widget, the share icons) load only when that script needs them.
  for (const element of root.querySelectorAll("*")) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (!name.startsWith("data-") || !/^\/\S*\.\w+$/.test(value)) continue;
      const pathname = new URL(value, origin + pagePath).pathname;
      if (!seen.has(pathname)) leftOut.push(`${pathname}: named by ${name} (loaded by a script when needed)`);
    }
  }

  const total = files.reduce(
    (sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip, brotli: sum.brotli + file.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total, offsite, leftOut, missing };
}

/** The breakdown as a table, for failure messages and reports. */
export function weightTable(weight: PageWeight): string {
  const rows = [
    ["file", "loaded by", "raw", "gzip", "brotli"],
    ...weight.files.map((f) => [f.url, f.via, String(f.raw), String(f.gzip), String(f.brotli)]),
    ["total", "", String(weight.total.raw), String(weight.total.gzip), String(weight.total.brotli)],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) => row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  "))
    .join("\n");
}
