/**
 * Every post's comment thread for one build: archived comments read from
 * beside the posts, GitHub's comments from the snapshot (brought up to date
 * when GITHUB_TOKEN is set), replies from where each post was shared
 * (front matter `syndication`: Mastodon, Bluesky), and the avatars and
 * images of all of them downloaded into the cache; merged, threaded,
 * moderated and counted once per build; bodies are rendered and sanitized
 * only when a post's page is.
 *
 * One instance lives for the whole Eleventy process (it is a class so that
 * Eleventy shares it with templates instead of copying it).
 */
import MarkdownIt from "markdown-it";
import type { Blog, ContentEntry, PageEntry, PostEntry } from "../content/index.ts";
import { messages, type I18n, type Messages } from "../i18n/index.ts";
import { useTypography } from "../markdown/index.ts";
import type { ImagePipeline, Picture } from "../images/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { ArchiveReader, type ArchivedComment } from "./archived.ts";
import { widgetWarning, type ResolvedComments } from "./config.ts";
import { DEFAULT_GRAPHQL_URL, GraphQLClient } from "./github.ts";
import { MediaCache } from "./media.ts";
import { sanitizeComment, type LocalImage } from "./sanitize.ts";
import { readSnapshot, refreshSnapshot, writeSnapshot, type Snapshot, type SnapshotSource } from "./snapshot.ts";
import { DEFAULT_BLUESKY_API } from "./social/bluesky.ts";
import { readSocialCache, refreshSocial, writeSocialCache, type SocialCache } from "./social/replies.ts";
import { escapeHtml, syndicationTarget, type SyndicationTarget } from "./social/targets.ts";
import { discussionLookup, sha1, type DiscussionLookup } from "./term.ts";
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
/** Default time Mastodon and Bluesky have to answer each request, in seconds (SOCIAL_TIMEOUT overrides it). */
export const DEFAULT_SOCIAL_TIMEOUT_S = 10;
/** Under `npm start`, GitHub, Mastodon and Bluesky are asked at most this often. */
const WATCH_REFRESH_MS = 60_000;
/** Avatars are drawn at 40 px: made at 40 and 80 (dense screens). */
export const COMMENT_AVATAR_WIDTHS = [40, 80];
/** Images in comments: the comment's width on a phone and in the column, and twice that. */
const COMMENT_IMAGE_WIDTHS = [320, 640, 1280];
const COMMENT_IMAGE_SIZES = "(min-width: 42.5rem) 36rem, calc(100vw - 5rem)";

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return (Number.isFinite(value) && value > 0 ? value : fallback) * 1000;
}

export class CommentStore {
  readonly settings: ResolvedComments;
  readonly #site: ResolvedSiteConfig;
  /** What the build says to the author, in the site's language. */
  readonly #messages: Messages;
  readonly #cacheDir: string;
  readonly #warn: (message: string) => void;
  readonly #archives: ArchiveReader;
  readonly #markdown: MarkdownIt;
  readonly #media: MediaCache;
  readonly #i18n: I18n;
  #snapshot: Snapshot | undefined;
  #snapshotRead = false;
  /** Set when the snapshot on disk is damaged: no « no earlier snapshot » then. */
  #snapshotDamaged = false;
  #social: SocialCache | undefined;
  #lastSocialRefresh = 0;
  /** Set when this build asked GitHub or a social service: new avatars and images are then downloaded. */
  #refreshed = false;
  #widgetWarned = false;
  #lastRefresh = 0;
  /** Threads of posts with comments on, and of pages that have archived comments (imported ones). */
  #threads = new WeakMap<PostEntry | PageEntry, Thread>();
  #lookups = new WeakMap<PostEntry, DiscussionLookup>();
  #bodies = new Map<string, string>();

