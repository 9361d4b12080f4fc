/**
 * A preview session: the site as it is now, page by page, rendered when the
 * browser asks for it.
 *
 * `load()` runs a build's first moments (plugins/build/lifecycle.ts: begin,
 * checks, ready) over the content as it is on disk, so the posts, lists and
 * problems are exactly those a build would find. Nothing is rendered ahead:
 * `respond(url)` renders the page at `url` from what was loaded, with the
 * same layouts, data and Markdown as the build's Eleventy templates, or
 * makes the file there (feeds, styles, images). A page is therefore never
 * older than the last load, whatever changed, and an edit costs one load
 * plus the pages the browser shows.
 *
 * The session's source store reads again only the files its watcher says
 * changed (plugins/content/sources.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { TemplateData, TemplateGlobals } from "../../layouts/data.ts";
import type { Assets } from "../assets/index.ts";
import { checkContent, type BuildContext, type ContentEntry, type ContentOptions } from "../content/index.ts";
import { sourceBody } from "../content/frontmatter.ts";
import { outputFile } from "../content/load.ts";
import { sourceDigest } from "../content/source.ts";
import { decode } from "../content/sources.ts";
import type { ImagePipeline } from "../images/index.ts";
import { IMAGE_URL_PATH } from "../images/index.ts";
import { NOT_FOUND_URL } from "../lists/index.tsx";
import type { Markdown } from "../markdown/index.ts";
import type { GeneratedPages } from "../templates/generated.ts";
import { renderToString } from "../templates/render.ts";

/** What the session makes files from, besides pages. */
export interface PreviewFiles {
  assets: Assets;
  images: ImagePipeline;
  feeds: { files(): Map<string, string> };
  /** Folders and files copied into the site as they are: source path → address (no slashes). */
  copied: Record<string, string>;
  /** Files published beside the pages that show them (a post's images), by address; known once those pages are rendered. */
  besidePosts: () => Map<string, string>;
}

export interface PreviewParts {
  content: ContentOptions;
  inputDir: string;
  /** Where capabilities put what they make as they work (the search index); served as it is. */
  outputDir: string;
  layoutsDir: string;
  globals: TemplateGlobals;
  pages: GeneratedPages;
  markdown: Markdown;
  files: PreviewFiles;
}

/** What is served at an address. */
export type Served =
  | { status: number; type: string; body: string | Uint8Array; file?: undefined }
  | { status: number; type: string; file: string; body?: undefined }
  | { redirect: string };

type Route =
  { kind: "entry"; entry: ContentEntry } | { kind: "generated"; render: () => JSX.Element | Promise<JSX.Element> };

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
  ".wasm": "application/wasm",
};

