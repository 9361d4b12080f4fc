/**
 * `npm run check`: reads and checks site.config.ts, every post and page and
 * every file beside them (archived comments) exactly as a production build
 * does before it writes anything: the same wiring (eleventy.config.ts's
 * `createBillet`), stopped after the build's checks. Nothing is written
 * but the cache of what was read. It speaks the site's language.
 *
 * Arguments: the content folder (default content); --config <file>
 * (default site.config.ts).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { SiteConfig } from "../plugins/config/site.ts";
import { createBillet } from "../eleventy.config.ts";
import { ContentError } from "../plugins/content/index.ts";
import { messages } from "../plugins/i18n/index.ts";
import { runCli } from "./cli.ts";

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
  if (problems.length > 0) throw new ContentError(problems, m);
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
