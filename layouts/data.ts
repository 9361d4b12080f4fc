/**
 * What templates receive from Eleventy's data cascade. Layouts read only
 * these; components get narrower, typed props.
 */
import type { Assets } from "../plugins/assets/index.ts";
import type { CommentStore } from "../plugins/comments/store.ts";
import type { Blog } from "../plugins/content/blog.ts";
import type { ListPage, PageEntry, PostEntry, Taxonomy } from "../plugins/content/model.ts";
import type { I18n } from "../plugins/i18n/index.ts";
import type { ImagePipeline } from "../plugins/images/index.ts";
import type { ResolvedSiteConfig } from "../plugins/config/site.ts";
import { memoizedBy } from "../plugins/templates/memo.ts";

export interface TemplateData extends TemplateGlobals {
  page: { inputPath: string; url: string; outputPath: string | false };
  /** The rendered body, for layouts. */
  content: string;
}

/** The data every page is given, whatever it is. */
export interface TemplateGlobals {
  blog: Blog;
  site: ResolvedSiteConfig;
  i18n: I18n;
  assets: Assets;
  /** Comment threads (plugins/comments); not `comments`, which front matter uses. */
  threads: CommentStore;
  images: ImagePipeline;
}

/** The part of the cascade shared by every page: passed down as one prop. */
export interface SiteContext {
  site: ResolvedSiteConfig;
  i18n: I18n;
  assets: Assets;
  /** Makes pictures of raster images (author portraits). */
  images: ImagePipeline;
  preview: boolean;
  /** Comment threads and counts (plugins/comments). */
  comments: CommentStore;
}

export function siteContext(data: TemplateData): SiteContext {
  return {
    site: data.site,
    i18n: data.i18n,
    assets: data.assets,
    images: data.images,
    preview: data.blog.preview,
    comments: data.threads,
  };
}

/**
 * What a page is, for its <head>: every layout describes its page with one,
 * and the head (title, description, canonical link, and what other plugins
 * add: social metadata, feeds) is written from it.
 */
export type PageMeta = {
  url: string;
  /** The page's own title; the site's title is appended. Omit on the home page. */
  title?: string;
  description?: string;
  /** Keep this page out of search engines (thank-you pages, 404). */
  noindex?: boolean;
} & (
  | { kind: "post"; post: PostEntry }
  | { kind: "page"; page: PageEntry }
  | { kind: "list"; list: ListPage }
  | { kind: "taxonomy"; taxonomy: Taxonomy }
  | { kind: "archive" }
  | { kind: "search" }
  | { kind: "subscribe" }
  | { kind: "not-found" }
);

/** « 4 min de lecture »: the same few texts on every page, made once by language and length. */
export const readingTime: (i18n: I18n, minutes: number) => string = memoizedBy((i18n, minutes) =>
  i18n.plural(i18n.t.post.readingTime, minutes),
);

const absoluteUrlOf = memoizedBy((site: ResolvedSiteConfig, url: string) => new URL(url, site.url + "/").href);

/**
 * A site path as a full address (`/billets/x/` → `https://example.org/billets/x/`),
 * as `new URL` resolves it against the site's address. A page asks for its
 * own several times (canonical link, Open Graph, JSON-LD, share links): each
 * is parsed once.
 */
export function absoluteUrl(url: string, site: ResolvedSiteConfig): string {
  return absoluteUrlOf(site, url);
}
