/**
 * What an author does under `npm start`, timed: start the preview, then
 * edit a post's body, edit its title, add a post, delete one, each
 * `runs` times, each from the moment the file is written to the moment the
 * preview serves the change. Every file touched is put back as it was at
 * the end, whatever happens.
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { GeneratedSite } from "./generate.ts";
import { NotServedError, Preview, PreviewError, type Check, type Page } from "./preview.ts";

export const EDIT_KINDS = ["body", "title", "new", "deleted"] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface EditTimes {
  /** From spawning the preview to its home page answering, with the posts listed. */
  startSeconds: number;
  /** Seconds from save to served, one per run served, for each kind of edit. */
  edits: Record<EditKind, number[]>;
  /** Why a run of an edit was not served in the time given, for each kind of edit. */
  missed: Record<EditKind, string[]>;
}

export interface EditOptions {
  /** scripts/run.mjs. */
  script: string;
  /** The site's eleventy.config.ts. */
  config: string;
  /** The site's folder (holds eleventy.config.ts and content/). */
  siteDir: string;
  contentDir: string;
  site: GeneratedSite;
  runs: number;
  /** How long the preview may take to start before the benchmark gives up. */
  startTimeoutMs: number;
  /** How long a change may take to be served before it counts as not served. */
  timeoutMs: number;
  progress: (line: string) => void;
}

/** Files changed by a session, with what they held (undefined: the file did not exist). */
const touched = new Map<string, string | undefined>();

/** Puts every touched file back as it was (for an interrupted benchmark: synchronous). */
export function restoreFilesSync(): void {
  for (const [file, text] of touched) {
    if (text === undefined) rmSync(file, { force: true });
    else writeFileSync(file, text);
  }
  touched.clear();
}

async function restoreFiles(): Promise<void> {
  for (const [file, text] of touched) {
    if (text === undefined) await rm(file, { force: true });
    else await writeFile(file, text);
  }
  touched.clear();
}

/** Writes (or, with `undefined`, deletes) a file, remembering what it held first. Resolves once written. */
async function save(file: string, text: string | undefined): Promise<void> {
  if (!touched.has(file)) touched.set(file, existsSync(file) ? await readFile(file, "utf8") : undefined);
  if (text === undefined) await rm(file);
  else await writeFile(file, text);
}

interface Post {
  file: string;
  url: string;
  /** The text before the edits. */
  text: string;
  frontMatter: string;
  body: string;
  title: string;
  category: string;
  date: string;
}

/** A generated post's parts. The generated site uses Billet's default addresses. */
function postOf(contentDir: string, file: { path: string; text: string }): Post {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file.text);
  if (!match) throw new PreviewError(`${file.path}: the generated post has no front matter`);
  const [, frontMatter, body] = match as unknown as [string, string, string];
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(frontMatter)?.[1] ?? "";
  return {
    file: path.join(contentDir, file.path),
    url: `/billets/${path.basename(file.path, ".md")}/`,
    text: file.text,
    frontMatter,
    body,
    title: JSON.parse(field("title")) as string,
    category: field("category"),
    date: field("date"),
  };
}

const linksTo = (url: string) => (page: Page) => page.status === 200 && page.body.includes(`href="${url}"`);
const shows = (text: string) => (page: Page) => page.status === 200 && page.body.includes(text);

