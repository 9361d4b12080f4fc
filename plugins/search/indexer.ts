/**
 * The search index, built with Pagefind's Node API (the `pagefind` npm
 * package runs its own binary, brought by a platform package such as
 * `@pagefind/linux-x64` through optional dependencies; nothing is
 * downloaded).
 *
 * Once per build, after the pages are written, Pagefind reads the output
 * folder (on all processors) and indexes the pages that hold an element
 * marked `data-pagefind-body`: the posts and pages the build published
 * (see layouts/post.11ty.tsx). Other pages are skipped. Handing pages over
 * one by one while Eleventy renders them was measured too: it costs the
 * build's own process more (every page encoded for Pagefind's pipe) for no
 * gain in time.
 *
 * https://pagefind.app/docs/node-api/
 */
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { ProblemListError } from "../site/errors.ts";

export class SearchIndexError extends ProblemListError {
  override name = "SearchIndexError";
  constructor(problems: string[]) {
    super("The search index could not be built (set search: false in site.config.ts to build without it):", problems);
  }
}

/** Where the index is published, in the output folder. */
export const BUNDLE_DIR = "pagefind";

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

export interface IndexReport {
  /** Pages in the index. */
  pages: number;
}

/** Indexers at work in this process: they share Pagefind's process. */
let activeIndexers = 0;

interface Job {
  outputDir: string;
  /** Whether the build published any page to index (else an empty index is written). */
  hasPages: boolean;
}

export class SearchIndexer {
  readonly #language: string;
  /** The build waiting to be indexed once the current indexing ends (watch mode). */
  #next: Job | undefined;
  #running: Promise<IndexReport> | undefined;

  constructor({ language }: { language: string }) {
    this.#language = language;
  }

  /**
   * Indexes the pages of `outputDir` and writes the index into it. Called
   * again while an index is being written (rebuilds under `npm start`),
   * it runs once more when that one is done, for the latest build only.
   */
  index(outputDir: string, { hasPages = true } = {}): Promise<IndexReport> {
    this.#next = { outputDir, hasPages };
    this.#running ??= this.#drain();
    return this.#running;
  }

  async #drain(): Promise<IndexReport> {
    activeIndexers++;
    try {
      let report: IndexReport = { pages: 0 };
      while (this.#next) {
        const job = this.#next;
        this.#next = undefined;
        report = await this.#indexOnce(job);
      }
      return report;
    } finally {
      this.#running = undefined;
      // Pagefind's process keeps hundreds of megabytes once an index is
      // written (about 550 MB after 4,000 posts): stop it when no index is
      // being built. The next index starts it again, in a few milliseconds.
      if (--activeIndexers === 0) await pagefind.close();
    }
  }

  async #indexOnce({ outputDir, hasPages }: Job): Promise<IndexReport> {
    const { index, errors: created } = await pagefind.createIndex({ forceLanguage: this.#language });
    if (!index) throw new SearchIndexError(created.length ? created : ["Pagefind did not create an index"]);
    try {
      const root = path.resolve(outputDir);
      let pages = 0;
      // With no page marked data-pagefind-body, Pagefind would index every page.
      if (hasPages) {
        const added = await index.addDirectory({ path: root });
        if (added.errors.length > 0) throw new SearchIndexError(added.errors);
        pages = added.page_count;
      }
      // Written beside the published index, then swapped in: a reader of the
      // preview never meets a half-written index, and no file of an older
      // index stays behind.
      const bundle = path.join(root, BUNDLE_DIR);
      const fresh = `${bundle}.new`;
      await rm(fresh, { recursive: true, force: true });
      const { errors: written } = await index.writeFiles({ outputPath: fresh });
      if (written.length > 0) throw new SearchIndexError(written);
      await Promise.all(UNUSED_BUNDLE_FILES.map((name) => rm(path.join(fresh, name), { force: true })));
      await rm(bundle, { recursive: true, force: true });
      await rename(fresh, bundle);
      return { pages };
    } finally {
      await index.deleteIndex();
    }
  }
}
