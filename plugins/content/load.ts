/**
 * Reads every Markdown file under the content folder, validates its front
 * matter and turns it into a PostEntry or a PageEntry, before Eleventy
 * renders anything.
 *
 * All problems in all files are collected and reported together, one line
 * each, so an author fixes a batch of mistakes in one go.
 */
import { access } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { messages, type I18n, type Messages } from "../i18n/index.ts";
import { unreadableImage } from "../images/index.ts";
import { isRelativeReference } from "../markdown/images.ts";
import { ProblemListError } from "../problems/errors.ts";
import type { GeneratedAddress } from "../build/lifecycle.ts";
import { filesUnder } from "../build/walk.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { FrontMatterSyntaxError } from "./frontmatter.ts";
import type { CategoryRef, ContentEntry, PageEntry, PostEntry, TagRef } from "./model.ts";
import { publicationState } from "./publishing.ts";
import { pageSchema, postSchema, validate, type PageFrontMatter, type PostFrontMatter } from "./schema.ts";
import { slugify } from "./slug.ts";
import { SourceEncodingError, type SourceStore } from "./sources.ts";
import type { SourceFacts } from "./source.ts";
import { readingMinutes } from "./text.ts";
import { expandPermalink } from "./urls.ts";

/** The content's problems, found by a build (which then writes nothing) or by `npm run check` (which never writes). */
export class ContentError extends ProblemListError {
  override name = "ContentError";
  constructor(problems: string[], m: Messages, by: "build" | "check" = "build") {
    const { headings } = m.t.problems;
    super(m.plural(by === "build" ? headings.content : headings.contentChecked, problems.length), problems);
  }
}

export interface LoadOptions {
  /** The content folder, relative to the project (`content`). */
  inputDir: string;
  site: ResolvedSiteConfig;
  i18n: I18n;
  now: DateTime;
  /** Where sources are read from (and kept between builds). */
  sources: SourceStore;
}

/**
 * Markdown files under `dir`, sorted, named as the author reads them: relative
 * to the working folder (`content/posts/a.md`) when inside it.
 */
