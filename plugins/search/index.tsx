/**
 * Search: a search page (`/recherche/`), a box in every page's header, and
 * an index of the published posts and pages built with the site by
 * Pagefind. Results show in the reader's browser, from the site's own
 * files; without JavaScript the forms go to a search engine restricted to
 * the site (`search.fallback` in site.config.ts), or nowhere.
 *
 * What is indexed: the posts and pages being built (in a production build,
 * the published ones), except pages marked `noindex`: the pages whose
 * layout marks the post or page itself `data-pagefind-body` (see
 * layouts/post.11ty.tsx). Only that element is read; the post's date and
 * category are kept as metadata for the results.
 *
 * Preview builds (`npm start`) index too, drafts included since they are
 * built there, but in the background, once rebuilds have paused, so that a
 * rebuild is never slower; a production build starts from an empty output
 * folder, so a preview index is never published.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SearchPage } from "../../layouts/search/SearchPage.tsx";
import { siteContext, type TemplateData } from "../../layouts/data.ts";
import type { Assets } from "../assets/index.ts";
import type { Blog } from "../content/blog.ts";
import type { ResolvedSiteConfig } from "../site/config.ts";
import { SearchIndexer } from "./indexer.ts";

const BROWSER = fileURLToPath(new URL("./browser/", import.meta.url));

/** Under the dev server, how long after the last rebuild the index is written. */
const PREVIEW_INDEX_DELAY_MS = 1500;

export interface SearchPluginOptions {
  site: ResolvedSiteConfig;
  blog: Blog;
  assets: Assets;
}

/** The URLs a build indexes: its posts, and its pages that search engines may show (as the layouts mark them). */
export function indexedUrls(blog: Pick<Blog, "posts" | "pages">): string[] {
  return [...blog.posts.map((post) => post.url), ...blog.pages.filter((page) => !page.noindex).map((page) => page.url)];
}

export default function searchPlugin(
  eleventyConfig: EleventyConfig,
  { site, blog, assets }: SearchPluginOptions,
): void {
  const { search } = site;
  if (!search.enabled) return;

  assets.add("search.js", { source: path.join(BROWSER, "search-page.ts") });

  eleventyConfig.addTemplate("billet/search.11ty.tsx", {
    data: { permalink: search.url, eleventyExcludeFromCollections: true },
    render: (data: TemplateData) => <SearchPage ctx={siteContext(data)} empty={indexedUrls(data.blog).length === 0} />,
  });

  const indexer = new SearchIndexer({ language: site.language });
  let waiting: ReturnType<typeof setTimeout> | undefined;
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    const index = () => indexer.index(directories.output, { hasPages: indexedUrls(blog).length > 0 });
    if (runMode !== "serve") {
      await index();
      return;
    }
    // Under the dev server the page reloads at once and the index follows,
    // in the background, once the author has stopped saving for a moment:
    // a large blog's index takes seconds of work, better not spent on
    // every keystroke saved.
    clearTimeout(waiting);
    waiting = setTimeout(
      () => index().catch((error: unknown) => console.error(`[billet] search index: ${(error as Error).message}`)),
      PREVIEW_INDEX_DELAY_MS,
    );
    waiting.unref();
  });
}
