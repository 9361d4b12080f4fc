/**
 * Sharing: the share block under each post (./ShareBlock.tsx, with its
 * script ./share.ts), what pages tell social networks and search engines
 * (./SocialHead.tsx: Open Graph, Twitter/X, `fediverse:creator`, JSON-LD),
 * and the social cards drawn for each post (./cards.ts).
 *
 * Cards are planned as soon as the content is loaded and checked (the
 * build's `ready` moment), drawn in worker threads when they are not in the
 * cache, and put into the site while Eleventy works; the build waits for
 * them when it is `done`. A preview draws none.
 */
import { copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Assets } from "../assets/index.ts";
import type { Blog } from "../content/blog.ts";
import type { BuildLifecycle } from "../content/index.ts";
import { publishedImagePath } from "../markdown/images.ts";
import { messages, type I18n } from "../i18n/index.ts";
import type { BuildLog } from "../log/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { CARDS_DIR, CardMaker, ownImageSource, plannedPostCard, plannedSiteCard, type CardReport } from "./cards.ts";
import { ICONS_ASSET, iconSprite } from "./icons.tsx";

import { SHARE_SCRIPT, shareScriptText } from "./ShareBlock.tsx";

export { ShareBlock, SHARE_SCRIPT } from "./ShareBlock.tsx";
export { SocialHead } from "./SocialHead.tsx";

export interface SocialPluginOptions {
  site: ResolvedSiteConfig;
  i18n: I18n;
  blog: Blog;
  assets: Assets;
  /** Where drawn cards are kept between builds (`.cache/social-cards`). */
  cacheDir: string;
  lifecycle: BuildLifecycle;
  log: BuildLog;
}

export function addSocial({ site, i18n, blog, assets, cacheDir, lifecycle, log }: SocialPluginOptions): void {
  const script = fileURLToPath(new URL("./share.ts", import.meta.url));
  assets.add(SHARE_SCRIPT, { source: script, define: { __SHARE_TEXT__: JSON.stringify(shareScriptText(i18n)) } });
  assets.add(ICONS_ASSET, { contents: iconSprite() });

  const maker = new CardMaker(cacheDir);
  let drawing: Promise<CardReport | undefined> | undefined;

  lifecycle.on("checks", () => ({ addresses: [{ url: `/${CARDS_DIR}/`, owner: "socialCards", folder: true }] }));
  /**
   * Draws the cards not in the cache yet and puts them all in the site, as
   * soon as the posts are known: while Eleventy renders on one processor,
   * the drawing and the file work run on the other.
   */
  lifecycle.on("ready", ({ outputDir, preview }) => {
    // A preview draws none: nothing is shared from it, and drawing is most of a first start's work.
    if (preview) {
      drawing = publishOwnImages(blog, outputDir).then(() => undefined);
      return;
    }
    const cards = [
      plannedSiteCard(site),
      ...blog.posts.filter((post) => !post.image).map((post) => plannedPostCard(post, site)),
    ];
    drawing = maker.make(cards).then(async (report) => {
      await Promise.all([maker.publish(cards, outputDir), publishOwnImages(blog, outputDir)]);
      return report;
    });
    // Awaited when the build is done; until then a failure must not go unhandled.
    drawing.catch(() => undefined);
  });
  lifecycle.on("done", async () => {
    const report = await drawing;
    if (report && report.drawn > 0) {
      const m = messages(site.language);
      const t = m.t.build;
      log.info(
        m.format(t.cards, {
          drawn: m.plural(t.cardsDrawn, report.drawn),
          reused: m.plural(t.cardsReused, report.reused),
          seconds: new Intl.NumberFormat(i18n.t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
            report.seconds,
          ),
        }),
      );
    }
  });
}

/** Posts' own `image:` files beside them, by the address each is published at next to its page. */
export function ownImages(blog: Blog): Map<string, string> {
  const images = new Map<string, string>();
  for (const post of blog.posts) {
    const source = ownImageSource(post);
    if (source) images.set(decodeURI(publishedImagePath(post.url, post.image!)), source);
  }
  return images;
}

/** A post's own `image:` beside it is published next to the page, like the images of its text. */
async function publishOwnImages(blog: Blog, outputDir: string): Promise<void> {
  await Promise.all(
    [...ownImages(blog)].map(async ([url, source]) => {
      const target = path.join(outputDir, url);
      const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
      if (to && to.size === from.size && to.mtimeMs >= from.mtimeMs) return;
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(source, target);
    }),
  );
}
