/**
 * `sitemap.xml`: every page search engines may index, with the date it last
 * changed, and `robots.txt` pointing at it.
 *
 * Listed: the home page and its following pages, every post, every page
 * without `noindex`, every category and tag page, the archive, the
 * « S'abonner » page. Not listed:
 * the 404 page and pages marked `noindex` (the contact form's thank-you
 * page). Drafts and scheduled posts are not built, so they are in no list.
 */
import type { DateTime } from "luxon";
import type { Blog } from "../content/blog.ts";
import type { I18n } from "../i18n/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { lastChange, subscribeUrl } from "./model.ts";
import { element } from "./xml.ts";

export const SITEMAP_PATH = "/sitemap.xml";

export interface SitemapEntry {
  /** Path on the site. */
  url: string;
  lastmod: DateTime | undefined;
}

/**
 * Dates of last change: a post's `updated` or `date`, a list's newest post,
 * a page's `updated`. A page without one is listed without a date: the
 * date of its file would be that of the checkout on a build server, and a
 * sitemap that says every page changed at every deploy is one search engines
 * learn to ignore.
 */
export function sitemapEntries(blog: Blog, site: ResolvedSiteConfig): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  for (const list of blog.homePages) entries.push({ url: list.url, lastmod: lastChange(list.posts) });
  for (const post of blog.posts) entries.push({ url: post.url, lastmod: post.updated ?? post.date });
  for (const page of blog.pages.filter((page) => !page.noindex)) {
    entries.push({ url: page.url, lastmod: page.updated });
  }
  for (const taxonomy of [...blog.categories, ...blog.tags]) {
    entries.push({ url: taxonomy.url, lastmod: lastChange(taxonomy.posts) });
  }
  entries.push({ url: site.permalinks.archive, lastmod: lastChange(blog.posts) });
  // The feeds it gives change with every post.
  entries.push({ url: subscribeUrl(site), lastmod: lastChange(blog.posts) });
  return entries;
}

export function sitemapXml(entries: SitemapEntry[], site: ResolvedSiteConfig, i18n: I18n): string {
  const urls = entries.map(({ url, lastmod }) => {
    const loc = element("loc", {}, new URL(url, site.url + "/").href);
    return `<url>${loc}${lastmod ? element("lastmod", {}, i18n.isoDate(lastmod)) : ""}</url>`;
  });
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...urls,
    `</urlset>`,
    "",
  ].join("\n");
}

export function robotsTxt(site: ResolvedSiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL(SITEMAP_PATH, site.url + "/").href}\n`;
}
