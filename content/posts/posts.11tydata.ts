/**
 * Defaults for every post. A post's address comes from its slug and the
 * `permalinks.post` pattern in site.config.ts, computed once with the rest
 * of its validated data.
 */
import type { TemplateData } from "../../layouts/data.ts";

export default {
  layout: "post.11ty.tsx",
  permalink: (data: TemplateData) => data.blog.entry(data.page.inputPath)?.url ?? false,
  // Lists are made from Billet's validated content (plugins/content), not
  // from Eleventy's collections, which would only cost build time.
  eleventyExcludeFromCollections: true,
};
