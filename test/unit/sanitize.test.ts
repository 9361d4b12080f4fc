/**
 * The comment sanitizer against hostile bodies: whatever comes in, what
 * goes out has only allowed elements and attributes, no script, no event
 * handler, no style, no dangerous URL, and images only from this site's
 * own copies (`/img/…`).
 */
import { readFile } from "node:fs/promises";
import { NodeType, parse } from "node-html-parser";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { isLocalImage, sanitizeComment, type LocalImages } from "../../plugins/comments/sanitize.ts";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.ts";
import { ROOT } from "../helpers/project.ts";

const ALLOWED = new Set(
  "p br hr blockquote pre code em strong b i u s del ins sub sup kbd mark small abbr ul ol li dl dt dd a img table thead tbody tfoot tr th td caption details summary".split(
    " ",
  ),
);
const ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "title", "rel"],
  img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
  ol: ["start", "reversed"],
  th: ["colspan", "rowspan", "scope"],
  td: ["colspan", "rowspan"],
  abbr: ["title"],
  p: ["class"],
};

/** Every reason the sanitized HTML would not be inert. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const root = parse(html, { comment: true });
  if (root.childNodes.some((n) => n.nodeType === NodeType.COMMENT_NODE) || /<!--/.test(html))
    found.push("an HTML comment");
  for (const element of root.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    if (!ALLOWED.has(tag)) found.push(`<${tag}>`);
    for (const [name, value] of Object.entries(element.attributes)) {
      const attribute = name.toLowerCase();
      if (!(ATTRIBUTES[tag] ?? []).includes(attribute)) found.push(`${tag}[${attribute}]`);
      if (/^on/.test(attribute) || attribute === "style") found.push(`${tag}[${attribute}]`);

      if (/(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, "")))
        found.push(`${tag}[${attribute}]=${value}`);
    }
    if (tag === "a") {
      const href = element.getAttribute("href");
      if (href !== undefined && !/^(https?:\/\/[^/]|mailto:|\/(?!\/))/i.test(href)) found.push(`a[href=${href}]`);
      if (href !== undefined && element.getAttribute("rel") !== "nofollow ugc noopener")
        found.push(`a[rel=${element.getAttribute("rel")}]`);
      if (href === undefined && element.getAttribute("rel") !== undefined) found.push("a[rel] without href");
    }
    if (tag === "img" && !isLocalImage(element.getAttribute("src") ?? ""))
      found.push(`img[src=${element.getAttribute("src")}]`);
    if (tag === "p" && element.getAttribute("class") && element.getAttribute("class") !== "comment-heading")
      found.push(`p[class=${element.getAttribute("class")}]`);
  }
  return found;
}

/** Pretends every image was downloaded and published at /img/. */
const EVERY_IMAGE: LocalImages = (src) => ({
  src: `/img/${src.length}.png`,
  srcset: `/img/${src.length}-320.png 320w, /img/${src.length}.png 640w`,
  sizes: "36rem",
  width: 640,
  height: 480,
});

describe("the comment sanitizer", () => {
  it("has a corpus of at least 30 hostile bodies", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(XSS_PAYLOADS)("makes %s inert", (payload) => {
    // Every image "downloaded", as the snapshot would: what stays must still be inert.
    const clean = sanitizeComment(payload, { images: EVERY_IMAGE });
    expect(dangers(clean)).toEqual([]);
    expect(clean).not.toMatch(
      /<\s*(script|style|iframe|object|embed|svg|math|form|input|meta|base|link|template|textarea)/i,
    );
    expect(clean).not.toMatch(/alert\(1\)"?\s*>/); // no handler or URL left holding the call
  });

  it("checks itself: the corpus is dangerous before sanitizing", () => {
    const unsafe = XSS_PAYLOADS.filter((payload) => dangers(payload).length > 0);
    expect(unsafe.length).toBeGreaterThanOrEqual(XSS_PAYLOADS.length - 3);
  });

  it("keeps what a comment is made of, and marks links as user content", () => {
    expect(
      sanitizeComment(
        '<p>Un <strong>texte</strong>, du <code>code</code> et <a href="https://exemple.fr/page?a=1&amp;b=2" target="_blank">un lien</a>.</p>' +
          "<blockquote><p>Une citation</p></blockquote><ul><li>un</li><li>deux</li></ul>" +
          '<pre><code class="language-js">let a = 1 &lt; 2;</code></pre>' +
          '<p><img src="https://camo.githubusercontent.com/abc/def" alt="schéma" width="300"></p>',
        { images: (src) => (src === "https://camo.githubusercontent.com/abc/def" ? EVERY_IMAGE(src) : undefined) },
      ),
    ).toBe(
      '<p>Un <strong>texte</strong>, du <code>code</code> et <a href="https://exemple.fr/page?a=1&amp;b=2" rel="nofollow ugc noopener">un lien</a>.</p>' +
        "<blockquote><p>Une citation</p></blockquote><ul><li>un</li><li>deux</li></ul>" +
        "<pre><code>let a = 1 &lt; 2;</code></pre>" +
        '<p><img src="/img/42.png" srcset="/img/42-320.png 320w, /img/42.png 640w" sizes="36rem" alt="schéma" width="640" height="480" loading="lazy" decoding="async"></p>',
    );
  });

  it("offers images that were not downloaded as links rather than loading them", () => {
    expect(sanitizeComment('<img src="https://avatars.githubusercontent.com/u/1" alt="chat">')).toBe(
      '<a href="https://avatars.githubusercontent.com/u/1" rel="nofollow ugc noopener">[chat]</a>',
    );
    expect(sanitizeComment('<img src="http://example.org/chat.png" alt="chat">', { images: () => undefined })).toBe(
      '<a href="http://example.org/chat.png" rel="nofollow ugc noopener">[chat]</a>',
    );
  });

  it("lets netlify.toml's Content-Security-Policy allow images from this site only", async () => {
    const toml = parseToml(await readFile(`${ROOT}netlify.toml`, "utf8")) as {
      headers: Array<{ for: string; values: Record<string, string> }>;
    };
    const csp = toml.headers.find((rule) => rule.for === "/*")!.values["Content-Security-Policy"]!;
    const imgSrc = /img-src ([^;]+)/.exec(csp)![1]!.trim().split(/\s+/);
    expect(imgSrc).toEqual(["'self'", "data:"]);
  });
});
