/**
 * The search index, built with Pagefind's Node API (the `pagefind` npm
 * package runs its own binary, brought by a platform package such as
 * `@pagefind/linux-x64` through optional dependencies; nothing is
 * downloaded). https://pagefind.app/docs/node-api/
 *
 * Two things keep it from slowing the build down:
 *
 * - It starts as soon as the content is known, from the Markdown sources
 *   (./records.ts), before Eleventy renders anything: Pagefind's own
 *   process works on one processor while Eleventy renders on the other, and
 *   the build only waits, at its end, for what is left.
 * - It is kept in `.cache/search/`, named by a fingerprint of everything it
 *   is made of (each page's address, what results show of it, its source
 *   file, the language and Pagefind's version). A build whose posts did not
 *   change (a rebuild for new comments, the daily one for scheduled posts)
 *   reuses it and only links its files into the site.
 */
import { createHash } from "node:crypto";
import { readdir, rename, rm, stat } from "node:fs/promises";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { parseSource } from "../content/frontmatter.ts";
import { libraryVersion } from "../build/fingerprint.ts";
import { linkFiles } from "../build/publish-files.ts";
import { ProblemListError } from "../problems/errors.ts";
import { markdownToText, type SearchSource } from "./records.ts";

export class SearchIndexError extends ProblemListError {
  override name = "SearchIndexError";
  constructor(problems: string[]) {
    super("The search index could not be built (set search: false in site.config.ts to build without it):", problems);
  }
}

/** Where the index is published, in the output folder. */
export const BUNDLE_DIR = "pagefind";

/** Changes when what a record is made of changes, so older cached indexes are not reused. */
const RECORD_FORMAT = "2";
/** Pagefind's version. */
const PAGEFIND_VERSION = libraryVersion("pagefind");

/** Files of Pagefind's bundle that Billet does not use (its ready-made interfaces). */
const UNUSED_BUNDLE_FILES = new Set([
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
]);

/** Indexes kept in the cache: the one in use and the one before it. */
const KEPT_INDEXES = 2;

export interface IndexReport {
  /** Pages in the index. */
  pages: number;
  /** Whether it came from the cache. */
  reused: boolean;
}

interface Job {
  dir: string;
  report: IndexReport;
}

export class SearchIndexer {
  readonly #language: string;
  readonly #cacheDir: string;
  /** The index of the latest content given to `prepare`. */
  #latest: Promise<Job> | undefined;
  /** Jobs run one after the other: they share Pagefind's process. */
  #queue: Promise<unknown> = Promise.resolve();
  #publishing: Promise<unknown> = Promise.resolve();
  #generation = 0;

  constructor({ language, cacheDir }: { language: string; cacheDir: string }) {
    this.#language = language;
    this.#cacheDir = cacheDir;
  }

