/**
 * A feed as Billet describes it, before it is written as Atom or JSON
 * Feed: the whole blog, or one category, with its latest posts in full.
 */
import type { PostEntry, Taxonomy } from "../content/model.ts";
import type { Blog } from "../content/blog.ts";
import type { I18n } from "../i18n/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";

export interface FeedAuthor {
  name: string;
  url: string;
  avatar: string | undefined;
}

export interface FeedCategory {
  /** Slug. */
  term: string;
  /** Name as readers see it. */
  label: string;
  /** Absolute URL of the folder of such pages (`…/categories/`), naming the scheme. */
  scheme: string;
}

export interface FeedEntry {
  post: PostEntry;
  /** Absolute URL of the post: also its id. */
  url: string;
  title: string;
  summary: string;
  published: string;
  updated: string;
  author: FeedAuthor;
  /** The post's category first, then its tags. */
  categories: FeedCategory[];
}

export interface Feed {
  title: string;
  description: string;
  language: string;
  /** Absolute URL of the page this feed follows (home or category page). */
  homeUrl: string;
  /** Paths on the site. */
  atomPath: string;
  jsonPath: string;
  atomUrl: string;
  jsonUrl: string;
  updated: string;
  author: FeedAuthor;
  entries: FeedEntry[];
}

/** The « S'abonner » page (./SubscribePage.tsx), by the site's language. */
const SUBSCRIBE_PATHS: Record<I18n["language"], string> = { fr: "/abonnement/", en: "/subscribe/" };

export function subscribeUrl(i18n: Pick<I18n, "language">): string {
  return SUBSCRIBE_PATHS[i18n.language];
}

/** `/feed.xml` for the blog; `/categories/<slug>/feed.xml` for a category. */
export function feedPaths(baseUrl: string): { atom: string; json: string } {
  return { atom: `${baseUrl}feed.xml`, json: `${baseUrl}feed.json` };
}

const absolute = (url: string, site: ResolvedSiteConfig) => new URL(url, site.url + "/").href;

export function feedAuthor(author: PostEntry["author"], site: ResolvedSiteConfig): FeedAuthor {
  return {
    name: author.name,
    url: site.url + "/",
    avatar: author.avatar ? absolute(author.avatar, site) : undefined,
  };
}

function entry(post: PostEntry, site: ResolvedSiteConfig, i18n: I18n): FeedEntry {
  const scheme = (url: string) => new URL("../", absolute(url, site)).href;
  return {
    post,
    url: absolute(post.url, site),
    title: post.title,
    summary: post.summary,
    published: i18n.isoDate(post.date),
    updated: i18n.isoDate(post.updated ?? post.date),
    author: feedAuthor(post.author, site),
    categories: [
      { term: post.category.slug, label: post.category.name, scheme: scheme(post.category.url) },
      ...post.tags.map((tag) => ({ term: tag.slug, label: tag.name, scheme: scheme(tag.url) })),
    ],
  };
}

/** The moment a list of posts last changed. */
export function lastChange(posts: PostEntry[]): PostEntry["date"] | undefined {
  let latest: PostEntry["date"] | undefined;
  for (const post of posts) {
    const changed = post.updated ?? post.date;
    if (!latest || changed > latest) latest = changed;
  }
  return latest;
}

/** The blog's feed, then one per category, each with its latest `site.feeds.entries` posts. */
export function blogFeeds(blog: Blog, site: ResolvedSiteConfig, i18n: I18n): Feed[] {
  const blogChange = lastChange(blog.posts);
  const make = (baseUrl: string, title: string, description: string, posts: PostEntry[]): Feed => {
    const paths = feedPaths(baseUrl);
    const latest = posts.slice(0, site.feeds.entries);
    const updated = lastChange(latest) ?? blogChange;
    return {
      title,
      description,
      language: i18n.t.locale,
      homeUrl: absolute(baseUrl, site),
      atomPath: paths.atom,
      jsonPath: paths.json,
      atomUrl: absolute(paths.atom, site),
      jsonUrl: absolute(paths.json, site),
      // A feed without any post yet says it changed at the epoch rather than
      // at every build, so that it does not look new each time.
      updated: updated ? i18n.isoDate(updated) : "1970-01-01T00:00:00Z",
      author: feedAuthor(site.defaultAuthor, site),
      entries: latest.map((post) => entry(post, site, i18n)),
    };
  };
  return [
    make("/", site.title, site.description, blog.posts),
    ...blog.categories.map((category: Taxonomy) =>
      make(
        category.url,
        i18n.format(i18n.t.feeds.categoryTitle, { site: site.title, category: category.name }),
        category.description,
        category.posts,
      ),
    ),
  ];
}
