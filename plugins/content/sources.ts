/**
 * Reading the sources. One call, `read(file)`, gives what the build needs
 * to know of a Markdown file before validation (its front matter, word
 * count, opening, images: ./source.ts); everything that makes it cheap
 * lives behind that call:
 *
 * - One cache on disk, `.cache/content/sources-<fingerprint>.bin`, by the
 *   SHA-1 of each file's bytes: a build reads and hashes every file (file
 *   times prove nothing on a fresh clone), and decodes and parses only the
 *   texts it has not seen. The file is named by a fingerprint of the code
 *   that reads (found from its module graph: plugins/build/fingerprint.ts)
 *   and of the site's language, so that new code starts afresh.
 * - Eleventy reads no source itself: it asks the store for the front
 *   matter (`facts`) and the body (`body`) of each file this build read
 *   (plugins/markdown), so a page is made from the very bytes that were
 *   validated.
 *
 * A store lives as long as its configuration: one build, or one preview
 * session. A preview's watcher tells it which files changed (`changed`);
 * the others are not read again, and what was checked of a source
 * (`checked`) is kept with it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import { isUtf8 } from "node:buffer";
import { codeFingerprint } from "../build/fingerprint.ts";
import type { Language } from "../i18n/languages.ts";
import { sourceBody } from "./frontmatter.ts";
import { readSource, sourceDigest, type SourceFacts } from "./source.ts";

/** A file as the build under way read it. */
interface ReadFile {
  facts: SourceFacts;
  bytes: Buffer;
}

/** Changes when the layout of the stored file changes. */
const FORMAT = "billet-sources-2";

/** A file that is not text Billet can read: its line, and what was found there. */
export class SourceEncodingError extends Error {
  override name = "SourceEncodingError";
}

export interface SourceStoreOptions {
  /** Where the cache is kept (`.cache/content`); none: nothing is kept between processes. */
  cacheDir?: string;
  /**
   * The site's language: what the facts depend on besides the code and
   * the text, and the language of what is said about a source that cannot
   * be read.
   */
  settings: Language;
  /** The Markdown renderer's inline rendering, for openings (plugins/markdown). */
  renderInline: (markdown: string) => string;
}

/** The code that makes a source's facts: the reading, and the Markdown set-up whose inline rendering it is given. */
const READING_CODE = [new URL("./source.ts", import.meta.url), new URL("../markdown/index.ts", import.meta.url)];

export class SourceStore {
  readonly #options: SourceStoreOptions;
  #file: string | undefined;
  /** Sources known from earlier builds (the cache file, then this session's builds), by digest. */
  #known: Map<string, SourceFacts> | undefined;
  /** The sources of the build under way, by digest. */
  #current = new Map<string, SourceFacts>();
  /** The files the build under way read, by absolute path: what was read of each, and its bytes. */
  #files = new Map<string, ReadFile>();
  /** Under a preview's watcher: the files not changed since they were read, by absolute path. */
  #watched: Map<string, ReadFile> | undefined;
  /** What was checked of each source's front matter, by the kind of rules (post or page) it was checked with. */
  #checked = new WeakMap<SourceFacts, Map<string, unknown>>();

  constructor(options: SourceStoreOptions) {
    this.#options = options;
  }

  /** A build begins: only its own sources will be kept. */
  begin(): void {
    this.#current = new Map();
    this.#files = new Map();
  }

