/**
 * Run in its own Node process with `--expose-gc`: reads a WordPress export
 * the way the import does (the streaming reader, then the first pass that
 * indexes it), collecting garbage every few hundred items, and prints the
 * heap that stays in use, as JSON. Used by test/build/wordpress-memory.test.ts.
 *
 *   node --expose-gc --import tsx test/helpers/wxr-memory.ts export.xml
 */
import { indexExport } from "../../scripts/wordpress/plan.ts";
import { readWxr } from "../../scripts/wordpress/reader.ts";

const file = process.argv[2]!;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

function heap(): number {
  gc!();
  return process.memoryUsage().heapUsed;
}

const baseline = heap();
let items = 0;
let peak = baseline;
await readWxr(file, {
  onItem: () => {
    items++;
    if (items % 250 === 0) peak = Math.max(peak, heap());
  },
});
peak = Math.max(peak, heap());

const index = await indexExport(file, { withPings: false });
const indexed = heap();

console.log(JSON.stringify({ items, baseline, peak, indexed, indexedItems: index.items.length }));
