/**
 * The blog as the templates see it: the posts being built, newest first, and
 * every list made from them (home pages, categories, tags, years).
 *
 * One instance lives for the whole Eleventy process and is refilled before
 * each build. It is a class instance on purpose: Eleventy deep-copies plain
 * objects of global data into every page's data, but shares instances.
 */
import path from "node:path";
import type { ResolvedSiteConfig } from "../site/config.ts";
import type { CategoryRef, ContentEntry, ListPage, PageEntry, PostEntry, TagRef, YearGroup } from "./model.ts";
import { isBuilt } from "./publishing.ts";
import { categoryRef } from "./load.ts";
import { paginatedUrl } from "./urls.ts";

export interface TagListing {
  tag: TagRef;
  posts: PostEntry[];
}

export interface CategoryListing {
  category: CategoryRef;
  posts: PostEntry[];
}

export class Blog {
  /** True under `npm start`: drafts and scheduled posts are built, with a badge. Set at each build. */
  preview = false;
  posts: PostEntry[] = [];
  pages: PageEntry[] = [];
  categories: CategoryListing[] = [];
  tags: TagListing[] = [];
  years: YearGroup[] = [];
  homePages: ListPage[] = [];
  categoryPages: ListPage[] = [];
  tagPages: ListPage[] = [];
  #entries = new Map<string, ContentEntry>();
  #site: ResolvedSiteConfig;

  constructor(site: ResolvedSiteConfig) {
    this.#site = site;
  }

  /** Replaces the content with a freshly loaded set of entries. */
  update(entries: ContentEntry[]): void {
    const built = entries.filter((entry) => isBuilt(entry.state, this.preview));
    this.#entries = new Map(built.map((entry) => [entry.inputPath, entry]));

    this.posts = built
      .filter((entry): entry is PostEntry => entry.kind === "post")
      .sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug));
    this.posts.forEach((post, i) => {
      post.next = this.posts[i - 1];
      post.previous = this.posts[i + 1];
    });
    this.pages = built.filter((entry): entry is PageEntry => entry.kind === "page");

    const perPage = this.#site.postsPerPage;
    this.homePages = paginate("home", "/", this.posts, perPage, {});

    this.categories = [...this.#site.categories.keys()].map((slug) => ({
      category: categoryRef(this.#site, slug)!,
      posts: this.posts.filter((post) => post.category.slug === slug),
    }));
    this.categoryPages = this.categories.flatMap(({ category, posts }) =>
      paginate("category", category.url, posts, perPage, { category }),
    );

    const tags = new Map<string, TagListing>();
    for (const post of this.posts) {
      for (const tag of post.tags) {
        const listing = tags.get(tag.slug) ?? tags.set(tag.slug, { tag, posts: [] }).get(tag.slug)!;
        listing.posts.push(post);
      }
    }
    this.tags = [...tags.values()].sort((a, b) => a.tag.name.localeCompare(b.tag.name, this.#site.language));
    this.tagPages = this.tags.flatMap(({ tag, posts }) => paginate("tag", tag.url, posts, perPage, { tag }));

    const years = new Map<number, PostEntry[]>();
    for (const post of this.posts) {
      const list = years.get(post.date.year) ?? years.set(post.date.year, []).get(post.date.year)!;
      list.push(post);
    }
    this.years = [...years].map(([year, posts]) => ({ year, posts }));
  }

  /** The entry of a source file, by any form of its path (Eleventy's `./content/…` or absolute). */
  entry(inputPath: string): ContentEntry | undefined {
    return this.#entries.get(path.resolve(inputPath));
  }

  post(inputPath: string): PostEntry {
    const entry = this.entry(inputPath);
    if (entry?.kind !== "post") throw new Error(`${inputPath} is not a post being built`);
    return entry;
  }

  page(inputPath: string): PageEntry {
    const entry = this.entry(inputPath);
    if (entry?.kind !== "page") throw new Error(`${inputPath} is not a page being built`);
    return entry;
  }
}

function paginate(
  kind: ListPage["kind"],
  baseUrl: string,
  posts: PostEntry[],
  perPage: number,
  about: Pick<ListPage, "category" | "tag">,
): ListPage[] {
  const totalPages = Math.max(1, Math.ceil(posts.length / perPage));
  return Array.from({ length: totalPages }, (_, i) => {
    const pageNumber = i + 1;
    return {
      kind,
      baseUrl,
      url: paginatedUrl(baseUrl, pageNumber),
      pageNumber,
      totalPages,
      posts: posts.slice(i * perPage, pageNumber * perPage),
      totalPosts: posts.length,
      newerUrl: pageNumber > 1 ? paginatedUrl(baseUrl, pageNumber - 1) : undefined,
      olderUrl: pageNumber < totalPages ? paginatedUrl(baseUrl, pageNumber + 1) : undefined,
      ...about,
    };
  });
}
