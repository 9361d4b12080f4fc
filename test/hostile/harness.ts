/**
 * Runs Billet's commands the way an author does, as child processes, on
 * small sites written for one input each, under a time and a memory cap,
 * and says what an author would see: the exit, the output, and whether
 * `_site` and `content/` changed.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { lstat, mkdir, readdir, readFile, readlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "../helpers/project.ts";

export type EntryPoint = "check" | "build" | "import";

export interface Limits {
  /** Wall-clock time before the process is killed. */
  timeoutMs: number;
  /** V8's old-space limit, in megabytes. */
  memoryMb: number;
}

export const LIMITS: Limits = { timeoutMs: 60_000, memoryMb: 384 };

export interface Run {
  entry: EntryPoint;
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  output: string;
  ms: number;
}

/** The command line of each entry point, as package.json's scripts run them, with the caps added. */
function commandLine(entry: EntryPoint, site: string, args: string[], limits: Limits): string[] {
  const memory = `--max-old-space-size=${limits.memoryMb}`;
  switch (entry) {
    case "build":
      return [memory, path.join(ROOT, "scripts/run.mjs"), `--config=${path.join(site, "eleventy.config.ts")}`, ...args];
    case "check":
      // `npm run check` reads the project's site.config.ts and the content folder it is given.
      return [memory, "--import", "tsx", path.join(ROOT, "scripts/check.ts"), path.join(site, "content"), ...args];
    case "import":
      return [
        memory,
        "--import",
        "tsx",
        path.join(ROOT, "scripts/import-wordpress.ts"),
        ...args,
        "--out",
        path.join(site, "content"),
        "--config",
        path.join(site, "site.config.ts"),
      ];
  }
}

export function runEntryPoint(
  entry: EntryPoint,
  site: string,
  {
    args = [],
    env = {},
    limits = LIMITS,
  }: { args?: string[]; env?: Record<string, string | undefined>; limits?: Limits } = {},
): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      commandLine(entry, site, args, limits),
      {
        cwd: ROOT,
        // Vitest's own NODE_OPTIONS (tsx's loader) are not the author's.
        env: { ...process.env, NODE_OPTIONS: "", GITHUB_TOKEN: "", ...env },
        timeout: limits.timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: 64 * 1024 * 1024,
        encoding: "utf8",
      },
      (error, stdout, stderr) => {
        const failed = error as (Error & { code?: number | string; signal?: string; killed?: boolean }) | null;
        const ms = Date.now() - started;
        resolve({
          entry,
          code: failed ? (typeof failed.code === "number" ? failed.code : null) : 0,
          signal: failed?.signal ?? null,
          timedOut: !!failed?.killed && ms >= limits.timeoutMs - 50,
          stdout,
          stderr,
          output: `${stdout}\n${stderr}`,
          ms,
        });
      },
    );
  });
}

/**
 * Lines that only a program's own failure prints: a stack frame, the heading
 * of a Node error (`TypeError: …`, `Error [ERR_…]: …`), either also behind
 * Eleventy's `[11ty]`, Eleventy's « Original error stack trace », Node's own
 * modules, the caret under a line of source.
 */
const STACK_TRACE = [
  /^(?:\[11ty\])?\s+at\s+\S/m,
  /^(?:\[11ty\]\s+)?(?:Uncaught\s+)?(?:[A-Z]\w*)?Error(?:\s\[[A-Z_]+\])?:/m,
  /Original error stack trace:/,
  /node:internal\//,
  /^\s*\^+\s*$/m,
];

/** The first line of `output` that belongs to a stack trace, if any. */
export function stackTraceLine(output: string): string | undefined {
  const first = STACK_TRACE.map((pattern) => pattern.exec(output))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (!first) return undefined;
  const start = output.lastIndexOf("\n", first.index) + 1;
  const end = output.indexOf("\n", first.index);
  return output.slice(start, end === -1 ? undefined : end);
}

/**
 * A fingerprint of a folder: every path below it with its kind and content
 * (a symbolic link by its target, never followed). Equal fingerprints, same
 * folder as far as a reader or a build can tell.
 */
export async function folderHash(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const walk = async (folder: string, relative: string): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(folder)).sort();
    } catch {
      hash.update(`missing ${relative}\n`);
      return;
    }
    for (const name of names) {
      const file = path.join(folder, name);
      const shown = relative ? `${relative}/${name}` : name;
      const stats = await lstat(file);
      if (stats.isSymbolicLink()) hash.update(`link ${shown} ${await readlink(file)}\n`);
      else if (stats.isDirectory()) {
        hash.update(`dir ${shown}\n`);
        await walk(file, shown);
      } else {
        hash.update(`file ${shown} ${stats.size}\n`);
        hash.update(await readFile(file));
      }
    }
  };
  await walk(dir, "");
  return hash.digest("hex");
}

/** What an earlier, good build left in `_site`: a failed build must leave exactly this. */
export async function writePreviousBuild(output: string): Promise<void> {
  await mkdir(path.join(output, "billets/ancien"), { recursive: true });
  await writeFile(path.join(output, "index.html"), "<!doctype html><title>Build précédent</title>\n");
  await writeFile(path.join(output, "billets/ancien/index.html"), "<!doctype html><title>Ancien billet</title>\n");
}

/** One line per thing an author would object to in a run; empty when the run behaved. */
export function complaints(
  run: Run,
  expected: { outcome: "success" | "error" | "either"; names: string[]; maxOutput?: number },
): string[] {
  const found: string[] = [];
  const where = `${run.entry} (exit ${run.code ?? run.signal}, ${run.ms} ms)`;
  if (run.timedOut) found.push(`${where}: still running after the time cap, killed`);
  else if (run.code === null) found.push(`${where}: killed by ${run.signal}`);
  else if (run.code !== 0 && run.code !== 1) found.push(`${where}: exit code ${run.code}, expected 0 or 1`);
  const succeeded = run.code === 0;
  if (expected.outcome === "success" && !succeeded && !run.timedOut) found.push(`${where}: failed, expected success`);
  if (expected.outcome === "error" && succeeded) found.push(`${where}: succeeded, expected an error`);
  if (!succeeded || expected.outcome === "success") {
    for (const name of expected.names) {
      if (!run.output.includes(name)) found.push(`${where}: the output does not name ${name}`);
    }
  }
  const trace = stackTraceLine(run.output);
  if (trace !== undefined) found.push(`${where}: a stack trace: ${trace.trim().slice(0, 200)}`);
  if (expected.maxOutput !== undefined && run.output.length > expected.maxOutput)
    found.push(`${where}: ${run.output.length} characters of output, expected at most ${expected.maxOutput}`);
  return found;
}

/** The start of a run's output, for a failure message. */
export function excerpt(run: Run, length = 1200): string {
  const text = run.output.trim();
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
