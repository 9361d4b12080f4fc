/**
 * Pieces of Markdown decided before the HTML is converted: code from
 * `[code]` shortcodes, tables too rich for Markdown kept as HTML, and what
 * the import cannot convert (unknown shortcodes, dynamic blocks, scripts),
 * kept exactly as it was in a fenced block marked `wordpress`, visible in
 * the Markdown and on the page until the author deals with it.
 *
 * Each piece stands in the HTML as a token of letters and digits (which the
 * HTML-to-Markdown conversion leaves alone) and is put back afterwards: as a
 * block when its token stands alone on a line, inline otherwise.
 */

/** Language of the fenced blocks that hold what was not converted. */
export const KEPT_LANGUAGE = "wordpress";

interface Piece {
  block: string;
  inline: string;
}

/** A fence longer than any run of backticks in `text`. */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

/** A fenced code block; `language` may be empty. */
export function fencedBlock(code: string, language = ""): string {
  const body = code.replace(/^\n+|\s+$/g, "");
  const fence = fenceFor(body);
  return `${fence}${language}\n${body}\n${fence}`;
}

/** An inline code span holding `text` on one line. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, " ").trim();
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

export class Kept {
  readonly #nonce = Math.random()
    .toString(36)
    .slice(2, 8)
    .replace(/[^a-z0-9]/g, "x");
  readonly #pieces: Piece[] = [];

  #add(piece: Piece): string {
    this.#pieces.push(piece);
    return `WPKEEP${this.#nonce}X${this.#pieces.length - 1}X`;
  }

  /** Something not converted, kept as it was, visibly. */
  unconverted(source: string): string {
    return this.#add({ block: fencedBlock(source, KEPT_LANGUAGE), inline: codeSpan(source) });
  }

  /** Code with its language. */
  code(code: string, language = ""): string {
    return this.#add({ block: fencedBlock(code, language), inline: codeSpan(code) });
  }

  /** Markdown (or HTML) decided in advance, e.g. a table kept as HTML. */
  markdown(block: string, inline = block): string {
    return this.#add({ block, inline });
  }

  get size(): number {
    return this.#pieces.length;
  }

  /** Puts every piece back in place of its token. */
  restore(markdown: string): string {
    if (this.#pieces.length === 0) return markdown;
    const token = new RegExp(`WPKEEP${this.#nonce}X(\\d+)X`, "g");
    const alone = new RegExp(`^([ \\t>]*(?:(?:[-*+]|\\d+[.)])[ \\t]+)?)WPKEEP${this.#nonce}X(\\d+)X[ \\t]*$`, "gm");
    // Repeated: a piece may hold the token of another (a shortcode inside a caption).
    for (let round = 0; round < 5 && token.test(markdown); round++) {
      token.lastIndex = 0;
      markdown = markdown.replace(alone, (_line, prefix: string, index: string) => {
        const piece = this.#pieces[Number(index)]!;
        const continuation = prefix.replace(/(?:[-*+]|\d+[.)])([ \t]+)$/, (marker) => " ".repeat(marker.length));
        const lines = piece.block
          .split("\n")
          .map((line, i) => (i === 0 ? prefix : continuation) + line)
          .join("\n")
          .replace(/[ \t]+$/gm, "");
        // At the top level, blank lines around keep the block apart from the text.
        return prefix === "" ? `\n${lines}\n` : lines;
      });
      markdown = markdown.replace(token, (_m, index: string) => this.#pieces[Number(index)]!.inline);
    }
    return markdown;
  }
}
