// Entry of the card-drawing worker threads (see ./cards.ts). Plain
// JavaScript: a worker does not inherit the TypeScript loader of the build,
// so it registers tsx's own before loading the worker's TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./card-worker.ts");
