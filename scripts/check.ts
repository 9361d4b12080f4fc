/**
 * `npm run check`: reads and checks site.config.ts, every post and page and
 * every file beside them (archived comments) exactly as a production build
 * does before it writes anything: the same wiring (eleventy.config.ts's
 * `createBillet`), stopped after the build's checks. Nothing is written
 * but the cache of what was read.
 *
 * It says what it checked, then the problems, or that there are none.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import siteConfig from "../site.config.ts";
import { createBillet } from "../eleventy.config.ts";
import { filesUnder } from "../plugins/build/walk.ts";
import { ARCHIVE_SUFFIX } from "../plugins/comments/archived.ts";
import { CATEGORIES_FILE } from "../plugins/config/load.ts";
import { ContentError } from "../plugins/content/index.ts";
import { findMarkdownFiles } from "../plugins/content/load.ts";
import { runCli } from "./cli.ts";

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** A file as the author finds it: from the working folder when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative.startsWith("..") || path.isAbsolute(relative)
    ? path.resolve(file)
    : relative.split(path.sep).join("/");
}

/** « site.config.ts, content/categories.yaml, 3 posts, 1 page and 2 comment archives ». */
function checked(input: string): string {
  const files = findMarkdownFiles(input);
  const postsDir = path.resolve(input, "posts") + path.sep;
  const posts = files.filter((file) => path.resolve(file).startsWith(postsDir)).length;
  const archives = filesUnder(input).filter((name) => name.endsWith(ARCHIVE_SUFFIX)).length;
  const categories = path.join(input, CATEGORIES_FILE);
  const parts = [
    "site.config.ts",
    ...(existsSync(categories) ? [shown(categories)] : []),
    count(posts, "post"),
    count(files.length - posts, "page"),
  ];
  return `${parts.join(", ")} and ${count(archives, "comment archive")}`;
}

await runCli(async () => {
  const input = process.argv[2] ?? "content";
  const { problems, blog } = await createBillet(siteConfig, { input, prerender: false }).check();
  console.log(`Checked ${checked(input)}.`);
  if (problems.length > 0) throw new ContentError(problems, "check");
  const posts = blog.sources.filter((entry) => entry.kind === "post");
  const inState = (state: string) => posts.filter((post) => post.state === state).length;
  console.log(
    `No problems. Posts: ${inState("published")} published, ${count(inState("draft"), "draft")}, ${inState("scheduled")} scheduled.`,
  );
});
