/**
 * Starts the preview's server in a child process, and a new one whenever
 * code or configuration changes: layouts, plugins, styles, browser scripts,
 * site.config.ts, content/categories.yaml. Everything they shape may
 * change, and a fresh process is the one exact way to load changed modules.
 * The content itself is watched by the server (./server.ts), which loads
 * only what changed.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { watch } from "chokidar";

/** What is code: a change to one of these starts a new server. */
const CODE = new Set([".ts", ".tsx", ".mts", ".js", ".mjs", ".css", ".json", ".yaml", ".yml"]);
/** Never code of the site: dependencies, caches, outputs, tests, version control. */
const NEVER = new Set(["node_modules", ".git", ".cache", "test", "coverage"]);
/** Files inside a content folder that are configuration, not content. */
const CONTENT_CONFIG = new Set(["categories.yaml"]);

export interface SupervisorOptions {
  /** The folders whose code shapes the site: Billet's own, and the configuration file's. */
  roots: string[];
  /** Starts a server; the supervisor stops it with SIGTERM. */
  start: () => ChildProcess;
  say: (message: string) => void;
}

/** The parts of `file`'s path under the root it lies in. */
function partsUnder(file: string, roots: string[]): string[] {
  const root = roots.find((dir) => file === dir || file.startsWith(dir + path.sep));
  return path.relative(root ?? path.dirname(file), file).split(path.sep);
}

/** Folders that never hold the site's code: dependencies, caches, outputs, tests, hidden ones. */
function neverCode(parts: string[]): boolean {
  return parts.some((part) => NEVER.has(part) || part.startsWith("_site") || part.startsWith("."));
}

export function isCode(file: string, roots: string[]): boolean {
  const parts = partsUnder(file, roots);
  if (neverCode(parts)) return false;
  const name = parts[parts.length - 1]!;
  if (parts.slice(0, -1).includes("content")) return CONTENT_CONFIG.has(name);
  return CODE.has(path.extname(name)) && name !== "package-lock.json";
}

export async function supervise({ roots, start, say }: SupervisorOptions): Promise<void> {
  let child = start();
  let stopping = false;
  const watcher = watch(roots, {
    ignoreInitial: true,
    // Folders that never hold code are not walked, and only code files are watched.
    ignored: (file, stats) =>
      stats?.isDirectory()
        ? !roots.includes(file) && neverCode(partsUnder(file, roots))
        : stats !== undefined && !isCode(file, roots),
  });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  let timer: NodeJS.Timeout | undefined;
  watcher.on("all", (_event, file) => {
    if (!isCode(file, roots)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      say(`↻ ${path.relative(process.cwd(), file)}`);
      const previous = child;
      previous.once("exit", () => {
        if (!stopping) child = start();
      });
      previous.kill("SIGTERM");
    }, 50);
  });

  const stop = () => {
    stopping = true;
    void watcher.close();
    child.once("exit", () => process.exit(0));
    child.kill("SIGTERM");
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** Starts the server process: scripts/run.mjs in its child role. */
export function startServer(runScript: string, args: string[]): ChildProcess {
  return fork(runScript, [...args, "--child"], { stdio: "inherit" });
}
