/**
 * Gutenberg (block editor) content: blocks are stored as HTML framed by
 * comments, `<!-- wp:paragraph -->…<!-- /wp:paragraph -->`. The frames are
 * removed and the HTML inside kept.
 *
 * A block written as a lone comment (`<!-- wp:latest-posts {…} /-->`) has
 * no HTML: WordPress drew it when the page was shown. A reusable block
 * (`wp:block {"ref":12}`) is replaced by its content when the export holds
 * it; any other lone block is kept visibly, with a warning.
 */
import type { Kept } from "./kept.ts";

const BLOCK_COMMENT = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)(\s+\{[\s\S]*?\})?\s+(\/)?-->/g;

/** True when the content was written with the block editor. */
export function isBlockContent(html: string): boolean {
  return /<!--\s+wp:[a-z]/.test(html);
}

export interface BlockContext {
  kept: Kept;
  /** Content of a reusable block (`wp_block` item) by id, when the export has it. */
  reusable: (id: number) => string | undefined;
  /** A lone dynamic block that was kept as it was. */
  onKept: (name: string) => void;
}

function attributes(json: string | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json.trim());
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Removes block frames; lone blocks become their content or a visible kept piece. */
export function unwrapBlocks(html: string, context: BlockContext, depth = 0): string {
  if (!isBlockContent(html)) return html;
  return html
    .replace(
      BLOCK_COMMENT,
      (
        whole,
        closing: string | undefined,
        name: string,
        json: string | undefined,
        selfClosing: string | undefined,
        offset: number,
        all: string,
      ) => {
        if (closing) return "";
        const attrs = attributes(json);
        if (selfClosing) {
          if (name === "block" || name === "core/block") {
            const content = typeof attrs.ref === "number" ? context.reusable(attrs.ref) : undefined;
            if (content !== undefined && depth < 5) return unwrapBlocks(content, context, depth + 1);
          }
          context.onKept(name);
          return `\n\n${context.kept.unconverted(whole)}\n\n`;
        }
        // A code block's language lives in the frame for some plugins: carry it onto the <pre>.
        if (typeof attrs.language === "string" && /^[\w+#.-]+$/.test(attrs.language)) {
          const rest = all.slice(offset + whole.length);
          if (/^\s*<pre\b/.test(rest)) return `<!--wp-language:${attrs.language}-->`;
        }
        return "";
      },
    )
    .replace(/<!--wp-language:([\w+#.-]+)-->(\s*)<pre\b/g, '$2<pre data-language="$1"');
}
