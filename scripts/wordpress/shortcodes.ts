/**
 * WordPress shortcodes (`[caption]…[/caption]`, `[gallery ids="1,2"]`,
 * `[embed]https://…[/embed]`) turned into HTML the Markdown conversion
 * understands, or kept visibly.
 *
 * - `[caption]` becomes a figure with its caption;
 * - `[gallery]` becomes its images, found among the export's attachments;
 * - `[embed]`, `[youtube]`, `[vimeo]`, `[audio]`, `[video]` become a link to
 *   what they showed (a static site with a strict Content-Security-Policy
 *   does not load players from other sites);
 * - `[code]`, `[sourcecode]` and SyntaxHighlighter's language shortcodes
 *   (`[php]…[/php]`) become code blocks with their language;
 * - anything else is kept exactly as written, in a block marked `wordpress`,
 *   and reported.
 *
 * Brackets in prose (`[sic]`, `[1]`) are not shortcodes: WordPress showed
 * them as text, and so does the import. `[[gallery]]` is WordPress's way of
 * writing a shortcode as text: it becomes `[gallery]`.
 */
import { escapeAttribute, escapeText } from "./text.ts";
import type { Kept } from "./kept.ts";

export interface Attachment {
  id: number;
  url: string;
  /** Alternative text (`_wp_attachment_image_alt`). */
  alt: string;
  /** The attachment's excerpt, shown under it in galleries. */
  caption: string;
  title: string;
  /** The post it was uploaded to. */
  parent: number;
}

export interface ShortcodeContext {
  kept: Kept;
  attachment: (id: number) => Attachment | undefined;
  /** Images uploaded to the post being converted, in upload order. */
  attachedImages: () => Attachment[];
  /** A shortcode kept as it was. */
  onKept: (name: string) => void;
  /** An embed or media shortcode turned into a link. */
  onEmbed: (url: string) => void;
}

/** Shortcodes of SyntaxHighlighter Evolved and Jetpack that hold code, and the language each means. */
const CODE_SHORTCODES: Record<string, string> = {
  code: "",
  sourcecode: "",
  source: "",
  as3: "actionscript",
  actionscript3: "actionscript",
  bash: "bash",
  shell: "bash",
  c: "c",
  cpp: "cpp",
  "c-sharp": "csharp",
  csharp: "csharp",
  css: "css",
  diff: "diff",
  patch: "diff",
  erlang: "erlang",
  go: "go",
  golang: "go",
  groovy: "groovy",
  html: "html",
  java: "java",
  javascript: "javascript",
  js: "javascript",
  jscript: "javascript",
  json: "json",
  latex: "latex",
  objc: "objectivec",
  perl: "perl",
  pl: "perl",
  php: "php",
  plain: "",
  text: "",
  powershell: "powershell",
  ps: "powershell",
  py: "python",
  python: "python",
  r: "r",
  ruby: "ruby",
  rails: "ruby",
  scala: "scala",
  sql: "sql",
  swift: "swift",
  vb: "vbnet",
  vbnet: "vbnet",
  xml: "xml",
  xhtml: "html",
  xslt: "xslt",
  yaml: "yaml",
};

/** Names known to be shortcodes even when written bare (`[gallery]`). */
const KNOWN = new Set([
  "caption",
  "wp_caption",
  "gallery",
  "playlist",
  "embed",
  "audio",
  "video",
  "youtube",
  "vimeo",
  "dailymotion",
  "soundcloud",
  "spotify",
  "twitter",
  "tweet",
  "instagram",
  "googlemaps",
  "slideshare",
  "contact-form",
  "contact-form-7",
  "wpforms",
  "gravityform",
  "ninja_form",
  "archives",
  "sitemap",
  "recent-posts",
  "related-posts",
  "toc",
]);

const KNOWN_PREFIXES = /^(?:su_|et_pb_|vc_|fusion_|av_|wc_|woocommerce_|jetpack_)/;

