/**
 * Content: validates every post and page before Eleventy renders anything,
 * decides what is published, and gives templates the `blog` (posts, lists).
 *
 * A content problem stops the build before a single file is written, so the
 * previous `_site/` stays as it was.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import { rm } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import type { I18n } from "../i18n/index.ts";
import { buildLog } from "../log/index.ts";
import type { ResolvedSiteConfig } from "../site/config.ts";
import { Blog } from "./blog.ts";
import { parseDate } from "./dates.ts";
import { clearYamlMemo, frontMatterOptions } from "./frontmatter.ts";
import { FactsStore, readingFingerprint } from "./facts-store.ts";
import { ContentError, loadContent, SourceCache, type ReadHelper } from "./load.ts";
import type { ContentEntry } from "./model.ts";

export { Blog } from "./blog.ts";
export type * from "./model.ts";

/**
 * Another plugin's files that live beside the content (archived comments)
 * and must be valid before anything is written: loaded after the posts, at
 * each build; the problems returned stop the build like content problems.
 */
export interface ContentCompanion {
  /** Checks and loads what the companion needs; problems stop the build. */
  load?(context: { inputDir: string; entries: ContentEntry[]; blog: Blog }): Promise<string[]>;
  /** Once every check has passed: work that may begin before Eleventy renders (the search index). */
  ready?(context: { blog: Blog }): void;
}

/**
 * Emitted (through eleventyConfig) once a build's content has passed every
 * check and its output folder is ready to receive files (emptied, for a
 * production build): `{ blog, output }`.
 */
export const CONTENT_READY = "billet.contentReady" as const;

export interface ContentPluginOptions {
  site: ResolvedSiteConfig;
  i18n: I18n;
  blog: Blog;
  renderInline: (markdown: string) => string;
  /** The moment that decides whether a scheduled post is out; default: the start of each build. */
  now?: () => DateTime;
  companions?: ContentCompanion[];
  /** Another thread that takes part in each build's reading (plugins/markdown/prerender.ts). */
  helper?: BuildHelper;
  /** Where what was read from each source is kept for the next build (./facts-store.ts); none if undefined. */
  cacheDir?: string;
}

export interface BuildHelper extends ReadHelper {
  /** A build starts reading the content. */
  begin(): void;
  /** All of it has been read (or the reading failed); the build waits for what this returns, if anything. */
  finish(): Promise<void> | undefined;
}

export default function contentPlugin(eleventyConfig: EleventyConfig, options: ContentPluginOptions): void {
  const { site, i18n, blog, renderInline } = options;
  const cache = new SourceCache(
    options.cacheDir ? new FactsStore(options.cacheDir, readingFingerprint(site.language)) : undefined,
  );

  // Eleventy reads front matter with the same YAML rules as the validation.
  eleventyConfig.setFrontMatterParsingOptions(frontMatterOptions);
  eleventyConfig.addDateParsing((value: unknown) =>
    typeof value === "string" ? (parseDate(value, site.timeZone) ?? undefined) : undefined,
  );

  eleventyConfig.on(
    "eleventy.before",
    async ({ directories, runMode }: { directories: { input: string; output: string }; runMode: string }) => {
      blog.preview = runMode !== "build";
      const helper = options.helper;
      helper?.begin();
      let entries;
      try {
        entries = await loadContent({
          inputDir: directories.input,
          site,
          i18n,
          now: options.now?.() ?? DateTime.now().setZone(site.timeZone),
          renderInline,
          helper,
          cache,
        });
      } finally {
        await helper?.finish();
        // Whatever was read is worth keeping, even from a build that stops on a problem.
        cache
          .save()
          .catch((error: Error) =>
            buildLog(eleventyConfig).warn(`Could not keep what was read for the next build: ${error.message}`),
          );
      }
      blog.update(entries);
      const companions = options.companions ?? [];
      const problems = await Promise.all(
        companions.map((companion) => companion.load?.({ inputDir: directories.input, entries, blog }) ?? []),
      );
      if (problems.flat().length > 0) throw new ContentError(problems.flat());
      for (const companion of companions) companion.ready?.({ blog });
      // A production build starts from an empty folder, so that drafts
      // written there by an earlier `npm start` can never be published.
      // Only now that the content is known to be valid: a failed build
      // leaves the previous site untouched.
      if (!blog.preview) await emptyOutputFolder(directories.output, directories.input);
      // Plugins that put files of their own into the site (cards, the search
      // index) may start now, long before Eleventy writes its first page.
      await eleventyConfig.emit(CONTENT_READY, { blog, output: directories.output });
    },
  );
  eleventyConfig.on("eleventy.after", clearYamlMemo);

  // Drafts and scheduled posts are not built outside preview: no page, and
  // therefore no list entry, feed item or sitemap line.
  eleventyConfig.addPreprocessor("billet-publishing", "md", function (this: { inputPath: string }) {
    if (!blog.entry(this.inputPath)) return false;
    return undefined;
  });

  eleventyConfig.addGlobalData("blog", blog);
}

async function emptyOutputFolder(output: string, input: string): Promise<void> {
  const target = path.resolve(output);
  const dangerous = [process.cwd(), path.resolve(input), path.parse(target).root];
  if (dangerous.some((dir) => dir === target || dir.startsWith(target + path.sep))) {
    throw new Error(`Refusing to empty the output folder ${output}: it holds the project or its content`);
  }
  await rm(target, { recursive: true, force: true });
}