export function findMarkdownFiles(dir: string): string[] {
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

/**
 * Every post and page of the content folder, validated: the entries that
 * passed, and one line for each problem found in the others.
 */
export async function loadContent(options: LoadOptions): Promise<{ entries: ContentEntry[]; problems: string[] }> {
  const { site, i18n, now, sources } = options;
  const m = messages(site.language);
  const t = m.t.frontMatter;
  const postsDir = path.resolve(options.inputDir, "posts") + path.sep;
  const files = findMarkdownFiles(options.inputDir);

  const problems: string[] = [];
  const entries: ContentEntry[] = [];
  const postRules = postSchema(site);
  const pageRules = pageSchema(site);
  const refs = sharedRefs(site);
  const tags = new TagNames();

  for (const file of files) {
    let facts: SourceFacts;
    try {
      facts = sources.read(file);
    } catch (error) {
      if (error instanceof FrontMatterSyntaxError) problems.push(`${file}:${error.line}: ${error.message}`);
      else if (error instanceof SourceEncodingError) problems.push(m.at(file, error.message));
      else throw error;
      continue;
    }
    problems.push(...(await imageProblems(file, facts, m)));
    const inputPath = path.resolve(file);
    const isPost = inputPath.startsWith(postsDir);
    const result = sources.checked(facts, isPost ? "post" : "page", () =>
      validate(isPost ? postRules : pageRules, facts.data, m),
    );
    if (!result.ok) {
      problems.push(...result.problems.map((p) => m.at(file, p)));
      continue;
    }
    const defaultSlug = slugify(fileSlug(file), site.language);
    if (
      !result.value.slug &&
      !(!isPost && "permalink" in result.value && result.value.permalink) &&
      defaultSlug === ""
    ) {
      problems.push(m.at(file, m.at("slug", m.problem(t.noSlugFound, t.noSlugExpected))));
      continue;
    }
    if (isPost) {
      const fm = result.value as PostFrontMatter;
      if (fm.image && isRelativeReference(fm.image)) {
        const source = besideFile(file, fm.image);
        if (source === undefined) problems.push(m.at(file, m.at("image", malformedEscape(m))));
        else if (!(await exists(source)))
          problems.push(m.at(file, m.at("image", m.problem(m.format(t.noFile, { file: source }), t.imageBeside))));
      }
      const slug = fm.slug ?? defaultSlug;
      const postTags: TagRef[] = [];
      fm.tags.forEach((name, i) => {
        const tag = refs.tag(name);
        const problem = tag.slug === "" ? m.problem(m.quote(name), t.tagWithLetter) : tags.clash(tag, file, m);
        if (problem) problems.push(m.at(file, m.at(`tags[${i}]`, problem)));
        // The same tag written twice in one post counts once.
        else if (!postTags.some((other) => other.slug === tag.slug)) postTags.push(tag);
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
        tags: postTags,
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

  problems.push(...duplicateThreads(entries, m));
  return { entries, problems };
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
async function imageProblems(file: string, { images, bodyLine }: SourceFacts, m: Messages): Promise<string[]> {
  const t = m.t.frontMatter;
  const problems: string[] = [];
  for (const image of images) {
    const where = m.at(file, m.format(t.bodyImage, { src: image.src, line: image.line + bodyLine - 1 }));
    if (image.alt === undefined) {
      problems.push(m.at(where, m.problem(t.noAltFound, m.format(t.noAltExpected, { src: image.src }))));
    }
    if (isRelativeReference(image.src)) {
      const source = besideFile(file, image.src);
      if (source === undefined) {
        problems.push(m.at(where, malformedEscape(m)));
        continue;
      }
      const found = await exists(source);
      if (!found) problems.push(m.at(where, m.problem(m.format(t.noFile, { file: source }), t.imageBeside)));
      const unreadable = found ? unreadableImage(source) : undefined;
      if (unreadable) problems.push(m.at(where, m.problem(unreadable, t.jpegOrPng)));
    }
  }
  return problems;
}

function malformedEscape(m: Messages): string {
  return m.problem(m.t.frontMatter.badEscapeFound, m.t.frontMatter.badEscapeExpected);
}

/**
 * The file a relative address beside `file` names, or undefined when the
 * address holds a malformed escape: every later step that reads the
 * address (publishing, cards) may then decode it.
 */
function besideFile(file: string, src: string): string | undefined {
  try {
    return path.join(path.dirname(file), decodeURI(src.split(/[?#]/)[0]!));
  } catch {
    return undefined;
  }
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Posts and pages that would be written to the same file as another one,
 * or onto a page or into a folder that Billet generates. Addresses are
 * compared as the files they become (`/a/` and `/a/index.html` are one).
 */
export function addressProblems(entries: ContentEntry[], generated: GeneratedAddress[], m: Messages): string[] {
  const t = m.t.frontMatter;
  const problems: string[] = [];
  const named = (address: GeneratedAddress) =>
    m.format(t.owners[address.owner], { name: address.name === undefined ? "" : m.quote(address.name) });
  const owners = new Map<string, string>();
  for (const address of generated) {
    if (!owners.has(outputFile(address.url))) owners.set(outputFile(address.url), named(address));
  }
  const folders = generated
    .filter((address) => address.folder)
    .map((address) => ({ address, prefix: outputFile(address.url).replace(/index\.html$/, "") }));
  for (const entry of entries) {
    const file = outputFile(entry.url);
    const folder = folders.find(({ prefix }) => file.startsWith(prefix))?.address;
    const owner = folder ? m.format(t.folderOwner, { owner: named(folder), url: folder.url }) : owners.get(file);
    if (owner) {
      const field = entry.kind === "page" && entry.frontMatter.permalink ? "permalink" : "slug";
      const found = m.format(t.addressTakenFound, { url: entry.url, owner });
      const expected = entry.kind === "page" ? t.addressTakenPageExpected : t.addressTakenExpected;
      problems.push(m.at(entry.file, m.at(field, m.problem(found, expected))));
    } else {
      owners.set(file, entry.file);
    }
  }
  return problems;
}

/** The file an address is written to, as Eleventy writes it. */
/** The file an address is written to: `/a/` → `/a/index.html`. */
export function outputFile(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // Left as written: compared as it is.
  }
  return decoded.endsWith("/") ? `${decoded}index.html` : decoded;
}

/**
 * Tags across the posts, by slug. Spellings of one tag (« Réseaux sociaux »,
 * « réseaux-sociaux ») share its page; two different tags whose slugs are the
 * same (« C++ » and « C ») would share it too, so that is a problem.
 */
class TagNames {
  readonly #bySlug = new Map<string, { name: string; file: string }>();

  /** A problem if `tag` is another tag with the same address as one seen before. */
  clash(tag: TagRef, file: string, m: Messages): string | undefined {
    const seen = this.#bySlug.get(tag.slug);
    if (!seen) {
      this.#bySlug.set(tag.slug, { name: tag.name, file });
      return undefined;
    }
    if (seen.name === tag.name || spelling(seen.name) === spelling(tag.name)) return undefined;
    return m.problem(
      m.format(m.t.frontMatter.tagClashFound, {
        name: m.quote(tag.name),
        url: tag.url,
        other: m.quote(seen.name),
        file: seen.file,
      }),
      m.t.frontMatter.tagClashExpected,
    );
  }
}

/** What stays of a tag's name when case, accents, spaces, dashes and underscores are set aside. */
function spelling(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\-_]+/g, "");
}

/**
 * Two posts that would share a comment thread: the same comment key, or the
 * same pinned discussion. Posts with comments off are left out.
 */
function duplicateThreads(entries: ContentEntry[], m: Messages): string[] {
  const t = m.t.frontMatter;
  const problems: string[] = [];
  const keys = new Map<string, PostEntry>();
  const numbers = new Map<number, PostEntry>();
  for (const entry of entries) {
    if (entry.kind !== "post" || !entry.comments) continue;
    if (entry.discussionNumber !== undefined) {
      const owner = numbers.get(entry.discussionNumber);
      if (owner) {
        const found = m.format(t.discussionTakenFound, { number: entry.discussionNumber, file: owner.file });
        problems.push(m.at(entry.file, m.at("comments.discussion", m.problem(found, t.discussionTakenExpected))));
      } else numbers.set(entry.discussionNumber, entry);
      continue;
    }
    const owner = keys.get(entry.commentKey);
    const pinned = entry.frontMatter.comments.key !== undefined;
    // Two posts at the same address are reported as such already.
    if (owner && (pinned || owner.frontMatter.comments.key !== undefined || owner.url !== entry.url)) {
      const found = m.format(t.commentKeyTakenFound, { key: m.quote(entry.commentKey), file: owner.file });
      problems.push(
        m.at(entry.file, m.at(pinned ? "comments.key" : "slug", m.problem(found, t.commentKeyTakenExpected))),
      );
    } else if (!owner) keys.set(entry.commentKey, entry);
  }
  return problems;
}