  constructor({ site, i18n, cacheDir, warn = (message) => console.warn(`[billet] ${message}`) }: CommentStoreOptions) {
    this.settings = site.comments;
    this.#site = site;
    this.#messages = messages(site.language);
    this.#cacheDir = cacheDir;
    this.#warn = warn;
    this.#archives = new ArchiveReader(site.timeZone, this.#messages);
    this.#media = new MediaCache(cacheDir);
    this.#i18n = i18n;
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
    const widget = this.#widgetWarned ? undefined : widgetWarning(this.settings, this.#messages);
    if (widget) this.#warn(widget);
    this.#widgetWarned = true;

    const built = blog.posts.filter((post) => post.comments && this.settings.enabled);
    for (const post of built)
      this.#lookups.set(post, discussionLookup(this.#identity(post), this.settings, this.#site.url));
    const snapshot = await this.#loadSnapshot(built, blog.preview);
    const social = await this.#loadSocial(built, blog.preview);

    this.#threads = new WeakMap();
    const { moderation } = this.settings;
    for (const post of built) {
      const lookup = this.#lookups.get(post)!;
      const id = snapshot?.lookups[lookup.key];
      const discussion: Discussion | undefined = id ? snapshot?.discussions[id] : undefined;
      const archived: ArchivedComment[] = byPost.get(post.file) ?? [];
      const shared = post.syndication.flatMap((url) => social.threads[url] ?? []);
      this.#threads.set(post, buildThread(archived, discussion, post.author.github, shared, moderation));
    }
    // Pages have no GitHub thread, but keep the comments they had (a WordPress
    // « À propos » page often has some): shown as they are, archived.
    for (const page of blog.pages) {
      const archived = byPost.get(page.file);
      if (archived?.length)
        this.#threads.set(page, buildThread(archived, undefined, this.#site.defaultAuthor.github, [], moderation));
    }
    await this.#media.load();
    if (this.#refreshed) {
      // Avatars and images of every thread shown, downloaded once (those already cached cost nothing).
      const urls = built.flatMap((post) => mediaOf(this.#threads.get(post)!.comments));
      await this.#media.fetch(urls, {
        now: new Date(),
        timeoutMs: seconds("SOCIAL_TIMEOUT", DEFAULT_SOCIAL_TIMEOUT_S),
      });
      this.#refreshed = false;
    }
    // Bodies depend on which images are cached: made again for each build.
    this.#bodies.clear();
    return [];
  }

  /** Where each of a post's shares is, for « Aussi publié sur … » and « Répondre sur … ». */
  shares(post: PostEntry): SyndicationTarget[] {
    return post.syndication.map(syndicationTarget);
  }

  /** A commenter's avatar as served by this site, or undefined (initials are shown). */
  avatar(url: string | undefined, images: ImagePipeline): Picture | undefined {
    const file = url ? this.#media.file(url) : undefined;
    return file ? images.picture(file, COMMENT_AVATAR_WIDTHS) : undefined;
  }

  #localImage(url: string, images: ImagePipeline): LocalImage | undefined {
    const file = this.#media.file(url);
    const picture = file ? images.picture(file, COMMENT_IMAGE_WIDTHS) : undefined;
    if (!picture) return undefined;
    const { src, srcset, width, height } = picture.fallback;
    return { src, srcset, sizes: COMMENT_IMAGE_SIZES, width, height };
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