  /**
   * Starts making the index of these pages (or finding it in the cache), in
   * the background. A later call supersedes it: an index nobody will
   * publish is not built.
   */
  prepare(sources: SearchSource[], { delayMs = 0 }: { delayMs?: number } = {}): void {
    const generation = ++this.#generation;
    const job = this.#queue
      .then(() => (delayMs > 0 ? new Promise((done) => setTimeout(done, delayMs).unref()) : undefined))
      .then(() => this.#make(sources, generation));
    this.#queue = job.catch(() => undefined);
    this.#latest = job;
    // Awaited by `publish`; until then a failure must not go unhandled.
    job.catch(() => undefined);
  }

  /**
   * Waits for the latest index and puts its files in `outputDir/pagefind/`.
   * Publications run one after the other (rebuilds under `npm start`).
   */
  publish(outputDir: string): Promise<IndexReport> {
    if (!this.#latest) return Promise.reject(new Error("No search index was prepared for this build"));
    const latest = this.#latest;
    const done = this.#publishing.then(() => this.#publish(latest, outputDir));
    this.#publishing = done.catch(() => undefined);
    return done;
  }

  async #publish(latest: Promise<Job>, outputDir: string): Promise<IndexReport> {
    const { dir, report } = await latest;
    const bundle = path.join(outputDir, BUNDLE_DIR);
    const fresh = `${bundle}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.new`;
    linkTree(dir, fresh);
    // Swapped in whole: a reader of the preview never meets a half-written index.
    await rm(bundle, { recursive: true, force: true });
    await rename(fresh, bundle);
    return report;
  }

  async #make(sources: SearchSource[], generation: number): Promise<Job> {
    const hash = createHash("sha256").update(`${RECORD_FORMAT}\n${PAGEFIND_VERSION}\n${this.#language}\n`);
    for (const source of sources) hash.update(`${JSON.stringify([source.url, source.meta, source.digest])}\n`);
    const key = hash.digest("hex").slice(0, 16);
    const dir = path.join(this.#cacheDir, key);
    const report = { pages: sources.length, reused: true };
    // Synchronous, like the start of publishing: Eleventy's thread gives the
    // event loop no turn while it renders, and these steps would otherwise
    // wait for the end of the build to begin linking files.
    if (existsSync(path.join(dir, "pagefind-entry.json"))) return { dir, report };
    // Superseded before it began: the next job makes the index that will be published.
    if (generation !== this.#generation) return { dir, report };

    const { index, errors: created } = await pagefind.createIndex({ forceLanguage: this.#language });
    if (!index) throw new SearchIndexError(created.length ? created : ["Pagefind did not create an index"]);
    // Two builds at once may make the same index: each in a folder of its own, renamed into place.
    const building = `${dir}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`;
    try {
      const added = await Promise.all(
        sources.map((source) =>
          index.addCustomRecord({
            url: source.url,
            content: `${source.meta.title}. ${markdownToText(parseSource(readFileSync(source.file, "utf8")).body)}`,
            language: this.#language,
            meta: source.meta,
          }),
        ),
      );
      const failed = added.flatMap((result) => result.errors);
      if (failed.length > 0) throw new SearchIndexError(failed);
      await rm(building, { recursive: true, force: true });
      const { errors: written } = await index.writeFiles({ outputPath: building });
      if (written.length > 0) throw new SearchIndexError(written);
      await Promise.all([...UNUSED_BUNDLE_FILES].map((name) => rm(path.join(building, name), { force: true })));
      // A damaged index (a build killed while it renamed) makes way.
      if (!existsSync(path.join(dir, "pagefind-entry.json"))) await rm(dir, { recursive: true, force: true });
      await rename(building, dir).catch(async (error: NodeJS.ErrnoException) => {
        // Another build put the same index in place first: it is as good as this one.
        if (!existsSync(path.join(dir, "pagefind-entry.json"))) throw error;
        await rm(building, { recursive: true, force: true });
      });
    } finally {
      await index.deleteIndex();
      // Pagefind's process keeps hundreds of megabytes once an index is
      // written: stop it; the next index starts it again in milliseconds.
      await pagefind.close();
    }
    await this.#prune(key);
    return { dir, report: { pages: sources.length, reused: false } };
  }

  /** Removes cached indexes but the newest few, and what builds killed half-way left behind. */
  async #prune(keep: string): Promise<void> {
    const names = await readdir(this.#cacheDir).catch(() => [] as string[]);
    const dated = await Promise.all(
      names
        .filter((name) => name !== keep)
        .map(async (name) => ({
          name,
          time: (await stat(path.join(this.#cacheDir, name)).catch(() => undefined))?.mtimeMs,
        })),
    );
    const indexes = dated.filter((entry) => entry.time !== undefined && !entry.name.endsWith(".tmp"));
    indexes.sort((a, b) => b.time! - a.time!);
    // Another build's index in the making is left alone, unless it is an hour old.
    const abandoned = dated.filter((entry) => entry.name.endsWith(".tmp") && entry.time! < Date.now() - 3_600_000);
    await Promise.all(
      [...indexes.slice(KEPT_INDEXES - 1), ...abandoned].map(({ name }) =>
        rm(path.join(this.#cacheDir, name), { recursive: true, force: true }),
      ),
    );
  }
}

/** Hard links (a copy where links cannot be made) of every file under `from`, into `to`. */
function linkTree(from: string, to: string): void {
  const entries = readdirSync(from, { recursive: true, withFileTypes: true });
  // linkFiles makes the folders the files go in; Pagefind's bundle has no empty one.
  mkdirSync(to, { recursive: true });
  linkFiles(
    entries
      .filter((entry) => entry.isFile())
      .map((entry): [string, string] => {
        const source = path.join(entry.parentPath, entry.name);
        return [source, path.join(to, path.relative(from, source))];
      }),
  );
}
