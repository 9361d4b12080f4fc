// Entry of the Markdown worker thread (see ./prerender.ts). Plain
// JavaScript: a worker does not inherit the TypeScript loader of the build,
// so it registers tsx's own before loading the worker's TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./prerender-worker.ts");
