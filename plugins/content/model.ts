/**
 * What a post and a page are once validated: the data layouts, lists, feeds
 * and later plugins read. Built once per build from the front matter, never
 * from rendered HTML, so lists do not wait for posts to render.
 */
import type { DateTime } from "luxon";
import type { ResolvedAuthor, ResolvedCategory } from "../config/site.ts";
import type { PublicationState } from "./publishing.ts";
import type { PageFrontMatter, PostFrontMatter } from "./schema.ts";

export interface TagRef {
  name: string;
  slug: string;
  url: string;
}

export interface CategoryRef extends ResolvedCategory {
  url: string;
}

export interface SourceFile {
  /** Absolute path: the key templates look their entry up by (see `Blog.entry`). */
  inputPath: string;
  /** As the author reads it in errors: `content/posts/mon-billet.md`. */
  file: string;
  /** SHA-1 of the file's text, as read for this build. */
  digest: string;
}

export interface PostEntry extends SourceFile {
  kind: "post";
  slug: string;
  url: string;
  /** Title with the language's typography applied (« », no-break spaces). */
  title: string;
  date: DateTime;
  updated: DateTime | undefined;
  category: CategoryRef;
  tags: TagRef[];
  /** Front matter `description`, else undefined: see `summary`. */
  description: string | undefined;
  /** What lists and meta tags show: the description, else the opening of the body. */
  summary: string;
  author: ResolvedAuthor;
  state: PublicationState;
  /** Whether the comment thread shows under this post (`comments: false` turns it off). */
  comments: boolean;
  /**
   * The post's comment key: what finds its GitHub discussion under the
   * `specific` mapping. Front matter `comments.key`, else the slug.
   */
  commentKey: string;
  /** A discussion number pinned in front matter (`comments.discussion`). */
  discussionNumber: number | undefined;
  /** Where the post was shared (front matter `syndication`): replies there join its thread. */
  syndication: string[];
  image: string | undefined;
  imageAlt: string | undefined;
  readingMinutes: number;
  wordCount: number;
  /** Older and newer neighbours among the posts being built (newest first order). */
  previous: PostEntry | undefined;
  next: PostEntry | undefined;
  frontMatter: PostFrontMatter;
}

export interface PageEntry extends SourceFile {
  kind: "page";
  slug: string;
  url: string;
  title: string;
  description: string | undefined;
  updated: DateTime | undefined;
  form: PageFrontMatter["form"];
  noindex: boolean;
  state: PublicationState;
  frontMatter: PageFrontMatter;
}

export type ContentEntry = PostEntry | PageEntry;

/** One page of the home page's paginated list of posts. */
export interface ListPage {
  kind: "home";
  /** The list's own URL (its first page). */
  baseUrl: string;
  url: string;
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  posts: PostEntry[];
  totalPosts: number;
  newerUrl: string | undefined;
  olderUrl: string | undefined;
}

/**
 * A category or a tag and its posts, newest first, grouped by year: one
 * page each, listing every post compactly (date and title), like the archive.
 */
export type Taxonomy = {
  url: string;
  name: string;
  description: string;
  posts: PostEntry[];
  years: YearGroup[];
} & ({ kind: "category"; category: CategoryRef } | { kind: "tag"; tag: TagRef });

export interface YearGroup {
  year: number;
  posts: PostEntry[];
}
