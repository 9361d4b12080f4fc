/**
 * Content: reads and validates every post and page before Eleventy renders
 * anything, decides what is published, gives templates the `blog` (posts,
 * lists), and drives the build's lifecycle (plugins/build/lifecycle.ts):
 * `checks` once the content is read, `ready` once everything passed,
 * `done` once Eleventy has written the pages.
 *
 * A problem found before `ready` stops the build before a single file is
 * written.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import { DateTime } from "luxon";
import type { BuildBasics, Lifecycle } from "../build/lifecycle.ts";
import { messages, type I18n } from "../i18n/index.ts";
import type { BuildLog } from "../log/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import type { Blog } from "./blog.ts";
import { parseDate } from "./dates.ts";
import { addressProblems, ContentError, loadContent } from "./load.ts";
import type { SourceStore } from "./sources.ts";

export { Blog } from "./blog.ts";
export { ContentError } from "./load.ts";
export type { GeneratedAddress } from "../build/lifecycle.ts";
export type * from "./model.ts";

/** What every moment of a build is told. */
export interface BuildContext extends BuildBasics {
  blog: Blog;
}

export type BuildLifecycle = Lifecycle<BuildContext>;

export interface ContentOptions {
  site: ResolvedSiteConfig;
  i18n: I18n;
  blog: Blog;
  sources: SourceStore;
  lifecycle: BuildLifecycle;
  /** The moment that decides whether a scheduled post is out; default: the start of each build. */
  now?: () => DateTime;
  /** Where what the build says goes. */
  log: BuildLog;
  /** Where a production build writes, to be put in the output folder's place once it is done. */
  output?: { publish(): Promise<void>; discard(): void };
}

/**
 * Reads and checks the content as a build does before it writes anything:
 * the posts and pages, then every capability's `checks` (their own files,
 * the addresses they write). Returns every problem found, in one list.
 */
export async function checkContent(
  { site, i18n, blog, sources, lifecycle, now, log }: ContentOptions,
  context: BuildContext,
): Promise<string[]> {
  sources.begin();
  const { entries, problems } = await loadContent({
    inputDir: context.inputDir,
    site,
    i18n,
    now: now?.() ?? DateTime.now().setZone(site.timeZone),
    sources,
  });
  // Whatever was read is worth keeping, even from a build that stops on a problem.
  sources.save().catch((error: Error) => {
    const m = messages(site.language);
    log.warn(m.format(m.t.build.notKept, { error: error.message }));
  });
  blog.update(entries);
  const checked = await lifecycle.checks(context);
  return [...problems, ...checked.problems, ...addressProblems(entries, checked.addresses, messages(site.language))];
}

export default function contentPlugin(eleventyConfig: EleventyConfig, options: ContentOptions): void {
  const { site, blog, lifecycle, output } = options;

  // A post's `page.date` is the date it was validated with; only a template the blog does not know is read here.
  eleventyConfig.addDateParsing(function (this: { page?: { inputPath?: string } }, value: unknown) {
    if (typeof value !== "string") return undefined;
    const entry = this.page?.inputPath === undefined ? undefined : blog.entry(this.page.inputPath);
    return entry?.kind === "post" ? entry.date : (parseDate(value, site.timeZone) ?? undefined);
  });

  let context: BuildContext | undefined;
  eleventyConfig.on(
    "eleventy.before",
    async ({ directories, runMode }: { directories: { input: string; output: string }; runMode: string }) => {
      blog.preview = runMode !== "build";
      context = {
        blog,
        inputDir: directories.input,
        outputDir: directories.output,
        preview: blog.preview,
        serving: runMode === "serve",
      };
      try {
        await lifecycle.run("begin", context);
        const problems = await checkContent(options, context);
        if (problems.length > 0) throw new ContentError(problems, messages(options.site.language));
        await lifecycle.run("ready", context);
      } catch (error) {
        output?.discard();
        throw error;
      }
    },
  );
  eleventyConfig.on("eleventy.after", async () => {
    if (!context) return;
    await lifecycle.run("done", context);
    // Last: the site is whole.
    await output?.publish();
  });

  // Drafts and scheduled posts are not built outside preview: no page, and
  // therefore no list entry, feed item or sitemap line.
  eleventyConfig.addPreprocessor("billet-publishing", "md", function (this: { inputPath: string }) {
    if (!blog.entry(this.inputPath)) return false;
    return undefined;
  });
}
