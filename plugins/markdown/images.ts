/**
 * Images kept beside the post: `![Légende](./schema.png)` in
 * `content/posts/mon-billet/index.md`. A JPEG or PNG becomes a <picture>
 * made by the image pipeline (plugins/images: AVIF, WebP, several widths,
 * published under `/img/`); any other file (SVG, GIF…) is published next to
 * the page, at `/billets/mon-billet/schema.svg`, whatever the post's URL
 * pattern. Remote images are left as they are.
 *
 * This is done while rendering Markdown (where the source file is known),
 * not by re-parsing every built HTML page afterwards, which would cost a
 * full HTML parse per page.
 *
 * The first image of a page, when it comes within its first few blocks, is
 * loaded at once (it is likely on the first screen); every other one is
 * loaded lazily, as the reader gets near it.
 */
import type { BuildBasics, Hooks } from "../build/lifecycle.ts";
import { copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { CONTENT_SIZES, CONTENT_WIDTHS, pictureHtml, type ImagePipeline } from "../images/index.ts";

/** An image within this many top-level blocks of a page's start is likely on its first screen. */
export const PRIORITY_BLOCKS = 3;

export interface LocalImages {
  /** Output-relative file → source file, for the images of the current build. */
  readonly copies: Map<string, string>;
  register(lifecycle: Hooks<BuildBasics>): void;
}

/** A reference to a file of the site itself, written relative to the Markdown file. */
export function isRelativeReference(src: string): boolean {
  return src !== "" && !/^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(src);
}

/**
 * Where a relative image of a page is published: beside the page, keeping
 * sub-folders (`img/a.png` → `<page>/img/a.png`); a file reached through
 * `../` is published under its own name.
 */
export function publishedImagePath(pageUrl: string, src: string): string {
  const clean = decodeURI(src.split(/[?#]/)[0]!);
  const normal = path.posix.normalize(clean);
  const inside = normal.startsWith("../") ? path.posix.basename(normal) : normal.replace(/^\.\//, "");
  const base = pageUrl.endsWith("/") ? pageUrl : path.posix.dirname(pageUrl) + "/";
  return base + inside;
}

/**
 * Marks the first image of a document when it comes within its first
 * `PRIORITY_BLOCKS` top-level blocks (`meta.priority`).
 */
export function markPriorityImage(tokens: Token[]): void {
  let blocks = 0;
  for (const token of tokens) {
    if (token.level === 0 && token.nesting !== -1) blocks++;
    if (blocks > PRIORITY_BLOCKS) return;
    const image = token.type === "inline" ? token.children?.find((child) => child.type === "image") : undefined;
    if (image) {
      image.meta = { ...(image.meta as object | null), priority: true };
      return;
    }
  }
}

export function localImages(md: MarkdownIt, pipeline?: ImagePipeline): LocalImages {
  const copies = new Map<string, string>();
  const defaultImage = md.renderer.rules.image!;

  md.core.ruler.push("billet_image_priority", (state) => markPriorityImage(state.tokens));

  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = String(token.attrGet("src") ?? "");
    const priority = Boolean((token.meta as { priority?: boolean } | null)?.priority);
    const page = (env as { page?: { inputPath?: string; url?: string | false } } | undefined)?.page;
    const relative = Boolean(page?.inputPath && typeof page.url === "string" && isRelativeReference(src));
    const source = relative ? path.join(path.dirname(page!.inputPath!), decodeURI(src.split(/[?#]/)[0]!)) : undefined;
    // Beside the post, or a site-wide image (`/images/…`, in content/images/).
    const picture = source ? pipeline?.picture(source) : pipeline?.sitePicture(src, CONTENT_WIDTHS);
    if (picture) {
      const title = token.attrGet("title");
      return pictureHtml(picture, {
        alt: self.renderInlineAsText(token.children ?? [], options, env),
        title: title == null ? undefined : String(title),
        sizes: CONTENT_SIZES,
        priority,
      });
    }
    if (source && typeof page?.url === "string") {
      const published = publishedImagePath(page.url, src);
      copies.set(published, source);
      token.attrSet("src", encodeURI(published));
    }
    if (!token.attrGet("loading")) token.attrSet("loading", priority ? "eager" : "lazy");
    token.attrSet("decoding", "async");
    return defaultImage(tokens, idx, options, env, self);
  };

  return {
    copies,
    register(lifecycle) {
      lifecycle.on("begin", () => copies.clear());
      lifecycle.on("done", async ({ outputDir }) => {
        await Promise.all(
          [...copies].map(async ([published, source]) => {
            const target = path.join(outputDir, published);
            const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
            if (to && to.size === from.size && to.mtimeMs >= from.mtimeMs) return;
            await mkdir(path.dirname(target), { recursive: true });
            await copyFile(source, target);
          }),
        );
      });
    },
  };
}

export interface ImageReference {
  alt: string | undefined;
  src: string;
  /** 1-based line in the Markdown body. */
  line: number;
}

/**
 * Images a Markdown body refers to, found before rendering so that a missing
 * file or a missing description is reported with the other content
 * problems. Fenced code is skipped: an image shown as code is not an image.
 */
export function findImageReferences(markdown: string): ImageReference[] {
  const found: ImageReference[] = [];
  // Most bodies hold no image at all: no need to go through them line by line.
  if (!markdown.includes("![") && !/<img\b/i.test(markdown)) return found;
  let fence: string | undefined;
  markdown.split("\n").forEach((text, i) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (fence) return;
    const visible = text.replace(/`[^`]*`/g, "");
    for (const m of visible.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      found.push({ alt: m[1]!.trim() || undefined, src: m[2]!, line: i + 1 });
    }
    for (const m of visible.matchAll(/<img\b[^>]*>/gi)) {
      const src = /\ssrc\s*=\s*["']([^"']+)["']/i.exec(m[0])?.[1];
      const alt = /\salt\s*=\s*["']([^"']*)["']/i.exec(m[0]);
      if (src) found.push({ alt: alt ? alt[1]!.trim() || "" : undefined, src, line: i + 1 });
    }
  });
  return found;
}
