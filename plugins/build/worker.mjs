// The entry of every worker thread Billet starts (./worker.ts). Plain
// JavaScript: a worker does not inherit the TypeScript loader of the build,
// so it registers tsx's own, then loads the worker's module.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
