/**
 * `npm start`: the dev server shows the blog with drafts badged, reloads
 * the browser on change, and picks up an edit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { get } from "node:http";
import { createServer } from "node:net";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, removeSite, ROOT, writeSite, type BuiltSite } from "../helpers/project.ts";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Polls until `check` passes, outside a test (where expect.poll is not allowed). */
async function waitUntil(check: () => Promise<boolean>, timeout: number, what: () => string): Promise<void> {
  const start = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what()}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * Fetches a page as a browser navigating to it: the dev server adds its
 * reload client only then. (fetch() may not set Sec-Fetch-Mode, so plain http.)
 */
function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "sec-fetch-mode": "navigate", accept: "text/html" } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

describe("the dev server", () => {
  let site: BuiltSite & { config: string };
  let child: ChildProcess;
  let base: string;
  let log = "";

  beforeAll(async () => {
    site = await writeSite({
      files: {
        "posts/premier.md": post({ title: "Premier billet", date: "2024-01-01", category: "opinion" }, "Version un."),
        "posts/en-cours.md": post({ title: "En cours", date: "2024-01-02", category: "opinion", draft: true }),
      },
    });
    const port = await freePort();
    base = `http://localhost:${port}`;
    child = spawn(
      process.execPath,
      [path.join(ROOT, "scripts/run.mjs"), "--serve", `--port=${port}`, `--config=${site.config}`],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout!.on("data", (chunk) => (log += chunk));
    child.stderr!.on("data", (chunk) => (log += chunk));
    await waitUntil(
      async () => (await fetchText(base + "/")).status === 200,
      60_000,
      () => `the dev server; it said:\n${log}`,
    );
  });

  afterAll(async () => {
    child?.kill("SIGINT");
    await new Promise((done) => (child?.exitCode !== null ? done(null) : child.once("exit", done)));
    await removeSite(site);
  });

  it("serves the blog with the live-reload client", async () => {
    const home = await fetchText(base + "/");
    expect(home.body).toContain("Premier billet");
    expect(home.body).toMatch(/<script[^>]+reload-client/);
  });

  it("shows drafts, badged", async () => {
    const draft = await fetchText(base + "/billets/en-cours/");
    expect(draft.status).toBe(200);
    expect(draft.body).toContain('class="badge badge--draft"');
  });

  it("writes a search index of what the preview shows, drafts included, in the background", async () => {
    const pageCount = () =>
      readFile(path.join(site.output, "pagefind", "pagefind-entry.json"), "utf8").then(
        (text) => JSON.parse(text).languages.fr?.page_count as number | undefined,
        () => undefined,
      );
    await expect.poll(pageCount, { timeout: 30_000, interval: 250 }).toBe(2);
    expect((await fetchText(base + "/recherche/")).status).toBe(200);
  });

  it("rebuilds when a post changes", async () => {
    const file = path.join(site.dir, "content/posts/premier.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("Version un.", "Version deux."));
    await expect
      .poll(() => fetchText(base + "/billets/premier/").then((r) => r.body), { timeout: 30_000, interval: 250 })
      .toContain("Version deux.");
  });

  it("reports a mistake and keeps serving until it is fixed", async () => {
    const file = path.join(site.dir, "content/posts/premier.md");
    const good = await readFile(file, "utf8");
    await writeFile(
      file,
      good.replace('"date": "2024-01-01"', '"date": "2024-01-32"').replace('date: "2024-01-01"', 'date: "2024-01-32"'),
    );
    await expect
      .poll(() => log, { timeout: 30_000, interval: 250 })
      .toContain("date\u00A0: trouvé «\u00A02024-01-32\u00A0», attendu une date réelle");
    expect((await fetchText(base + "/")).status).toBe(200);
    await writeFile(file, good.replace("Version deux.", "Version trois."));
    await expect
      .poll(() => fetchText(base + "/billets/premier/").then((r) => r.body), { timeout: 30_000, interval: 250 })
      .toContain("Version trois.");
  });
});
