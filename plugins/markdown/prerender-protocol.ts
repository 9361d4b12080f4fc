/**
 * What the main thread and the Markdown worker (./prerender-worker.ts) say to
 * each other, and how a body is recognised on both sides.
 */
import { createHash } from "node:crypto";
import type { HelpedRead } from "../content/source.ts";
import type { Language } from "../site/config.ts";

export interface WorkerSettings {
  language: Language;
  timeZone: string;
}

/** A body to render, named by its file (absolute). */
export interface BodyJob {
  inputPath: string;
  body: string;
}

/** A body's HTML, with the digest of the body it was rendered from (computed by the worker). */
export interface RenderedBody {
  inputPath: string;
  digest: string;
  html: string;
}

export type ToWorker =
  /** Read the files whose index it takes from `claims` (see ReadHelper in plugins/content/load.ts). */
  | { read: { files: string[]; claims: Int32Array } }
  | { render: BodyJob[] }
  /** Nothing more comes for this build: finish what is queued, then stop. */
  | { end: true };

export type FromWorker = { read: HelpedRead[] } | { rendered: RenderedBody[] };

/** What a body is compared by: the text Eleventy renders must be the very one rendered ahead. */
export function digest(body: string): string {
  return createHash("sha1").update(body).digest("base64");
}

/** Bodies whose HTML depends on the page they are on (images go through the image pipeline). */
export function dependsOnPage(text: string): boolean {
  return text.includes("![") || /<img\b/i.test(text);
}