  /**
   * Where a reader can start this post's discussion on GitHub when there is
   * none yet: GitHub's form for a new discussion, filled in the way giscus
   * would (the term as title, its SHA-1 in the body), so that the widget and
   * the snapshot then find it.
   */
  newDiscussionUrl(post: PostEntry): string | undefined {
    const { repo, category } = this.settings;
    const lookup = this.#lookups.get(post);
    if (!repo || !lookup || lookup.kind !== "term") return undefined;
    const page = new URL(post.url, this.#site.url + "/").href;
    const query = new URLSearchParams({ title: lookup.term, body: `${page}\n\n<!-- sha1: ${sha1(lookup.term)} -->` });
    if (category) query.set("category", category.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-"));
    return `https://github.com/${repo}/discussions/new?${query}`;
  }

  /**
   * A comment's body as safe HTML (Markdown for archived comments, HTML
   * otherwise), its images served by this site, a reply's attached images
   * after its text, and the whole folded under its content warning.
   */
  bodyHtml(comment: ThreadComment, images: ImagePipeline): string {
    const text = "markdown" in comment.body ? comment.body.markdown : comment.body.html;
    const key = `${comment.source}\u0000${comment.id}\u0000${text}`;
    let html = this.#bodies.get(key);
    if (html === undefined) {
      const r = this.#i18n.t.replies;
      let source = "markdown" in comment.body ? this.#markdown.render(text) : text;
      for (const media of comment.media) {
        const alt = escapeHtml(media.alt);
        source += media.sensitive
          ? `<p><a href="${escapeHtml(media.url)}">[${escapeHtml(r.sensitiveImage)}${alt ? ` : ${alt}` : ""}]</a></p>`
          : `<p><img src="${escapeHtml(media.url)}" alt="${alt}"></p>`;
      }
      if (comment.warning) {
        const summary = this.#i18n.typography(this.#i18n.format(r.contentWarning, { warning: comment.warning }));
        source = `<details><summary>${escapeHtml(summary)}</summary>${source}</details>`;
      }
      html = sanitizeComment(source, { images: (src) => this.#localImage(src, images) });
      this.#bodies.set(key, html);
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
      const read = await readSnapshot(this.#cacheDir, this.#messages);
      this.#snapshotRead = true;
      if (read.state === "read") this.#snapshot = read.snapshot;
      this.#snapshotDamaged = read.state === "damaged";
      const problem = read.state === "none" ? undefined : read.problem;
      if (problem) {
        const m = this.#messages;
        const t = m.t.build;
        this.#warn(
          `${m.format(t.commentsCache, { problem })} ` +
            (process.env.GITHUB_TOKEN?.trim() ? t.lostFetchedAgain : t.lostComesBack),
        );
      }
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
      const m = this.#messages;
      const t = m.t.build;
      this.#warn(
        `${m.format(t.snapshotNotUpdated, { failure: result.failure })} ` +
          (taken
            ? m.format(t.lastSnapshot, { taken: taken.slice(0, 16).replace("T", " ") })
            : this.#snapshotDamaged
              ? t.damagedSnapshot
              : t.noSnapshot),
      );
      return this.#snapshot;
    }
    this.#refreshed = true;
    this.#snapshotDamaged = false;
    this.#snapshot = result.snapshot;
    await writeSnapshot(this.#cacheDir, result.snapshot);
    return result.snapshot;
  }

  /** The replies from where posts were shared: from disk once, then brought up to date politely. */
  async #loadSocial(posts: PostEntry[], preview: boolean): Promise<SocialCache> {
    if (!this.#social) {
      const { cache, problem } = await readSocialCache(this.#cacheDir, this.#messages);
      this.#social = cache;
      if (problem) this.#warn(this.#messages.format(this.#messages.t.build.commentsCache, { problem }));
    }
    const shared = posts.flatMap((post) =>
      post.syndication
        .filter((url) => {
          const service = syndicationTarget(url).service;
          return service === "mastodon" || service === "bluesky";
        })
        .map((url) => ({ url, published: post.date.toJSDate() })),
    );
    if (shared.length === 0) return this.#social;
    if (preview && Date.now() - this.#lastSocialRefresh < WATCH_REFRESH_MS) return this.#social;
    this.#lastSocialRefresh = Date.now();
    const result = await refreshSocial({
      cache: this.#social,
      shared,
      now: new Date(),
      blueskyApi: (process.env.BLUESKY_API_URL?.trim() || DEFAULT_BLUESKY_API).replace(/\/+$/, ""),
      timeoutMs: seconds("SOCIAL_TIMEOUT", DEFAULT_SOCIAL_TIMEOUT_S),
      messages: this.#messages,
    });
    for (const warning of result.warnings) this.#warn(warning);
    this.#refreshed = true;
    if (result.changed) await writeSocialCache(this.#cacheDir, this.#social);
    return this.#social;
  }
}

/** The avatars and images a thread shows, to download. */
function mediaOf(comments: ThreadComment[]): string[] {
  return comments.flatMap((comment) => [
    ...(comment.author.avatar ? [comment.author.avatar] : []),
    ...comment.media.filter((media) => !media.sensitive).map((media) => media.url),
    ...("html" in comment.body
      ? [...comment.body.html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)/gi)].map((match) =>
          match[1]!.replace(/&amp;/g, "&"),
        )
      : []),
    ...mediaOf(comment.replies),
  ]);
}
