/**
 * Comments: giscus under every post, with stable threads, a static
 * snapshot of GitHub Discussions taken at build time, and archived comments
 * kept beside the posts.
 *
 * - config.ts: the `comments` section of site.config.ts, and its GISCUS_* variables;
 * - term.ts: how a post finds its discussion (the giscus term and its SHA-1);
 * - archived.ts: `<post>.comments.yaml` files, checked like front matter;
 * - github.ts, snapshot.ts: GitHub's GraphQL API and the cached snapshot;
 * - sanitize.ts: every comment body goes through it;
 * - thread.ts, store.ts: threads and counts, once per build;
 * - components/: the section under a post, the count in lists;
 * - browser/: the loader (lazy or consent) and the giscus web component.
 */
import { fileURLToPath } from "node:url";
import type { Assets } from "../assets/index.ts";
import { THREAD_STYLES } from "./components/CommentsSection.tsx";

export { CommentStore } from "./store.ts";

const BROWSER = (file: string) => fileURLToPath(new URL(`./browser/${file}`, import.meta.url));

/** The scripts and styles comment threads need. */
export function addCommentAssets(assets: Assets): void {
  // A small loader, fetched as the reader nears the comments (layouts/scripts/scripts-near.ts);
  // the widget itself (giscus and Lit) once the loader decides it is time.
  assets.add("comments.js", { source: BROWSER("loader.ts") });
  assets.add("giscus.js", { source: BROWSER("widget.ts") });
  // The thread's styles, only on pages that show comments (main.css has the section's).
  assets.add(THREAD_STYLES, {
    source: fileURLToPath(new URL("../../layouts/styles/comment-thread.css", import.meta.url)),
  });
}
