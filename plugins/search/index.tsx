/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * Search: a search page (`/recherche/`), a box in every page's header, and
 * an index of the published posts and pages built with the site by
 * Pagefind. Results show in the reader's browser, from the site's own
 * files; without JavaScript the forms go to a search engine restricted to
 * the site (`search.fallback` in site.config.ts), or nowhere.
 *
 * What is indexed: the posts and pages being built (in a production build,
 * the published ones), except pages marked `noindex`, with their title,
 * and for posts their date and category for the results (./records.ts).
 * The index is begun from the Markdown sources as soon as the content is
 * known and runs beside the build; it is reused from the cache when
 * nothing it holds changed (./indexer.ts).
 *
 * Preview builds (`npm start`) index too, drafts included since they are
 * built there, but in the background, a moment after a rebuild, so that a
 * rebuild is never slower; a production build starts from an empty output
 * folder, so a preview index is never published.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SearchPage } from "../../layouts/search/SearchPage.tsx";
import { siteContext, type TemplateData } from "../../layouts/data.ts";
import type { Assets } from "../assets/index.ts";
import { CONTENT_READY, type ContentCompanion } from "../content/index.ts";
import type { I18n } from "../i18n/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { SearchIndexer } from "./indexer.ts";
import { searchSources } from "./records.ts";

const BROWSER = fileURLToPath(new URL("./browser/", import.meta.url));

/** Under the dev server, how long after a rebuild the index is begun (a later rebuild supersedes it). */
const PREVIEW_INDEX_DELAY_MS = 1500;

export interface SearchPluginOptions {
  site: ResolvedSiteConfig;
  i18n: I18n;
  assets: Assets;
  /** Where indexes are kept between builds (`.cache/search`). */
  cacheDir: string;
}

/** The search plugin: the page, and the index, begun as soon as the content is known. */
export function createSearch({ site, i18n, assets, cacheDir }: SearchPluginOptions) {
  const indexer = new SearchIndexer({ language: site.language, cacheDir });
  /** Called by the content plugin once the build's posts and pages are known and valid. */
  const companion: ContentCompanion = {
    ready({ blog }) {
      if (!site.search.enabled) return;
      indexer.prepare(searchSources([...blog.posts, ...blog.pages], i18n), {
        delayMs: blog.preview ? PREVIEW_INDEX_DELAY_MS : 0,
      });
    },
  };

  function plugin(eleventyConfig: EleventyConfig): void {
    const { search } = site;
    if (!search.enabled) return;
    assets.add("search.js", { source: path.join(BROWSER, "search-page.ts") });

    eleventyConfig.addTemplate("billet/search.11ty.tsx", {
      data: { permalink: search.url, eleventyExcludeFromCollections: true },
      render: (data: TemplateData) => (
        <SearchPage
          ctx={siteContext(data)}
          empty={data.blog.posts.length + data.blog.pages.filter((page) => !page.noindex).length === 0}
        />
      ),
    });

    let outputDir = "";
    let publishing: Promise<unknown> | undefined;
    eleventyConfig.on("eleventy.before", ({ directories }) => {
      outputDir = directories.output;
      publishing = undefined;
    });
    // Published as soon as it is ready (at once when it comes from the
    // cache), while Eleventy works, once the output folder is ready.
    eleventyConfig.on(CONTENT_READY, () => {
      publishing = indexer.publish(outputDir);
      publishing.catch(() => undefined);
    });
    eleventyConfig.on("eleventy.after", async ({ runMode }) => {
      publishing ??= indexer.publish(outputDir);
      if (runMode !== "serve") {
        await publishing;
        return;
      }
      // Under the dev server the page reloads at once and the index follows
      // in the background: a large blog's index takes seconds of work.
      publishing.catch((error: unknown) => console.error(`[billet] search index: ${(error as Error).message}`));
    });
  }

  return { companion, plugin, indexer };
}
