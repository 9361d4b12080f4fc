/**
 * TSX templates: layouts and generated pages are `.11ty.tsx` modules whose
 * default export returns JSX built with jsx-async-runtime (which escapes text
 * by default), rendered to a string by ./render.ts. Every template receives
 * the site's configuration (`site`) and interface language (`i18n`);
 * directory data files may be TypeScript (./data-files.ts).
 *
 * https://www.11ty.dev/docs/languages/jsx/
 */
import type { EleventyConfig } from "@11ty/eleventy";
import type { BuildLifecycle } from "../content/index.ts";
import type { I18n } from "../i18n/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { typeScriptDataFiles } from "./data-files.ts";
import { renderToString } from "./render.ts";

export default function templatesPlugin(
  eleventyConfig: EleventyConfig,
  { site, i18n, lifecycle }: { site: ResolvedSiteConfig; i18n: I18n; lifecycle: BuildLifecycle },
): void {
  eleventyConfig.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: { defaultRenderer(data: unknown): Promise<JSX.Element> }, data: unknown) {
        const element = await this.defaultRenderer(data);
        return renderToString(element);
      };
    },
  });
  eleventyConfig.addTemplateFormats("11ty.tsx");
  // Frozen: Eleventy shares frozen objects instead of copying them into every page's data.
  eleventyConfig.addGlobalData("site", Object.freeze(site));
  eleventyConfig.addGlobalData("i18n", i18n);
  // Directory data files (`posts.11tydata.ts`) are TypeScript too.
  typeScriptDataFiles(eleventyConfig, lifecycle);
}
