/**
 * Reading time and summaries, computed from the Markdown source so that lists
 * never depend on a post's rendered HTML.
 */

/** Words a reader goes through per minute; French and English prose read at about the same pace. */
export const WORDS_PER_MINUTE = 230;

/** Counts the words a reader reads: code blocks, markup and link targets left out. */
export function countWords(markdown: string): number {
  const prose = markdown.includes("```") || markdown.includes("~~~") ? markdown.replace(FENCED_CODE, " ") : markdown;
  const text = prose.includes("](") ? prose.replace(LINK_TARGET, "]") : prose;
  // One pass over the characters: a word starts where a letter or digit
  // follows anything else (markup, spaces, punctuation). Much faster than a
  // Unicode-aware regular expression on a few thousand posts.
  let words = 0;
  let inWord = false;
  let inTag = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 60 /* < */ && /[a-zA-Z/!]/.test(text[i + 1] ?? "")) inTag = true;
    if (inTag) {
      if (code === 62 /* > */) inTag = false;
      inWord = false;
      continue;
    }
    const letter =
      (code >= 48 && code <= 57) ||
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      (code >= 0xc0 &&
        code !== 0xd7 &&
        code !== 0xf7 &&
        code !== 0x2019 &&
        code !== 0x202f &&
        code !== 0xa0 &&
        !(code >= 0x2000 && code <= 0x206f));
    const joiner = inWord && (code === 39 || code === 0x2019 || code === 45 || code === 46 || code === 44);
    if (letter) {
      if (!inWord) words++;
      inWord = true;
    } else if (!joiner) {
      inWord = false;
    }
  }
  return words;
}

const FENCED_CODE = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm;
const LINK_TARGET = /\]\([^)]*\)/g;

/**
 * A person's initials, for an avatar without a picture: the first character
 * (a whole one: an accented capital or an emoji is not split) of the first
 * two words, in capitals. « Élise Marchal » → « ÉM ».
 */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join("");
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
  const paragraph = firstProse(markdown);
  if (!paragraph) return "";
  const text = renderInline(paragraph.replace(/\s*\n\s*/g, " "))
    .replace(/<[^>]+>/g, "")
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .trim();
  if (text.length <= maxLength) return detached(text);
  const cut = text.slice(0, maxLength + 1);
  const boundary = cut.search(/\s\S*$/);
  return detached(
    `${cut.slice(0, boundary > maxLength / 2 ? boundary : maxLength).replace(/[\s,;:.\u00A0\u202F-]+$/, "")}…`,
  );
}

/** Blocks that are not prose: headings, images, HTML, quotes, lists, code, tables, footnotes. */
const NOT_PROSE = /^(#|!\[|<|>|[-*+] |\d+[.)] |```|~~~|\||\[\^)/;
const BLOCK_BREAK = /\n\s*\n/g;

/** The first block (text between blank lines), trimmed, that is a paragraph of prose; read from the top, no further. */
function firstProse(markdown: string): string | undefined {
  BLOCK_BREAK.lastIndex = 0;
  let start = 0;
  while (start <= markdown.length) {
    const found = BLOCK_BREAK.exec(markdown);
    const end = found ? found.index : markdown.length;
    const block = markdown.slice(start, end).trim();
    if (block !== "" && !NOT_PROSE.test(block)) return block;
    if (!found) return undefined;
    start = BLOCK_BREAK.lastIndex;
  }
  return undefined;
}

/**
 * A copy of a string that shares no memory with the one it was cut from:
 * V8 may keep a slice as a view of its whole source, here the rendered
 * paragraph, and summaries live as long as the build.
 */
function detached(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}
