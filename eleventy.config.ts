/**
 * Eleventy configuration: reads site.config.ts and wires one plugin per
 * capability. What each does is documented in its folder under plugins/.
 *
 * Run through tsx, with an explicit `--config eleventy.config.ts` (see
 * package.json): Eleventy does not look for a TypeScript config by itself.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import path from "node:path";
import { fileURLToPath } from "node:url";
import siteConfig from "./site.config.ts";
import assetsPlugin, { Assets } from "./plugins/assets/index.ts";
import commentsPlugin, { CommentStore } from "./plugins/comments/index.ts";
import contentPlugin, { Blog } from "./plugins/content/index.ts";
import feedsPlugin from "./plugins/feeds/index.ts";
import { I18n } from "./plugins/i18n/index.ts";
import imagesPlugin, { ImagePipeline } from "./plugins/images/index.ts";
import listsPlugin from "./plugins/lists/index.tsx";
import { buildLog } from "./plugins/log/index.ts";
import markdownPlugin, { createMarkdown } from "./plugins/markdown/index.ts";
import { Prerenderer } from "./plugins/markdown/prerender.ts";
import { createSearch } from "./plugins/search/index.tsx";
import type { SiteConfig } from "./plugins/site/config.ts";
import { monogramFavicon } from "./plugins/site/favicon.ts";
import sitePlugin from "./plugins/site/index.ts";
import { loadSiteConfig } from "./plugins/site/load.ts";
import socialPlugin from "./plugins/social/index.ts";
import templatesPlugin from "./plugins/templates/index.ts";

const LAYOUTS = fileURLToPath(new URL("./layouts/", import.meta.url));

export interface BilletOptions {
  /** Folder of posts and pages. Default `content`. */
  input?: string;
  /** Where the site is written. Default `_site`. */
  output?: string;
  /**
   * Folder kept from one build to the next (comment snapshot, social cards,
   * processed images). Default `.cache` beside the content folder; Netlify
   * keeps it between builds (netlify/plugins/keep-cache).
   */
  cache?: string;
  /**
   * A worker thread reads sources and renders posts' Markdown ahead when the
   * content holds at least this many Markdown files (default 2,000; see
   * plugins/markdown/prerender.ts). `false`: everything on Eleventy's thread.
   */
  prerender?: number | false;
  /** Waits for that worker before Eleventy renders, so it renders every body it was given (tests). */
  prerenderWait?: boolean;
}

/**
 * Billet as an Eleventy configuration function, for a site config and
 * folders. The project's own configuration is `billet(siteConfig)`; tests
 * and the benchmark build other sites with it.
 */
export function billet(config: SiteConfig, options: BilletOptions = {}) {
  // Eleventy finds directory data files only when folders are named relative
  // to the working folder, so absolute paths (tests, the benchmark) are made relative.
  const input = relativeToWorkingFolder(options.input ?? "content");
  const output = relativeToWorkingFolder(options.output ?? "_site");
  return function (eleventyConfig: EleventyConfig) {
    const site = loadSiteConfig(config, input);
    const i18n = new I18n(site.language, site.timeZone);
    const cache = options.cache ?? path.join(path.dirname(path.resolve(input)), ".cache");
    const images = new ImagePipeline({ cacheDir: cache, contentDir: input });
    const markdown = createMarkdown({ i18n, images });
    const prerender =
      options.prerender === false
        ? undefined
        : new Prerenderer(
            { language: site.language, timeZone: site.timeZone },
            { threshold: options.prerender, wait: options.prerenderWait },
          );
    prerender?.warmUp(input);
    const blog = new Blog(site);
    const assets = new Assets();
    const comments = new CommentStore({
      site,
      i18n,
      cacheDir: path.join(cache, "comments"),
      warn: buildLog(eleventyConfig).warn,
    });
    const search = createSearch({ site, i18n, assets, cacheDir: path.join(cache, "search") });
    assets.add("main.css", { source: path.join(LAYOUTS, "styles/main.css") });
    assets.add("page.js", { source: path.join(LAYOUTS, "scripts/page.ts"), format: "iife" });
    assets.add("favicon.svg", { contents: monogramFavicon(site.title) });

    eleventyConfig.addPlugin(sitePlugin, { site, i18n });
    eleventyConfig.addPlugin(templatesPlugin);
    eleventyConfig.addPlugin(markdownPlugin, { markdown, prerender });
    eleventyConfig.addPlugin(contentPlugin, {
      site,
      i18n,
      blog,
      renderInline: (text: string) => markdown.md.renderInline(text),
      companions: [comments, search.companion],
      helper: prerender,
      cacheDir: path.join(cache, "content"),
    });
    eleventyConfig.addPlugin(commentsPlugin, { comments, assets, input });
    eleventyConfig.addPlugin(assetsPlugin, { assets });
    eleventyConfig.addPlugin(imagesPlugin, { images });
    eleventyConfig.addPlugin(listsPlugin, { site });
    eleventyConfig.addPlugin(socialPlugin, { site, i18n, blog, assets, cacheDir: path.join(cache, "social-cards") });
    eleventyConfig.addPlugin(feedsPlugin, { site, i18n, blog, markdown, assets });
    eleventyConfig.addPlugin(search.plugin);

    eleventyConfig.addPassthroughCopy({ [path.join(input, "images")]: "images" });
    // Netlify reads redirects from the published folder; the WordPress import
    // writes its own between markers in content/_redirects, beside the author's.
    eleventyConfig.addPassthroughCopy({ [path.join(input, "_redirects")]: "_redirects" });
    eleventyConfig.setQuietMode(true);

    return {
      dir: { input, output, layouts: path.relative(input, LAYOUTS) },
      templateFormats: ["md", "11ty.tsx"],
      // Markdown is never pre-processed by Liquid: Liquid does not escape.
      markdownTemplateEngine: false,
      htmlTemplateEngine: false,
    };
  };
}

function relativeToWorkingFolder(folder: string): string {
  return path.isAbsolute(folder) ? path.relative(process.cwd(), folder) || "." : folder;
}

export default billet(siteConfig);
