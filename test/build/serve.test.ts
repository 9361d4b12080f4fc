/**
 * `npm start`: the dev server shows the blog with drafts badged, reloads
 * the browser on change, picks up an edit, shows problems in the browser
 * until they are fixed, and starts anew when site.config.ts changes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { get } from "node:http";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { freePort } from "../../scripts/bench/preview.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, removeSite, ROOT, writeSite, type BuiltSite } from "../helpers/project.ts";

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
    expect(home.body).toMatch(
      /<script type="module" src="\/_billet\/reload.js" data-version="[^"]+"><\/script><\/body>/,
    );
    // Only for a browser navigating: the page itself is the build's.
    const raw = await new Promise<string>((resolve, reject) => {
      get(base + "/", (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve(body));
      }).on("error", reject);
    });
    expect(raw).not.toContain("/_billet/reload.js");
  });

  it("shows drafts, badged", async () => {
    const draft = await fetchText(base + "/billets/en-cours/");
    expect(draft.status).toBe(200);
    expect(draft.body).toContain('class="badge badge--draft"');
  });

  it("makes a search index of what the preview shows, drafts included, in the background", async () => {
    const pageCount = () =>
      fetchText(base + "/pagefind/pagefind-entry.json").then(
        ({ body }) => JSON.parse(body).languages.fr?.page_count as number | undefined,
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

  it("shows a mistake in every page until it is fixed, then the page comes back", async () => {
    const file = path.join(site.dir, "content/posts/premier.md");
    const good = await readFile(file, "utf8");
    await writeFile(
      file,
      good.replace('"date": "2024-01-01"', '"date": "2024-01-32"').replace('date: "2024-01-01"', 'date: "2024-01-32"'),
    );
    await expect
      .poll(() => log, { timeout: 30_000, interval: 250 })
      .toContain("date\u00A0: trouvé «\u00A02024-01-32\u00A0», attendu une date réelle");
    for (const url of ["/", "/billets/en-cours/", "/nulle-part/"]) {
      const shown = await fetchText(base + url);
      expect(shown.status).toBe(500);
      expect(shown.body).toContain(
        "premier.md\u00A0: date\u00A0: trouvé «\u00A02024-01-32\u00A0», attendu une date réelle",
      );
      // The same live reload: the page comes back by itself once fixed.
      expect(shown.body).toContain('src="/_billet/reload.js"');
      expect(shown.body).not.toMatch(/\bat .*\.ts:\d+/);
    }
    await writeFile(file, good.replace("Version deux.", "Version trois."));
    await expect
      .poll(() => fetchText(base + "/billets/premier/").then((r) => r.body), { timeout: 30_000, interval: 250 })
      .toContain("Version trois.");
  });

  it("reads site.config.ts again when it changes, and shows its problems the same way", async () => {
    const config = path.join(site.dir, "site.config.ts");
    const good = await readFile(config, "utf8");
    await writeFile(config, good.replace('"Carnet de test"', '"Carnet renommé"'));
    await expect
      .poll(() => fetchText(base + "/").then((r) => r.body), { timeout: 60_000, interval: 250 })
      .toContain("Carnet renommé");
    await writeFile(config, good.replace('"Europe/Paris"', '"Europe/Strasburg"'));
    await expect
      .poll(() => fetchText(base + "/").then((r) => `${r.status} ${r.body}`), { timeout: 60_000, interval: 250 })
      .toMatch(/^500 [^]*site\.config\.ts\u00A0: timeZone\u00A0: trouvé «\u00A0Europe\/Strasburg\u00A0»/);
    // Not even TypeScript: the file and its line, without the compiler's wrapping.
    await writeFile(config, good.replace('"Carnet de test"', '"Carnet de test'));
    await expect
      .poll(() => fetchText(base + "/").then((r) => `${r.status} ${r.body}`), { timeout: 60_000, interval: 250 })
      .toMatch(/^500 [^]*site\.config\.ts:\d+: /);
    expect((await fetchText(base + "/")).body).not.toContain("Transform failed");
    await writeFile(config, good);
    await expect
      .poll(() => fetchText(base + "/").then((r) => `${r.status} ${r.body}`), { timeout: 60_000, interval: 250 })
      .toMatch(/^200 [^]*Carnet de test/);
  });
});
