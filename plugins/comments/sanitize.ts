/**
 * Comment bodies are untrusted: GitHub sanitizes its `bodyHTML`, and an
 * archive's Markdown may hold any HTML, but neither reaches a page without
 * passing through sanitize-html with the allowlist below, whatever their
 * source.
 *
 * - Only text formatting, lists, quotes, code, tables and links survive;
 *   no script, style, form, frame, SVG or MathML, no event handler, no
 *   `style` or `id` attribute (an id could clobber the page's own).
 * - Links keep only http(s), mailto and site paths, and always carry
 *   `rel="nofollow ugc noopener"`.
 * - Images are shown only from this site: the snapshot downloads a
 *   comment's images (media.ts) and the caller says where each one is
 *   published; an image without a local copy becomes a link to it, so that
 *   nothing is loaded from another origin unless the reader clicks.
 * - Headings become bold paragraphs: a comment has no place in the page's
 *   outline.
 */
import { createRequire } from "node:module";
import type sanitizeHtml from "sanitize-html";

/** A comment image's copy on this site, processed by the image pipeline (plugins/images). */
export interface LocalImage {
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
}

/** Where a comment's image is published on this site, if it was downloaded. */
export type LocalImages = (src: string) => LocalImage | undefined;

export const COMMENT_LINK_REL = "nofollow ugc noopener";

/** Tags whose content is dropped along with them (not shown as text). */
const DROPPED_WITH_CONTENT = [
  "script",
  "style",
  "textarea",
  "option",
  "select",
  "noscript",
  "template",
  "title",
  "xmp",
  "iframe",
  "frame",
  "frameset",
  "noembed",
  "noframes",
  "plaintext",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "button",
  "head",
];

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];

/** Removes what browsers ignore inside a URL's scheme (`java\tscript:`, control characters). */
function compact(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
}

/** An address a comment may link to: http(s), mailto, or a path on this site. */
export function isSafeLink(url: string): boolean {
  const value = compact(url);
  return /^(https?:\/\/[^/\\]|mailto:[^/])/i.test(value) || /^\/(?![/\\])/.test(value);
}

/** An image a comment may show: one of this site's processed images (`/img/…`). */
export function isLocalImage(url: string): boolean {
  return /^\/img\/[\w.-]+$/.test(url);
}

function options(images: LocalImages | undefined): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      "p",
      "br",
      "hr",
      "blockquote",
      "pre",
      "code",
      "em",
      "strong",
      "b",
      "i",
      "u",
      "s",
      "del",
      "ins",
      "sub",
      "sup",
      "kbd",
      "mark",
      "small",
      "abbr",
      "ul",
      "ol",
      "li",
      "dl",
      "dt",
      "dd",
      "a",
      "img",
      "table",
      "thead",
      "tbody",
      "tfoot",
      "tr",
      "th",
      "td",
      "caption",
      "details",
      "summary",
    ],
    allowedAttributes: {
      a: ["href", "title", "rel"],
      img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
      ol: ["start", "reversed"],
      th: ["colspan", "rowspan", "scope"],
      td: ["colspan", "rowspan"],
      abbr: ["title"],
      p: ["class"],
    },
    allowedClasses: { p: ["comment-heading"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["https"] },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: DROPPED_WITH_CONTENT,
    parseStyleAttributes: false,
    transformTags: {
      ...Object.fromEntries(
        HEADINGS.map((tag) => [tag, () => ({ tagName: "p", attribs: { class: "comment-heading" } })]),
      ),
      a: (_tag, attribs) => {
        const href = attribs.href ?? "";
        // A link whose address is refused stays as text in a bare <a> (rel needs an href).
        const kept: Record<string, string> = isSafeLink(href) ? { href: compact(href), rel: COMMENT_LINK_REL } : {};
        if (attribs.title) kept.title = attribs.title;
        return { tagName: "a", attribs: kept };
      },
      img: (_tag, attribs) => {
        const src = attribs.src ?? "";
        const alt = (attribs.alt ?? "").trim();
        const local = images && /^https?:\/\//i.test(compact(src)) ? images(compact(src)) : undefined;
        if (local && isLocalImage(local.src)) {
          return {
            tagName: "img",
            attribs: {
              src: local.src,
              srcset: local.srcset,
              sizes: local.sizes,
              alt,
              width: String(local.width),
              height: String(local.height),
              loading: "lazy",
              decoding: "async",
            },
          };
        }
        // Any other image is offered as a link, so the reader decides whether to load it.
        const link: Record<string, string> =
          /^https?:\/\//i.test(compact(src)) && isSafeLink(src) ? { href: compact(src), rel: COMMENT_LINK_REL } : {};
        return { tagName: "a", attribs: link, text: alt ? `[${alt}]` : "[image]" };
      },
    },
  };
}

const WITHOUT_IMAGES = options(undefined);

/**
 * sanitize-html, loaded when the first comment is cleaned: it brings an
 * HTML parser and postcss, some sixty modules that a build without
 * comments (or a blog that has none yet) need not load.
 */
let sanitizer: typeof sanitizeHtml | undefined;
function sanitize(html: string, options: sanitizeHtml.IOptions): string {
  sanitizer ??= createRequire(import.meta.url)("sanitize-html") as typeof sanitizeHtml;
  return sanitizer(html, options);
}

/**
 * Sanitized HTML of a comment body. `images` says where the comment's
 * downloaded images are published; every other image becomes a link.
 */
export function sanitizeComment(html: string, { images }: { images?: LocalImages } = {}): string {
  // sanitize-html closes void elements XHTML-style (`<br />`); text never holds a
  // raw ">" (it is escaped), so " />" only ever ends a tag.
  return sanitize(html, images ? options(images) : WITHOUT_IMAGES)
    .replace(/ \/>/g, ">")
    .trim();
}
