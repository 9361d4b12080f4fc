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
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SearchPage } from "../../layouts/search/SearchPage.tsx";
import { siteContext } from "../../layouts/data.ts";
import type { GeneratedPages } from "../templates/generated.ts";
import type { Assets } from "../assets/index.ts";
import type { BuildLifecycle } from "../content/index.ts";
import type { I18n } from "../i18n/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { BUNDLE_DIR, SearchIndexer } from "./indexer.ts";
import { searchSources } from "./records.ts";

const BROWSER = fileURLToPath(new URL("./browser/", import.meta.url));

/** Under the dev server, how long after a rebuild the index is begun (a later rebuild supersedes it). */
const PREVIEW_INDEX_DELAY_MS = 1500;

export interface SearchPluginOptions {
  site: ResolvedSiteConfig;
  i18n: I18n;
  assets: Assets;
  pages: GeneratedPages;
  /** Where indexes are kept between builds (`.cache/search`). */
  cacheDir: string;
  lifecycle: BuildLifecycle;
}

/** Search: the page, its script, and the index, begun as soon as the content is known. */
export function createSearch({ site, i18n, assets, pages, cacheDir, lifecycle }: SearchPluginOptions) {
  const indexer = new SearchIndexer({ language: site.language, cacheDir });
  const { search } = site;
  let publishing: Promise<unknown> | undefined;

  if (search.enabled) {
    assets.add("search.js", { source: path.join(BROWSER, "search-page.ts") });
    pages.one("billet/search.11ty.tsx", search.url, (data) => (
      <SearchPage
        ctx={siteContext(data)}
        empty={data.blog.posts.length + data.blog.pages.filter((page) => !page.noindex).length === 0}
      />
    ));
    lifecycle.on("checks", () => ({
      addresses: [
        { url: search.url, owner: "searchPage" },
        { url: `/${BUNDLE_DIR}/`, owner: "searchIndex", folder: true },
      ],
    }));
    // Begun from the sources as soon as the content is known and valid, and
    // published (at once when it comes from the cache) while Eleventy works.
    lifecycle.on("ready", ({ blog, outputDir }) => {
      indexer.prepare(searchSources([...blog.posts, ...blog.pages], i18n), {
        delayMs: blog.preview ? PREVIEW_INDEX_DELAY_MS : 0,
      });
      publishing = indexer.publish(outputDir);
      // Awaited when the build is done; until then a failure must not go unhandled.
      publishing.catch(() => undefined);
    });
    lifecycle.on("done", async ({ serving }) => {
      if (!serving) {
        await publishing;
        return;
      }
      // Under the dev server the page reloads at once and the index follows
      // in the background: a large blog's index takes seconds of work.
      publishing?.catch((error: unknown) => console.error(`[billet] search index: ${(error as Error).message}`));
    });
  }

  return { indexer };
}
