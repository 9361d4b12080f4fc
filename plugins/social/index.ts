/**
 * Sharing: the share block under each post (./ShareBlock.tsx, with its
 * script ./share.ts), what pages tell social networks and search engines
 * (./SocialHead.tsx: Open Graph, Twitter/X, `fediverse:creator`, JSON-LD),
 * and the social cards drawn for each post (./cards.ts).
 *
 * Cards are planned as soon as the content is loaded and checked
 * (`CONTENT_READY`), drawn in worker threads when they are not in the cache,
 * and put into the site while Eleventy works; the build waits for them at
 * its end.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import { copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Assets } from "../assets/index.ts";
import type { Blog } from "../content/blog.ts";
import { CONTENT_READY } from "../content/index.ts";
import { publishedImagePath } from "../markdown/images.ts";
import type { I18n } from "../i18n/index.ts";
import { buildLog } from "../log/index.ts";
import type { ResolvedSiteConfig } from "../site/config.ts";
import { CardMaker, ownImageSource, plannedPostCard, plannedSiteCard, type CardReport } from "./cards.ts";
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
}

export default function socialPlugin(
  eleventyConfig: EleventyConfig,
  { site, i18n, blog, assets, cacheDir }: SocialPluginOptions,
): void {
  const script = fileURLToPath(new URL("./share.ts", import.meta.url));
  assets.add(SHARE_SCRIPT, { source: script, define: { __SHARE_TEXT__: JSON.stringify(shareScriptText(i18n)) } });
  assets.add(ICONS_ASSET, { contents: iconSprite() });
  eleventyConfig.addWatchTarget(script);
  const log = buildLog(eleventyConfig);

  let maker: CardMaker | undefined;
  let outputDir = "";
  let drawing: Promise<CardReport> | undefined;

  /**
   * Draws the cards not in the cache yet and puts them all in the site, as
   * soon as the posts are known: while Eleventy renders on one processor,
   * the drawing and the file work run on the other. The build waits for it
   * at its end.
   */
  const plan = () => {
    const cards = [
      plannedSiteCard(site),
      ...blog.posts.filter((post) => !post.image).map((post) => plannedPostCard(post, site)),
    ];
    const output = outputDir;
    drawing = maker!.make(cards).then(async (report) => {
      await Promise.all([maker!.publish(cards, output), publishOwnImages(blog, output)]);
      return report;
    });
    // Awaited at the end of the build; until then a failure must not go unhandled.
    drawing.catch(() => undefined);
  };

  eleventyConfig.on("eleventy.before", ({ directories }) => {
    maker ??= new CardMaker(cacheDir);
    outputDir = directories.output;
    drawing = undefined;
  });
  eleventyConfig.on(CONTENT_READY, () => plan());
  eleventyConfig.on("eleventy.after", async () => {
    if (!drawing) plan();
    const report = await drawing!;
    if (report.drawn > 0) {
      log.info(`Social cards: ${report.drawn} drawn, ${report.reused} from the cache (${report.seconds.toFixed(1)} s)`);
    }
  });
}

/** A post's own `image:` beside it is published next to the page, like the images of its text. */
async function publishOwnImages(blog: Blog, outputDir: string): Promise<void> {
  await Promise.all(
    blog.posts.map(async (post) => {
      const source = ownImageSource(post);
      if (!source) return;
      const target = path.join(outputDir, decodeURI(publishedImagePath(post.url, post.image!)));
      const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
      if (to && to.size === from.size && to.mtimeMs >= from.mtimeMs) return;
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(source, target);
    }),
  );
}
