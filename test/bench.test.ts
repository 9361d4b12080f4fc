/**
 * The benchmark script runs end to end on a small site and reports what it
 * promises. Timings are never asserted: the machine may be busy.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX_CLI = fileURLToPath(new URL("../node_modules/tsx/dist/cli.mjs", import.meta.url));
const BENCH = fileURLToPath(new URL("../scripts/bench.ts", import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function bench(args: string[], timeout: number): Promise<Outcome> {
  // Without the test runner's NODE_OPTIONS: the bench gets tsx from its own CLI.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX_CLI, BENCH, ...args],
      { cwd: ROOT, env, timeout, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("npm run bench", () => {
  it("builds 40 posts with Billet and with bare Eleventy, and ends with the ratio", async () => {
    const { code, stdout, stderr } = await bench(["--posts", "40", "--runs", "1"], 115_000);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^ratio \d+\.\d\d at 40 posts$/);

    const billet = /^\s*Billet\b.*\bwrote (\d+) pages \((\d+) posts\)/m.exec(stdout);
    expect(billet, stdout).not.toBeNull();
    expect(Number(billet![1])).toBeGreaterThanOrEqual(40);
    expect(Number(billet![2])).toBeGreaterThanOrEqual(40);

    const bare = /^\s*bare\b.*\bwrote (\d+) pages/m.exec(stdout);
    expect(bare, stdout).not.toBeNull();
    expect(Number(bare![1])).toBe(40);

    // The untimed warm-up build drew the cards (one per distinct title, and the site's); the timed runs reuse them.
    const cold = /^\s*cold\b.*\((\d+) social cards drawn\); untimed warm-up, not in the ratio$/m.exec(stdout);
    expect(cold, stdout).not.toBeNull();
    expect(Number(cold![1])).toBeGreaterThan(20);
  }, 120_000);

  it("rejects a malformed --posts with a usage message and exit code 2", async () => {
    const { code, stdout, stderr } = await bench(["--posts", "abc"], 30_000);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const message = stderr.trim();
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(/usage: npm run bench -- .*--posts/);
  });
});
