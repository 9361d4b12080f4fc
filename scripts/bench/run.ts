/**
 * Runs one build in a child process and measures it: wall time from spawn to
 * exit (Node start-up included) and the child's peak RSS, reported by the
 * preloaded peak-rss.mjs probe.
 */
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { performance } from "node:perf_hooks";

const PROBE = new URL("./peak-rss.mjs", import.meta.url).href;
const TAIL_BYTES = 64 * 1024;

export interface RunResult {
  seconds: number;
  /** Peak RSS of the Node process, in bytes; undefined if the probe wrote nothing. */
  peakRss: number | undefined;
  /** Peak RSS of its child processes alive at exit (esbuild's service), in bytes. */
  helpersRss: number;
  /** CPU time (user + system) of the Node process, in seconds; undefined if the probe wrote nothing. */
  cpuSeconds: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdoutTail: string;
  stderrTail: string;
}

export interface RunOptions {
  /** Node flags before the script (`--import tsx`). */
  nodeFlags: string[];
  script: string;
  args: string[];
  cwd: string;
  /** Where the probe writes its figures. */
  probeFile: string;
}

/** Children currently running, so an interrupted benchmark can stop them. */
export const running = new Set<import("node:child_process").ChildProcess>();

/** Environment for build children: without NODE_OPTIONS, so a bare build really is bare. */
function childEnv(probeFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_PEAK_RSS_FILE: probeFile };
  delete env.NODE_OPTIONS;
  return env;
}

function tail(chunks: Buffer[]): string {
  return Buffer.concat(chunks).toString("utf8");
}

export async function runBuild(options: RunOptions): Promise<RunResult> {
  await rm(options.probeFile, { force: true });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const keep = (chunks: Buffer[], chunk: Buffer) => {
    chunks.push(chunk);
    let size = chunks.reduce((n, c) => n + c.length, 0);
    while (size > TAIL_BYTES && chunks.length > 1) size -= chunks.shift()!.length;
  };

  const start = performance.now();
  const child = spawn(process.execPath, ["--import", PROBE, ...options.nodeFlags, options.script, ...options.args], {
    cwd: options.cwd,
    env: childEnv(options.probeFile),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.stdout.on("data", (chunk: Buffer) => keep(stdout, chunk));
  child.stderr.on("data", (chunk: Buffer) => keep(stderr, chunk));

  const { code, signal, seconds } = await new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    seconds: number;
  }>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code, signal, seconds: (performance.now() - start) / 1000 }));
  });
  // Let the pipes drain, for the tails.
  await new Promise<void>((resolve) =>
    child.stdout.readableEnded && child.stderr.readableEnded ? resolve() : child.on("close", () => resolve()),
  );
  running.delete(child);

  let peakRss: number | undefined;
  let helpersRss = 0;
  let cpuSeconds: number | undefined;
  try {
    const probe = JSON.parse(await readFile(options.probeFile, "utf8")) as {
      maxRssKb: number;
      cpuUs: number;
      helpersKb: number;
    };
    peakRss = probe.maxRssKb * 1024;
    cpuSeconds = probe.cpuUs / 1e6;
    helpersRss = probe.helpersKb * 1024;
  } catch {
    peakRss = undefined;
  }
  return { seconds, peakRss, helpersRss, cpuSeconds, code, signal, stdoutTail: tail(stdout), stderrTail: tail(stderr) };
}
