/**
 * HTML to Markdown, with turndown, after a clean-up pass on the parsed HTML.
 *
 * The clean-up makes the HTML fit a static site with a strict
 * Content-Security-Policy and valid, accessible pages:
 * - players (`<iframe>`, `<video>`, `<audio>`) become links to what they showed;
 * - scripts, forms and other active content are kept visibly, not run;
 * - presentational wrappers (`<font>`, `<center>`, `<span style>`) are removed,
 *   keeping their text; no `style` attribute survives;
 * - headings are renumbered to start at level 2 (the post's title is the
 *   page's only h1) without skipping a level;
 * - every image gets a description (its alt text, else its title or caption,
 *   else a placeholder the author is told about);
 * - links to the old site are pointed at the new addresses, images at their
 *   copies beside the post;
 * - tables Markdown cannot hold (merged cells, lists in cells) stay HTML,
 *   without their styling.
 * Then turndown writes Markdown: ATX headings, `-` lists, fenced code with
 * its language, GFM tables, `~~strikethrough~~`, figures as HTML around
 * Markdown.
 */
import TurndownService from "turndown";
import { slugify } from "../../plugins/content/slug.ts";
import type { Kept } from "./kept.ts";
import { percentDecode } from "./reader.ts";
import { escapeAttribute, escapeText, parseHtml } from "./text.ts";

export interface MarkdownContext {
  kept: Kept;
  language: string;
  /** Text given to images that have no description. */
  fallbackAlt: string;
  /** The new address of a link, or undefined to leave it. */
  rewriteLink?: (href: string) => string | undefined;
  /** The new source of an image (its copy beside the post), or undefined to leave it. */
  rewriteImage?: (src: string) => string | undefined;
  /** A link around an image that leads to the image file itself or its attachment page, dropped once the image is copied. */
  isImageLink?: (href: string, imageSrc: string) => boolean;
  /** Turn bare addresses into links (WordPress does so in comments). */
  clickable?: boolean;
  onEmbed?: (url: string) => void;
  onUnconverted?: (what: string) => void;
  onImageWithoutAlt?: (src: string) => void;
}

const KEPT_ELEMENTS =
  "script, style, form, object, embed, applet, input, select, textarea, button, canvas, svg, math, noscript, template, map, audio:not([src]), video:not([src])";
const UNWRAPPED = new Set(["FONT", "CENTER", "SPAN", "BIG", "U", "NOBR", "BLINK", "MARQUEE", "ACRONYM", "LABEL"]);
const INLINE_HTML: Record<string, string[]> = {
  SUP: [],
  SUB: [],
  MARK: [],
  ABBR: ["title"],
  KBD: [],
  Q: ["cite"],
  SMALL: [],
  INS: [],
  TIME: ["datetime"],
  DFN: ["title"],
  VAR: [],
  SAMP: [],
  CITE: [],
  BDI: [],
  BDO: ["dir"],
};
const BLOCKS_IN_CELLS = "ul, ol, table, pre, blockquote, h1, h2, h3, h4, h5, h6, dl, hr, figure";

/** Elements and attributes kept when HTML is kept as HTML (rich tables, definition lists). */
const CLEAN_TAGS: Record<string, string[]> = {
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ["colspan", "rowspan", "scope"],
  td: ["colspan", "rowspan"],
  colgroup: [],
  col: ["span"],
  dl: [],
  dt: [],
  dd: [],
  p: [],
  br: [],
  a: ["href", "title"],
  img: ["src", "alt", "title"],
  strong: [],
  b: [],
  em: [],
  i: [],
  code: [],
  pre: [],
  ul: [],
  ol: ["start"],
  li: [],
  blockquote: ["cite"],
  del: [],
  s: [],
  ...Object.fromEntries(Object.entries(INLINE_HTML).map(([tag, attrs]) => [tag.toLowerCase(), attrs])),
};
const VOID = new Set(["br", "img", "col", "hr", "wbr"]);

/** Elements matching `selector` under `root`, as an array (domino's lists are not iterable). */
function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

function unwrap(element: Element): void {
  const parent = element.parentNode!;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

function replaceWith(element: Element, node: Node): void {
  element.parentNode!.replaceChild(node, element);
}

/** Puts a kept piece's token where `element` was: in its own paragraph unless it sat within text. */
function replaceWithToken(element: Element, token: string): void {
  const document = element.ownerDocument;
  if (isInline(element)) {
    replaceWith(element, document.createTextNode(token));
  } else {
    const paragraph = document.createElement("p");
    paragraph.textContent = token;
    replaceWith(element, paragraph);
  }
}

function attached(root: Element, element: Element): boolean {
  return root.contains(element);
}

function isInline(element: Element): boolean {
  const parent = element.parentElement;
  return !!parent && /^(P|A|EM|STRONG|B|I|SPAN|LI|TD|TH|H[1-6]|FIGCAPTION|CODE)$/.test(parent.nodeName);
}

/** A player's address as a reader would open it (YouTube and Vimeo embeds to their pages). */
export function pageOfEmbed(src: string): string {
  const url = src.startsWith("//") ? `https:${src}` : src;
  const youtube = /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]+)/i.exec(url);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^https?:\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(url);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return url;
}

