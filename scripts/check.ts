/**
 * `npm run check`: reads and checks site.config.ts, every post and page and
 * every file beside them (archived comments) exactly as a production build
 * does before it writes anything: the same wiring (eleventy.config.ts's
 * `createBillet`), stopped after the build's checks. Nothing is written
 * but the cache of what was read. It says what it checked, then the
 * problems or that there are none, in the site's language.
 *
 * Arguments: the content folder (default content); --config <file>
 * (default site.config.ts).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { SiteConfig } from "../plugins/config/site.ts";
import { existsSync } from "node:fs";
import { createBillet } from "../eleventy.config.ts";
import { filesUnder } from "../plugins/build/walk.ts";
import { ARCHIVE_SUFFIX } from "../plugins/comments/archived.ts";
import { CATEGORIES_FILE } from "../plugins/config/load.ts";
import { ContentError } from "../plugins/content/index.ts";
import { findMarkdownFiles } from "../plugins/content/load.ts";
import { messages, type Messages } from "../plugins/i18n/index.ts";
import { runCli } from "./cli.ts";

/** A file as the author finds it: from the working folder when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative.startsWith("..") || path.isAbsolute(relative)
    ? path.resolve(file)
    : relative.split(path.sep).join("/");
}

/** « site.config.ts, content/categories.yaml, 3 posts, 1 page and 2 comment archives ». */
function checked(input: string, m: Messages): string {
  const files = findMarkdownFiles(input);
  const postsDir = path.resolve(input, "posts") + path.sep;
  const posts = files.filter((file) => path.resolve(file).startsWith(postsDir)).length;
  const archives = filesUnder(input).filter((name) => name.endsWith(ARCHIVE_SUFFIX)).length;
  const categories = path.join(input, CATEGORIES_FILE);
  const parts = [
    "site.config.ts",
    ...(existsSync(categories) ? [shown(categories)] : []),
    m.plural(m.t.check.posts, posts),
    m.plural(m.t.check.pages, files.length - posts),
    m.plural(m.t.check.archives, archives),
  ];
  return new Intl.ListFormat(m.language, { type: "conjunction" }).format(parts);
}

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { config: { type: "string", default: "site.config.ts" } },
  });
  const input = positionals[0] ?? "content";
  const siteConfig = ((await import(pathToFileURL(path.resolve(values.config)).href)) as { default: SiteConfig })
    .default;
  const billet = createBillet(siteConfig, { input, prerender: false });
  const m = messages(billet.site.language);
  const { problems, blog } = await billet.check();
  console.log(m.format(m.t.check.checked, { what: checked(input, m) }));
  if (problems.length > 0) throw new ContentError(problems, m, "check");
  const posts = blog.sources.filter((entry) => entry.kind === "post");
  const inState = (state: string) => posts.filter((post) => post.state === state).length;
  const t = m.t.check;
  console.log(
    m.format(t.summary, {
      posts: m.plural(t.posts, posts.length),
      published: m.plural(t.published, inState("published")),
      drafts: m.plural(t.drafts, inState("draft")),
      scheduled: m.plural(t.scheduled, inState("scheduled")),
      pages: m.plural(t.pages, blog.sources.length - posts.length),
    }),
  );
});
