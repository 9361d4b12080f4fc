/**
 * What templates receive from Eleventy's data cascade. Layouts read only
 * these; components get narrower, typed props.
 */
import type { Assets } from "../plugins/assets/index.ts";
import type { Blog } from "../plugins/content/blog.ts";
import type { I18n } from "../plugins/i18n/index.ts";
import type { ResolvedSiteConfig } from "../plugins/site/config.ts";

export interface TemplateData {
  page: { inputPath: string; url: string; outputPath: string | false };
  /** The rendered body, for layouts. */
  content: string;
  blog: Blog;
  site: ResolvedSiteConfig;
  i18n: I18n;
  assets: Assets;
}

/** The part of the cascade shared by every page: passed down as one prop. */
export interface SiteContext {
  site: ResolvedSiteConfig;
  i18n: I18n;
  assets: Assets;
  preview: boolean;
}

export function siteContext(data: TemplateData): SiteContext {
  return { site: data.site, i18n: data.i18n, assets: data.assets, preview: data.blog.preview };
}
