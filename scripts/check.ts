/**
 * `npm run check`: reads and checks site.config.ts, every post and page and
 * every file beside them (archived comments) exactly as a production build
 * does before it writes anything: the same wiring (eleventy.config.ts's
 * `createBillet`), stopped after the build's checks. Nothing is written
 * but the cache of what was read.
 */
import siteConfig from "../site.config.ts";
import { createBillet } from "../eleventy.config.ts";
import { ContentError } from "../plugins/content/index.ts";
import { messages } from "../plugins/i18n/index.ts";
import { runCli } from "./cli.ts";

await runCli(async () => {
  const input = process.argv[2] ?? "content";
  const billet = createBillet(siteConfig, { input, prerender: false });
  const { problems, blog } = await billet.check();
  if (problems.length > 0) throw new ContentError(problems, messages(billet.site.language));
  const posts = blog.sources.filter((entry) => entry.kind === "post");
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  const inState = (state: string) => posts.filter((post) => post.state === state).length;
  console.log(
    `No problems: ${count(posts.length, "post")} (${inState("published")} published, ${count(inState("draft"), "draft")}, ` +
      `${inState("scheduled")} scheduled) and ${count(blog.sources.length - posts.length, "page")}.`,
  );
});
