/**
 * Small text helpers: escaping for the HTML the import builds, HTML to plain
 * text (titles, descriptions), and cutting text at a word boundary.
 */
import domino from "@mixmark-io/domino";

export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

/** Parses an HTML fragment into a detached `<body>`. */
export function parseHtml(html: string): HTMLElement {
  const document = domino.createDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  return document.body;
}

/**
 * The text of an HTML fragment as a reader sees it: tags removed,
 * character references decoded, white space collapsed (no-break spaces
 * kept).
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapse(html);
  const body = parseHtml(html.replace(/<br\s*\/?>/gi, " ").replace(/<\/(p|div|li|h[1-6])>/gi, "$& "));
  for (const node of Array.from(body.querySelectorAll("script, style, template"))) node.parentNode?.removeChild(node);
  return collapse(body.textContent ?? "");
}

function collapse(text: string): string {
  return text.replace(/[ \t\r\n]+/g, " ").trim();
}

/** `text` cut to at most `max` characters, at a word boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join("");
  const boundary = cut.search(/\s\S*$/);
  const kept = boundary > max / 2 ? cut.slice(0, boundary) : cut.slice(0, max - 1);
  return `${kept.replace(/[\s,;:.\u00a0\u202f-]+$/, "")}…`;
}
