/**
 * The blog as the templates see it: the posts being built, newest first, and
 * every list made from them (home pages, categories, tags, years).
 *
 * One instance lives for the whole Eleventy process and is refilled before
 * each build. It is a class instance on purpose: Eleventy deep-copies plain
 * objects of global data into every page's data, but shares instances.
 */
import path from "node:path";
import type { ResolvedSiteConfig } from "../config/site.ts";
import type { ContentEntry, ListPage, PageEntry, PostEntry, Taxonomy, YearGroup } from "./model.ts";
import { isBuilt } from "./publishing.ts";
import { categoryRef } from "./load.ts";
import { paginatedUrl } from "./urls.ts";

export class Blog {
  /** True under `npm start`: drafts and scheduled posts are built, with a badge. Set at each build. */
  preview = false;
  posts: PostEntry[] = [];
  pages: PageEntry[] = [];
  /** Every category declared in site.config.ts, in its order, even without posts. */
  categories: Taxonomy[] = [];
  /** Tags that built posts use, alphabetically. */
  tags: Taxonomy[] = [];
  years: YearGroup[] = [];
  homePages: ListPage[] = [];
  /** Every valid post and page of the content, built in this build or not (drafts, scheduled posts). */
  sources: ContentEntry[] = [];
  #entries = new Map<string, ContentEntry>();
  #site: ResolvedSiteConfig;

  constructor(site: ResolvedSiteConfig) {
    this.#site = site;
  }

  /** Replaces the content with a freshly loaded set of entries. */
  update(entries: ContentEntry[]): void {
    this.sources = entries;
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

    this.homePages = paginate(this.posts, this.#site.postsPerPage);

    this.categories = [...this.#site.categories.keys()].map((slug) => {
      const category = categoryRef(this.#site, slug)!;
      const posts = this.posts.filter((post) => post.category.slug === slug);
      return {
        kind: "category",
        category,
        url: category.url,
        name: category.name,
        description: category.description,
        posts,
        years: byYear(posts),
      };
    });

    const tagged = new Map<string, PostEntry[]>();
    for (const post of this.posts) {
      for (const tag of post.tags) {
        const list = tagged.get(tag.slug) ?? tagged.set(tag.slug, []).get(tag.slug)!;
        list.push(post);
      }
    }
    this.tags = [...tagged.values()]
      .map((posts): Taxonomy => {
        // Spellings that give the same slug are one tag, named as its newest post writes it.
        const tag = posts[0]!.tags.find((t) => tagged.get(t.slug) === posts)!;
        return { kind: "tag", tag, url: tag.url, name: tag.name, description: "", posts, years: byYear(posts) };
      })
      .sort((a, b) => a.name.localeCompare(b.name, this.#site.language));

    this.years = byYear(this.posts);
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

/** Posts (newest first) by year, newest year first. */
function byYear(posts: PostEntry[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const post of posts) {
    const last = years[years.length - 1];
    if (last?.year === post.date.year) last.posts.push(post);
    else years.push({ year: post.date.year, posts: [post] });
  }
  return years;
}

/** The home page's pages: page 1 at `/`, page n at `/page/n/`. */
function paginate(posts: PostEntry[], perPage: number): ListPage[] {
  const totalPages = Math.max(1, Math.ceil(posts.length / perPage));
  return Array.from({ length: totalPages }, (_, i) => {
    const pageNumber = i + 1;
    return {
      kind: "home",
      baseUrl: "/",
      url: paginatedUrl("/", pageNumber),
      pageNumber,
      totalPages,
      posts: posts.slice(i * perPage, pageNumber * perPage),
      totalPosts: posts.length,
      newerUrl: pageNumber > 1 ? paginatedUrl("/", pageNumber - 1) : undefined,
      olderUrl: pageNumber < totalPages ? paginatedUrl("/", pageNumber + 1) : undefined,
    };
  });
}
