/**
 * Every post's comment thread for one build: archived comments read from
 * beside the posts, GitHub's comments from the snapshot (brought up to date
 * when GITHUB_TOKEN is set), merged, threaded and counted once per build;
 * bodies are rendered and sanitized only when a post's page is.
 *
 * One instance lives for the whole Eleventy process (it is a class so that
 * Eleventy shares it with templates instead of copying it).
 */
import MarkdownIt from "markdown-it";
import type { Blog, ContentEntry, PageEntry, PostEntry } from "../content/index.ts";
import type { I18n } from "../i18n/index.ts";
import { useTypography } from "../markdown/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { ArchiveReader, type ArchivedComment } from "./archived.ts";
import { widgetWarning, type ResolvedComments } from "./config.ts";
import { DEFAULT_GRAPHQL_URL, GraphQLClient } from "./github.ts";
import { sanitizeComment } from "./sanitize.ts";
import { readSnapshot, refreshSnapshot, writeSnapshot, type Snapshot, type SnapshotSource } from "./snapshot.ts";
import { discussionLookup, type DiscussionLookup } from "./term.ts";
import { buildThread, type Discussion, type Thread, type ThreadComment } from "./thread.ts";

export interface CommentStoreOptions {
  site: ResolvedSiteConfig;
  i18n: I18n;
  /** Where the snapshot is kept: `.cache/comments` beside the content folder. */
  cacheDir: string;
  /** Where warnings go (one line each). */
  warn?: (message: string) => void;
}

/** Default time GitHub has to answer each request, in seconds (GITHUB_TIMEOUT overrides it). */
export const DEFAULT_TIMEOUT_S = 20;
/** Under `npm start`, GitHub is asked at most this often. */
const WATCH_REFRESH_MS = 60_000;

export class CommentStore {
  readonly settings: ResolvedComments;
  readonly #site: ResolvedSiteConfig;
  readonly #cacheDir: string;
  readonly #warn: (message: string) => void;
  readonly #archives: ArchiveReader;
  readonly #markdown: MarkdownIt;
  #snapshot: Snapshot | undefined;
  #snapshotRead = false;
  #widgetWarned = false;
  #lastRefresh = 0;
  /** Threads of posts with comments on, and of pages that have archived comments (imported ones). */
  #threads = new WeakMap<PostEntry | PageEntry, Thread>();
  #lookups = new WeakMap<PostEntry, DiscussionLookup>();
  #bodies = new Map<string, string>();

