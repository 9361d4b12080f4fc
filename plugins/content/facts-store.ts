/**
 * What was read from each source (./source.ts), kept from one build to the
 * next in `.cache/content/`, by the SHA-1 of the source's text.
 *
 * A build parses, counts and summarises only the texts it has not seen. It
 * knows a text by its digest, so it reads and hashes every file, except one
 * whose status is exactly as recorded after its last reading: the same
 * size, modification and change times and inode (as git trusts its index).
 * A fresh clone on a build server changes all of these, so there every file
 * is read again; and a file is recorded only once it has been left alone for
 * a few seconds, so that an edit within the file system's clock tick of the
 * reading cannot go unseen. The file is named by a fingerprint of
 * what makes these facts (Billet's reading code, the versions of the
 * libraries it uses, the site's language), so that a change to any of them
 * starts afresh instead of reusing facts made the old way.
 *
 * A missing, unreadable or foreign file is the same as an empty one: the
 * cache only ever saves work.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { codeFingerprint } from "../site/fingerprint.ts";
import type { SourceFacts } from "./source.ts";

/** A source as it was read: its facts and its front matter's YAML text. */
export interface StoredSource {
  facts: SourceFacts;
  matter: string;
  /**
   * The front matter as it passed validation, under the fingerprint of the
   * rules it passed (`checkingFingerprint`), dates as milliseconds
   * (plugins/content/load.ts writes and reads it).
   */
  checked?: { rules: string; value: Record<string, unknown> };
}

/** A file's status when it was read: if it has not changed, neither has the text. */
export interface FileStatus {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** A file as it was last read: its status then, and its text's digest. */
interface FileRecord extends FileStatus {
  path: string;
  digest: string;
}

/**
 * A file changed less than this long before it was read is not recorded:
 * a second change within the same tick of the file system's clock (two
 * seconds on some) would leave its status as recorded.
 */
const SETTLED_MS = 3000;

/** Changes when the layout of the stored file changes. */
const FORMAT = "billet-facts-2";

/** Billet's files whose code decides what is read from a source (relative to this folder). */
const READING_CODE = [
  "source.ts",
  "frontmatter.ts",
  "text.ts",
  "../markdown/index.ts",
  "../markdown/images.ts",
  "../i18n/index.ts",
  "../i18n/typography.ts",
];
/** Libraries whose version changes what is read (YAML, the summaries' inline Markdown). */
const READING_LIBRARIES = ["gray-matter", "js-yaml", "markdown-it", "markdown-it-anchor", "@sindresorhus/slugify"];

/** Billet's files whose code decides what validation makes of a front matter. */
const CHECKING_CODE = [
  "schema.ts",
  "dates.ts",
  "slug.ts",
  "../config/addresses.ts",
  "../problems/issues.ts",
  "../problems/describe.ts",
  "../problems/suggest.ts",
  "../problems/table.ts",
];

/** Paths of Billet's own files, named relative to this folder. */
const here = (files: string[]) => files.map((file) => fileURLToPath(new URL(file, import.meta.url)));

/**
 * A fingerprint of the rules a front matter is validated by: the code, the
 * versions of zod and luxon, and what the site's configuration puts into the
 * rules (its categories, authors and time zone).
 */
export function checkingFingerprint(kind: "post" | "page", site: ResolvedSiteConfig): string {
  const config = JSON.stringify([kind, [...site.categories.keys()], [...site.authors.keys()], site.timeZone]);
  return fingerprint(codeFingerprint(here(CHECKING_CODE), ["zod", "luxon"]), config);
}

/** A fingerprint of everything besides a source's text that its facts depend on. */
export function readingFingerprint(language: string): string {
  return fingerprint(codeFingerprint(here(READING_CODE), READING_LIBRARIES), language);
}

function fingerprint(code: string, settings: string): string {
  return createHash("sha256").update(FORMAT).update(code).update(settings).digest("hex").slice(0, 16);
}

export class FactsStore {
  readonly #file: string;
  /** What the file held when this process first needed it. */
  #previous: Map<string, StoredSource> | undefined;
  /** The sources of the build under way, new or reused. */
  #current = new Map<string, StoredSource>();
  /** Files as recorded by the previous save, by absolute path. */
  #previousFiles = new Map<string, FileRecord>();
  /** Files of the build under way, by absolute path. */
  #currentFiles = new Map<string, FileRecord>();
  /** A source of the build under way was not in the file. */
  #changed = false;

  readonly #settledMs: number;

  /** `settledMs`: how long a file must have been left alone to be recorded (tests shorten it). */
  constructor(dir: string, fingerprint: string, { settledMs = SETTLED_MS }: { settledMs?: number } = {}) {
    this.#file = path.join(dir, `facts-${fingerprint}.bin`);
    this.#settledMs = settledMs;
  }

  /** Whether the file held any source: if not, a build reads everything anew. */
  get empty(): boolean {
    return this.#stored().size === 0;
  }

  /** A build begins: only its own sources will be saved. */
  begin(): void {
    this.#current = new Map();
    this.#currentFiles = new Map();
    this.#changed = false;
  }

