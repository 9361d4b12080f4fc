/**
 * Markdown: markdown-it with the site's typography, heading ids, and images
 * kept beside the post.
 *
 * Markdown is not run through Liquid first (`markdownTemplateEngine: false`
 * in eleventy.config.ts): Eleventy's Liquid does not escape, so `{{ title }}`
 * in a post would inject raw HTML.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import anchor from "markdown-it-anchor";
import type { I18n } from "../i18n/index.ts";
import { slugify } from "../content/slug.ts";
import type { ImagePipeline } from "../images/index.ts";
import { localImages, type LocalImages } from "./images.ts";
import type { Prerenderer } from "./prerender.ts";

/**
 * Rules Eleventy turns off on the markdown-it it is given (indented code
 * blocks, Eleventy issue #2438): turned off too where the same Markdown is
 * rendered outside Eleventy (./prerender-worker.ts).
 */
export const ELEVENTY_DISABLED_RULES = ["code"];

export interface MarkdownOptions {
  i18n: I18n;
  /** Makes pictures of the posts' JPEG and PNG images; without it they are copied as they are. */
  images?: ImagePipeline;
}

export interface Markdown {
  md: MarkdownIt;
  images: LocalImages;
}

export function createMarkdown({ i18n, images: pipeline }: MarkdownOptions): Markdown {
  const md = MarkdownIt({
    html: true,
    linkify: false,
    typographer: true,
    quotes: i18n.language === "fr" ? ["«\u00A0", "\u00A0»", "“", "”"] : ["“", "”", "‘", "’"],
  });

  useTypography(md, i18n.typography);

  md.use(anchor as unknown as (md: MarkdownIt, options: object) => void, {
    slugify: (text: string) => slugify(text, i18n.language),
    tabIndex: false,
  });

  // Wide tables scroll inside a region a keyboard can reach, instead of
  // widening the page. A post with several tables numbers their regions
  // (« Tableau 2 sur 3 »), so that each landmark has a name of its own.
  md.renderer.rules.table_open = (tokens, idx) => {
    const tables = tokens.filter((token) => token.type === "table_open");
    const name =
      tables.length > 1
        ? i18n.format(i18n.t.scrollableTableOf, { number: tables.indexOf(tokens[idx]!) + 1, total: tables.length })
        : i18n.t.scrollableTable;
    return `<section class="table-scroll" tabindex="0" aria-label="${md.utils.escapeHtml(name)}"><table>\n`;
  };
  md.renderer.rules.table_close = () => "</table></section>\n";

  const images = localImages(md, pipeline);
  return { md, images };
}

/** Applies the language's typography to every text run (never to code, URLs or markup). */
export function useTypography(md: MarkdownIt, typography: (text: string) => string): void {
  md.core.ruler.after("smartquotes", "billet_typography", (state) => {
    for (const block of state.tokens) {
      if (block.type === "inline" && block.children) applyTypography(block.children, typography);
    }
  });
}

function applyTypography(tokens: Token[], typography: (text: string) => string): void {
  let insideAutolink = false;
  for (const token of tokens) {
    if (token.type === "link_open") insideAutolink = token.markup === "autolink" || token.markup === "linkify";
    else if (token.type === "link_close") insideAutolink = false;
    else if (token.type === "text" && !insideAutolink) token.content = typography(token.content);
    else if (token.type === "image" && token.children) applyTypography(token.children, typography);
  }
}

/**
 * Eleventy plugin: makes this markdown-it instance the one Eleventy renders
 * `.md` with, answering from what `prerender` rendered ahead when it can.
 */
export default function markdownPlugin(
  eleventyConfig: EleventyConfig,
  { markdown, prerender }: { markdown: Markdown; prerender?: Prerenderer },
): void {
  prerender?.wrap(markdown.md);
  eleventyConfig.setLibrary("md", markdown.md);
  markdown.images.register(eleventyConfig);
  if (prerender) {
    eleventyConfig.on("eleventy.after", () => {
      if (prerender.rendered > 0) {
        console.log(
          `[billet] Markdown: ${prerender.used} of ${prerender.rendered} bodies rendered ahead on another thread`,
        );
      }
    });
  }
}
