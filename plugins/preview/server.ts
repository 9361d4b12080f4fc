/**
 * The preview's web server (`npm start`): serves a PreviewSession
 * (./session.ts) on localhost, watches the content folder, and tells open
 * pages to reload once what they show may have changed.
 *
 * - Each page a browser navigates to carries a small script that listens
 *   to `/_billet/events` and reloads the page when the site's version
 *   changes (a load that found something different, or a new server).
 * - While the content or the configuration has problems, every page is
 *   replaced by the list of them, the same lines as in the terminal; the
 *   page comes back by itself once they are fixed.
 * - Code (layouts, plugins, site.config.ts, categories.yaml) is not watched
 *   here: ./supervisor.ts starts a new server when it changes.
 */
import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { watch } from "chokidar";
import type { I18n } from "../i18n/index.ts";
import { errorPage, RELOAD_SCRIPT, RELOAD_URL } from "./page.ts";
import { StaleSource, type PreviewSession, type Served } from "./session.ts";

const EVENTS_URL = "/_billet/events";

/** Changes that come together (an editor's save, a folder renamed) make one load. */
const SETTLE_MS = 20;

export interface PreviewServerOptions {
  port: number;
  /** The session; undefined when the site could not be set up (its problems are then `problems`). */
  session: PreviewSession | undefined;
  /** The site's language for the pages the server writes itself (English if the site has none). */
  i18n: I18n | undefined;
  /** The content folder, watched. */
  inputDir: string | undefined;
  /** Problems found before any session could start (site.config.ts). */
  problems?: string[];
  /** Where the server says what it does. */
  say: (message: string) => void;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<{ close(): Promise<void> }> {
  const { session, i18n, say } = options;
  // Unique to this server and load: a new server always differs from the last one.
  const started = Date.now().toString(36);
  let loads = 0;
  let problems = options.problems ?? [];
  const version = () => `${started}-${loads}`;
  const listeners = new Set<ServerResponse>();

  const announce = () => {
    for (const listener of listeners) listener.write(`data: ${version()}\n\n`);
  };

  const report = (found: string[], previous: string[]) => {
    if (found.length > 0) {
      if (found.join("\n") !== previous.join("\n")) say(problemsText(found, i18n));
    } else if (previous.length > 0) {
      say(i18n?.t.preview.fixed ?? "Fixed: the pages are back.");
    }
  };

  // One load at a time; changes during a load make one more once it is done.
  let loading: Promise<void> = Promise.resolve();
  let pending = false;
  const reload = (): Promise<void> => {
    if (!session) return loading;
    if (pending) return loading;
    pending = true;
    loading = loading.then(async () => {
      pending = false;
      const previous = problems;
      const begun = performance.now();
      try {
        problems = await session.load();
      } catch (error) {
        problems = [(error as Error).message];
      }
      loads++;
      report(problems, previous);
      if (problems.length === 0 && loads > 1) {
        say(
          i18n?.format(i18n.t.preview.updated, { ms: Math.round(performance.now() - begun) }) ??
            `Updated in ${Math.round(performance.now() - begun)} ms`,
        );
      }
      announce();
    });
    return loading;
  };

  await reload();
  // Without a session nothing loads: the problems that stopped it are said once.
  if (!session) report(problems, []);

  let timer: NodeJS.Timeout | undefined;
  const watcher = options.inputDir
    ? watch(options.inputDir, {
        ignoreInitial: true,
        ignored: (file) => path.basename(file).startsWith("."),
        // A change is reported once the file has stopped changing: never half a save, and never
        // only the first of two quick saves (without this, chokidar drops a change that follows
        // another within 50 ms).
        awaitWriteFinish: { stabilityThreshold: 25, pollInterval: 10 },
      })
    : undefined;
  watcher?.on("all", (_event, file) => {
    session?.changed(file);
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), SETTLE_MS);
  });
  if (watcher) await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      say(`${request.url}: ${(error as Error).message}`);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end((error as Error).message);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === EVENTS_URL) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      response.write(`data: ${version()}\n\n`);
      listeners.add(response);
      request.on("close", () => listeners.delete(response));
      return;
    }
    if (url.pathname === RELOAD_URL) {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      response.end(RELOAD_SCRIPT);
      return;
    }
    // Answers once the latest change is loaded: a page is never older than the files.
    await loading;
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    const navigating = request.headers["sec-fetch-mode"] === "navigate";
    const wantsPage = navigating || (request.headers.accept ?? "").includes("text/html");
    const errorServed = (): Served => ({
      status: 500,
      type: "text/html; charset=utf-8",
      body: errorPage(problems, i18n, version()),
    });
    if (problems.length > 0 && (wantsPage || pathname.endsWith("/") || pathname.endsWith(".html"))) {
      send(response, errorServed() as Exclude<Served, { redirect: string }>);
      return;
    }
    if (!session) {
      send(response, { status: 404, type: "text/plain; charset=utf-8", body: "" });
      return;
    }
    let served: Served;
    try {
      served = await session.respond(pathname);
    } catch (error) {
      if (!(error instanceof StaleSource)) throw error;
      // Saved a moment ago: the watcher will say so too; this page waits for that load.
      session.changed(error.file);
      await reload();
      await loading;
      served = problems.length > 0 ? errorServed() : await session.respond(pathname);
    }
    if ("redirect" in served) {
      response.writeHead(301, { location: served.redirect + url.search });
      response.end();
      return;
    }
    if (navigating && served.type.startsWith("text/html") && served.body !== undefined) {
      send(response, { ...served, body: withReloadScript(String(served.body), version()) });
      return;
    }
    send(response, served);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve());
  });
  say(
    i18n?.format(i18n.t.preview.serving, { url: `http://localhost:${options.port}/` }) ??
      `Preview at http://localhost:${options.port}/`,
  );

  return {
    async close() {
      clearTimeout(timer);
      await watcher?.close();
      for (const listener of listeners) listener.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, served: Exclude<Served, { redirect: string }>): void {
  response.writeHead(served.status, { "content-type": served.type, "cache-control": "no-store" });
  if (served.file !== undefined) createReadStream(served.file).pipe(response);
  else response.end(served.body);
}

/** The reload script, added at the end of a page a browser navigates to (never in a build). */
function withReloadScript(html: string, version: string): string {
  const tag = `<script type="module" src="${RELOAD_URL}" data-version="${version}"></script>`;
  const end = html.lastIndexOf("</body>");
  return end === -1 ? html + tag : html.slice(0, end) + tag + html.slice(end);
}

/** The problems as the terminal shows them. */
export function problemsText(problems: string[], i18n: I18n | undefined): string {
  const heading =
    i18n?.plural(i18n.t.preview.problems, problems.length) ??
    `${problems.length} problem(s); the pages show them until they are fixed:`;
  return `${heading}\n${problems.map((problem) => `  ${problem}`).join("\n")}`;
}
