/**
 * Markdown rendered ahead, on a second processor.
 *
 * Eleventy renders one page after another on one thread. On a blog of a
 * couple of thousand posts or more, a worker thread (./prerender-worker.ts)
 * renders the Markdown of every source to HTML as soon as a build begins,
 * with the same markdown-it set-up, while the main thread reads and checks
 * the content and Eleventy prepares its pages. When Eleventy then asks for
 * a post's HTML, it is usually waiting.
 *
 * What it never changes is the result. A body's HTML is used only when the
 * worker read the very file the build read and validated (the same SHA-1 of
 * its bytes, the source store's digest); bodies whose output depends on the
 * page (images, which go through the image pipeline) stay with the main
 * thread; whatever the worker has not done yet, the main thread does as
 * before. Small sites do without: starting a worker costs
 * more than it saves below a couple of thousand posts.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from "node:worker_threads";
import { startWorker } from "../build/worker.ts";
import type { Language } from "../i18n/languages.ts";
import type { RenderedBody, WorkerInput } from "./prerender-protocol.ts";

/**
 * Posts a build must have for the worker to be worth starting. Measured on
 * two processors: at 4,000 posts the main thread is spared every post's
 * Markdown (about a second of its time); at 1,000 the worker's start-up (a
 * second module graph to load) costs as much as it saves.
 */
export const PRERENDER_THRESHOLD = 2000;

export class Prerenderer {
  readonly #settings: { language: Language; timeZone: string };
  readonly #threshold: number;
  readonly #wait: boolean;
  /** This build's worker, if it has one. */
  #worker: Worker | undefined;
  /** Where that worker sends what it rendered. */
  #results: MessagePort | undefined;
  #exited: Promise<void> = Promise.resolve();
  /** What the worker rendered, by absolute input path. */
  #rendered = new Map<string, { digest: string; html: string }>();
  /** Bodies rendered ahead in this build that were used. */
  used = 0;

  /**
   * `threshold`: posts from which a build uses the worker. `wait`: `begin`
   * waits for the worker to render everything (for tests: without it, how
   * many are ready when Eleventy asks depends on timing).
   */
  constructor(
    settings: { language: Language; timeZone: string },
    { threshold = PRERENDER_THRESHOLD, wait = false }: { threshold?: number; wait?: boolean } = {},
  ) {
    this.#settings = settings;
    this.#threshold = threshold;
    this.#wait = wait;
  }

  /** A build begins: renders the content folder's bodies ahead if it holds enough posts. */
  async begin(inputDir: string): Promise<void> {
    this.#stop();
    this.#rendered = new Map();
    this.used = 0;
    if (countPosts(inputDir) < this.#threshold) return;
    // Rendered bodies come back on a port of their own, which `take` can
    // empty synchronously: Eleventy renders pages in one long chain of
    // promises, during which messages would otherwise wait for its end.
    const { port1: results, port2 } = new MessageChannel();
    const worker = startWorker(
      new URL("./prerender-worker.ts", import.meta.url),
      { ...this.#settings, inputDir, results: port2 } satisfies WorkerInput,
      [port2],
    );
    this.#worker = worker;
    this.#results = results;
    // Never what keeps a build's process alive; a build that ends first simply did not need it.
    worker.unref();
    results.unref();
    this.#exited = new Promise((resolve) => worker.once("exit", () => resolve()));
    results.on("message", (message: RenderedBody[]) => this.#accept(results, message));
    // A worker that fails leaves the work to the main thread, as without it.
    worker.on("error", () => undefined);
    if (this.#wait) {
      worker.ref();
      await this.#exited;
      this.#drain();
    }
  }

  /** Bodies the worker rendered in this build. */
  get rendered(): number {
    return this.#rendered.size;
  }

  /** The HTML of the body of `inputPath`, if it was rendered ahead from the file whose digest (./sources.ts) is `digest`. */
  take(inputPath: string, digest: string): string | undefined {
    if (!this.#worker) return undefined;
    const key = path.resolve(inputPath);
    if (!this.#rendered.has(key)) this.#drain();
    const found = this.#rendered.get(key);
    if (!found || found.digest !== digest) return undefined;
    this.used++;
    return found.html;
  }

  #accept(port: MessagePort, rendered: RenderedBody[]): void {
    if (port !== this.#results) return;
    for (const { inputPath, digest, html } of rendered) this.#rendered.set(inputPath, { digest, html });
  }

  /** Takes in what the worker has sent and the event loop has not delivered yet. */
  #drain(): void {
    const port = this.#results;
    if (!port) return;
    for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
      this.#accept(port, received.message as RenderedBody[]);
    }
  }

  #stop(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
    this.#results?.close();
    this.#results = undefined;
  }
}

/**
 * Posts in the content folder, counted from the posts folder alone without
 * going down into it: each post is a Markdown file or a folder there.
 */
function countPosts(inputDir: string): number {
  try {
    return readdirSync(path.join(inputDir, "posts"), { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() || entry.name.endsWith(".md"),
    ).length;
  } catch {
    return 0;
  }
}