  /**
   * The facts of `file`. Synchronous on purpose: a few thousand small files
   * read one after the other cost a third of the processor time of the same
   * reads through fs/promises, and nothing else runs meanwhile.
   *
   * Throws FrontMatterSyntaxError or SourceEncodingError for a file that
   * cannot be read as a post.
   */
  read(file: string): SourceFacts {
    const absolute = path.resolve(file);
    let read = this.#watched?.get(absolute);
    if (!read) {
      const bytes = readFileSync(file);
      const digest = sourceDigest(bytes);
      const facts =
        this.#current.get(digest) ??
        this.#stored().get(digest) ??
        readSource(decode(bytes), this.#options.renderInline, digest, this.#options.settings).facts;
      read = { facts, bytes };
      this.#watched?.set(absolute, read);
    }
    this.#current.set(read.facts.digest, read.facts);
    this.#files.set(absolute, read);
    return read.facts;
  }

  /** What the build under way read of `file` (the facts `read` gave), or undefined if it did not read it. */
  facts(file: string): SourceFacts | undefined {
    return this.#files.get(path.resolve(file))?.facts;
  }

  /** The Markdown body of a file the build under way read, from the very bytes it read. */
  body(file: string): string {
    const read = this.#files.get(path.resolve(file));
    if (!read) throw new Error(`${file} was not read by this build`);
    return sourceBody(decode(read.bytes));
  }

  /**
   * From now on a file is read again only once `changed` names it: for a
   * preview, whose watcher reports every change. (A build reads every file.)
   */
  watch(): void {
    this.#watched ??= new Map();
  }

  /** A watched file changed, appeared or went away: the next build reads it. */
  changed(file: string): void {
    this.#watched?.delete(path.resolve(file));
  }

  /**
   * What `check` makes of a source's front matter as a `kind` (its rules
   * come from the site's configuration, which a store lives within), worked
   * out once per source read: the same text read again is the same source.
   */
  checked<T>(facts: SourceFacts, kind: "post" | "page", check: () => T): T {
    let byKind = this.#checked.get(facts);
    if (!byKind) this.#checked.set(facts, (byKind = new Map<string, unknown>()));
    if (!byKind.has(kind)) byKind.set(kind, check());
    return byKind.get(kind) as T;
  }

  /**
   * Keeps this build's sources for the next one, if they differ from what
   * is kept: written under a unique temporary name, then renamed, so that
   * an interrupted build, or two at once, never leave half a file. Files
   * of other fingerprints are deleted: they would never be read again.
   */
  async save(): Promise<void> {
    const known = this.#stored();
    const current = this.#current;
    this.#known = current;
    if (!this.#options.cacheDir) return;
    if (current.size === known.size && [...current.keys()].every((digest) => known.has(digest))) return;
    const file = this.#path();
    const dir = path.dirname(file);
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, v8.serialize({ format: FORMAT, sources: [...current.values()] }));
    await rename(temporary, file);
    const others = (await readdir(dir)).filter((name) => name.startsWith("sources-") && name !== path.basename(file));
    await Promise.all(others.map((name) => rm(path.join(dir, name), { force: true })));
  }

  #path(): string {
    this.#file ??= path.join(
      this.#options.cacheDir!,
      `sources-${createHash("sha256")
        .update(`${FORMAT}\n${this.#options.settings}\n${codeFingerprint(READING_CODE)}`)
        .digest("hex")
        .slice(0, 16)}.bin`,
    );
    return this.#file;
  }

  #stored(): Map<string, SourceFacts> {
    if (this.#known) return this.#known;
    this.#known = new Map();
    if (!this.#options.cacheDir) return this.#known;
    try {
      const saved = v8.deserialize(readFileSync(this.#path())) as { format?: unknown; sources?: unknown };
      if (saved.format === FORMAT && Array.isArray(saved.sources)) {
        // Only whole records: a damaged one is read again from its source.
        for (const facts of saved.sources.filter(isFacts)) this.#known.set(facts.digest, facts);
      }
    } catch {
      // None yet, or not one of ours: everything is read.
    }
    return this.#known;
  }
}

/** The text of a source's bytes, which must be UTF-8 (with or without a byte-order mark). */
export function decode(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString("utf8");
  // Lines end with a byte that is never part of a longer UTF-8 character: each can be checked alone.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    const chunk = bytes.subarray(start, end === -1 ? bytes.length : end);
    try {
      decoder.decode(chunk);
    } catch {
      const found = [...chunk.filter((byte) => byte >= 0x80).subarray(0, 3)]
        .map((byte) => `0x${byte.toString(16).toUpperCase()}`)
        .join(" ");
      throw new SourceEncodingError(
        `line ${line}: found bytes that are not UTF-8 text (${found}), expected the file saved as UTF-8 (an older editor may have saved it as Latin-1 or Windows-1252)`,
      );
    }
    if (end === -1) return bytes.toString("utf8");
    start = end + 1;
  }
}

function isFacts(value: unknown): value is SourceFacts {
  const facts = value as Partial<SourceFacts> | null | undefined;
  return (
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
