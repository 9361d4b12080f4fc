/**
 * Defaults for every page: the page layout, and the address from its slug
 * (or its own `permalink:`), computed once with the rest of its validated data.
 */
import type { TemplateData } from "../../layouts/data.ts";

export default {
  layout: "page.11ty.tsx",
  permalink: (data: TemplateData) => data.blog.entry(data.page.inputPath)?.url ?? false,
};
