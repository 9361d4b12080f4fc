/**
 * Reads every Markdown file under the content folder, validates its front
 * matter and turns it into a PostEntry or a PageEntry, before Eleventy
 * renders anything.
 *
 * All problems in all files are collected and reported together, one line
 * each, so an author fixes a batch of mistakes in one go.
 */
import { readFileSync, statSync } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import type { ZodType } from "zod";
import type { I18n } from "../i18n/index.ts";
import { unreadableImage } from "../images/index.ts";
import { isRelativeReference } from "../markdown/images.ts";
import { ProblemListError } from "../site/errors.ts";
import { filesUnder } from "../site/walk.ts";
import type { ResolvedSiteConfig } from "../site/config.ts";
import { FrontMatterSyntaxError, rememberYaml } from "./frontmatter.ts";
import type { CategoryRef, ContentEntry, PageEntry, PostEntry, TagRef } from "./model.ts";
import { publicationState } from "./publishing.ts";
import { pageSchema, postSchema, validate, type PageFrontMatter, type PostFrontMatter } from "./schema.ts";
import { slugify } from "./slug.ts";
import { checkingFingerprint, type FactsStore, type FileStatus, type StoredSource } from "./facts-store.ts";
import { rememberDate } from "./dates.ts";
import { readSource, sourceDigest, type HelpedRead, type SourceFacts } from "./source.ts";
import { readingMinutes } from "./text.ts";
import { expandPermalink } from "./urls.ts";

export { readSource, type HelpedRead, type SourceFacts } from "./source.ts";

export class ContentError extends ProblemListError {
  override name = "ContentError";
  constructor(problems: string[]) {
    super(
      `The content has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}; nothing was built:`,
      problems,
    );
  }
}

export interface LoadOptions {
  /** The content folder, relative to the project (`content`). */
  inputDir: string;
  site: ResolvedSiteConfig;
  i18n: I18n;
  now: DateTime;
  renderInline: (markdown: string) => string;
  /** Another thread that takes part in the reading (plugins/markdown/prerender.ts). */
  helper?: ReadHelper;
  /** Facts and checked front matter from earlier builds (in memory in watch mode, on disk given a FactsStore). */
  cache?: SourceCache;
}

/**
 * Another thread that takes part in the reading. It is given every file of
 * the build; in a first build (nothing known from before), it reads some of
 * them while the calling thread reads the others: each takes the next index
 * with `Atomics.add(claims, 0, 1)` until they are all taken. `share` resolves
 * with what it made of those it took (a file it took and did not answer for
 * is read by the calling thread). When the calling thread has taken every
 * index before, the helper reads none for it.
 */
export interface ReadHelper {
  share(files: string[], claims: Int32Array): Promise<HelpedRead[]> | undefined;
}

/**
 * Facts by file. In memory, by modification time, so that watch-mode
 * rebuilds only re-read what changed; and, given a FactsStore, on disk by
 * digest, so that a new build parses only the files it has not seen.
 */
export class SourceCache {
  #entries = new Map<string, { mtimeMs: number; size: number; source: StoredSource }>();
  readonly #store: FactsStore | undefined;

  constructor(store?: FactsStore) {
    this.#store = store;
  }

  /** A build begins. */
  begin(): void {
    this.#store?.begin();
  }

  /** Nothing is known from before: every file must be parsed, and another thread may share the work. */
  get cold(): boolean {
    return this.#entries.size === 0 && (this.#store?.empty ?? true);
  }

  /**
   * Synchronous on purpose: a few thousand small files read one after the
   * other cost a third of the processor time of the same reads through
   * fs/promises (each of which is an open, a stat, reads and a close, each a
   * round trip through the thread pool), and nothing else runs meanwhile.
   */
  read(file: string, renderInline: (markdown: string) => string): SourceFacts {
    const status = statSync(file);
    const { mtimeMs, size } = status;
    const cached = this.#entries.get(file);
    if (cached && cached.mtimeMs === mtimeMs && cached.size === size) {
      this.#store?.keep(cached.source);
      this.#store?.keepFile(file);
      return cached.source.facts;
    }
    // A file as it was when last read need not be read again to be known.
    let source = this.#store?.knownSource(file, status);
    if (!source) {
      const readAt = Date.now();
      const bytes = readFileSync(file);
      const digest = sourceDigest(bytes);
      source = this.#store?.get(digest);
      if (!source) {
        // Decoded only when it is to be parsed: known texts need only their bytes' digest.
        const { facts, matter } = readSource(bytes.toString("utf8"), renderInline, digest);
        source = { facts, matter };
        this.#store?.keep(source);
      }
      this.#store?.noteFile(file, status, digest, readAt);
    }
    // Eleventy parses the same front matter again: it finds it parsed.
    rememberYaml(source.matter, source.facts.data);
    this.#entries.set(file, { mtimeMs, size, source });
    return source.facts;
  }

