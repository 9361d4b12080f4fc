/**
 * Eleventy configuration: reads site.config.ts and wires one plugin per
 * capability. What each does is documented in its folder under plugins/.
 *
 * Run through tsx, with an explicit `--config eleventy.config.ts` (see
 * package.json): Eleventy does not look for a TypeScript config by itself.
 */
import { pathToFileURL } from "node:url";
import path from "node:path";
import siteConfig from "./site.config.ts";
import assetsPlugin, { Assets } from "./plugins/assets/index.ts";
import contentPlugin, { Blog } from "./plugins/content/index.ts";
import { I18n } from "./plugins/i18n/index.ts";
import listsPlugin from "./plugins/lists/index.tsx";
import markdownPlugin, { createMarkdown } from "./plugins/markdown/index.ts";
import { resolveSiteConfig } from "./plugins/site/config.ts";
import sitePlugin from "./plugins/site/index.ts";
import templatesPlugin from "./plugins/templates/index.ts";

export default function (eleventyConfig: any) {
  const site = resolveSiteConfig(siteConfig);
  const i18n = new I18n(site.language, site.timeZone);
  const markdown = createMarkdown({ i18n });
  const blog = new Blog(site);
  const assets = new Assets();
  assets.add("main.css", { source: "layouts/styles/main.css" });
  assets.add("theme.js", { source: "layouts/scripts/theme.ts", format: "iife" });

  // Directory data files (`posts.11tydata.ts`) are TypeScript too.
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: async (file: string) => (await import(pathToFileURL(path.resolve(file)).href)).default,
  });

  eleventyConfig.addPlugin(sitePlugin, { site, i18n });
  eleventyConfig.addPlugin(templatesPlugin);
  eleventyConfig.addPlugin(markdownPlugin, { markdown });
  eleventyConfig.addPlugin(contentPlugin, { site, i18n, blog, renderInline: (text: string) => markdown.md.renderInline(text) });
  eleventyConfig.addPlugin(assetsPlugin, { assets });
  eleventyConfig.addPlugin(listsPlugin, { site });

  eleventyConfig.addPassthroughCopy({ "content/images": "images" });
  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: "content", layouts: "../layouts", output: "_site" },
    templateFormats: ["md", "11ty.tsx"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}
