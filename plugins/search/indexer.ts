/**
 * The search index, built with Pagefind's Node API (the `pagefind` npm
 * package runs its own binary, brought by a platform package such as
 * `@pagefind/linux-x64`; nothing is downloaded).
 *
 * One index per build. Pages are handed to Pagefind as they are rendered
 * (an Eleventy transform gives each page's HTML, already in memory), so
 * Pagefind's process parses them while Eleventy renders the next ones; at
 * the end of the build only writing the index remains. Pages that an
 * incremental build did not render are read from the output folder.
 *
 * https://pagefind.app/docs/node-api/
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { ProblemListError } from "../site/errors.ts";

export class SearchIndexError extends ProblemListError {
  override name = "SearchIndexError";
  constructor(problems: string[]) {
    super("The search index could not be built (set search: false in site.config.ts to build without it):", problems);
  }
}

/** Files of Pagefind's bundle that Billet does not use (its ready-made interfaces). */
const UNUSED_BUNDLE_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

/** Where a page's URL is written in the output folder (`/a/` → `a/index.html`). */
export function outputFileOf(url: string): string {
  const relative = decodeURI(url).replace(/^\/+/, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

interface Build {
  index: Promise<pagefind.PagefindIndex>;
  /** URLs to index → whether this build has handed them over yet. */
  pages: Map<string, boolean>;
  added: Array<Promise<unknown>>;
  errors: string[];
}

export interface IndexReport {
  pages: number;
  /** Pages read back from the output folder (not rendered by this build). */
  fromDisk: number;
}

export class SearchIndexer {
  readonly #language: string;
  #build: Build | undefined;
  /** The last index being written: the next one waits for it (watch mode writes in the background). */
  #writing: Promise<unknown> = Promise.resolve();

  constructor({ language }: { language: string }) {
    this.#language = language;
  }

  /** Starts a new index for the pages at `urls`; pages are then given with `add`. */
  begin(urls: Iterable<string>): void {
    const errors: string[] = [];
    const index = pagefind
      .createIndex({ forceLanguage: this.#language, keepIndexUrl: false })
      .then(({ index, errors: problems }) => {
        if (!index) throw new SearchIndexError(problems.length ? problems : ["Pagefind did not create an index"]);
        return index;
      });
    // Reported when the build finishes; until then a failure must not be unhandled.
    index.catch(() => undefined);
    this.#build = { index, pages: new Map([...urls].map((url) => [url, false])), added: [], errors };
  }

  /** Whether `url` is a page this build indexes. */
  wants(url: string): boolean {
    return this.#build?.pages.has(url) ?? false;
  }

  /** Hands a rendered page to Pagefind (if it is one to index); returns at once. */
  add(url: string, html: string): void {
    if (process.env.BILLET_SEARCH_MODE === "dir") return;
    const build = this.#build;
    if (!build?.pages.has(url)) return;
    build.pages.set(url, true);
    build.added.push(this.#send(build, url, html));
  }

  #send(build: Build, url: string, content: string): Promise<unknown> {
    return build.index
      .then((index) => index.addHTMLFile({ url, content }))
      .then(({ errors }) => build.errors.push(...errors.map((e) => `${url}: ${e}`)))
      .catch((error: unknown) => build.errors.push(`${url}: ${error instanceof Error ? error.message : error}`));
  }

  /**
   * Adds the pages this build did not render (incremental builds), then
   * writes the index to `<outputDir>/pagefind/`.
   */
  async finish(outputDir: string): Promise<IndexReport> {
    const T = performance.now();
    const log = (what: string) => process.env.BILLET_DEBUG && console.log(`[search] ${what} ${(performance.now() - T).toFixed(0)} ms`);
    const build = this.#build;
    if (!build) throw new Error("SearchIndexer.finish() without begin()");
    this.#build = undefined;
    const unseen = process.env.BILLET_SEARCH_MODE === "dir" ? [] : [...build.pages].filter(([, seen]) => !seen).map(([url]) => url);
    if (process.env.BILLET_SEARCH_MODE === "dir") build.added.push(build.index.then((i) => i.addDirectory({ path: path.resolve(outputDir) })));
    for (const url of unseen) {
      const file = path.join(outputDir, outputFileOf(url));
      const html = await readFile(file, "utf8").catch(() => undefined);
      if (html === undefined) build.errors.push(`${url}: found no page at ${file}, expected it built`);
      else build.added.push(this.#send(build, url, html));
    }
    const index = await build.index;
    log("index ready");
    const write = this.#writing.then(async () => {
      await Promise.all(build.added);
      log("added");
      if (build.errors.length > 0) throw new SearchIndexError(build.errors);
      const bundle = path.resolve(outputDir, "pagefind");
      const { errors } = await index.writeFiles({ outputPath: bundle });
      log("written");
      await index.deleteIndex();
      if (errors.length > 0) throw new SearchIndexError(errors);
      await Promise.all(UNUSED_BUNDLE_FILES.map((name) => rm(path.join(bundle, name), { force: true })));
    });
    this.#writing = write.catch(() => undefined);
    await write;
    return { pages: build.pages.size, fromDisk: unseen.length };
  }
}
