/**
 * `npm run check`: validates site.config.ts and every post and page exactly
 * as the build does, without building anything.
 */
import { DateTime } from "luxon";
import siteConfig from "../site.config.ts";
import { ArchiveReader } from "../plugins/comments/archived.ts";
import { ContentError, loadContent } from "../plugins/content/load.ts";
import { I18n } from "../plugins/i18n/index.ts";
import { createMarkdown } from "../plugins/markdown/index.ts";
import { loadSiteConfig } from "../plugins/config/load.ts";
import { runCli } from "./cli.ts";

await runCli(async () => {
  const inputDir = process.argv[2] ?? "content";
  const site = loadSiteConfig(siteConfig, inputDir);
  const i18n = new I18n(site.language, site.timeZone);
  const { md } = createMarkdown({ i18n });
  const entries = await loadContent({
    inputDir,
    site,
    i18n,
    now: DateTime.now().setZone(site.timeZone),
    renderInline: (text) => md.renderInline(text),
  });
  const posts = entries.filter((entry) => entry.kind === "post");
  // Archived comments beside posts and pages are checked too (GitHub is not asked anything).
  const archives = await new ArchiveReader(site.timeZone).read(
    inputDir,
    entries.map((entry) => entry.file),
  );
  if (archives.problems.length > 0) throw new ContentError(archives.problems);
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  const inState = (state: string) => posts.filter((post) => post.state === state).length;
  console.log(
    `No problems: ${count(posts.length, "post")} (${inState("published")} published, ${count(inState("draft"), "draft")}, ` +
      `${inState("scheduled")} scheduled) and ${count(entries.length - posts.length, "page")}.`,
  );
});