/** Serialises an element keeping only harmless tags and attributes, on lines without blank lines. */
export function cleanHtml(node: Node): string {
  if (node.nodeType === 3) {
    const text = node.nodeValue ?? "";
    if (text.trim() === "" && /^(TABLE|THEAD|TBODY|TFOOT|TR|COLGROUP|DL|UL|OL)$/.test(node.parentNode?.nodeName ?? ""))
      return "";
    return escapeText(text.replace(/\s*\n\s*/g, " "));
  }
  if (node.nodeType !== 1) return "";
  const element = node as Element;
  const tag = element.nodeName.toLowerCase();
  const inner = () => Array.from(element.childNodes).map(cleanHtml).join("");
  if (tag === "pre") return `<pre>${escapeText(element.textContent ?? "").replace(/\n/g, "&#10;")}</pre>`;
  const allowed = CLEAN_TAGS[tag];
  if (!allowed) return inner();
  const attrs = allowed
    .map((name) => [name, element.getAttribute(name)] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== null)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join("");
  if (VOID.has(tag)) return `<${tag}${attrs}>`;
  const separator = /^(table|thead|tbody|tfoot|tr|dl|ul|ol)$/.test(tag) ? "\n" : "";
  return `<${tag}${attrs}>${separator}${inner()}${separator}</${tag}>`;
}

/** The heading levels used, mapped onto 2, 3, 4… in order, so none is skipped and none is a second h1. */
export function headingLevels(levels: number[]): Map<number, number> {
  const used = [...new Set(levels)].sort((a, b) => a - b);
  return new Map(used.map((level, i) => [level, Math.min(6, 2 + i)]));
}

function codeLanguage(pre: Element): string {
  const code = pre.firstElementChild?.nodeName === "CODE" ? pre.firstElementChild : undefined;
  const candidates = [
    pre.getAttribute("data-language"),
    pre.getAttribute("lang"),
    /\b(?:language|lang)-([\w+#.-]+)/.exec(
      `${code?.getAttribute("class") ?? ""} ${pre.getAttribute("class") ?? ""}`,
    )?.[1],
    /\bbrush:\s*([\w+#.-]+)/.exec(pre.getAttribute("class") ?? "")?.[1],
    code?.getAttribute("data-lang"),
  ];
  const language = candidates.find((value) => value && /^[\w+#.-]+$/.test(value));
  return (language ?? "").toLowerCase();
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/g;

function linkBareAddresses(root: Element): void {
  const document = root.ownerDocument;
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 1) {
        if (!/^(A|CODE|PRE)$/.test(child.nodeName)) walk(child);
      } else if (child.nodeType === 3 && /\bhttps?:\/\//.test(child.nodeValue ?? "")) {
        const text = child.nodeValue ?? "";
        const fragment = document.createDocumentFragment();
        let last = 0;
        for (const match of text.matchAll(URL_IN_TEXT)) {
          const url = match[0].replace(/[.,;:!?)\]]+$/, "");
          fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
          const link = document.createElement("a");
          link.setAttribute("href", url);
          link.textContent = url;
          fragment.appendChild(link);
          last = match.index + url.length;
        }
        fragment.appendChild(document.createTextNode(text.slice(last)));
        node.replaceChild(fragment, child);
      }
    }
  };
  walk(root);
}

/**
 * An empty target for `#name` links, written as `<span id="name"></span>`.
 * It is an `<a>` until then: turndown drops empty spans before any rule sees them.
 */
function anchorMarker(document: Document, name: string): Element {
  const marker = document.createElement("a");
  marker.setAttribute("data-anchor", name);
  return marker;
}

function removeComments(node: Node): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 8) node.removeChild(child);
    else if (child.nodeType === 1) removeComments(child);
  }
}

function isEmptyBlock(element: Element): boolean {
  return (
    (element.textContent ?? "").replace(/[\s\u00a0\u200b\ufeff]/g, "") === "" &&
    !element.querySelector("img, iframe, video, audio, br, hr, input, a[href], a[data-anchor]") &&
    !/WPKEEP/.test(element.textContent ?? "")
  );
}

