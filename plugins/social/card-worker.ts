/**
 * A worker thread that draws cards (./cards.ts starts a few when many cards
 * are missing, so they are drawn on every core while Eleventy renders the
 * pages). It answers each job with `{ id }` or `{ id, error }`.
 */
import { parentPort } from "node:worker_threads";
import type { CardSpec } from "./card-layout.ts";
import { drawCard } from "./card-render.ts";

export interface CardJob {
  id: number;
  spec: CardSpec;
  file: string;
}

export type CardJobResult = { id: number; error?: string };

parentPort?.on("message", (job: CardJob) => void draw(job));

async function draw(job: CardJob): Promise<void> {
  try {
    await drawCard(job.spec, job.file);
    parentPort!.postMessage({ id: job.id } satisfies CardJobResult);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
}
