/**
 * Images kept beside the post: `![Légende](./schema.png)` in
 * `content/posts/mon-billet/index.md` is published next to the page, at
 * `/billets/mon-billet/schema.png`, whatever the post's URL pattern.
 *
 * This is done while rendering Markdown (where the source file is known),
 * not by re-parsing every built HTML page afterwards, which would cost a
 * full HTML parse per page.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import { copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";

export interface LocalImages {
  /** Output-relative file → source file, for the images of the current build. */
  readonly copies: Map<string, string>;
  register(eleventyConfig: EleventyConfig): void;
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

export function localImages(md: MarkdownIt): LocalImages {
  const copies = new Map<string, string>();
  const defaultImage = md.renderer.rules.image!;

  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = String(token.attrGet("src") ?? "");
    const page = env?.page as { inputPath?: string; url?: string | false } | undefined;
    if (page?.inputPath && typeof page.url === "string" && isRelativeReference(src)) {
      const published = publishedImagePath(page.url, src);
      const source = path.join(path.dirname(page.inputPath), decodeURI(src.split(/[?#]/)[0]!));
      copies.set(published, source);
      token.attrSet("src", encodeURI(published));
    }
    if (!token.attrGet("loading")) token.attrSet("loading", "lazy");
    token.attrSet("decoding", "async");
    return defaultImage(tokens, idx, options, env, self);
  };

  return {
    copies,
    register(eleventyConfig) {
      eleventyConfig.on("eleventy.before", () => copies.clear());
      eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
        await Promise.all(
          [...copies].map(async ([published, source]) => {
            const target = path.join(directories.output, published);
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
