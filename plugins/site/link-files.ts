/**
 * Files published from a cache into the site (social cards, the search
 * index) are hard links, or copies where a link cannot be made (another
 * file system). A large blog has thousands of them: through fs/promises,
 * each would be a round trip between the build's thread and the thread pool,
 * and the build's thread is the one that renders pages. Past a few hundred,
 * a worker thread makes them all, one after the other, on another processor.
 */
import { copyFile, link, mkdir } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** Below this many files, they are linked from the calling thread: a worker takes a moment to start. */
const WORKER_THRESHOLD = 200;

/** Links each `[source, target]` (folders made as needed); rejects with the first file that could not be placed. */
export async function linkFiles(pairs: Array<[source: string, target: string]>): Promise<void> {
  if (pairs.length < WORKER_THRESHOLD) {
    await Promise.all(
      [...new Set(pairs.map(([, target]) => path.dirname(target)))].map((dir) => mkdir(dir, { recursive: true })),
    );
    await Promise.all(pairs.map(([source, target]) => link(source, target).catch(() => copyFile(source, target))));
    return;
  }
  const worker = new Worker(new URL("./link-files-worker.mjs", import.meta.url), { workerData: pairs });
  const failure = await new Promise<string | null>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the file linker stopped (exit code ${code})`)));
  });
  if (failure) throw new Error(`Could not publish ${failure}`);
}
