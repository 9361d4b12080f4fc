/**
 * A worker thread that renders Markdown bodies to HTML ahead of Eleventy
 * (see ./prerender.ts), with the same markdown-it set-up as the build:
 * `createMarkdown` for the site's language, and indented code turned off
 * as Eleventy turns it off on the library it is given.
 */
import { parentPort, workerData } from "node:worker_threads";
import { I18n } from "../i18n/index.ts";
import type { Language } from "../site/config.ts";
import { createMarkdown, ELEVENTY_DISABLED_RULES } from "./index.ts";

export interface PrerenderSettings {
  language: Language;
  timeZone: string;
}

export type PrerenderMessage = { batch: { id: number; body: string }[] } | { end: true };
export type PrerenderReply = { results: { id: number; html?: string }[] };

const { language, timeZone } = workerData as PrerenderSettings;
const { md } = createMarkdown({ i18n: new I18n(language, timeZone) });
md.disable(ELEVENTY_DISABLED_RULES);

parentPort!.on("message", (message: PrerenderMessage) => {
  if ("end" in message) {
    parentPort!.close();
    return;
  }
  const results = message.batch.map(({ id, body }) => {
    try {
      return { id, html: md.render(body, {}) };
    } catch {
      // The main thread renders it again, and reports the error with its file.
      return { id };
    }
  });
  parentPort!.postMessage({ results } satisfies PrerenderReply);
});
