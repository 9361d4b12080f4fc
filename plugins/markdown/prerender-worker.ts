/**
 * The worker thread of ./prerender.ts: renders the Markdown body of every
 * source in the content folder to HTML, with the same markdown-it set-up as
 * the build (`createMarkdown` for the site's language), and sends the
 * results in batches.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { workerInput } from "../build/worker.ts";
import { filesUnder } from "../build/walk.ts";
import { sourceBody } from "../content/frontmatter.ts";
import { sourceDigest } from "../content/source.ts";
import { I18n } from "../i18n/index.ts";
import { createMarkdown } from "./index.ts";
import { dependsOnPage, type RenderedBody, type WorkerInput } from "./prerender-protocol.ts";

/** Rendered bodies sent back in one message. */
const BATCH = 32;

const { language, timeZone, inputDir, results } = workerInput<WorkerInput>();
const { md } = createMarkdown({ i18n: new I18n(language, timeZone) });

let rendered: RenderedBody[] = [];
for (const name of filesUnder(inputDir, { skipNodeModules: true })) {
  if (!name.endsWith(".md")) continue;
  const inputPath = path.resolve(inputDir, name);
  try {
    const bytes = readFileSync(inputPath);
    const text = bytes.toString("utf8");
    if (dependsOnPage(text)) continue;
    rendered.push({ inputPath, digest: sourceDigest(bytes), html: md.render(sourceBody(text), {}) });
  } catch {
    // Left to the main thread, which reports the error with its file.
    continue;
  }
  if (rendered.length === BATCH) {
    results.postMessage(rendered);
    rendered = [];
  }
}
if (rendered.length > 0) results.postMessage(rendered);
results.close();
