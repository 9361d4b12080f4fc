/**
 * A second processor for the work Eleventy's thread would do alone.
 *
 * Eleventy renders one page after another on one thread. Billet reads every
 * source before Eleventy renders anything (plugins/content/load.ts); on a
 * blog of a couple of thousand posts or more, a worker thread
 * (./prerender-worker.ts) takes part:
 *
 * - it reads half of the sources of a first build alongside the main thread
 *   (each takes the next file from a shared counter), making the same facts
 *   with the same code;
 * - it renders the posts' Markdown to HTML, with the same markdown-it set-up,
 *   as each body is known. When Eleventy then asks for a post's HTML, it is
 *   usually waiting.
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
import { Worker } from "node:worker_threads";
import type { MarkdownIt } from "markdown-it";
import type { BuildHelper } from "../content/index.ts";
import type { HelpedRead } from "../content/source.ts";
import {
  dependsOnPage,
  digest,
  type BodyJob,
  type FromWorker,
  type ToWorker,
  type WorkerSettings,
} from "./prerender-protocol.ts";

/**
 * Markdown files a build must have for the worker to be worth starting.
 * Measured on two processors: at 4,000 posts it saves about a second of a
 * build of 8 s; at 1,000 its start-up (a second module graph to load) costs
 * more than it saves; at 2,000 it is even.
 */
export const PRERENDER_THRESHOLD = 2000;
/** Bodies sent to the worker in one message. */
const BATCH = 32;
/** A worker started ahead that no build uses (a configuration loaded and dropped) stops after this. */
const IDLE_MS = 60_000;

export class Prerenderer implements BuildHelper {
  readonly #settings: WorkerSettings;
  readonly #threshold: number;
  readonly #wait: boolean;
  /** This build's worker, if it has one. */
  #worker: Worker | undefined;
  #exited: Promise<void> = Promise.resolve();
  #idle: NodeJS.Timeout | undefined;
  /** A worker failed in this process: the main thread does everything from then on. */
  #failed = false;
  /** Bodies read on the main thread, waiting for a worker or for a full batch. */
  #outgoing: BodyJob[] = [];
  /** Bodies read on the main thread in this build, while no worker runs. */
  #read = 0;
  /** What the worker rendered, by absolute input path. */
  #rendered = new Map<string, { digest: string; html: string }>();
  /** Bodies sent to the worker, and bodies it read itself, in this build. */
  #sent = 0;
  #helped = 0;
  /** The worker was told that this build has given it everything: it is ending. */
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
   * Starts the worker now if the content folder holds enough Markdown files,
   * so that it is ready when the first build starts reading.
   */
  warmUp(inputDir: string): void {
    let count = 0;
    try {
      count = readdirSync(inputDir, { recursive: true }).filter((name) => String(name).endsWith(".md")).length;
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
    this.#outgoing = [];
    this.#read = 0;
    this.#rendered = new Map();
    this.#sent = 0;
    this.#helped = 0;
    this.used = 0;
  }

  /** Reads part of the files on the worker, if there is one (see ReadHelper). */
  share(files: string[], claims: Int32Array): Promise<HelpedRead[]> | undefined {
    const worker = this.#worker;
    if (!worker) return undefined;
    this.#post({ read: { files, claims } });
    return new Promise((resolve) => {
      const answer = (message: FromWorker) => {
        if (!("read" in message)) return;
        worker.off("message", answer);
        this.#helped += message.read.filter((read) => "facts" in read).length;
        resolve(message.read);
      };
      worker.on("message", answer);
      // A worker that dies answers nothing: the main thread reads what it took.
      void this.#exited.then(() => resolve([]));
    });
  }

  /** A body just read on the main thread; sent once enough are known to make a worker worth it. */
  add(inputPath: string, body: string): void {
    if (dependsOnPage(body)) return;
    this.#outgoing.push({ inputPath: path.resolve(inputPath), body });
    this.#read++;
    if (!this.#worker && !this.#failed && this.#read >= this.#threshold) this.#start();
    if (this.#worker && this.#outgoing.length >= BATCH) this.#send();
  }

  /** Every body of the build has been given: sends the last ones and lets the worker end. */
  finish(): Promise<void> | undefined {
    const worker = this.#worker;
    if (!worker) {
      this.#outgoing = [];
      return undefined;
    }
    this.#send();
    this.#post({ end: true });
    this.#ended = true;
    if (!this.#wait) return undefined;
    // Awaited: it must keep the process alive until it has answered.
    worker.ref();
    return this.settled();
  }

  /** Bodies given to the worker in this build, read by it or sent to it. */
  get sent(): number {
    return this.#sent + this.#helped;
  }

  /** Resolves once this build's worker, if any, has answered everything and stopped. */
  settled(): Promise<void> {
    return this.#exited;
  }

  /** The HTML of `body` if it was rendered ahead for this page, else undefined. */
  take(inputPath: string | undefined, body: string): string | undefined {
    if (!inputPath) return undefined;
    const found = this.#rendered.get(path.resolve(inputPath));
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
    const worker = new Worker(new URL("./prerender-worker.mjs", import.meta.url), { workerData: this.#settings });
    this.#worker = worker;
    // Never what keeps a build's process alive; a build that ends first simply did not need it.
    worker.unref();
    this.#exited = new Promise((resolve) => worker.once("exit", () => resolve()));
    worker.on("message", (message: FromWorker) => {
      if (this.#worker !== worker || !("rendered" in message)) return;
      for (const { inputPath, digest, html } of message.rendered) this.#rendered.set(inputPath, { digest, html });
    });
    // A worker that cannot start or fails leaves the work to the main thread, as without it.
    worker.on("error", () => {
      this.#failed = true;
      if (this.#worker === worker) this.#worker = undefined;
    });
    worker.once("exit", () => {
      if (this.#worker === worker) this.#worker = undefined;
    });
  }

  #stop(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  #send(): void {
    if (this.#outgoing.length === 0) return;
    this.#sent += this.#outgoing.length;
    this.#post({ render: this.#outgoing });
    this.#outgoing = [];
  }

  #post(message: ToWorker): void {
    this.#worker?.postMessage(message);
  }
}
