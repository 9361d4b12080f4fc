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

  it("--edit times the preview's start and each edit, in seconds and against the build, and ends with the ratios", async () => {
    const { code, stdout, stderr } = await bench(["--edit", "--posts", "20", "--runs", "1"], 290_000);
    const lines = stdout.trimEnd().split("\n");
    const last = /^preview\/build start (\S+) body (\S+) title (\S+) new (\S+) deleted (\S+) at 20 posts$/.exec(
      lines.at(-1) ?? "",
    );
    expect(last, `${stdout}\n${stderr}`).not.toBeNull();

    const build = /^\s*build\s+(\d+\.\d\d) s\s+production build \(npm run build\), median of 1 run\b/m.exec(stdout);
    expect(build, stdout).not.toBeNull();
    const buildSeconds = Number(build![1]);
    expect(buildSeconds).toBeGreaterThan(0);

    const missed: string[] = [];
    ["start", "body", "title", "new", "deleted"].forEach((name, i) => {
      const ratio = last![i + 1]!;
      const row = new RegExp(
        `^\\s*${name}\\s+(?:(\\d+\\.\\d\\d) s\\s+(\\d+\\.\\d\\d) × build|not served)\\s`,
        "m",
      ).exec(stdout);
      expect(row, `${name} in:\n${stdout}`).not.toBeNull();
      if (row![1] === undefined) {
        // Reported as not served, with the reason on the next line, and so in the last line.
        expect(stdout).toMatch(
          new RegExp(
            `^\\s*${name}\\s+not served.*\\n\\s+1 of 1 run not served: after \\d+ s, still waiting until `,
            "m",
          ),
        );
        expect(ratio).toBe("missed");
        missed.push(name);
        return;
      }
      const seconds = Number(row![1]);
      expect(seconds, name).toBeGreaterThan(0);
      expect(Number(row![2]), name).toBeGreaterThan(0);
      // The last line gives the same measure against the build.
      expect(ratio, name).toMatch(/^\d+\.\d\d$/);
      expect(Math.abs(Number(ratio) - seconds / buildSeconds), name).toBeLessThan(
        0.02 + 0.01 * (seconds / buildSeconds),
      );
    });

    // Every change is served.
    expect(missed, stdout).toEqual([]);
    expect(code, stderr).toBe(0);
  }, 300_000);

  it("rejects a malformed --posts with a usage message and exit code 2", async () => {
    const { code, stdout, stderr } = await bench(["--posts", "abc"], 30_000);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const message = stderr.trim();
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(/usage: npm run bench -- .*--posts/);
  });
});
