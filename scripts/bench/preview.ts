/**
 * The author's preview (`npm start`), timed from the outside: the process
 * is started as an author starts it, files are saved as an editor saves
 * them, and pages are fetched over HTTP as a browser navigating to them
 * (`sec-fetch-mode: navigate`, `accept: text/html`). Nothing here knows how
 * the preview works inside: only that it serves http://localhost:PORT, 404
 * for a page that does not exist, and the site's HTML.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { Agent, get } from "node:http";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";

const TAIL_BYTES = 64 * 1024;
/** How often a page is asked for while waiting for a change. */
export const POLL_MS = 15;

export interface Page {
  status: number;
  body: string;
}

/** One thing the preview must serve: a page, and what it must (not) hold. */
export interface Check {
  /** For messages: `the post page shows the new title`. */
  what: string;
  path: string;
  test: (page: Page) => boolean;
}

export class PreviewError extends Error {}
/** The preview did not serve a change in the time given. */
export class NotServedError extends PreviewError {}

/** Previews running, so that an interrupted benchmark can stop them. */
export const previews = new Set<Preview>();

/** A port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = (() => {
  if (process.platform !== "linux") return 100;
  const ticks = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

export class Preview {
  readonly base: string;
  readonly #child: ChildProcess;
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 8 });
  #output: Buffer[] = [];
  #exit: Promise<void>;
  #exited = false;

  private constructor(child: ChildProcess, port: number) {
    this.#child = child;
    this.base = `http://localhost:${port}`;
    const keep = (chunk: Buffer) => {
      this.#output.push(chunk);
      let size = this.#output.reduce((n, c) => n + c.length, 0);
      while (size > TAIL_BYTES && this.#output.length > 1) size -= this.#output.shift()!.length;
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.#exit = new Promise((done) =>
      child.once("exit", () => {
        this.#exited = true;
        done();
      }),
    );
  }

  /**
   * Starts `node <script> --serve --port P --config <config>` in `cwd`, in a
   * process group of its own (so that it is stopped with everything it
   * started), and returns at once: `startedAt` is the moment it was spawned.
   */
  static async start(options: {
    script: string;
    config: string;
    cwd: string;
  }): Promise<{ preview: Preview; startedAt: number }> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NODE_OPTIONS;
    const startedAt = performance.now();
    const child = spawn(
      process.execPath,
      [options.script, "--serve", "--port", String(port), "--config", options.config],
      { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    const preview = new Preview(child, port);
    previews.add(preview);
    return { preview, startedAt };
  }

  /** The last lines the preview printed, for an error message. */
  outputTail(lines = 30): string {
    const text = Buffer.concat(this.#output).toString("utf8").trim();
    return (text || "(nothing)")
      .split("\n")
      .slice(-lines)
      .map((line) => `  | ${line}`)
      .join("\n");
  }

  /** A page, as a browser navigating to it asks for it. */
  fetch(pathname: string, timeoutMs = 60_000): Promise<Page> {
    return new Promise((resolve, reject) => {
      const request = get(
        this.base + pathname,
        { agent: this.#agent, headers: { "sec-fetch-mode": "navigate", accept: "text/html" } },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
          response.on("error", reject);
        },
      );
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer in ${timeoutMs / 1000} s`)));
      request.on("error", reject);
    });
  }

  /**
   * Asks for every page of `checks` every POLL_MS until each has passed
   * once, and returns the seconds from `since` to the moment the last one
   * passed. A page that fails to answer (the server restarting) simply has
   * not passed yet.
   */
  async waitFor(checks: Check[], since: number, timeoutMs: number): Promise<number> {
    const passedAt = new Map<Check, number>();
    const last = new Map<Check, string>();
    while (passedAt.size < checks.length) {
      if (this.#exited) throw new PreviewError(`the preview stopped. Its last lines:\n${this.outputTail()}`);
      if (performance.now() - since > timeoutMs) {
        const missing = checks.filter((check) => !passedAt.has(check));
        throw new NotServedError(
          `after ${(timeoutMs / 1000).toFixed(0)} s, still waiting until ${missing.map((c) => `${c.what} (${c.path}: ${last.get(c) ?? "no answer"})`).join(", and ")}`,
        );
      }
      const round = performance.now();
      await Promise.all(
        checks
          .filter((check) => !passedAt.has(check))
          .map(async (check) => {
            try {
              const page = await this.fetch(check.path);
              if (check.test(page)) passedAt.set(check, performance.now());
              else last.set(check, page.status === 200 ? "answers 200, without the change" : `answers ${page.status}`);
            } catch (error) {
              last.set(check, error instanceof Error ? error.message : String(error));
            }
          }),
      );
      if (passedAt.size < checks.length) await sleep(Math.max(0, POLL_MS - (performance.now() - round)));
    }
    return (Math.max(...passedAt.values()) - since) / 1000;
  }

  /** CPU time used so far by every process of the preview's group, in seconds (Linux), or undefined. */
  #groupCpuSeconds(): number | undefined {
    const pgid = this.#child.pid;
    if (pgid === undefined || process.platform !== "linux") return undefined;
    let ticks = 0;
    let names: string[];
    try {
      names = readdirSync("/proc");
    } catch {
      return undefined;
    }
    for (const name of names) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        // After the command's name in parentheses: state ppid pgrp … utime(14) stime(15).
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // The process ended meanwhile.
      }
    }
    return ticks / CLOCK_TICKS;
  }

  /**
   * Waits until the preview is idle, so that the next edit does not find it
   * still busy with the last one (a rebuild it finishes after serving the
   * page, a search index it writes in the background): until its processes
   * together use less than a tenth of a core over two half-seconds in a
   * row, or `timeoutMs` has passed. Where CPU times cannot be read, waits a
   * second.
   */
  async quiet(timeoutMs: number): Promise<void> {
    const WINDOW_MS = 500;
    const first = this.#groupCpuSeconds();
    if (first === undefined) {
      await sleep(1000);
      return;
    }
    let before = first;
    const start = performance.now();
    let quietWindows = 0;
    while (quietWindows < 2 && performance.now() - start < timeoutMs) {
      await sleep(WINDOW_MS);
      const now: number = this.#groupCpuSeconds() ?? before;
      quietWindows = now - before < 0.1 * (WINDOW_MS / 1000) ? quietWindows + 1 : 0;
      before = now;
    }
  }

  /**
   * Stops the preview as an author does (Ctrl+C: SIGINT to its group), then
   * ends whatever of its group is left: SIGTERM, and SIGKILL if that is not
   * enough.
   */
  async stop(): Promise<void> {
    const pgid = this.#child.pid;
    this.#agent.destroy();
    if (pgid !== undefined) {
      const signal = (name: NodeJS.Signals | 0): boolean => {
        try {
          process.kill(-pgid, name);
          return true;
        } catch {
          return false; // No process left in the group.
        }
      };
      const groupGone = async (ms: number): Promise<boolean> => {
        const end = performance.now() + ms;
        while (performance.now() < end) {
          if (!signal(0)) return true;
          await sleep(50);
        }
        return !signal(0);
      };
      signal("SIGINT");
      if (!(await groupGone(10_000))) {
        signal("SIGTERM");
        if (!(await groupGone(5_000))) signal("SIGKILL");
      }
    }
    await this.#exit;
    previews.delete(this);
  }

  /** For an interrupted benchmark: ends the group at once. */
  kill(): void {
    const pgid = this.#child.pid;
    if (pgid === undefined) return;
    try {
      process.kill(-pgid, "SIGTERM");
    } catch {
      // Gone already.
    }
  }
}
