/**
 * Reading time and summaries, computed from the Markdown source so that lists
 * never depend on a post's rendered HTML.
 */

/** Words a reader goes through per minute; French and English prose read at about the same pace. */
export const WORDS_PER_MINUTE = 230;

/** Counts the words a reader reads: code blocks, markup and link targets left out. */
export function countWords(markdown: string): number {
  const prose = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`|~-]+/g, " ");
  const words = prose.match(/[\p{L}\p{N}][\p{L}\p{N}’'.,-]*/gu);
  return words ? words.length : 0;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&nbsp;": "\u00A0",
};

/**
 * The opening of a post as plain text: its first paragraph of prose
 * (headings, images, HTML blocks, lists and quotes skipped), cut at a word
 * boundary. `renderInline` turns Markdown emphasis and links into HTML,
 * whose text is then kept.
 */
export function summarize(markdown: string, renderInline: (source: string) => string, maxLength = 220): string {
  const blocks = markdown.split(/\n\s*\n/);
  const paragraph = blocks
    .map((block) => block.trim())
    .find((block) => block !== "" && !/^(#|!\[|<|>|[-*+] |\d+[.)] |```|~~~|\||\[\^)/.test(block));
  if (!paragraph) return "";
  const text = renderInline(paragraph.replace(/\s*\n\s*/g, " "))
    .replace(/<[^>]+>/g, "")
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const boundary = cut.search(/\s\S*$/);
  return `${cut.slice(0, boundary > maxLength / 2 ? boundary : maxLength).replace(/[\s,;:.\u00A0\u202F-]+$/, "")}…`;
}