/** The day after `isoDay`. */
const nextDay = (isoDay: string) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function timeEdits(options: EditOptions): Promise<EditTimes> {
  const { progress, timeoutMs } = options;
  // The newest posts head the home page and their category's page: the
  // edited one is the newest, the deleted one the next.
  const posts = options.site.posts
    .map((file) => postOf(options.contentDir, file))
    .sort((a, b) => b.date.localeCompare(a.date));
  const edited = posts[0]!;
  const deleted = posts[1];
  const categoryUrl = `/categories/${edited.category}/`;
  const postText = (title: string, extra: string) =>
    `---\n${edited.frontMatter.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`)}\n---\n${extra}${edited.body}`;

  const { preview, startedAt } = await Preview.start({
    script: options.script,
    config: options.config,
    cwd: options.siteDir,
  });
  const times: EditTimes = {
    startSeconds: 0,
    edits: { body: [], title: [], new: [], deleted: [] },
    missed: { body: [], title: [], new: [], deleted: [] },
  };
  try {
    try {
      times.startSeconds = await preview.waitFor(
        [{ what: "the home page lists the newest post", path: "/", test: linksTo(edited.url) }],
        startedAt,
        options.startTimeoutMs,
      );
    } catch (error) {
      if (!(error instanceof NotServedError)) throw error;
      throw new PreviewError(`the preview did not start: ${error.message}. Its last lines:\n${preview.outputTail()}`);
    }
    progress(`  preview: home page served ${times.startSeconds.toFixed(2)} s after starting`);
    await preview.quiet(timeoutMs);

    /**
     * Saves, then waits for `checks`: seconds from the file written to the
     * last check passed, or the reason it was not served in time.
     */
    const timed = async (
      kind: EditKind | undefined,
      change: () => Promise<void>,
      checks: Check[],
    ): Promise<number | string> => {
      await change();
      let outcome: number | string;
      try {
        outcome = await preview.waitFor(checks, performance.now(), timeoutMs);
        if (kind) times.edits[kind].push(outcome);
      } catch (error) {
        if (!(error instanceof NotServedError)) throw error;
        outcome = error.message;
        if (kind) times.missed[kind].push(outcome);
      }
      await preview.quiet(timeoutMs);
      return outcome;
    };
    const shown = (outcome: number | string) =>
      typeof outcome === "number" ? `${outcome.toFixed(2)} s` : `not served: ${outcome}`;

    let title = edited.title;
    let addedParagraph = "";
    for (let run = 1; run <= options.runs; run++) {
      // Numbers end with a word, so that « numéro 1 du » is not found in « numéro 12 du ».
      const paragraph = `Paragraphe ajouté à la relecture, numéro ${run} du texte.`;
      addedParagraph = `\n${paragraph}\n`;
      const body = await timed("body", () => save(edited.file, postText(title, addedParagraph)), [
        { what: "the post page shows the new paragraph", path: edited.url, test: shows(paragraph) },
      ]);

      title = `Nouvelle version ${run} du titre`;
      const retitled = await timed("title", () => save(edited.file, postText(title, addedParagraph)), [
        { what: "the post page shows the new title", path: edited.url, test: shows(title) },
        { what: "the home page shows the new title", path: "/", test: shows(title) },
        { what: "the category page shows the new title", path: categoryUrl, test: shows(title) },
      ]);

      const slug = `billet-ajoute-pendant-la-previsualisation-${run}`;
      const added = {
        file: path.join(options.contentDir, "posts", `${slug}.md`),
        url: `/billets/${slug}/`,
        text: [
          "---",
          `title: ${JSON.stringify(`Billet ajouté pendant la prévisualisation, numéro ${run} de la série`)}`,
          `date: ${nextDay(edited.date)}`,
          `category: ${edited.category}`,
          `tags: ["veille"]`,
          "---",
          "",
          "Un billet écrit pendant que la prévisualisation tourne, pour voir combien de temps il faut pour qu’il paraisse.",
          "",
        ].join("\n"),
      };
      const created = await timed("new", () => save(added.file, added.text), [
        { what: "the new post's page answers", path: added.url, test: (page) => page.status === 200 },
        { what: "the home page lists the new post", path: "/", test: linksTo(added.url) },
      ]);

      let removed: number | string;
      if (deleted) {
        removed = await timed("deleted", () => save(deleted.file, undefined), [
          { what: "the deleted post's page answers 404", path: deleted.url, test: (page) => page.status === 404 },
          { what: "the home page no longer lists the deleted post", path: "/", test: (p) => !linksTo(deleted.url)(p) },
        ]);
        // Untimed: the site as it was, but for the edited post.
        await timed(undefined, async () => {
          await save(added.file, undefined);
          await save(deleted.file, deleted.text);
        }, [
          { what: "the deleted post is back", path: deleted.url, test: (page) => page.status === 200 },
          { what: "the home page lists it again", path: "/", test: linksTo(deleted.url) },
          { what: "the added post is gone from the home page", path: "/", test: (p) => !linksTo(added.url)(p) },
        ]);
      } else {
        // A site of one post: the post just added is the one deleted.
        removed = await timed("deleted", () => save(added.file, undefined), [
          { what: "the deleted post's page answers 404", path: added.url, test: (page) => page.status === 404 },
          { what: "the home page no longer lists the deleted post", path: "/", test: (p) => !linksTo(added.url)(p) },
        ]);
      }
      progress(
        `  edit run ${run}/${options.runs}: body ${shown(body)} · title ${shown(retitled)} · new ${shown(created)} · deleted ${shown(removed)}`,
      );
    }
  } finally {
    // Stopped first, so that putting the files back starts no rebuild.
    try {
      await preview.stop();
    } finally {
      await restoreFiles();
    }
  }
  return times;
}
