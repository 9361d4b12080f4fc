/**
 * Markdown rendered ahead, on another processor.
 *
 * Eleventy renders one page after another on one thread; turning the posts'
 * Markdown into HTML is a fair share of that work. Billet reads every source
 * before Eleventy renders anything (plugins/content/load.ts), so as each
 * body is read it is handed to a worker thread that renders it with the
 * same markdown-it set-up. When Eleventy then asks for a post's HTML, it is
 * usually waiting: the main thread only renders what the worker has not.
 *
 * What it never changes is the result. A body is used only when it is the
 * very text Eleventy asks to render (same SHA-1); bodies whose output
 * depends on the page (images, which go through the image pipeline) are not
 * sent; a body the worker could not render, or has not rendered yet, is
 * rendered on the main thread as before. Small sites do without: starting a
 * worker costs more than it saves below a few hundred posts.
 */
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import type { BodyListener } from "../content/index.ts";
import type { PrerenderMessage, PrerenderReply, PrerenderSettings } from "./prerender-worker.ts";

/** Bodies a build must have for a worker to be worth starting. */
export const PRERENDER_THRESHOLD = 300;
/** Bodies sent to the worker in one message. */
const BATCH = 32;

export class Prerenderer implements BodyListener {
  readonly #settings: PrerenderSettings;
  readonly #threshold: number;
  /** Bodies of this build, by id; a body is let go once sent, its digest kept. */
  #bodies: { inputPath: string; digest: string; body?: string }[] = [];
  /** Ids read but not yet sent. */
  #outgoing: number[] = [];
  /** What the worker rendered, by absolute input path. */
  #rendered = new Map<string, { digest: string; html: string }>();
  #worker: Worker | undefined;
  #exited: Promise<void> = Promise.resolve();
  /** A worker failed in this process: the main thread renders everything from then on. */
  #failed = false;
  #sent = 0;
  /** Bodies rendered ahead in this build that were used. */
  used = 0;

  readonly #wait: boolean;

  /**
   * `wait`: `finish` waits for the worker to answer everything, so that each
   * body it was given is rendered ahead (for tests: without it, how many are
   * ready when Eleventy asks depends on timing).
   */
  constructor(
    settings: PrerenderSettings,
    { threshold = PRERENDER_THRESHOLD, wait = false }: { threshold?: number; wait?: boolean } = {},
  ) {
    this.#settings = settings;
    this.#threshold = threshold;
    this.#wait = wait;
  }

  /** A build begins: forgets the previous build's bodies and stops its worker, if still running. */
  begin(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
    this.#bodies = [];
    this.#outgoing = [];
    this.#rendered = new Map();
    this.#sent = 0;
    this.used = 0;
  }

  /** A body just read from `inputPath`; sent once enough are known to make a worker worth it. */
  add(inputPath: string, body: string): void {
    if (body.includes("![") || /<img\b/i.test(body)) return;
    this.#outgoing.push(this.#bodies.push({ inputPath: path.resolve(inputPath), digest: digest(body), body }) - 1);
    if (!this.#worker && !this.#failed && this.#bodies.length >= this.#threshold) this.#start();
    if (this.#worker && this.#outgoing.length >= BATCH) this.#send();
  }

  /** Every body of the build has been given: sends the last ones and lets the worker end. */
  finish(): Promise<void> | undefined {
    if (!this.#worker) {
      this.#bodies = [];
      this.#outgoing = [];
      return undefined;
    }
    this.#send();
    this.#worker.postMessage({ end: true } satisfies PrerenderMessage);
    if (!this.#wait) return undefined;
    // Awaited: it must keep the process alive until it has answered.
    this.#worker.ref();
    return this.settled();
  }

  /** Bodies sent to a worker in this build (0 when the build was too small to start one). */
  get sent(): number {
    return this.#sent;
  }

  /** Resolves once the worker of this build, if any, has answered everything and stopped. */
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
    const bodies = this.#bodies;
    const rendered = this.#rendered;
    worker.on("message", ({ results }: PrerenderReply) => {
      for (const { id, html } of results) {
        const source = bodies[id]!;
        if (html !== undefined) rendered.set(source.inputPath, { digest: source.digest, html });
      }
    });
    // A worker that cannot start or fails leaves the rendering to the main thread, as without it.
    worker.on("error", () => {
      this.#failed = true;
      if (this.#worker === worker) this.#worker = undefined;
    });
  }

  #send(): void {
    if (this.#outgoing.length === 0) return;
    const batch = this.#outgoing.map((id) => {
      const source = this.#bodies[id]!;
      const body = source.body!;
      source.body = undefined;
      return { id, body };
    });
    this.#outgoing = [];
    this.#sent += batch.length;
    this.#worker!.postMessage({ batch } satisfies PrerenderMessage);
  }
}

/** What a body is compared by: the text Eleventy renders must be the one that was rendered ahead. */
function digest(body: string): string {
  return createHash("sha1").update(body).digest("base64");
}