  /**
   * The facts of `file`, without reading it, when its status is the one
   * recorded when it was last read and its facts are stored.
   */
  knownSource(file: string, status: FileStatus): StoredSource | undefined {
    this.#stored();
    const record = this.#previousFiles.get(path.resolve(file));
    if (!record || !sameStatus(record, status)) return undefined;
    const source = this.get(record.digest);
    if (source) this.#currentFiles.set(record.path, record);
    return source;
  }

  /** `file` was read with this status (taken before the reading), at `readAt`, and its text has this digest. */
  noteFile(file: string, status: FileStatus, digest: string, readAt = Date.now()): void {
    if (Math.max(status.mtimeMs, status.ctimeMs) > readAt - this.#settledMs) return;
    const record: FileRecord = {
      path: path.resolve(file),
      size: status.size,
      mtimeMs: status.mtimeMs,
      ctimeMs: status.ctimeMs,
      ino: status.ino,
      digest,
    };
    const previous = this.#previousFiles.get(record.path);
    if (!previous || previous.digest !== digest || !sameStatus(previous, record)) this.#changed = true;
    this.#currentFiles.set(record.path, record);
  }

  /** `file` is unchanged since an earlier build of this process: its record, if it has one, stays. */
  keepFile(file: string): void {
    const record = this.#previousFiles.get(path.resolve(file));
    if (record) this.#currentFiles.set(record.path, record);
  }

  /** The facts of a source whose text has this digest, if they were stored. */
  get(digest: string): StoredSource | undefined {
    const found = this.#stored().get(digest);
    if (found) this.#current.set(digest, found);
    return found;
  }

  /** A source read in this build (or known from the one before, in watch mode). */
  keep(source: StoredSource): void {
    const digest = source.facts.digest;
    if (!this.#current.has(digest) && !this.#stored().has(digest)) this.#changed = true;
    this.#current.set(digest, source);
  }

  /** A source of this build got something new (its validated front matter): the file is to be written again. */
  changed(): void {
    this.#changed = true;
  }

  /**
   * Writes this build's sources, if they differ from what the file holds
   * (new ones, or some gone), under a temporary name first: an interrupted
   * build never leaves half a file behind. Files made with another
   * fingerprint are deleted: they would never be read again.
   */
  async save(): Promise<void> {
    const stored = this.#stored();
    if (!this.#changed && this.#current.size === stored.size && this.#currentFiles.size === this.#previousFiles.size)
      return;
    const current = this.#current;
    const files = this.#currentFiles;
    // Serialised at once: the front matter objects are handed to Eleventy, which may add to them.
    const bytes = v8.serialize({ format: FORMAT, sources: [...current.values()], files: [...files.values()] });
    const dir = path.dirname(this.#file);
    const temporary = `${this.#file}.${process.pid}.tmp`;
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, bytes);
    await rename(temporary, this.#file);
    this.#previous = current;
    this.#previousFiles = files;
    this.#changed = false;
    const others = (await readdir(dir)).filter(
      (name) => name.startsWith("facts-") && name.endsWith(".bin") && name !== path.basename(this.#file),
    );
    await Promise.all(others.map((name) => rm(path.join(dir, name), { force: true })));
  }

  #stored(): Map<string, StoredSource> {
    if (!this.#previous) {
      this.#previous = new Map();
      try {
        const saved = v8.deserialize(readFileSync(this.#file)) as {
          format?: unknown;
          sources?: unknown;
          files?: unknown;
        };
        if (saved.format === FORMAT && Array.isArray(saved.sources)) {
          // Only whole records: a damaged one is read again from its source.
          for (const source of saved.sources.filter(isStoredSource)) this.#previous.set(source.facts.digest, source);
          if (Array.isArray(saved.files))
            for (const record of saved.files.filter(isFileRecord)) this.#previousFiles.set(record.path, record);
        }
      } catch {
        // None yet, or not one of ours: read everything.
      }
    }
    return this.#previous;
  }
}

function isStoredSource(value: unknown): value is StoredSource {
  const { facts, matter } = (value ?? {}) as Partial<StoredSource>;
  return (
    typeof matter === "string" &&
    typeof facts === "object" &&
    facts !== null &&
    typeof facts.digest === "string" &&
    typeof facts.data === "object" &&
    facts.data !== null &&
    !Array.isArray(facts.data) &&
    Number.isInteger(facts.wordCount) &&
    typeof facts.opening === "string" &&
    Array.isArray(facts.images) &&
    Number.isInteger(facts.bodyLine)
  );
}

function isFileRecord(value: unknown): value is FileRecord {
  const record = (value ?? {}) as Partial<FileRecord>;
  return (
    typeof record.path === "string" &&
    typeof record.digest === "string" &&
    [record.size, record.mtimeMs, record.ctimeMs, record.ino].every((n) => typeof n === "number" && Number.isFinite(n))
  );
}

function sameStatus(a: FileStatus, b: FileStatus): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}