/** A page's source changed since the last load: load again, then ask again. */
export class StaleSource extends Error {
  override name = "StaleSource";
  constructor(readonly file: string) {
    super(`${file} changed since it was read`);
  }
}

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export class PreviewSession {
  readonly #parts: PreviewParts;
  #routes = new Map<string, Route>();
  #feeds: Map<string, string> | undefined;
  /** Layouts by the data files' `layout:` value, imported once per load. */
  #layouts = new Map<string, Promise<(data: TemplateData) => JSX.Element>>();
  #dataFiles = new Map<string, Promise<Record<string, unknown>>>();
  /** The problems the last load found; while there are any, pages are not shown. */
  problems: string[] = [];

  constructor(parts: PreviewParts) {
    this.#parts = parts;
    parts.content.sources.watch();
  }

  /** A file under the content folder changed, appeared or went away. */
  changed(file: string): void {
    this.#parts.content.sources.changed(file);
  }

  /** Reads and checks the content as a build does; returns the problems found (none: the pages are ready). */
  async load(): Promise<string[]> {
    const { content, inputDir, outputDir } = this.#parts;
    const { blog, lifecycle } = content;
    const context: BuildContext = { blog, inputDir, outputDir, preview: true, serving: true };
    await lifecycle.run("begin", context);
    const problems = await checkContent(content, context);
    this.#routes = new Map();
    this.#feeds = undefined;
    this.#layouts = new Map();
    this.#dataFiles = new Map();
    this.problems = problems;
    if (problems.length > 0) return problems;
    await lifecycle.run("ready", context);
    for (const entry of [...blog.posts, ...blog.pages]) this.#routes.set(entry.url, { kind: "entry", entry });
    const data = this.#parts.globals;
    for (const { url, template, data: own } of this.#parts.pages.pages(blog)) {
      const page = { inputPath: `./${template.name}`, url, outputPath: path.join(outputDir, outputFile(url)) };
      this.#routes.set(url, {
        kind: "generated",
        render: () => template.render({ ...data, ...own, page, content: "" }),
      });
    }
    return [];
  }

  /** The addresses of the pages, as the last load found them. */
  get addresses(): string[] {
    return [...this.#routes.keys()];
  }

  /** What is at `pathname` (decoded, starting with `/`). */
  async respond(pathname: string): Promise<Served> {
    const key = pathname.endsWith("/index.html") ? pathname.slice(0, -"index.html".length) : pathname;
    const route = this.#routes.get(key);
    if (route) return { status: 200, type: TYPES[".html"]!, body: await this.#render(route) };
    if (!pathname.endsWith("/") && this.#routes.has(`${pathname}/`)) return { redirect: `${pathname}/` };
    const file = await this.#file(pathname);
    if (file) return file;
    const notFound = this.#routes.get(NOT_FOUND_URL);
    return {
      status: 404,
      type: TYPES[".html"]!,
      body: notFound ? await this.#render(notFound) : "Not found",
    };
  }

  async #render(route: Route): Promise<string> {
    if (route.kind === "generated") return renderToString(await route.render());
    const { entry } = route;
    const { globals, markdown, outputDir } = this.#parts;
    const inputPath = path.isAbsolute(entry.file) ? entry.file : `./${entry.file}`;
    const own = await this.#dataOf(entry.inputPath);
    // Billet's layouts read the blog's entries, never their front matter (which the schema keeps to Billet's fields).
    const data = {
      ...globals,
      ...own,
      page: { inputPath, url: entry.url, outputPath: path.join(outputDir, outputFile(entry.url)) },
    } as unknown as TemplateData;
    const bytes = readFileSync(entry.inputPath);
    // Saved since the last load, and not yet reported by the watcher: the page would mix two versions.
    if (sourceDigest(bytes) !== entry.digest) throw new StaleSource(entry.inputPath);
    const body = sourceBody(decode(bytes));
    const content = markdown.md.render(body, data);
    if (typeof own.layout !== "string") return content;
    const layout = await this.#layout(own.layout);
    return renderToString(await layout({ ...data, content }));
  }

  /** Every directory data file's data that applies to a source, from the content folder down (Eleventy's order). */
  async #dataOf(inputPath: string): Promise<Record<string, unknown>> {
    const root = path.resolve(this.#parts.inputDir);
    const folders: string[] = [];
    for (let dir = path.dirname(inputPath); dir.startsWith(root); dir = path.dirname(dir)) {
      folders.unshift(dir);
      if (dir === root) break;
    }
    const candidates = [
      ...folders.map((dir) => path.join(dir, `${path.basename(dir)}.11tydata.ts`)),
      inputPath.replace(/\.md$/, ".11tydata.ts"),
    ];
    let data: Record<string, unknown> = {};
    for (const file of candidates) {
      if (!existsSync(file)) continue;
      let loaded = this.#dataFiles.get(file);
      if (!loaded) {
        const url = pathToFileURL(file);
        url.searchParams.set("mtime", String((await stat(file)).mtimeMs));
        loaded = import(url.href).then((module: { default?: Record<string, unknown> }) => module.default ?? {});
        this.#dataFiles.set(file, loaded);
      }
      data = { ...data, ...(await loaded) };
    }
    return data;
  }

  #layout(name: string): Promise<(data: TemplateData) => JSX.Element> {
    let layout = this.#layouts.get(name);
    if (!layout) {
      const file = path.join(this.#parts.layoutsDir, name);
      layout = import(pathToFileURL(file).href).then(
        (module: { default: (data: TemplateData) => JSX.Element }) => module.default,
      );
      this.#layouts.set(name, layout);
    }
    return layout;
  }

  /** The file at `pathname`, if one of the site's files is there. */
  async #file(pathname: string): Promise<Served | undefined> {
    const { files, outputDir } = this.#parts;
    const asset = files.assets.file(pathname);
    if (asset) return { status: 200, type: contentType(pathname), body: asset };
    if (pathname.startsWith(IMAGE_URL_PATH)) {
      const file = await files.images.file(pathname.slice(IMAGE_URL_PATH.length));
      if (file) return { status: 200, type: contentType(file), file };
    }
    this.#feeds ??= files.feeds.files();
    const text = this.#feeds.get(pathname);
    if (text !== undefined) return { status: 200, type: contentType(pathname), body: text };
    for (const [source, address] of Object.entries(files.copied)) {
      const prefix = `/${address}`;
      if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) continue;
      const file = path.join(source, pathname.slice(prefix.length));
      if (await isFile(file)) return { status: 200, type: contentType(file), file };
    }
    const beside = await this.#besidePost(pathname);
    if (beside) return { status: 200, type: contentType(beside), file: beside };
    const written = path.join(outputDir, pathname);
    if (written.startsWith(outputDir + path.sep) && (await isFile(written)))
      return { status: 200, type: contentType(written), file: written };
    return undefined;
  }

  /** A file a post publishes beside its page: known once that page is rendered, so rendered first if need be. */
  async #besidePost(pathname: string): Promise<string | undefined> {
    const known = this.#parts.files.besidePosts().get(pathname);
    if (known) return known;
    const owner = this.#routes.get(pathname.slice(0, pathname.lastIndexOf("/") + 1));
    if (owner?.kind !== "entry") return undefined;
    await this.#render(owner);
    return this.#parts.files.besidePosts().get(pathname);
  }
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}
