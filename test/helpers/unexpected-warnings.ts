/**
 * Run before every test file (vitest.config.ts, setupFiles). A warning that
 * the file's builds said and no test took to assert (takeWarnings in
 * ./build-log.ts) is printed once for the file, with how many times it was
 * said, when the file ends: a real problem stays visible, without a copy
 * per build.
 */
import { afterAll, afterEach } from "vitest";
import { takeLines, takeWarnings } from "./build-log.ts";

const unasserted = new Map<string, number>();

afterEach(() => {
  takeLines();
  for (const line of takeWarnings()) unasserted.set(line, (unasserted.get(line) ?? 0) + 1);
});

afterAll(() => {
  takeLines();
  for (const line of takeWarnings()) unasserted.set(line, (unasserted.get(line) ?? 0) + 1);
  if (unasserted.size === 0) return;
  const lines = [...unasserted].map(([line, times]) => (times > 1 ? `${line} (×${times})` : line));
  console.warn(`Warnings of this file's builds that no test asserts:\n${lines.join("\n")}`);
});
