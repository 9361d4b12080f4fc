/**
 * What the search index holds for each post and page: its address, its
 * title, date and category (shown in results), and its words, taken from
 * the Markdown source rather than from the built page, so the index can be
 * made while Eleventy is still rendering (see ./indexer.ts).
 */
import type { ContentEntry } from "../content/model.ts";
import type { I18n } from "../i18n/index.ts";

export interface SearchSource {
  url: string;
  /** The Markdown file the words come from. */
  file: string;
  /** SHA-1 of that file's text when the content was read: the index is reused while none changes. */
  digest: string;
  /** Shown in the results: `title`, and for posts `date` and `category`. */
  meta: Record<string, string>;
}

/** The posts and pages a build indexes: those it builds, except pages search engines should skip. */
export function searchSources(entries: ContentEntry[], i18n: I18n): SearchSource[] {
  return entries
    .filter((entry) => entry.kind === "post" || !entry.noindex)
    .map((entry): SearchSource => {
      const meta: Record<string, string> = { title: entry.title };
      if (entry.kind === "post") Object.assign(meta, { date: i18n.date(entry.date), category: entry.category.name });
      return { url: entry.url, file: entry.file, digest: entry.digest, meta };
    });
}

/**
 * The words of a Markdown body as a reader reads them: the text of links and
 * the descriptions of images kept, markup, addresses and HTML dropped. The
 * characters `<`, `>` and `&` become spaces: results show passages of this
 * text as HTML, so it must hold no markup of its own.
 */
export function markdownToText(markdown: string): string {
  return (
    markdown
      .replace(/<!--[\s\S]*?-->/g, " ")
      // Fences go; the code inside stays searchable.
      .replace(/^ {0,3}(```|~~~)[^\n]*$/gm, " ")
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/^ {0,3}\[[^\]]+\]:.*$/gm, " ")
      .replace(/<[^>\n]*>/g, " ")
      .replace(/&(?:nbsp|#160);/g, " ")
      .replace(/&[a-z]+;|&#\d+;/gi, " ")
      .replace(/^ {0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])[ \t]+/gm, "")
      .replace(/^ {0,3}(?:[-*_] *){3,}$/gm, " ")
      // Table rows' separators (|---|:---:|).
      .replace(/^ *\|?(?: *:?-+:? *\|)+ *:?-*:? *$/gm, " ")
      .replace(/[*_`|~]+/g, " ")
      .replace(/[<>&]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}
