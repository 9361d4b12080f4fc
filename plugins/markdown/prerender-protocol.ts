/**
 * What the main thread and the Markdown worker (./prerender-worker.ts) say to
 * each other, and how a body is recognised on both sides.
 */
import { createHash } from "node:crypto";
import type { MessagePort } from "node:worker_threads";
import type { HelpedRead } from "../content/source.ts";
import type { Language } from "../i18n/languages.ts";

export interface WorkerSettings {
  language: Language;
  timeZone: string;
}

/** What the worker starts with: the settings, and the port it sends batches of `RenderedBody` on. */
export interface WorkerData extends WorkerSettings {
  results: MessagePort;
}

/** A body's HTML, with the digest of the body it was rendered from (computed by the worker). */
export interface RenderedBody {
  inputPath: string;
  digest: string;
  html: string;
}

export type ToWorker = {
  /**
   * A build's sources (absolute paths). Read those whose index it takes from
   * `claims` (see ReadHelper in plugins/content/load.ts) and answer with what
   * was made of them; then render them all, and stop.
   */
  build: { files: string[]; claims: Int32Array };
};

/** On the worker's own port (rendered bodies have one of their own: see WorkerData). */
export type FromWorker = { read: HelpedRead[] };

/** What a body is compared by: the text Eleventy renders must be the very one rendered ahead. */
export function digest(body: string): string {
  return createHash("sha1").update(body).digest("base64");
}

/** Bodies whose HTML depends on the page they are on (images go through the image pipeline). */
export function dependsOnPage(text: string): boolean {
  return text.includes("![") || /<img\b/i.test(text);
}
