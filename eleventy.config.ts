/**
 * Eleventy configuration: reads site.config.ts and wires one plugin per
 * capability. What each does is documented in its folder under plugins/;
 * how a build runs, moment by moment, in plugins/build/lifecycle.ts.
 *
 * Run through tsx, with an explicit `--config eleventy.config.ts` (see
 * package.json): Eleventy does not look for a TypeScript config by itself.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import path from "node:path";
import { fileURLToPath } from "node:url";
import siteConfig from "./site.config.ts";
import { Assets, publishAssets } from "./plugins/assets/index.ts";
import { monogramFavicon } from "./plugins/assets/favicon.ts";
import { Lifecycle } from "./plugins/build/lifecycle.ts";
import { StagedOutput } from "./plugins/build/output.ts";
import { addCommentAssets, CommentStore } from "./plugins/comments/index.ts";
import contentPlugin, { Blog, checkContent, type BuildContext, type ContentOptions } from "./plugins/content/index.ts";
import { SourceStore } from "./plugins/content/sources.ts";
import { createFeeds } from "./plugins/feeds/index.ts";
import { I18n } from "./plugins/i18n/index.ts";
import { ImagePipeline, publishImages } from "./plugins/images/index.ts";
import { addListPages, listAddresses } from "./plugins/lists/index.tsx";
import { buildLog, consoleLog, type BuildLog } from "./plugins/log/index.ts";
import markdownPlugin, { createMarkdown, renderMarkdown } from "./plugins/markdown/index.ts";
import { Prerenderer } from "./plugins/markdown/prerender.ts";
import { createSearch } from "./plugins/search/index.tsx";
import type { SiteConfig } from "./plugins/config/site.ts";
import { loadSiteConfig } from "./plugins/config/load.ts";
import { PreviewSession } from "./plugins/preview/session.ts";
import { addSocial, ownImages } from "./plugins/social/index.ts";
import { GeneratedPages } from "./plugins/templates/generated.ts";
import templatesPlugin from "./plugins/templates/index.ts";

const LAYOUTS = fileURLToPath(new URL("./layouts/", import.meta.url));

export interface BilletOptions {
  /** Folder of posts and pages. Default `content`. */
  input?: string;
  /** Where the site is written. Default `_site`. */
  output?: string;
  /**
   * Folder kept from one build to the next (what was read from the sources,
   * comment snapshot, social cards, processed images). Default `.cache`
   * beside the content folder; Netlify keeps it between builds
   * (netlify/plugins/keep-cache).
   */
  cache?: string;
  /**
   * A worker thread renders posts' Markdown ahead when the content holds at
   * least this many posts (default 2,000; see plugins/markdown/prerender.ts).
   * `false`: everything on Eleventy's thread.
   */
  prerender?: number | false;
  /** Waits for that worker before Eleventy renders, so it renders every body (tests). */
  prerenderWait?: boolean;
}

/**
 * One Billet site: its configuration and every capability, wired to one
 * build lifecycle. `configure` makes it an Eleventy configuration;
 * `check` runs the same build up to its checks, without Eleventy
 * (`npm run check`).
 */