  constructor({ site, i18n, cacheDir, warn = (message) => console.warn(`[billet] ${message}`) }: CommentStoreOptions) {
    this.settings = site.comments;
    this.#site = site;
    this.#cacheDir = cacheDir;
    this.#warn = warn;
    this.#archives = new ArchiveReader(site.timeZone);
    this.#markdown = MarkdownIt({
      html: true,
      linkify: true,
      typographer: true,
      quotes: i18n.language === "fr" ? ["«\u00A0", "\u00A0»", "“", "”"] : ["“", "”", "‘", "’"],
    });
    useTypography(this.#markdown, i18n.typography);
  }

  /**
   * Loads the build's threads: the archives (whose problems are returned,
   * to stop the build), then the snapshot. Called by the content plugin once
   * the posts are known and before anything is written.
   */
  async load({
    inputDir,
    entries,
    blog,
  }: {
    inputDir: string;
    entries: ContentEntry[];
    blog: Blog;
  }): Promise<string[]> {
    const { byPost, problems } = await this.#archives.read(
      inputDir,
      entries.map((entry) => entry.file),
    );
    if (problems.length > 0) return problems;

    // Said once, not at every rebuild of `npm start`.
    const widget = this.#widgetWarned ? undefined : widgetWarning(this.settings);
    if (widget) this.#warn(widget);
    this.#widgetWarned = true;

    const built = blog.posts.filter((post) => post.comments && this.settings.enabled);
    for (const post of built)
      this.#lookups.set(post, discussionLookup(this.#identity(post), this.settings, this.#site.url));
    const snapshot = await this.#loadSnapshot(built, blog.preview);

    this.#threads = new WeakMap();
    for (const post of built) {
      const lookup = this.#lookups.get(post)!;
      const id = snapshot?.lookups[lookup.key];
      const discussion: Discussion | undefined = id ? snapshot?.discussions[id] : undefined;
      const archived: ArchivedComment[] = byPost.get(post.file) ?? [];
      this.#threads.set(post, buildThread(archived, discussion, post.author.github));
    }
    // Pages have no GitHub thread, but keep the comments they had (a WordPress
    // « À propos » page often has some): shown as they are, archived.
    for (const page of blog.pages) {
      const archived = byPost.get(page.file);
      if (archived?.length) this.#threads.set(page, buildThread(archived, undefined, this.#site.defaultAuthor.github));
    }
    if (this.#bodies.size > 20_000) this.#bodies.clear();
    return [];
  }

  /**
   * Whether the static thread may show images from GitHub (avatars, images
   * in comments). Not in consent mode: nothing may reach GitHub before the
   * reader agrees, so avatars become initials and images links.
   */
  get remoteImages(): boolean {
    return this.settings.loading !== "consent";
  }

  /** The post's thread (undefined when comments are off for it), or a page's archived thread. */
  thread(entry: PostEntry | PageEntry): Thread | undefined {
    return this.#threads.get(entry);
  }

  /** How many comments a post has, or undefined when comments are off for it. */
  count(post: PostEntry): number | undefined {
    return this.#threads.get(post)?.count;
  }

  lookup(post: PostEntry): DiscussionLookup | undefined {
    return this.#lookups.get(post);
  }

  /**
   * Where a reader without JavaScript can follow the thread on GitHub: the
   * discussion (from the snapshot or a pinned number), else the repository's
   * discussions.
   */
  githubLink(post: PostEntry): { url: string; discussion: boolean } | undefined {
    const { repo } = this.settings;
    const known = this.#threads.get(post)?.discussionUrl;
    if (known) return { url: known, discussion: true };
    if (!repo) return undefined;
    if (post.discussionNumber !== undefined) {
      return { url: `https://github.com/${repo}/discussions/${post.discussionNumber}`, discussion: true };
    }
    return { url: `https://github.com/${repo}/discussions`, discussion: false };
  }

  /** A comment's body as safe HTML (Markdown for archived comments, GitHub's HTML otherwise). */
  bodyHtml(comment: ThreadComment): string {
    const source = "markdown" in comment.body ? `md\u0000${comment.body.markdown}` : `html\u0000${comment.body.html}`;
    let html = this.#bodies.get(source);
    if (html === undefined) {
      html = sanitizeComment(
        "markdown" in comment.body ? this.#markdown.render(comment.body.markdown) : comment.body.html,
        { images: this.remoteImages },
      );
      this.#bodies.set(source, html);
    }
    return html;
  }

  #identity(post: PostEntry) {
    return { key: post.commentKey, discussion: post.discussionNumber, url: post.url };
  }

  /** The snapshot for this build: from disk once, then from GitHub when a token is set. */
  async #loadSnapshot(posts: PostEntry[], preview: boolean): Promise<Snapshot | undefined> {
    const { repo, category, categoryId, strict } = this.settings;
    if (!repo || !this.settings.enabled) return undefined;
    if (!this.#snapshotRead) {
      this.#snapshot = await readSnapshot(this.#cacheDir);
      this.#snapshotRead = true;
    }
    const token = process.env.GITHUB_TOKEN?.trim();
    // Without a token nothing is asked of GitHub: the snapshot on disk, if any, is used as it is.
    if (!token) return this.#snapshot;
    if (preview && Date.now() - this.#lastRefresh < WATCH_REFRESH_MS) return this.#snapshot;

    const endpoint = process.env.GITHUB_GRAPHQL_URL?.trim() || DEFAULT_GRAPHQL_URL;
    const timeout = Number(process.env.GITHUB_TIMEOUT);
    const source: SnapshotSource = { endpoint, repo, category, strict };
    const client = new GraphQLClient({
      endpoint,
      token,
      timeoutMs: (Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_S) * 1000,
    });
    const result = await refreshSnapshot({
      previous: this.#snapshot,
      source,
      categoryId,
      lookups: posts.map((post) => this.#lookups.get(post)!),
      client,
      now: new Date(),
    });
    this.#lastRefresh = Date.now();
    if (result.failure) {
      const taken = this.#snapshot?.takenAt;
      this.#warn(
        `Comments: could not update the snapshot from GitHub: ${result.failure}. ` +
          (taken
            ? `Threads are those of the last snapshot (${taken.slice(0, 16).replace("T", " ")} UTC).`
            : "There is no earlier snapshot, so posts show their archived comments only."),
      );
      return this.#snapshot;
    }
    this.#snapshot = result.snapshot;
    await writeSnapshot(this.#cacheDir, result.snapshot);
    return result.snapshot;
  }
}
