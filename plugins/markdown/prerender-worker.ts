/**
 * The worker thread of ./prerender.ts. It helps read the sources (their
 * facts, as plugins/content/load.ts makes them) and renders Markdown bodies
 * to HTML, with the same markdown-it set-up as the build: `createMarkdown`
 * for the site's language, and the rules Eleventy turns off turned off.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { FrontMatterSyntaxError } from "../content/frontmatter.ts";
import { readSource, type HelpedRead } from "../content/source.ts";
import { I18n } from "../i18n/index.ts";
import { createMarkdown, ELEVENTY_DISABLED_RULES } from "./index.ts";
import {
  dependsOnPage,
  digest,
  type BodyJob,
  type FromWorker,
  type RenderedBody,
  type ToWorker,
  type WorkerSettings,
} from "./prerender-protocol.ts";

/** Rendered bodies sent back in one message. */
const BATCH = 32;

const { language, timeZone } = workerData as WorkerSettings;
const { md } = createMarkdown({ i18n: new I18n(language, timeZone) });
md.disable(ELEVENTY_DISABLED_RULES);
const renderInline = (text: string) => md.renderInline(text);

function read(files: string[], claims: Int32Array): BodyJob[] {
  const results: HelpedRead[] = [];
  const bodies: BodyJob[] = [];
  for (let index = Atomics.add(claims, 0, 1); index < files.length; index = Atomics.add(claims, 0, 1)) {
    const file = files[index]!;
    try {
      const { mtimeMs, size } = statSync(file);
      const text = readFileSync(file, "utf8");
      // A summary may hold an image, which only the build's image pipeline renders.
      if (dependsOnPage(text)) {
        results.push({ index, declined: true });
        continue;
      }
      const { facts, body, matter } = readSource(text, renderInline);
      results.push({ index, mtimeMs, size, facts, matter });
      bodies.push({ inputPath: path.resolve(file), body });
    } catch (error) {
      results.push(
        error instanceof FrontMatterSyntaxError ? { index, problem: error.message } : { index, declined: true },
      );
    }
  }
  parentPort!.postMessage({ read: results } satisfies FromWorker);
  return bodies;
}

function render(jobs: BodyJob[]): void {
  for (let start = 0; start < jobs.length; start += BATCH) {
    const rendered: RenderedBody[] = [];
    for (const { inputPath, body } of jobs.slice(start, start + BATCH)) {
      try {
        rendered.push({ inputPath, digest: digest(body), html: md.render(body, {}) });
      } catch {
        // Left to the main thread, which reports the error with its file.
      }
    }
    parentPort!.postMessage({ rendered } satisfies FromWorker);
  }
}

parentPort!.on("message", (message: ToWorker) => {
  if ("read" in message) render(read(message.read.files, message.read.claims));
  else if ("render" in message) render(message.render);
  else parentPort!.close();
});
