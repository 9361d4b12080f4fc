/**
 * Markdown: markdown-it with the site's typography, heading ids, and images
 * kept beside the post.
 *
 * Markdown is not run through Liquid first (`markdownTemplateEngine: false`
 * in eleventy.config.ts): Eleventy's Liquid does not escape, so `{{ title }}`
 * in a post would inject raw HTML.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import type { BuildLifecycle } from "../content/index.ts";
import type { SourceStore } from "../content/sources.ts";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import anchor from "markdown-it-anchor";
import { messages, type I18n } from "../i18n/index.ts";
import type { Language } from "../i18n/languages.ts";
import { slugify } from "../content/slug.ts";
import type { ImagePipeline } from "../images/index.ts";
import type { BuildLog } from "../log/index.ts";
import { localImages, type LocalImages } from "./images.ts";
import type { Prerenderer } from "./prerender.ts";

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

  // As in Eleventy's own Markdown (its issue #2438): an indented line is
  // text, not a code block, so that indented HTML in a post stays HTML.
  md.disable("code");
  useTypography(md, i18n.typography);

  md.use(anchor as unknown as (md: MarkdownIt, options: object) => void, {
    slugify: (text: string) => slugify(text, i18n.language),
    tabIndex: false,
  });

  // Wide tables scroll inside a region a keyboard can reach, instead of
  // widening the page. Each region is a landmark, so several tables in one
  // text get distinct names (« Tableau 1 sur 2 »): a list of landmarks with
  // the same name twice tells a screen reader user nothing.
  md.renderer.rules.table_open = (tokens, idx) => {
    const name = tableName(tokens, idx, i18n);
    return `<section class="table-scroll" tabindex="0" aria-label="${md.utils.escapeHtml(name)}"><table>\n`;
  };
  md.renderer.rules.table_close = () => "</table></section>\n";

  const images = localImages(md, pipeline);
  return { md, images };
}

/** The accessible name of the table opened at `tokens[idx]`: numbered when the text has several. */
export function tableName(tokens: Token[], idx: number, i18n: I18n): string {
  let index = 0;
  let total = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== "table_open") continue;
    total++;
    if (i <= idx) index = total;
  }
  return total > 1 ? i18n.format(i18n.t.scrollableTableOf, { index, total }) : i18n.t.scrollableTable;
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
 * Eleventy plugin: Eleventy renders `.md` templates with this markdown-it,
 * from the sources as the build read them (plugins/content/sources.ts).
 * Eleventy reads no Markdown file itself: a template's front matter is its
 * data, and its body what is rendered, both from the bytes the build read
 * and validated. (Files the build did not read are not published: the
 * content plugin drops every template the blog does not know.)
 */
export default function markdownPlugin(
  eleventyConfig: EleventyConfig,
  { markdown, sources, prerender }: { markdown: Markdown; sources: SourceStore; prerender?: Prerenderer },
): void {
  eleventyConfig.addExtension(["md"], {
    read: false,
    getData: (inputPath: string) => sources.facts(inputPath)?.data ?? {},
    // Eleventy keeps compiled templates by their text, which it does not have here.
    compileOptions: { cache: false },
    compile: (_text: string, inputPath: string) => (data: object) => {
      const facts = sources.facts(inputPath);
      const ahead = facts && prerender?.take(inputPath, facts.digest);
      return ahead ?? markdown.md.render(sources.body(inputPath), data);
    },
  });
}

/**
 * Each build's Markdown work besides rendering: the images its pages copy,
 * and `prerender`, which renders bodies ahead and which `md.render` answers
 * from when it can. A preview renders what it is asked for: nothing ahead.
 */
export function renderMarkdown({
  markdown,
  prerender,
  lifecycle,
  log,
  language,
}: {
  markdown: Markdown;
  prerender?: Prerenderer;
  lifecycle: BuildLifecycle;
  log: BuildLog;
  /** The site's: what the build says is said in it. */
  language: Language;
}): void {
  markdown.images.register(lifecycle);
  if (!prerender) return;
  // Started as each build begins, beside the reading of the content.
  lifecycle.on("begin", ({ inputDir, serving }) => (serving ? undefined : prerender.begin(inputDir)));
  lifecycle.on("done", () => {
    if (prerender.rendered > 0) {
      const m = messages(language);
      log.info(m.format(m.t.build.markdownAhead, { used: prerender.used, rendered: prerender.rendered }));
    }
  });
}
