/**
 * Worker threads for work that can run beside Eleventy's thread (Markdown
 * rendered ahead, social cards drawn): one way to start them, through
 * ./worker.mjs, which gives the worker's TypeScript module its loader.
 */
import { Worker, workerData, type Transferable } from "node:worker_threads";

/** Starts `module` (a `.ts` file's URL) in a worker thread, with `data` as its input. */
export function startWorker(module: URL, data?: unknown, transferList: Transferable[] = []): Worker {
  return new Worker(new URL("./worker.mjs", import.meta.url), {
    workerData: { module: module.href, data },
    transferList: transferList as never,
  });
}

/** In a worker started by `startWorker`: the data it was given. */
export function workerInput<T>(): T {
  return (workerData as { data: T }).data;
}
