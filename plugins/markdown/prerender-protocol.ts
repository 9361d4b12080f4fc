/**
 * What the main thread and the Markdown worker (./prerender-worker.ts) share:
 * the worker's input, and how a body is recognised on both sides.
 */
import { createHash } from "node:crypto";
import type { MessagePort } from "node:worker_threads";
import type { Language } from "../i18n/languages.ts";

/** What the worker starts with: the site's settings, its content folder, and the port it sends batches of `RenderedBody` on. */
export interface WorkerInput {
  language: Language;
  timeZone: string;
  inputDir: string;
  results: MessagePort;
}

/** A body's HTML, with the digest of the body it was rendered from (computed by the worker). */
export interface RenderedBody {
  inputPath: string;
  digest: string;
  html: string;
}

/** What a body is compared by: the text Eleventy renders must be the very one rendered ahead. */
export function digest(body: string): string {
  return createHash("sha1").update(body).digest("base64");
}

/** Bodies whose HTML depends on the page they are on (images go through the image pipeline). */
export function dependsOnPage(text: string): boolean {
  return text.includes("![") || /<img\b/i.test(text);
}
