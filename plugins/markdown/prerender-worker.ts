/**
 * The worker thread of ./prerender.ts. It helps read the sources (their
 * facts, as plugins/content/load.ts makes them) and renders Markdown bodies
 * to HTML, with the same markdown-it set-up as the build: `createMarkdown`
 * for the site's language, and the rules Eleventy turns off turned off.
 */
import { readFileSync, statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { FrontMatterSyntaxError, sourceBody } from "../content/frontmatter.ts";
import { readSource, readSourceFile, type HelpedRead } from "../content/source.ts";
import { I18n } from "../i18n/index.ts";
import { createMarkdown, ELEVENTY_DISABLED_RULES } from "./index.ts";
import {
  dependsOnPage,
  digest,
  type FromWorker,
  type RenderedBody,
  type ToWorker,
  type WorkerData,
} from "./prerender-protocol.ts";

/** Rendered bodies sent back in one message. */
const BATCH = 32;

const { language, timeZone, results } = workerData as WorkerData;
const { md } = createMarkdown({ i18n: new I18n(language, timeZone) });
md.disable(ELEVENTY_DISABLED_RULES);
const renderInline = (text: string) => md.renderInline(text);

/** Reads the files whose index it takes from `claims`, and answers; returns the bodies it read, by index. */
function read(files: string[], claims: Int32Array): Map<number, string> {
  const answers: HelpedRead[] = [];
  const bodies = new Map<number, string>();
  for (let index = Atomics.add(claims, 0, 1); index < files.length; index = Atomics.add(claims, 0, 1)) {
    const file = files[index]!;
    try {
      const { mtimeMs, ctimeMs, size, ino } = statSync(file);
      const readAt = Date.now();
      const { text, digest: sourceDigest } = readSourceFile(file);
      // A summary may hold an image, which only the build's image pipeline renders.
      if (dependsOnPage(text)) {
        answers.push({ index, declined: true });
        continue;
      }
      const { facts, body, matter } = readSource(text, renderInline, sourceDigest);
      answers.push({ index, mtimeMs, ctimeMs, size, ino, readAt, facts, matter });
      bodies.set(index, body);
    } catch (error) {
      answers.push(
        error instanceof FrontMatterSyntaxError ? { index, problem: error.message } : { index, declined: true },
      );
    }
  }
  parentPort!.postMessage({ read: answers } satisfies FromWorker);
  return bodies;
}

/** A file's body, or undefined if it cannot be rendered here (unreadable, invalid, or with images). */
function bodyOf(file: string): string | undefined {
  try {
    const text = readFileSync(file, "utf8");
    return dependsOnPage(text) ? undefined : sourceBody(text);
  } catch {
    // Left to the main thread, which reports the error with its file.
    return undefined;
  }
}

/** Renders every file's body, those already read and the others, in order. */
function render(files: string[], read: Map<number, string>): void {
  let rendered: RenderedBody[] = [];
  files.forEach((inputPath, index) => {
    const body = read.get(index) ?? bodyOf(inputPath);
    if (body === undefined) return;
    try {
      rendered.push({ inputPath, digest: digest(body), html: md.render(body, {}) });
    } catch {
      // Left to the main thread, which reports the error with its file.
    }
    if (rendered.length === BATCH) {
      results.postMessage(rendered);
      rendered = [];
    }
  });
  if (rendered.length > 0) results.postMessage(rendered);
}

parentPort!.once("message", ({ build: { files, claims } }: ToWorker) => {
  render(files, read(files, claims));
  parentPort!.close();
});
