/**
 * The site's configuration and interface language, as global data every
 * template receives (`site`, `i18n`), and directory data files written in
 * TypeScript.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import type { I18n } from "../i18n/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { typeScriptDataFiles } from "./data-files.ts";

export default function sitePlugin(
  eleventyConfig: EleventyConfig,
  { site, i18n }: { site: ResolvedSiteConfig; i18n: I18n },
): void {
  // Frozen: Eleventy shares frozen objects instead of copying them into every page's data.
  eleventyConfig.addGlobalData("site", Object.freeze(site));
  eleventyConfig.addGlobalData("i18n", i18n);
  // Directory data files (`posts.11tydata.ts`) are TypeScript too.
  typeScriptDataFiles(eleventyConfig);
}