  /** A source read by another thread. */
  store(file: string, info: FileStatus & { readAt: number }, source: StoredSource): void {
    this.#entries.set(file, { mtimeMs: info.mtimeMs, size: info.size, source });
    this.#store?.keep(source);
    this.#store?.noteFile(file, info, source.facts.digest, info.readAt);
    // Eleventy parses the same front matter again: it finds it parsed.
    rememberYaml(source.matter, source.facts.data);
  }

  /** The front matter of `file` as validated by an earlier build under the same rules (stored form), if any. */
  checked(file: string, rules: string): Record<string, unknown> | undefined {
    const checked = this.#entries.get(file)?.source.checked;
    return checked?.rules === rules && typeof checked.value === "object" && checked.value !== null
      ? checked.value
      : undefined;
  }

  /** Keeps the front matter of `file` as it passed validation under `rules` (stored form). */
  keepChecked(file: string, rules: string, value: Record<string, unknown>): void {
    const entry = this.#entries.get(file);
    if (!entry) return;
    entry.source.checked = { rules, value };
    this.#store?.changed();
  }

  /** Keeps this build's facts on disk for the next one, if there is a store. */
  save(): Promise<void> {
    return this.#store?.save() ?? Promise.resolve();
  }

  forgetMissing(present: Set<string>): void {
    for (const file of this.#entries.keys()) if (!present.has(file)) this.#entries.delete(file);
  }
}

/**
 * Markdown files under `dir`, sorted, named as the author reads them: relative
 * to the working folder (`content/posts/a.md`) when inside it.
 */
export async function findMarkdownFiles(dir: string): Promise<string[]> {
  const names = filesUnder(dir, { skipNodeModules: true });
  const base = displayPath(dir);
  return names
    .filter((name) => name.endsWith(".md"))
    .map((name) => {
      const relative = name.split(path.sep).join("/");
      return base === "" ? relative : `${base}/${relative}`;
    })
    .sort();
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return (relative.startsWith("..") ? path.resolve(file) : relative).split(path.sep).join("/");
}

/** `content/posts/mon-billet.md` → `mon-billet`; `content/posts/mon-billet/index.md` → `mon-billet`. */
export function fileSlug(file: string): string {
  const base = path.posix.basename(file, ".md");
  return base === "index" ? path.posix.basename(path.posix.dirname(file)) : base;
}

export async function loadContent(options: LoadOptions): Promise<ContentEntry[]> {
  const { site, i18n, now } = options;
  const cache = options.cache ?? new SourceCache();
  const postsDir = path.resolve(options.inputDir, "posts") + path.sep;
  const files = await findMarkdownFiles(options.inputDir);
  cache.forgetMissing(new Set(files));
  cache.begin();

  const problems: string[] = [];
  const entries: ContentEntry[] = [];
  const postCheck = { schema: postSchema(site), rules: checkingFingerprint("post", site) };
  const pageCheck = { schema: pageSchema(site), rules: checkingFingerprint("page", site) };
  const refs = sharedRefs(site);

  type Source = { file: string; facts: SourceFacts } | { file: string; problem: string };
  const readHere = (file: string): Source => {
    try {
      return { file, facts: cache.read(file, options.renderInline) };
    } catch (error) {
      if (error instanceof FrontMatterSyntaxError) return { file, problem: `${file}: front matter: ${error.message}` };
      throw error;
    }
  };
  const sources = new Array<Source | undefined>(files.length);
  const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  // Sharing pays only when every file must be parsed; otherwise the helper
  // just renders, and there is nothing to wait for.
  const cold = cache.cold;
  if (!cold) Atomics.store(claims, 0, files.length);
  const helped = options.helper?.share(files, claims);
  if (helped && cold) {
    for (let i = Atomics.add(claims, 0, 1); i < files.length; i = Atomics.add(claims, 0, 1)) {
      sources[i] = readHere(files[i]!);
    }
    for (const read of await helped) {
      const file = files[read.index]!;
      if ("facts" in read) {
        cache.store(file, read, { facts: read.facts, matter: read.matter });
        sources[read.index] = { file, facts: read.facts };
      } else if ("problem" in read) {
        sources[read.index] = { file, problem: `${file}: front matter: ${read.problem}` };
      }
    }
  }
  files.forEach((file, i) => (sources[i] ??= readHere(file)));

  for (const source of sources as Source[]) {
    if ("problem" in source) {
      problems.push(source.problem);
      continue;
    }
    const { file, facts } = source;
    problems.push(...(await imageProblems(file, facts)));
    const inputPath = path.resolve(file);
    const isPost = inputPath.startsWith(postsDir);
    const result = checkedFrontMatter(cache, file, facts, isPost ? postCheck : pageCheck, site.timeZone);
    if (!result.ok) {
      problems.push(...result.problems.map((p) => `${file}: ${p}`));
      continue;
    }
    const defaultSlug = slugify(fileSlug(file), site.language);
    if (
      !result.value.slug &&
      !(!isPost && "permalink" in result.value && result.value.permalink) &&
      defaultSlug === ""
    ) {
      problems.push(
        `${file}: slug: found no letter or digit in the file name, expected slug: in the front matter, e.g. slug: mon-billet`,
      );
      continue;
    }
    if (isPost) {
      const fm = result.value as PostFrontMatter;
      if (fm.image && isRelativeReference(fm.image)) {
        const source = path.join(path.dirname(file), decodeURI(fm.image.split(/[?#]/)[0]!));
        if (!(await exists(source)))
          problems.push(`${file}: image: found no file at ${source}, expected the image beside the Markdown file`);
      }
      const slug = fm.slug ?? defaultSlug;
      fm.tags.forEach((name, i) => {
        if (refs.tag(name).slug === "") {
          problems.push(
            `${file}: tags[${i}]: found ${JSON.stringify(name)}, expected a tag with at least one letter or digit`,
          );
        }
      });
      entries.push({
        kind: "post",
        inputPath,
        file,
        digest: facts.digest,
        slug,
        url: expandPermalink(site.permalinks.post, { slug, date: fm.date }),
        title: i18n.typography(fm.title),
        date: fm.date,
        updated: fm.updated,
        category: refs.category(fm.category),
        tags: fm.tags.map(refs.tag),
        description: fm.description ? i18n.typography(fm.description) : undefined,
        summary: fm.description ? i18n.typography(fm.description) : facts.opening,
        author: fm.author ? site.authors.get(fm.author)! : site.defaultAuthor,
        state: publicationState(fm, now),
        comments: fm.comments.enabled,
        commentKey: fm.comments.key ?? slug,
        discussionNumber: fm.comments.discussion,
        syndication: fm.syndication,
        image: fm.image,
        imageAlt: fm.imageAlt,
        readingMinutes: readingMinutes(facts.wordCount),
        wordCount: facts.wordCount,
        previous: undefined,
        next: undefined,
        frontMatter: fm,
      } satisfies PostEntry);
    } else {
      const fm = result.value as PageFrontMatter;
      const slug = fm.slug ?? defaultSlug;
      entries.push({
        kind: "page",
        inputPath,
        file,
        digest: facts.digest,
        slug,
        url: fm.permalink ?? `/${slug}/`,
        title: i18n.typography(fm.title),
        description: fm.description ? i18n.typography(fm.description) : undefined,
        updated: fm.updated,
        form: fm.form,
        noindex: fm.noindex,
        state: fm.draft ? "draft" : "published",
        frontMatter: fm,
      } satisfies PageEntry);
    }
  }

  problems.push(...duplicateUrls(entries, site));
  problems.push(...duplicateThreads(entries));
  if (problems.length > 0) throw new ContentError(problems);
  return entries;
}

/** Front matter fields that validation turns into dates, kept as milliseconds. */
const DATE_FIELDS = ["date", "updated"] as const;

/**
 * A source's front matter, validated: as an earlier build validated the
 * same text under the same rules (kept with its facts, `.cache/content/`),
 * or validated now and kept for the next build. Only what passed is kept:
 * a front matter with problems is validated, and reported, every time.
 */
function checkedFrontMatter(
  cache: SourceCache,
  file: string,
  facts: SourceFacts,
  { schema, rules }: { schema: ZodType; rules: string },
  zone: string,
): { ok: true; value: PostFrontMatter | PageFrontMatter } | { ok: false; problems: string[] } {
  const stored = cache.checked(file, rules);
  if (stored) {
    const value: Record<string, unknown> = { ...stored };
    for (const field of DATE_FIELDS) {
      if (typeof stored[field] !== "number") continue;
      const date = DateTime.fromMillis(stored[field], { zone });
      value[field] = date;
      // Eleventy reads the same text for the page's date: it finds it read.
      if (typeof facts.data[field] === "string") rememberDate(facts.data[field], zone, date);
    }
    return { ok: true, value: value as PostFrontMatter | PageFrontMatter };
  }
  const result = validate(schema, facts.data) as ReturnType<typeof checkedFrontMatter>;
  if (result.ok) {
    const value: Record<string, unknown> = { ...(result.value as Record<string, unknown>) };
    for (const field of DATE_FIELDS) if (DateTime.isDateTime(value[field])) value[field] = value[field].toMillis();
    cache.keepChecked(file, rules, value);
  }
  return result;
}

export function categoryUrl(site: ResolvedSiteConfig, slug: string): string {
  return expandPermalink(site.permalinks.category, { slug });
}

export function tagRef(site: ResolvedSiteConfig, name: string): TagRef {
  const slug = slugify(name, site.language);
  return { name, slug, url: expandPermalink(site.permalinks.tag, { slug }) };
}

export function categoryRef(site: ResolvedSiteConfig, slug: string): CategoryRef | undefined {
  const category = site.categories.get(slug);
  return category && { ...category, url: categoryUrl(site, slug) };
}

/** One category and tag object each, shared by all the posts that name it. */
function sharedRefs(site: ResolvedSiteConfig) {
  const categories = new Map<string, CategoryRef>();
  const tags = new Map<string, TagRef>();
  return {
    category: (slug: string): CategoryRef => {
      let ref = categories.get(slug);
      if (!ref) categories.set(slug, (ref = categoryRef(site, slug)!));
      return ref;
    },
    tag: (name: string): TagRef => {
      let ref = tags.get(name);
      if (!ref) tags.set(name, (ref = tagRef(site, name)));
      return ref;
    },
  };
}

/** Images without a description for readers who cannot see them, and images beside the post that are not there. */
async function imageProblems(file: string, { images, bodyLine }: SourceFacts): Promise<string[]> {
  const problems: string[] = [];
  for (const image of images) {
    const where = `${file}: image ${image.src} (line ${image.line + bodyLine - 1})`;
    if (image.alt === undefined) {
      problems.push(`${where}: found no description, expected alternative text: ![What the image shows](${image.src})`);
    }
    if (isRelativeReference(image.src)) {
      const source = path.join(path.dirname(file), decodeURI(image.src.split(/[?#]/)[0]!));
      const found = await exists(source);
      if (!found) problems.push(`${where}: found no file at ${source}, expected the image beside the Markdown file`);
      const unreadable = found ? unreadableImage(source) : undefined;
      if (unreadable) problems.push(`${where}: found ${unreadable}, expected a JPEG or PNG image`);
    }
  }
  return problems;
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Two sources that would be written to the same address, or onto a page Billet generates. */
function duplicateUrls(entries: ContentEntry[], site: ResolvedSiteConfig): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  owners.set("/", "the home page");
  owners.set(site.permalinks.archive, "the archive page");
  if (site.search.enabled) owners.set(site.search.url, "the search page");
  for (const slug of site.categories.keys()) owners.set(categoryUrl(site, slug), `the page of category "${slug}"`);
  for (const entry of entries) {
    const owner = owners.get(entry.url);
    if (owner) {
      const field = entry.kind === "post" ? "slug" : entry.frontMatter.permalink ? "permalink" : "slug";
      problems.push(
        `${entry.file}: ${field}: found the address ${entry.url}, which ${owner} already uses, expected an address of its own (change slug:${entry.kind === "page" ? " or permalink:" : ""} in one of them)`,
      );
    } else {
      owners.set(entry.url, entry.file);
    }
  }
  return problems;
}

/**
 * Two posts that would share a comment thread: the same comment key, or the
 * same pinned discussion. Posts with comments off are left out.
 */
function duplicateThreads(entries: ContentEntry[]): string[] {
  const problems: string[] = [];
  const keys = new Map<string, PostEntry>();
  const numbers = new Map<number, PostEntry>();
  for (const entry of entries) {
    if (entry.kind !== "post" || !entry.comments) continue;
    if (entry.discussionNumber !== undefined) {
      const owner = numbers.get(entry.discussionNumber);
      if (owner) {
        problems.push(
          `${entry.file}: comments.discussion: found ${entry.discussionNumber}, which ${owner.file} already pins, expected a discussion of its own`,
        );
      } else numbers.set(entry.discussionNumber, entry);
      continue;
    }
    const owner = keys.get(entry.commentKey);
    const pinned = entry.frontMatter.comments.key !== undefined;
    // Two posts at the same address are reported as such already.
    if (owner && (pinned || owner.frontMatter.comments.key !== undefined || owner.url !== entry.url)) {
      problems.push(
        `${entry.file}: ${pinned ? "comments.key" : "slug"}: found the comment key "${entry.commentKey}", which ${owner.file} already uses, expected a key of its own (set comments: { key: "…" } in one of them)`,
      );
    } else if (!owner) keys.set(entry.commentKey, entry);
  }
  return problems;
}
