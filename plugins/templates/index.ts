/**
 * TSX templates: layouts and generated pages are `.11ty.tsx` modules whose
 * default export returns JSX built with jsx-async-runtime (which escapes text
 * by default), rendered to a string by ./render.ts.
 *
 * https://www.11ty.dev/docs/languages/jsx/
 */
import type { EleventyConfig } from "@11ty/eleventy";
import { renderToString } from "./render.ts";

export default function templatesPlugin(eleventyConfig: EleventyConfig): void {
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
}
