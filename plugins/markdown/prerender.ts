/**
 * A second processor for the work Eleventy's thread would do alone.
 *
 * Eleventy renders one page after another on one thread. Billet reads every
 * source before Eleventy renders anything (plugins/content/load.ts); on a
 * blog of a couple of thousand posts or more, a worker thread
 * (./prerender-worker.ts) takes part:
 *
 * - in a first build (nothing known from before), it reads part of the
 *   sources alongside the main thread (each takes the next file from a
 *   shared counter), making the same facts with the same code;
 * - it renders the Markdown of every source to HTML, with the same
 *   markdown-it set-up, reading each file itself. When Eleventy then asks
 *   for a post's HTML, it is usually waiting.
 *
 * What it never changes is the result. A body's HTML is used only when it is
 * the very text Eleventy asks to render (same SHA-1); bodies whose output
 * depends on the page (images, which go through the image pipeline) stay
 * with the main thread; whatever the worker could not do, or has not done
 * yet, the main thread does as before. Small sites do without: starting a
 * worker costs more than it saves below a couple of thousand posts.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type MarkdownIt from "markdown-it";
import type { BuildHelper } from "../content/index.ts";
import type { HelpedRead } from "../content/source.ts";
import {
  digest,
  type FromWorker,
  type RenderedBody,
  type ToWorker,
  type WorkerData,
  type WorkerSettings,
} from "./prerender-protocol.ts";

/**
 * Markdown files a build must have for the worker to be worth starting.
 * Measured on two processors: at 4,000 posts the main thread is spared
 * every post's Markdown (about a second of its time); at 1,000 the worker's
 * start-up (a second module graph to load) costs as much as it saves.
 */
export const PRERENDER_THRESHOLD = 2000;
/** A worker started ahead that no build uses (a configuration loaded and dropped) stops after this. */
const IDLE_MS = 60_000;

export class Prerenderer implements BuildHelper {
  readonly #settings: WorkerSettings;
  readonly #threshold: number;
  readonly #wait: boolean;
  /** This build's worker, if it has one. */
  #worker: Worker | undefined;
  /** Where that worker sends what it rendered. */
  #results: MessagePort | undefined;
  #exited: Promise<void> = Promise.resolve();
  #idle: NodeJS.Timeout | undefined;
  /** A worker failed in this process: the main thread does everything from then on. */
  #failed = false;
  /** What the worker rendered, by absolute input path. */
  #rendered = new Map<string, { digest: string; html: string }>();
  /** The worker was given this build's files: it is ending. */
  #ended = false;
  /** Bodies rendered ahead in this build that were used. */
  used = 0;

  /**
   * `threshold`: Markdown files from which a build uses the worker.
   * `wait`: `finish` waits for the worker to answer everything, so that each
   * body it was given is rendered ahead (for tests: without it, how many are
   * ready when Eleventy asks depends on timing).
   */
  constructor(
    settings: WorkerSettings,
    { threshold = PRERENDER_THRESHOLD, wait = false }: { threshold?: number; wait?: boolean } = {},
  ) {
    this.#settings = settings;
    this.#threshold = threshold;
    this.#wait = wait;
  }

  /**
   * Starts the worker now if the posts folder holds enough posts, so that
   * it is ready when the first build starts reading. (A site that has fewer
   * posts but enough Markdown files all told starts it with its first build.)
   */
  warmUp(inputDir: string): void {
    // Counted from the posts folder alone, without going down into it: each
    // post is a Markdown file or a folder there, and the whole content tree
    // is listed again, by the build, a moment later.
    let count = 0;
    try {
      count = readdirSync(path.join(inputDir, "posts"), { withFileTypes: true }).filter(
        (entry) => entry.isDirectory() || entry.name.endsWith(".md"),
      ).length;
    } catch {
      return;
    }
    if (count < this.#threshold) return;
    this.#start();
    this.#idle = setTimeout(() => this.#stop(), IDLE_MS).unref();
  }

  /** A build begins: forgets the previous build's work; keeps a worker started ahead and not used yet. */
  begin(): void {
    clearTimeout(this.#idle);
    if (this.#ended) this.#stop();
    this.#ended = false;
    this.#rendered = new Map();
    this.used = 0;
  }

  /**
   * Hands the worker this build's files, if there are enough of them for it
   * to be worth it: it reads those it takes from `claims` (see ReadHelper),
   * answering with what it made of them, then renders them all.
   */
  share(files: string[], claims: Int32Array): Promise<HelpedRead[]> | undefined {
    if (!this.#worker && !this.#failed && files.length >= this.#threshold) this.#start();
    const worker = this.#worker;
    if (!worker) return undefined;
    this.#post({ build: { files: files.map((file) => path.resolve(file)), claims } });
    this.#ended = true;
    return new Promise((resolve) => {
      const answer = (message: FromWorker) => {
        worker.off("message", answer);
        resolve(message.read);
      };
      worker.on("message", answer);
      // A worker that dies answers nothing: the main thread reads what it took.
      void this.#exited.then(() => resolve([]));
    });
  }

  /** The build has read its sources: with `wait`, returns once the worker has rendered everything. */
  finish(): Promise<void> | undefined {
    const worker = this.#worker;
    if (!worker || !this.#wait) return undefined;
    // Awaited: it must keep the process alive until it has answered.
    worker.ref();
    return this.settled();
  }

  /** Bodies the worker rendered in this build. */
  get rendered(): number {
    return this.#rendered.size;
  }

  /** Resolves once this build's worker, if any, has answered everything and stopped. */
  settled(): Promise<void> {
    return this.#exited;
  }

  /** The HTML of `body` if it was rendered ahead for this page, else undefined. */
  take(inputPath: string | undefined, body: string): string | undefined {
    if (!inputPath) return undefined;
    const key = path.resolve(inputPath);
    if (!this.#rendered.has(key)) this.#drain();
    const found = this.#rendered.get(key);
    if (!found || found.digest !== digest(body)) return undefined;
    this.used++;
    return found.html;
  }

  /** Makes `md.render` answer from what was rendered ahead (by `env.page.inputPath`) when it can. */
  wrap(md: MarkdownIt): void {
    const render = md.render.bind(md);
    md.render = (source, env) =>
      this.take((env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath, source) ?? render(source, env);
  }

  #start(): void {
    // Rendered bodies come back on a port of their own, which `take` can
    // empty synchronously: Eleventy renders pages in one long chain of
    // promises, during which messages would otherwise wait for its end.
    const { port1: results, port2 } = new MessageChannel();
    const worker = new Worker(new URL("./prerender-worker.mjs", import.meta.url), {
      workerData: { ...this.#settings, results: port2 } satisfies WorkerData,
      transferList: [port2],
    });
    this.#worker = worker;
    this.#results = results;
    // Never what keeps a build's process alive; a build that ends first simply did not need it.
    worker.unref();
    results.unref();
    this.#exited = new Promise((resolve) => worker.once("exit", () => resolve()));
    results.on("message", (message: RenderedBody[]) => this.#accept(results, message));
    // A worker that cannot start or fails leaves the work to the main thread, as without it.
    worker.on("error", () => {
      this.#failed = true;
      if (this.#worker === worker) this.#worker = undefined;
    });
    worker.once("exit", () => {
      if (this.#worker === worker) this.#worker = undefined;
    });
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

  #post(message: ToWorker): void {
    this.#worker?.postMessage(message);
  }
}