export function createBillet(config: SiteConfig, options: BilletOptions = {}) {
  // Eleventy finds directory data files only when folders are named relative
  // to the working folder, so absolute paths (tests, the benchmark) are made relative.
  const input = relativeToWorkingFolder(options.input ?? "content");
  const output = relativeToWorkingFolder(options.output ?? "_site");
  const cache = options.cache ?? path.join(path.dirname(path.resolve(input)), ".cache");

  // What the build says goes through Eleventy's logger once there is one (configure), else to the console.
  let sink: BuildLog = consoleLog;
  const log: BuildLog = { warn: (message) => sink.warn(message), info: (message) => sink.info(message) };
  const site = loadSiteConfig(config, input);
  const i18n = new I18n(site.language, site.timeZone);
  const lifecycle = new Lifecycle<BuildContext>();
  const images = new ImagePipeline({ cacheDir: cache, contentDir: input });
  const markdown = createMarkdown({ i18n, images });
  const prerender =
    options.prerender === false
      ? undefined
      : new Prerenderer(
          { language: site.language, timeZone: site.timeZone },
          { threshold: options.prerender, wait: options.prerenderWait },
        );
  const blog = new Blog(site);
  const sources = new SourceStore({
    cacheDir: path.join(cache, "content"),
    settings: site.language,
    renderInline: (text) => markdown.md.renderInline(text),
  });
  const content: ContentOptions = { site, i18n, blog, sources, lifecycle, log };
  renderMarkdown({ markdown, prerender, lifecycle, log, language: site.language });
  const assets = new Assets();
  const comments = new CommentStore({ site, i18n, cacheDir: path.join(cache, "comments"), warn: log.warn });
  const pages = new GeneratedPages();
  addListPages(pages, site);
  createSearch({ site, i18n, assets, pages, cacheDir: path.join(cache, "search"), lifecycle });
  const feeds = createFeeds({ site, i18n, blog, markdown, assets, pages, lifecycle, sources });
  // Not "comments" for the threads: a post's front matter (`comments: false`) would hide it in the data cascade.
  const globals = { site: Object.freeze(site), i18n, blog, assets, threads: comments, images };
  // Copied into the site as they are. Netlify reads redirects from the published folder; the
  // WordPress import writes its own between markers in content/_redirects, beside the author's.
  const copied = { [path.join(input, "images")]: "images", [path.join(input, "_redirects")]: "_redirects" };
  assets.add("main.css", { source: path.join(LAYOUTS, "styles/main.css") });
  assets.add("page.js", { source: path.join(LAYOUTS, "scripts/page.ts"), format: "iife" });
  assets.add("favicon.svg", { contents: monogramFavicon(site.title) });
  addCommentAssets(assets);
  addSocial({ log, site, i18n, blog, assets, lifecycle, cacheDir: path.join(cache, "social-cards") });
  publishAssets(assets, lifecycle);
  publishImages(images, lifecycle);

  // What a build checks before it writes anything, here so that `check` sees it too.
  lifecycle.on("checks", async ({ inputDir, blog }) => ({
    problems: await comments.load({ inputDir, entries: blog.sources, blog }),
  }));
  lifecycle.on("checks", ({ blog }) => ({ addresses: listAddresses(blog, site) }));
  lifecycle.on("checks", () => ({
    addresses: [
      { url: "/images/", owner: "images", folder: true },
      { url: "/_redirects", owner: "redirects" },
    ],
  }));

  function configure(eleventyConfig: EleventyConfig) {
    sink = buildLog(eleventyConfig);
    // A production build writes a fresh folder, put in `output`'s place once
    // everything is written (plugins/build/output.ts); a preview writes in place.
    const staged = process.env.ELEVENTY_RUN_MODE === "build" ? new StagedOutput(output) : undefined;

    eleventyConfig.addPlugin(templatesPlugin, { globals, pages, lifecycle });
    eleventyConfig.addPlugin(markdownPlugin, { markdown, sources, prerender });
    eleventyConfig.addPlugin(contentPlugin, { ...content, output: staged });
    eleventyConfig.addPassthroughCopy(copied);
    eleventyConfig.setQuietMode(true);
    return {
      dir: { input, output: staged?.staging ?? output, layouts: path.relative(input, LAYOUTS) },
      templateFormats: ["md", "11ty.tsx"],
      // Markdown is never pre-processed by Liquid: Liquid does not escape.
      markdownTemplateEngine: false,
      htmlTemplateEngine: false,
    };
  }

  /** Reads and checks everything a production build would, writing nothing; returns the problems and the blog. */
  async function check(): Promise<{ problems: string[]; blog: Blog }> {
    blog.preview = false;
    const context = { blog, inputDir: input, outputDir: output, preview: false, serving: false };
    return { problems: await checkContent(content, context), blog };
  }

  /**
   * A preview session (`npm start`, plugins/preview): the same capabilities,
   * with pages rendered when they are asked for instead of written.
   */
  function preview(): PreviewSession {
    blog.preview = true;
    return new PreviewSession({
      content,
      inputDir: input,
      // What capabilities put into the site as they work (the search index).
      outputDir: path.join(cache, "preview"),
      layoutsDir: LAYOUTS,
      globals,
      pages,
      markdown,
      files: {
        assets,
        images,
        feeds,
        copied,
        besidePosts: () => new Map([...markdown.images.copies, ...ownImages(blog)]),
      },
    });
  }

  return { site, i18n, input, configure, check, preview };
}

/**
 * Billet as an Eleventy configuration function, for a site config and
 * folders. The project's own configuration is `billet(siteConfig)`; tests
 * and the benchmark build other sites with it.
 */
export function billet(config: SiteConfig, options: BilletOptions = {}) {
  const configure = (eleventyConfig: EleventyConfig) => createBillet(config, options).configure(eleventyConfig);
  // The preview (plugins/preview) starts from the same configuration file as a build.
  return Object.assign(configure, { billet: () => createBillet(config, options) });
}

function relativeToWorkingFolder(folder: string): string {
  return path.isAbsolute(folder) ? path.relative(process.cwd(), folder) || "." : folder;
}

export default billet(siteConfig);
