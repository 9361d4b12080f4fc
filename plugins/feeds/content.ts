/**
 * A post's full text for feeds: its Markdown rendered by the site's own
 * markdown-it (same typography, heading ids and images as the page), with
 * every link and image made absolute, since a feed reader shows it far from
 * the site.
 *
 * Only posts that go into a feed are rendered here (a few dozen), once per
 * build each.
 */
import type MarkdownIt from "markdown-it";
import type { PostEntry } from "../content/model.ts";
import type { SourceStore } from "../content/sources.ts";

const ATTRIBUTE = /(\s(?:href|src|poster|cite)\s*=\s*)(["'])(.*?)\2/gi;
const SRCSET = /(\ssrcset\s*=\s*)(["'])(.*?)\2/gi;

const HTML_ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">" };
const decode = (value: string) => value.replace(/&(?:amp|quot|#39|lt|gt);/g, (entity) => HTML_ENTITIES[entity]!);
const encode = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

function resolve(value: string, base: string): string {
  const url = decode(value.trim());
  if (url === "") return value;
  try {
    return encode(new URL(url, base).href);
  } catch {
    return value;
  }
}

/**
 * Rewrites `href`, `src` (and `srcset`, `poster`, `cite`) attributes of
 * HTML produced by markdown-it against `base`, the post's absolute URL:
 * `/billets/a/` → `https://site/billets/a/`, `#titre` →
 * `https://site/billets/post/#titre`, `schema.png` beside the post →
 * its published address. Absolute URLs and `mailto:` stay as they are.
 */
export function absolutizeUrls(html: string, base: string): string {
  // Only inside tags: markdown-it escapes `<` in text, so text never looks like one.
  return html.replace(TAG, (tag) => absolutizeTag(tag, base));
}

const TAG = /<[a-z][a-z0-9-]*\s[^>]*>/gi;

function absolutizeTag(tag: string, base: string): string {
  return tag
    .replace(ATTRIBUTE, (_whole, name: string, quote: string, value: string) => {
      return `${name}"${resolve(value, base)}"`;
    })
    .replace(SRCSET, (_whole, name: string, _quote: string, value: string) => {
      const candidates = decode(value)
        .split(",")
        .map((candidate) => {
          const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
          return [decode(resolve(url, base)), ...descriptor].join(" ");
        });
      return `${name}"${encode(candidates.join(", "))}"`;
    });
}

export class FeedContent {
  #md: MarkdownIt;
  #siteUrl: string;
  #sources: SourceStore;

  /** `sources`: the build's source store, whose bytes the posts' pages are made from too. */
  constructor(md: MarkdownIt, siteUrl: string, sources: SourceStore) {
    this.#md = md;
    this.#siteUrl = siteUrl;
    this.#sources = sources;
  }

  /** A post's body as a feed gives it: its HTML, every address absolute. */
  html(post: PostEntry): string {
    const body = this.#sources.body(post.inputPath);
    // The same environment Eleventy gives markdown-it, so images beside the
    // post get their published addresses.
    const html = this.#md.render(body, { page: { inputPath: post.inputPath, url: post.url } });
    return absolutizeUrls(html, new URL(post.url, this.#siteUrl + "/").href);
  }
}
