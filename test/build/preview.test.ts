/**
 * The preview renders pages on request (plugins/preview). Two promises are
 * checked here, byte for byte, through `npm start`'s own server:
 *
 * - it serves what a preview build through Eleventy writes, for every file
 *   of that build (the project's own content, and a generated site);
 * - after a sequence of edits of every kind, what it serves is what a
 *   fresh preview of the same files serves.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { get } from "node:http";
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { freePort } from "../../scripts/bench/preview.ts";
import { afterAll, describe, expect, it } from "vitest";
import { buildProject, post, removeSite, ROOT, runEleventy, writeSite, type BuiltSite } from "../helpers/project.ts";
import { takeWarnings } from "../helpers/build-log.ts";

interface Preview {
  base: string;
  child: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

/** `npm start` for a configuration file, answering once its first page does. */
async function startPreview(config: string): Promise<Preview> {
  const port = await freePort();
  let log = "";
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "scripts/run.mjs"), "--serve", `--port=${port}`, `--config=${config}`],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const base = `http://localhost:${port}`;
  const started = Date.now();
  while ((await fetchBytes(base + "/").catch(() => undefined))?.status !== 200) {
    if (Date.now() - started > 60_000) throw new Error(`The preview did not start; it said:\n${log}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    base,
    child,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
}

/** What the server answers at `url`; as a browser navigating to it with `navigate`. */
function fetchBytes(url: string, navigate = false): Promise<{ status: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: navigate ? { "sec-fetch-mode": "navigate", accept: "text/html" } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

/** The site's version, as an open page knows it. */
async function version(preview: Preview): Promise<string> {
  const page = (await fetchBytes(preview.base + "/", true)).bytes.toString("utf8");
  return /data-version="([^"]+)"/.exec(page)?.[1] ?? "";
}

async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const name = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await filesUnder(path.join(dir, entry.name), name)));
    else found.push(name);
  }
  return found;
}

/** Addresses of a build's files: `/a/index.html` → `/a/`. The search index is made in the background, apart. */
async function builtAddresses(output: string): Promise<string[]> {
  const files = await filesUnder(output);
  return files
    .filter((file) => !file.startsWith("/pagefind/"))
    .map((file) => (file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file))
    .sort((a, b) => Number(a.startsWith("/img/")) - Number(b.startsWith("/img/")) || a.localeCompare(b));
}

/** Every file of the build, served the same by each preview. */
async function expectServesBuild(site: BuiltSite, previews: Preview[]): Promise<number> {
  const addresses = await builtAddresses(site.output);
  for (const url of addresses) {
    const file = await readFile(path.join(site.output, url.endsWith("/") ? `${url}index.html` : url));
    for (const preview of previews) {
      const { status, bytes } = await fetchBytes(preview.base + encodeURI(url));
      expect({ url, status, same: bytes.equals(file) }).toEqual({ url, status: 200, same: true });
    }
  }
  return addresses.length;
}

describe("the preview serves what a preview build writes", () => {
  let project: BuiltSite | undefined;
  afterAll(() => removeSite(project));

  it("for the project's own content", async () => {
    project = await buildProject("watch");
    takeWarnings();
    const preview = await startPreview(path.join(project.dir, "eleventy.config.ts"));
    try {
      expect(await expectServesBuild(project, [preview])).toBeGreaterThan(30);
      // A page that is not there is the 404 page, with its status.
      const missing = await fetchBytes(preview.base + "/billets/nulle-part/");
      expect(missing.status).toBe(404);
      expect(missing.bytes.equals(await readFile(path.join(project.output, "404.html")))).toBe(true);
    } finally {
      await preview.stop();
    }
  }, 120_000);
});

/** A site of `count` posts across categories, tags and years, some with images beside them. */
function generated(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    files[`posts/billet-${i}.md`] = post(
      {
        title: `Billet numéro ${i}`,
        date: `${2020 + (i % 5)}-${month}-${day}`,
        category: i % 3 === 0 ? "pratique" : "opinion",
        tags: [`thème ${i % 7}`, ...(i % 5 === 0 ? ["réseaux"] : [])],
        ...(i % 17 === 0 ? { draft: true } : {}),
      },
      `Premier paragraphe du billet ${i}, écrit pour l’essai.\n\nUn second paragraphe, avec un [lien](https://exemple.fr/${i}).`,
    );
  }
  return files;
}

