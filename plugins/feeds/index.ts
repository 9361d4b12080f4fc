/**
 * Feeds and sitemap: Atom and JSON Feed 1.1 for the whole blog (`/feed.xml`,
 * `/feed.json`) and for each category (`/categories/<slug>/feed.xml`…),
 * with the latest posts in full; the « S'abonner » page that tells readers
 * what a feed is and gives each feed's address (`/abonnement/`, linked from
 * every page's header and footer); `sitemap.xml` and `robots.txt`.
 *
 * Everything is made from `blog` (the posts being built: drafts and
 * scheduled posts only in preview) and written once the pages are.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Assets } from "../assets/index.ts";
import type { Blog } from "../content/blog.ts";
import type { BuildLifecycle } from "../content/index.ts";
import type { I18n } from "../i18n/index.ts";
import type { Markdown } from "../markdown/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import type { GeneratedPages } from "../templates/generated.ts";
import { atomFeed } from "./atom.ts";
import type { SourceStore } from "../content/sources.ts";
import { FeedContent } from "./content.ts";
import { jsonFeed } from "./json-feed.ts";
import { blogFeeds, subscribeUrl } from "./model.ts";
import { robotsTxt, sitemapEntries, sitemapXml, SITEMAP_PATH } from "./sitemap.ts";
import { addSubscribePage } from "./SubscribePage.tsx";

export { FeedLinks } from "./FeedLinks.tsx";

export interface FeedsPluginOptions {
  site: ResolvedSiteConfig;
  i18n: I18n;
  blog: Blog;
  markdown: Markdown;
  assets: Assets;
  pages: GeneratedPages;
  lifecycle: BuildLifecycle;
  /** The build's source store: feeds render the bodies it read. */
  sources: SourceStore;
}

/** Feeds, sitemap and the subscribe page: `files()` makes the files from the blog as it is now. */
export function createFeeds(options: FeedsPluginOptions): { files(): Map<string, string> } {
  const { site, i18n, blog, markdown, assets, pages, lifecycle, sources } = options;
  const content = new FeedContent(markdown.md, site.url, sources);
  addSubscribePage(pages, { i18n, assets });

  lifecycle.on("checks", () => ({
    addresses: [
      ...blogFeeds(blog, site, i18n).flatMap((feed) => [
        { url: feed.atomPath, owner: "feed" } as const,
        { url: feed.jsonPath, owner: "feed" } as const,
      ]),
      { url: subscribeUrl(i18n), owner: "subscribePage" },
      { url: SITEMAP_PATH, owner: "sitemap" },
      { url: "/robots.txt", owner: "robots" },
    ],
  }));
  /** Every file, by address, from the blog as it is now. */
  function files(): Map<string, string> {
    const files = new Map<string, string>();
    const feeds = blogFeeds(blog, site, i18n);
    const posts = new Set(feeds.flatMap((feed) => feed.entries.map((entry) => entry.post)));
    const html = new Map<string, string>();
    for (const post of posts) html.set(new URL(post.url, site.url + "/").href, content.html(post));
    for (const feed of feeds) {
      files.set(feed.atomPath, atomFeed(feed, html));
      files.set(feed.jsonPath, JSON.stringify(jsonFeed(feed, html)));
    }
    files.set(SITEMAP_PATH, sitemapXml(sitemapEntries(blog, site), site, i18n));
    files.set("/robots.txt", robotsTxt(site));
    return files;
  }

  lifecycle.on("done", async ({ outputDir }) => {
    await Promise.all(
      [...files()].map(async ([url, text]) => {
        const file = path.join(outputDir, url);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, text);
      }),
    );
  });
  return { files };
}
