/**
 * WordPress's automatic paragraphs, for content written in the classic
 * editor.
 *
 * WordPress stores such posts (and every comment) as text where a blank line
 * separates paragraphs and a single line break is a `<br>`; it adds the
 * `<p>` tags only when showing them (its `wpautop` function). Converting the
 * stored text straight to Markdown would glue paragraphs together, so the
 * same rules are applied first: paragraphs around runs of text, nothing
 * inside `<pre>`, block elements left as they are.
 */

/** Elements WordPress treats as blocks (never wrapped in a paragraph). */
const BLOCKS =
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

const NEWLINE_MARK = "\u0000wpnl\u0000";
const KEEP_NEWLINE = "\u0000keepnl\u0000";

/** Replaces newlines inside tags (`<a\nhref>`) and comments so they are not taken for line breaks. */
function protectNewlinesInTags(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<[^>]*>/g, (tag) => tag.replace(/\n/g, NEWLINE_MARK));
}

export function wpautop(input: string, lineBreaks = true): string {
  if (input.trim() === "") return "";
  let text = input.replace(/\r\n?/g, "\n") + "\n";

  // <pre> blocks are set aside and put back untouched at the end.
  const pres: string[] = [];
  text = text.replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (block) => {
    pres.push(block);
    return `<pre wp-pre-tag-${pres.length - 1}></pre>`;
  });

  // Two <br> in a row mean a new paragraph.
  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, "\n\n");
  // Blank lines around block elements, so they stand alone.
  text = text.replace(new RegExp(`(<${BLOCKS}[\\s/>])`, "gi"), "\n\n$1");
  text = text.replace(new RegExp(`(</${BLOCKS}>)`, "gi"), "$1\n\n");
  text = text.replace(/(<hr\s*?\/?>)/gi, "$1\n\n");
  text = protectNewlinesInTags(text);

  // Children of <object>, <audio>, <video> and captions stay on one line.
  if (text.includes("<option")) {
    text = text.replace(/\s*<option/g, "<option").replace(/<\/option>\s*/g, "</option>");
  }
  if (text.includes("</object>")) {
    text = text
      .replace(/(<object[^>]*>)\s*/g, "$1")
      .replace(/\s*<\/object>/g, "</object>")
      .replace(/\s*(<\/?(?:param|embed)[^>]*>)\s*/g, "$1");
  }
  if (text.includes("<source") || text.includes("<track")) {
    text = text
      .replace(/([<[](?:audio|video)[^>\]]*[>\]])\s*/g, "$1")
      .replace(/\s*([<[]\/(?:audio|video)[>\]])/g, "$1")
      .replace(/\s*(<(?:source|track)[^>]*>)\s*/g, "$1");
  }
  if (text.includes("<figcaption")) {
    text = text.replace(/\s*(<figcaption[^>]*>)/g, "$1").replace(/<\/figcaption>\s*/g, "</figcaption>");
  }

  // Every run of text between blank lines becomes a paragraph.
  text = text.replace(/\n\n+/g, "\n\n");
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p !== "");
  text = paragraphs.map((p) => `<p>${p.replace(/^\n+|\n+$/g, "")}</p>\n`).join("");

  // Undo paragraphs that should not be: empty ones, and those around blocks.
  text = text.replace(/<p>\s*<\/p>/g, "");
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, "<p>$1</p></$2>");
  text = text.replace(new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)\\s*</p>`, "gi"), "$1");
  text = text.replace(/<p>(<li.+?)<\/p>/g, "$1");
  text = text
    .replace(/<p><blockquote([^>]*)>/gi, "<blockquote$1><p>")
    .replace(/<\/blockquote><\/p>/g, "</p></blockquote>");
  text = text.replace(new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)`, "gi"), "$1");
  text = text.replace(new RegExp(`(</?${BLOCKS}[^>]*>)\\s*</p>`, "gi"), "$1");

  if (lineBreaks) {
    // Single line breaks become <br />, except inside script, style, svg and math.
    text = text.replace(/<(script|style|svg|math)[\s\S]*?<\/\1>/gi, (block) => block.replace(/\n/g, KEEP_NEWLINE));
    text = text.replace(/<br>|<br\/>/gi, "<br />");
    text = text.replace(/(?<!<br \/>)\s*\n/g, "<br />\n");
    text = text.split(KEEP_NEWLINE).join("\n");
  }
  text = text.replace(new RegExp(`(</?${BLOCKS}[^>]*>)\\s*<br />`, "gi"), "$1");
  text = text.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/gi, "$1");
  text = text.replace(/\n<\/p>$/g, "</p>");

  text = text.replace(/<pre wp-pre-tag-(\d+)><\/pre>/g, (_m, i: string) => pres[Number(i)]!);
  return text.split(NEWLINE_MARK).join("\n");
}
