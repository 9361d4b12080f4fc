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
import type { TemplateGlobals } from "../../layouts/data.ts";
import type { GeneratedPages } from "./generated.ts";
import { typeScriptDataFiles } from "./data-files.ts";
import { renderToString } from "./render.ts";

export interface TemplatesOptions {
  /** What every template receives (layouts/data.ts's TemplateData, less `page` and `content`). */
  globals: TemplateGlobals;
  pages: GeneratedPages;
  lifecycle: BuildLifecycle;
}

export default function templatesPlugin(
  eleventyConfig: EleventyConfig,
  { globals, pages, lifecycle }: TemplatesOptions,
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
  // Class instances and frozen objects: Eleventy shares them instead of copying them into every page's data.
  for (const [name, value] of Object.entries(globals)) eleventyConfig.addGlobalData(name, value);
  for (const page of pages.all) {
    const data = page.each
      ? {
          pagination: { data: `blog.${page.each.source}`, size: 1, alias: page.each.alias },
          permalink: (data: Record<string, { url: string }>) => data[page.each!.alias]!.url,
        }
      : { permalink: page.url };
    eleventyConfig.addTemplate(page.name, {
      data: { ...data, eleventyExcludeFromCollections: true },
      render: page.render,
    });
  }
  // Directory data files (`posts.11tydata.ts`) are TypeScript too.
  typeScriptDataFiles(eleventyConfig, lifecycle);
}
