/**
 * What the main thread and the Markdown worker (./prerender-worker.ts) share:
 * the worker's input, what it sends back, and which bodies it leaves alone.
 */
import type { MessagePort } from "node:worker_threads";
import type { Language } from "../i18n/languages.ts";

/** What the worker starts with: the site's settings, its content folder, and the port it sends batches of `RenderedBody` on. */
export interface WorkerInput {
  language: Language;
  timeZone: string;
  inputDir: string;
  results: MessagePort;
}

/** A body's HTML, with the digest of the file it was read from (the source store's: its bytes' SHA-1). */
export interface RenderedBody {
  inputPath: string;
  digest: string;
  html: string;
}

/** Bodies whose HTML depends on the page they are on (images go through the image pipeline). */
export function dependsOnPage(text: string): boolean {
  return text.includes("![") || /<img\b/i.test(text);
}