describe("after a sequence of edits, the preview serves what a fresh preview serves", () => {
  let site: (BuiltSite & { config: string }) | undefined;
  const previews: Preview[] = [];
  afterAll(async () => {
    await Promise.all(previews.map((preview) => preview.stop()));
    await removeSite(site);
  });

  it("on a site of 300 posts", async () => {
    site = await writeSite({ files: generated(300) });
    const content = path.join(site.dir, "content");
    const live = await startPreview(site.config);
    previews.push(live);

    // An edit is done once the version changed and then stayed the same a moment (a save may make several events).
    const edit = async (change: () => Promise<void>) => {
      const before = await version(live);
      await change();
      await expect
        .poll(() => version(live), {
          timeout: 10_000,
          interval: 20,
          message: `a change after ${before}:\n${live.log()}`,
        })
        .not.toBe(before);
      for (let seen = await version(live); ;) {
        await new Promise((done) => setTimeout(done, 200));
        const now = await version(live);
        if (now === seen) break;
        seen = now;
      }
    };
    const file = (name: string) => path.join(content, "posts", name);
    const replace = async (name: string, from: string, to: string) => {
      const text = await readFile(file(name), "utf8");
      expect(text).toContain(from);
      await writeFile(file(name), text.replace(from, to));
    };

    await edit(() => replace("billet-1.md", "Premier paragraphe", "Tout premier paragraphe"));
    await edit(() => replace("billet-2.md", "Billet numéro 2", "Un titre changé"));
    await edit(() => replace("billet-3.md", "2023-04-04", "2019-01-01"));
    await edit(() => replace("billet-4.md", '"opinion"', '"pratique"'));
    await edit(() => replace("billet-5.md", '"thème 5"', '"nouveau thème"'));
    await edit(() => replace("billet-6.md", 'title: "Billet numéro 6"', 'title: "Billet numéro 6"\ndraft: true'));
    await edit(() => replace("billet-17.md", "draft: true\n", ""));
    await edit(() => replace("billet-7.md", "2022-08-08", "2031-08-08"));
    await edit(() => replace("billet-8.md", 'title: "Billet numéro 8"', 'title: "Billet numéro 8"\nslug: "huit"'));
    await edit(() => rename(file("billet-9.md"), file("billet-neuf.md")));
    await edit(() =>
      writeFile(file("tout-nouveau.md"), post({ title: "Tout nouveau", date: "2025-06-01", category: "opinion" })),
    );
    await edit(() => rm(file("billet-10.md")));
    // A post in a folder with an image beside it, then the image changed.
    await edit(async () => {
      await mkdir(path.join(content, "posts", "illustre"), { recursive: true });
      await copyFile(
        path.join(ROOT, "content/posts/calendrier-editorial-une-page/calendrier.png"),
        file("illustre/image.png"),
      );
      await writeFile(
        file("illustre/index.md"),
        post({ title: "Illustré", date: "2025-07-01", category: "pratique" }, "![Un calendrier](image.png)"),
      );
    });
    await edit(async () => {
      // The same picture, one pixel row shorter: another image.
      const sharp = (await import("sharp")).default;
      const image = sharp(file("illustre/image.png"));
      const { width, height } = await image.metadata();
      await writeFile(
        file("illustre/image.png"),
        await image
          .extract({ left: 0, top: 0, width: width!, height: height! - 1 })
          .png()
          .toBuffer(),
      );
    });
    await edit(() =>
      writeFile(
        file("billet-11.comments.yaml"),
        '- id: "a1"\n  author:\n    name: "Lou"\n  date: "2024-02-01 10:00"\n  body: "Merci pour ce billet."\n',
      ),
    );
    // A problem, then fixed: the pages come back as they were.
    await edit(() => replace("billet-12.md", "2022-01-13", "2022-01-32"));
    const broken = await fetchBytes(live.base + "/billets/billet-40/", true);
    expect(broken.status).toBe(500);
    expect(broken.bytes.toString("utf8")).toContain("billet-12.md\u00A0: date\u00A0: trouvé");
    await edit(() => replace("billet-12.md", "2022-01-32", "2022-01-13"));
    expect((await fetchBytes(live.base + "/billets/billet-40/")).status).toBe(200);

    // A fresh preview of the same files, and a preview build of them: the same bytes everywhere.
    const fresh = await startPreview(site.config);
    previews.push(fresh);
    await runEleventy(site.config, "watch");
    takeWarnings();
    expect(await expectServesBuild(site, [live, fresh])).toBeGreaterThan(300);
    const addresses = ["/billets/illustre/image.png", "/billets/billet-10/", "/billets/billet-9/", "/nulle-part/"];
    for (const url of addresses) {
      const [a, b] = await Promise.all([fetchBytes(live.base + url), fetchBytes(fresh.base + url)]);
      expect({ url, status: a.status, same: a.bytes.equals(b.bytes) }).toEqual({ url, status: b.status, same: true });
    }
  }, 240_000);
});