/** The clean-up pass; see the module's comment. */
function prepare(root: HTMLElement, context: MarkdownContext): void {
  const document = root.ownerDocument;
  removeComments(root);

  // Line breaks in preformatted text are text.
  for (const br of all(root, "pre br")) replaceWith(br, document.createTextNode("\n"));

  // Active content is kept visibly, not run.
  for (const element of all(root, KEPT_ELEMENTS)) {
    if (!attached(root, element)) continue;
    context.onUnconverted?.(element.nodeName.toLowerCase());
    replaceWithToken(element, context.kept.unconverted(element.outerHTML));
  }

  // Players become links to what they played.
  for (const wrapper of all(root, ".wp-block-embed__wrapper")) {
    const url = (wrapper.textContent ?? "").trim();
    if (!/^https?:\/\/\S+$/.test(url)) continue;
    context.onEmbed?.(url);
    const paragraph = document.createElement("p");
    const link = document.createElement("a");
    link.setAttribute("href", url);
    link.textContent = url;
    paragraph.appendChild(link);
    replaceWith(wrapper, paragraph);
  }
  // A paragraph that is only an address was shown as a player by WordPress (its auto-embeds).
  for (const paragraph of all(root, "p")) {
    const text = (paragraph.textContent ?? "").trim();
    if (paragraph.children.length === 0 && /^https?:\/\/\S+$/.test(text)) {
      context.onEmbed?.(text);
      const link = document.createElement("a");
      link.setAttribute("href", text);
      link.textContent = text;
      paragraph.textContent = "";
      paragraph.appendChild(link);
    }
  }
  for (const player of all(root, "iframe, video, audio")) {
    if (!attached(root, player)) continue;
    const source = player.getAttribute("src") ?? player.querySelector("source[src]")?.getAttribute("src") ?? "";
    if (!source) {
      context.onUnconverted?.(player.nodeName.toLowerCase());
      replaceWithToken(player, context.kept.unconverted(player.outerHTML));
      continue;
    }
    const url = pageOfEmbed(source);
    context.onEmbed?.(url);
    const link = document.createElement("a");
    link.setAttribute("href", url);
    link.textContent = url;
    if (isInline(player)) {
      replaceWith(player, link);
    } else {
      const paragraph = document.createElement("p");
      paragraph.appendChild(link);
      replaceWith(player, paragraph);
    }
  }

  // Presentational wrappers go, their content stays.
  for (const element of all(root, "*")) {
    if (element.nodeName === "TT") {
      const code = document.createElement("code");
      while (element.firstChild) code.appendChild(element.firstChild);
      replaceWith(element, code);
    } else if (UNWRAPPED.has(element.nodeName) && attached(root, element)) {
      unwrap(element);
    }
  }

  // Targets of links within the page keep their names.
  const fragments = new Set(all(root, 'a[href^="#"]').map((a) => percentDecode(a.getAttribute("href")!.slice(1))));
  for (const anchor of all(root, "a:not([href])")) {
    const name = anchor.getAttribute("id") ?? anchor.getAttribute("name");
    if (name && fragments.has(name)) {
      const marker = anchorMarker(document, name);
      anchor.parentNode!.insertBefore(marker, anchor);
      fragments.delete(name);
    }
    unwrap(anchor);
  }
  for (const id of fragments) {
    const target = all(root, "[id]").find((element) => element.getAttribute("id") === id);
    if (!target) continue;
    if (/^H[1-6]$/.test(target.nodeName) && slugify(target.textContent ?? "", context.language) === id) continue;
    const marker = anchorMarker(document, id);
    if (/^(P|LI|H[1-6]|TD|TH|DIV|BLOCKQUOTE|FIGURE|SECTION)$/.test(target.nodeName))
      target.insertBefore(marker, target.firstChild);
    else target.parentNode!.insertBefore(marker, target);
  }

  // Links: to the new addresses; links that lead nowhere are removed, their text kept.
  for (const link of all(root, "a[href]")) {
    const href = link.getAttribute("href")!.trim();
    if (href === "" || /^javascript:/i.test(href)) {
      unwrap(link);
      continue;
    }
    link.setAttribute("href", context.rewriteLink?.(href) ?? href);
  }

  // Rich tables and definition lists stay HTML (without styles).
  for (const table of all(root, "table")) {
    if (!attached(root, table)) continue;
    const rich =
      all(table, "table").some((inner) => inner !== table) ||
      all(table, "td, th").some(
        (cell) =>
          Number(cell.getAttribute("colspan") ?? 1) > 1 ||
          Number(cell.getAttribute("rowspan") ?? 1) > 1 ||
          !!cell.querySelector(BLOCKS_IN_CELLS),
      );
    if (rich) replaceWithToken(table, context.kept.markdown(cleanHtml(table)));
  }
  for (const list of all(root, "dl")) {
    if (attached(root, list)) replaceWithToken(list, context.kept.markdown(cleanHtml(list)));
  }

  // Images: lazy-loading placeholders resolved, copies beside the post, a description for each.
  for (const image of all(root, "img")) {
    const lazy = image.getAttribute("data-src") ?? image.getAttribute("data-lazy-src");
    let src = image.getAttribute("src") ?? "";
    if (lazy && (!src || src.startsWith("data:"))) src = lazy;
    if (!src) {
      image.parentNode!.removeChild(image);
      continue;
    }
    const copy = context.rewriteImage?.(src);
    const link = image.parentElement?.nodeName === "A" ? image.parentElement : undefined;
    if (copy && link && link.childNodes.length === 1 && context.isImageLink?.(link.getAttribute("href") ?? "", src)) {
      unwrap(link);
    }
    image.setAttribute("src", copy ?? src);
    let alt = (image.getAttribute("alt") ?? "").trim() || (image.getAttribute("title") ?? "").trim();
    if (!alt) {
      const caption = image.closest("figure")?.querySelector("figcaption");
      alt = (caption?.textContent ?? "").replace(/\s+/g, " ").trim();
    }
    if (!alt) {
      alt = context.fallbackAlt;
      context.onImageWithoutAlt?.(src);
    }
    image.setAttribute("alt", alt);
  }

  // Headings start at level 2 and skip none.
  const headings = all(root, "h1, h2, h3, h4, h5, h6");
  const levels = headingLevels(headings.map((h) => Number(h.nodeName[1])));
  for (const heading of headings) heading.setAttribute("data-level", String(levels.get(Number(heading.nodeName[1]))));

  if (context.clickable) linkBareAddresses(root);

  // Empty paragraphs (WordPress's spacers) go, and so do breaks at the edges of blocks.
  for (const block of all(root, "p, div, li, blockquote, h1, h2, h3, h4, h5, h6, figcaption")) {
    if (!attached(root, block)) continue;
    if (block.nodeName !== "LI" && isEmptyBlock(block)) {
      block.parentNode!.removeChild(block);
      continue;
    }
    for (const edge of ["firstChild", "lastChild"] as const) {
      let node = block[edge];
      while (node && node.nodeType === 3 && (node.nodeValue ?? "").trim() === "")
        node = node[edge === "firstChild" ? "nextSibling" : "previousSibling"];
      while (node && node.nodeName === "BR") {
        const next: ChildNode | null = node[edge === "firstChild" ? "nextSibling" : "previousSibling"];
        block.removeChild(node);
        node = next;
      }
    }
  }
}

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    hr: "* * *",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    fence: "```",
    emDelimiter: "_",
    strongDelimiter: "**",
    br: "\\",
  });

  service.addRule("heading", {
    filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
    replacement: (content, node) => {
      const level = Number((node as Element).getAttribute("data-level") ?? node.nodeName[1]);
      const text = content
        .replace(/\\\n/g, " ")
        .replace(/\s*\n\s*/g, " ")
        .trim();
      return text ? `\n\n${"#".repeat(level)} ${text}\n\n` : "";
    },
  });

  service.addRule("listItem", {
    filter: "li",
    replacement: (content, node) => {
      const parent = node.parentNode as Element;
      let prefix = "- ";
      if (parent.nodeName === "OL") {
        const start = Number(parent.getAttribute("start") ?? 1) || 1;
        const index = Array.from(parent.children).indexOf(node);
        prefix = `${start + index}. `;
      }
      const loose = /\n$/.test(content);
      const body = content.replace(/^\n+/, "").replace(/\n+$/, "") + (loose ? "\n" : "");
      const indented = body.replace(/\n(?=.)/g, `\n${" ".repeat(prefix.length)}`);
      return prefix + indented + (node.nextSibling ? "\n" : "");
    },
  });

  service.addRule("preformatted", {
    filter: "pre",
    replacement: (_content, node) => {
      const element = node as Element;
      const code = (element.textContent ?? "").replace(/^\n/, "").replace(/\s+$/, "");
      if (/^\s*$/.test(code)) return "";
      const longest = Math.max(0, ...[...code.matchAll(/^`{3,}/gm)].map((m) => m[0].length));
      const fence = "`".repeat(Math.max(3, longest + 1));
      return `\n\n${fence}${codeLanguage(element)}\n${code}\n${fence}\n\n`;
    },
  });

  service.addRule("strikethrough", {
    filter: (node) => /^(DEL|S|STRIKE)$/.test(node.nodeName),
    replacement: (content) => (content.trim() ? `~~${content}~~` : ""),
  });

  service.addRule("figure", {
    filter: "figure",
    replacement: (content, node) => {
      const body = content.replace(/^\n+|\n+$/g, "");
      if (!body) return "";
      return (node as Element).querySelector("figcaption")
        ? `\n\n<figure>\n\n${body}\n\n</figure>\n\n`
        : `\n\n${body}\n\n`;
    },
  });

  service.addRule("figcaption", {
    filter: "figcaption",
    replacement: (content, node) => {
      const body = content.replace(/^\n+|\n+$/g, "");
      if (!body) return "";
      return node.parentNode?.nodeName === "FIGURE"
        ? `\n\n<figcaption>\n\n${body}\n\n</figcaption>\n\n`
        : `\n\n${body}\n\n`;
    },
  });

  service.addRule("anchor", {
    filter: (node) => node.nodeName === "A" && (node as Element).hasAttribute("data-anchor"),
    replacement: (_content, node) =>
      `<span id="${escapeAttribute((node as Element).getAttribute("data-anchor") ?? "")}"></span>`,
  });

  service.addRule("inlineHtml", {
    filter: (node) => node.nodeName in INLINE_HTML,
    replacement: (content, node) => {
      if (!content.trim()) return content;
      const element = node as Element;
      const tag = element.nodeName.toLowerCase();
      const attrs = (INLINE_HTML[element.nodeName] ?? [])
        .map((name) => [name, element.getAttribute(name)] as const)
        .filter((pair): pair is readonly [string, string] => pair[1] !== null)
        .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
        .join("");
      return `<${tag}${attrs}>${content}</${tag}>`;
    },
  });

  service.addRule("emptyLink", {
    filter: (node) =>
      node.nodeName === "A" &&
      !(node as Element).hasAttribute("data-anchor") &&
      (node.textContent ?? "").trim() === "" &&
      !(node as Element).querySelector("img"),
    replacement: () => "",
  });

  // GFM tables; the first row is the header, as Markdown requires one.
  const cellText = (content: string) =>
    content
      .replace(/^\n+|\n+$/g, "")
      .replace(/\\\n/g, "<br>")
      .replace(/\n{2,}/g, "<br><br>")
      .replace(/\n/g, " ")
      .replace(/\|/g, "\\|")
      .trim();
  service.addRule("tableCell", {
    filter: ["th", "td"],
    replacement: (content) => ` ${cellText(content)} |`,
  });
  service.addRule("tableRow", {
    filter: "tr",
    replacement: (content) => `\n|${content}`,
  });
  service.addRule("tableSection", {
    filter: ["thead", "tbody", "tfoot"],
    replacement: (content) => content,
  });
  service.addRule("tableCaption", {
    filter: "caption",
    replacement: () => "",
  });
  service.addRule("table", {
    filter: "table",
    replacement: (content, node) => {
      const rows = content.split("\n").filter((line) => line.startsWith("|"));
      if (rows.length === 0) return "";
      const widths = all(node as Element, "tr").map((tr) => tr.querySelectorAll("th, td").length);
      const columns = Math.max(1, ...widths);
      const padded = rows.map((row, i) => row + " |".repeat(Math.max(0, columns - (widths[i] ?? columns))));
      const separator = `|${" --- |".repeat(columns)}`;
      const caption = (node as Element).querySelector("caption")?.textContent?.trim();
      return `\n\n${caption ? `${service.escape(caption)}\n\n` : ""}${padded[0]}\n${separator}\n${padded.slice(1).join("\n")}\n\n`;
    },
  });

  return service;
}

let turndown: TurndownService | undefined;

/** Converts an HTML fragment (already in paragraphs) to Markdown. */
export function htmlToMarkdown(html: string, context: MarkdownContext): string {
  turndown ??= createTurndown();
  const root = parseHtml(html);
  prepare(root, context);
  const markdown = turndown.turndown(root);
  return tidy(context.kept.restore(markdown));
}

/** Trailing spaces removed (except in code) and runs of blank lines reduced to one. */
export function tidy(markdown: string): string {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const marker = /^[\s>]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker))) {
      fence = fence ? undefined : marker;
      lines.push(line.trimEnd());
      continue;
    }
    if (fence) {
      lines.push(line);
      continue;
    }
    const clean = line.trimEnd();
    if (clean === "" && lines.length > 0 && lines[lines.length - 1] === "") continue;
    lines.push(clean);
  }
  return lines.join("\n").trim();
}