const VIDEO_SITES: Record<string, (id: string) => string> = {
  youtube: (id) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`,
  vimeo: (id) => `https://vimeo.com/${encodeURIComponent(id)}`,
  dailymotion: (id) => `https://www.dailymotion.com/video/${encodeURIComponent(id)}`,
};

const MEDIA_SOURCES = ["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "m4a", "ogg", "wav", "wma", "flac"];

export interface ShortcodeAttributes {
  named: Record<string, string>;
  positional: string[];
}

/** WordPress's attribute syntax: `a="1" b='2' c=3 "positional" bare`. */
export function parseAttributes(text: string): ShortcodeAttributes {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  let rest = text.replace(/[\u00a0\u200b]/g, " ");
  // Jetpack's `[youtube=https://…]`.
  if (rest.startsWith("=")) {
    positional.push(rest.slice(1).trim());
    return { named, positional };
  }
  const pattern =
    /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;
  rest = rest.trim();
  for (const m of rest.matchAll(pattern)) {
    if (m[1] !== undefined) named[m[1].toLowerCase()] = m[2]!;
    else if (m[3] !== undefined) named[m[3].toLowerCase()] = m[4]!;
    else if (m[5] !== undefined) named[m[5].toLowerCase()] = m[6]!;
    else if (m[7] !== undefined) positional.push(m[7]);
    else if (m[8] !== undefined) positional.push(m[8]);
    else if (m[9] !== undefined) positional.push(m[9]);
  }
  return { named, positional };
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
};

/** Decodes the character references found in code typed in WordPress's editor. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    // Own keys only: `&constructor;` is not an entity.
    return Object.hasOwn(ENTITIES, name.toLowerCase()) ? ENTITIES[name.toLowerCase()]! : whole;
  });
}

/** Code typed in the classic editor carries the paragraphs and breaks the editor added. */
function codeText(content: string): string {
  return decodeEntities(
    content
      .replace(/^\s*<\/p>\s*/i, "")
      .replace(/\s*<p>\s*$/i, "")
      .replace(/<br\s*\/?>\n?/gi, "\n")
      .replace(/<\/p>\s*<p>/gi, "\n\n"),
  ).replace(/^\n+|\s+$/g, "");
}

function embedLink(url: string): string {
  const href = url.trim();
  return `\n\n<p><a href="${escapeAttribute(href)}">${escapeText(href)}</a></p>\n\n`;
}

function imageHtml(attachment: Attachment): string {
  const img = `<img src="${escapeAttribute(attachment.url)}" alt="${escapeAttribute(attachment.alt || attachment.title)}">`;
  return attachment.caption
    ? `<figure>${img}<figcaption>${escapeText(attachment.caption)}</figcaption></figure>`
    : `<p>${img}</p>`;
}

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:[?#].*)?$/i;

/** Regions where brackets are code, not shortcodes. */
const PROTECTED = /<(pre|code)\b[\s\S]*?<\/\1>/gi;

const SHORTCODE = /\[(\[?)([A-Za-z0-9_-]+)(?![\w-])([^\][]*?)(\/)?\](?:([\s\S]*?)\[\/\2\])?(\]?)/g;

/** Replaces the shortcodes of `html`. */
export function expandShortcodes(html: string, context: ShortcodeContext, depth = 0): string {
  if (!html.includes("[")) return html;
  let result = "";
  let last = 0;
  for (const region of html.matchAll(PROTECTED)) {
    result += expandOutside(html.slice(last, region.index), context, depth) + region[0];
    last = region.index + region[0].length;
  }
  return result + expandOutside(html.slice(last), context, depth);
}

function expandOutside(html: string, context: ShortcodeContext, depth: number): string {
  if (!html.includes("[")) return html;
  return html.replace(
    SHORTCODE,
    (
      whole: string,
      open: string,
      rawName: string,
      attrText: string,
      selfClosing: string | undefined,
      content: string | undefined,
      close: string,
    ) => {
      const name = rawName.toLowerCase();
      const enclosing = content !== undefined;
      const looksLikeShortcode =
        KNOWN.has(name) ||
        KNOWN_PREFIXES.test(name) ||
        (Object.hasOwn(CODE_SHORTCODES, name) && enclosing) ||
        enclosing ||
        /=/.test(attrText) ||
        selfClosing !== undefined;
      if (/^\d+$/.test(name) || !looksLikeShortcode) {
        // Not a shortcode: prose in brackets. Its inside may still hold shortcodes.
        return `[${open}${rawName}${attrText}${selfClosing ?? ""}]${enclosing ? `${expandOutside(content, context, depth)}[/${rawName}]` : ""}${close}`;
      }
      // `[[gallery]]`: a shortcode written as text.
      if (open === "[" && close === "]") return whole.slice(1, -1);
      const attrs = parseAttributes(attrText);
      const replaced = expandOne(
        name,
        attrs,
        content,
        whole.slice(open.length, whole.length - close.length),
        context,
        depth,
      );
      return `${open}${replaced}${close}`;
    },
  );
}

function expandOne(
  name: string,
  attrs: ShortcodeAttributes,
  content: string | undefined,
  source: string,
  context: ShortcodeContext,
  depth: number,
): string {
  const { named, positional } = attrs;
  const keep = () => {
    context.onKept(name);
    return context.kept.unconverted(source);
  };

  if (name === "caption" || name === "wp_caption") {
    let inner = content ?? "";
    let caption = named.caption ?? "";
    const parts = /^\s*((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    if (parts) {
      inner = parts[1]!;
      if (!caption) caption = parts[2]!.trim();
    }
    if (!/<img\b/i.test(inner)) return keep();
    const captionHtml = depth < 3 ? expandShortcodes(caption, context, depth + 1) : caption;
    return `\n\n<figure>${inner}${captionHtml.trim() ? `<figcaption>${captionHtml.trim()}</figcaption>` : ""}</figure>\n\n`;
  }

  if (name === "gallery") {
    const ids = (named.ids ?? named.include ?? "")
      .split(",")
      .map((id) => Number(id.trim()))
      .filter((id) => Number.isInteger(id) && id > 0);
    const excluded = new Set((named.exclude ?? "").split(",").map((id) => Number(id.trim())));
    const images = (ids.length > 0 ? ids.map((id) => context.attachment(id)) : context.attachedImages()).filter(
      (a): a is Attachment => a !== undefined && IMAGE_FILE.test(a.url) && !excluded.has(a.id),
    );
    if (images.length === 0) return keep();
    return `\n\n${images.map(imageHtml).join("\n\n")}\n\n`;
  }

  if (name === "embed") {
    const url = (content ?? positional[0] ?? named.src ?? "").trim();
    if (!/^https?:\/\//i.test(url)) return keep();
    context.onEmbed(url);
    return embedLink(url);
  }

  if (name in VIDEO_SITES) {
    const value = (positional[0] ?? named.id ?? named.url ?? content ?? "").trim();
    if (!value) return keep();
    const url = /^https?:\/\//i.test(value)
      ? value.replace(/&(?:amp;)?(?:w|h|rel|fs|hd|autohide|showinfo)=[^&]*/g, "")
      : VIDEO_SITES[name]!(value);
    context.onEmbed(url);
    return embedLink(url);
  }

  if (name === "audio" || name === "video") {
    const url = MEDIA_SOURCES.map((key) => named[key]).find((value) => value && /^(?:https?:)?\/\//i.test(value));
    if (!url) return keep();
    context.onEmbed(url);
    return embedLink(url);
  }

  if (Object.hasOwn(CODE_SHORTCODES, name) && content !== undefined) {
    const language = (named.language ?? named.lang ?? CODE_SHORTCODES[name] ?? "")
      .toLowerCase()
      .replace(/[^\w+#.-]/g, "");
    return `\n\n${context.kept.code(codeText(content), language)}\n\n`;
  }

  return keep();
}
