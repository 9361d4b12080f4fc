// Worker of ./link-files.ts: links (or, across file systems, copies) each
// file to its place, making folders as needed, then reports how it went.
// Plain JavaScript, so that it starts without a TypeScript loader.
import { copyFileSync, linkSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

const made = new Set();
let failure;
for (const [source, target] of workerData) {
  try {
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  } catch (error) {
    failure = `${target}: ${error.message}`;
    break;
  }
}
parentPort.postMessage(failure ?? null);
