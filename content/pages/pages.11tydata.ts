/**
 * Defaults for every page: the page layout, and the address from its slug
 * (or its own `permalink:`), computed once with the rest of its validated data.
 */
import type { TemplateData } from "../../layouts/data.ts";

export default {
  layout: "page.11ty.tsx",
  permalink: (data: TemplateData) => data.blog.entry(data.page.inputPath)?.url ?? false,
  // Lists are made from Billet's validated content (plugins/content), not
  // from Eleventy's collections, which would only cost build time.
  eleventyExcludeFromCollections: true,
};
