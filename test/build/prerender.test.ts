/**
 * Markdown rendered ahead in a worker thread (plugins/markdown/prerender.ts)
 * gives exactly what Eleventy's own rendering gives, and is used only for the
 * very text Eleventy renders.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { parseSource } from "../../plugins/content/frontmatter.ts";
import { loadContent, readSource, SourceCache, type HelpedRead } from "../../plugins/content/load.ts";
import { I18n } from "../../plugins/i18n/index.ts";
import { createMarkdown, ELEVENTY_DISABLED_RULES } from "../../plugins/markdown/index.ts";
import { Prerenderer } from "../../plugins/markdown/prerender.ts";
import { takeLines } from "../helpers/build-log.ts";
import { listFiles } from "../helpers/html.ts";
import { buildProject, post, removeSite, SMALL_CONFIG, tempDir, type BuiltSite } from "../helpers/project.ts";
import { loadSiteConfig } from "../../plugins/site/load.ts";
import type { SiteConfig } from "../../plugins/site/config.ts";
import { DateTime } from "luxon";

const BODIES = {
  "typography.md": "« Bonjour » : c'est l'heure ! Vraiment ? Oui ; \"guillemets\" et -- tirets...\n",
  "headings.md": "## Même titre\n\nTexte.\n\n## Même titre\n\n### Été, ça & là\n",
  "table.md": "| Réseau | Public |\n|---|---:|\n| LinkedIn | cadres |\n| TikTok | 15-25 ans |\n",
  "code.md": "Avant\n\n    pas du code : Eleventy coupe le code indenté\n\n```js\nconst a = '«';\n```\n",
  "html.md":
    '<div class="note">\n\n**Gras** et [lien](https://exemple.fr "Titre").\n\n</div>\n\n> Citation\n> sur deux lignes\n',
  "lists.md": "1. **Premier** : un\n2. Deuxième\n   - imbriqué\n   - encore\n\nFin.\n",
};

describe("the Markdown worker", () => {
  const settings = { language: "fr", timeZone: "Europe/Paris" } as const;
  const { md } = createMarkdown({ i18n: new I18n(settings.language, settings.timeZone) });
  md.disable(ELEVENTY_DISABLED_RULES);

  /** Writes the bodies as Markdown files (with a front matter) and returns their paths, in order. */
  async function sources(bodies: Record<string, string>): Promise<string[]> {
    const dir = await tempDir("worker");
    const files: string[] = [];
    for (const [name, body] of Object.entries(bodies)) {
      const file = path.join(dir, name);
      await writeFile(file, `---\ntitle: ${name}\n---\n${body}`);
      files.push(file);
    }
    return files;
  }

  /** Gives the worker a build's files, reading none of them for the main thread, and waits until it is done. */
  async function renderAhead(prerender: Prerenderer, files: string[]): Promise<void> {
    prerender.begin();
    const claims = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(claims, 0, files.length);
    expect(await prerender.share(files, claims)).toEqual([]);
    await prerender.finish();
    await prerender.settled();
  }

  it("renders each body as the build does, and answers only for the same text", async () => {
    const prerender = new Prerenderer(settings, { threshold: 2 });
    const files = await sources({ ...BODIES, "image.md": "Une image : ![Un chat](chat.jpg)\n" });
    await renderAhead(prerender, files);

    Object.values(BODIES).forEach((body, i) => {
      expect(prerender.take(files[i], body), files[i]).toBe(md.render(body, {}));
    });
    expect(prerender.used).toBe(Object.keys(BODIES).length);
    expect(prerender.rendered).toBe(Object.keys(BODIES).length);
    // Another text at the same place (edited since it was read) is not answered.
    expect(prerender.take(files[5], BODIES["lists.md"] + "\nAjout.\n")).toBeUndefined();
    // Images depend on the page (the image pipeline): never rendered ahead.
    expect(prerender.take(files[6], "Une image : ![Un chat](chat.jpg)\n")).toBeUndefined();
    expect(prerender.take(undefined, BODIES["lists.md"])).toBeUndefined();
  });

  it("does not start below its threshold, and forgets a build when the next begins", async () => {
    const files = await sources({ "a.md": BODIES["table.md"] });
    const prerender = new Prerenderer(settings, { threshold: 10 });
    prerender.begin();
    expect(prerender.share(files, new Int32Array(new SharedArrayBuffer(4)))).toBeUndefined();
    expect(prerender.take(files[0], BODIES["table.md"])).toBeUndefined();

    const busy = new Prerenderer(settings, { threshold: 1 });
    await renderAhead(busy, files);
    expect(busy.take(files[0], BODIES["table.md"])).toBe(md.render(BODIES["table.md"], {}));
    busy.begin();
    expect(busy.take(files[0], BODIES["table.md"])).toBeUndefined();
    // The next build has a worker of its own.
    await renderAhead(busy, files);
    expect(busy.take(files[0], BODIES["table.md"])).toBe(md.render(BODIES["table.md"], {}));
  });

  it("wraps md.render: rendered ahead when it can, rendered there otherwise", async () => {
    const { md: wrapped } = createMarkdown({ i18n: new I18n(settings.language, settings.timeZone) });
    wrapped.disable(ELEVENTY_DISABLED_RULES);
    const prerender = new Prerenderer(settings, { threshold: 1 });
    prerender.wrap(wrapped);
    const files = await sources({ "a.md": BODIES["headings.md"] });
    await renderAhead(prerender, files);
    const env = (inputPath: string) => ({ page: { inputPath, url: "/a/" } });
    expect(wrapped.render(BODIES["headings.md"], env(files[0]!))).toBe(md.render(BODIES["headings.md"], {}));
    expect(prerender.used).toBe(1);
    expect(wrapped.render(BODIES["code.md"], env("/site/b.md"))).toBe(md.render(BODIES["code.md"], {}));
    expect(prerender.used).toBe(1);
  });
});

describe("a build that renders its Markdown ahead", () => {
  let site: BuiltSite | undefined;
  afterAll(() => removeSite(site));

  it("writes the same site, byte for byte, as one that does not", async () => {
    takeLines();
    site = await buildProject("build", { prerender: 1, prerenderWait: true });
    const line = takeLines().find((text) => text.startsWith("[billet] Markdown:"));
    // The sample's posts without images (the others are rendered by Eleventy's thread).
    const [, used] = /(\d+) of (\d+) bodies/.exec(line ?? "") ?? [];
    expect(Number(used)).toBeGreaterThanOrEqual(10);
    const reference = inject("siteOutput");
    const files = await listFiles(reference);
    expect(await listFiles(site.output)).toEqual(files);
    const different: string[] = [];
    for (const file of files.filter((name) => /\.(html|xml|json|txt)$/.test(name))) {
      const [a, b] = await Promise.all([readFile(path.join(reference, file)), readFile(path.join(site.output, file))]);
      if (!a.equals(b)) different.push(file);
    }
    expect(different).toEqual([]);
  });
});

describe("reading the sources on two threads", () => {
  const settings = { language: "fr", timeZone: "Europe/Paris" } as const;
  const { md } = createMarkdown({ i18n: new I18n(settings.language, settings.timeZone) });
  md.disable(ELEVENTY_DISABLED_RULES);
  const renderInline = (text: string) => md.renderInline(text);

  async function contentFolder(): Promise<{ dir: string; files: string[] }> {
    const dir = await tempDir("two-threads");
    await mkdir(path.join(dir, "content", "posts"), { recursive: true });
    const texts: Record<string, string> = {
      "a.md": post({ title: "Un « titre »", date: "2024-03-01", category: "notes", tags: ["un"] }, BODIES["lists.md"]),
      "b.md": post({ title: "Sans description", date: "2024-03-02", category: "notes" }, BODIES["typography.md"]),
      "c.md": post({ title: "Image", date: "2024-03-03", category: "notes" }, "![Un chat](/images/chat.jpg)\n"),
      "d.md": "---\ntitle: [pas fermé\n---\nTexte.\n",
    };
    for (const [name, text] of Object.entries(texts)) await writeFile(path.join(dir, "content", "posts", name), text);
    const files = Object.keys(texts).map((name) => path.join(dir, "content", "posts", name));
    return { dir, files };
  }

  it("the worker makes the same facts as the main thread, and leaves images and errors to it", async () => {
    const { dir, files } = await contentFolder();
    const prerender = new Prerenderer(settings, { threshold: 1 });
    prerender.warmUp(path.join(dir, "content"));
    prerender.begin();
    // The worker takes every file: the main thread claims none.
    const reads = (await prerender.share(files, new Int32Array(new SharedArrayBuffer(4))))!;
    await prerender.finish();
    await prerender.settled();
    const byIndex = new Map(reads.map((read) => [read.index, read]));
    expect(byIndex.size).toBe(files.length);
    for (const i of [0, 1]) {
      const read = byIndex.get(i) as Extract<HelpedRead, { facts: unknown }>;
      const here = readSource(await readFile(files[i]!, "utf8"), renderInline);
      expect(read.facts).toEqual(here.facts);
      expect(read.matter).toBe(here.matter);
    }
    expect(byIndex.get(2)).toEqual({ index: 2, declined: true });
    const error = (() => {
      try {
        parseSource("---\ntitle: [pas fermé\n---\nTexte.\n");
      } catch (thrown) {
        return (thrown as Error).message;
      }
    })();
    expect(byIndex.get(3)).toEqual({ index: 3, problem: error });
    // What the worker read, it also rendered.
    const body = readSource(await readFile(files[0]!, "utf8"), renderInline).body;
    expect(prerender.take(files[0], body)).toBe(md.render(body, {}));
    await removeSite({ dir, output: dir });
  });

  it("loadContent reads on the main thread whatever a helper took and did not answer for", async () => {
    const { dir, files } = await contentFolder();
    // d.md's YAML error would stop the load: leave it out.
    await rm(files[3]!);
    const site = loadSiteConfig(
      { ...SMALL_CONFIG, categories: { notes: { name: "Notes" } } } as unknown as SiteConfig,
      path.join(dir, "content"),
    );
    const i18n = new I18n(site.language, site.timeZone);
    const load = (helper?: Parameters<typeof loadContent>[0]["helper"]) =>
      loadContent({
        inputDir: path.join(dir, "content"),
        site,
        i18n,
        now: DateTime.fromISO("2025-01-01T00:00:00", { zone: site.timeZone }),
        renderInline,
        cache: new SourceCache(),
        helper,
      });
    const alone = await load();
    // A helper that takes two files and dies without answering.
    const lost = await load({
      share: (_files, claims) => {
        Atomics.add(claims, 0, 2);
        return Promise.resolve([]);
      },
    });
    expect(lost).toEqual(alone);
    // A helper that answers for the first file it took and declines the second.
    const helped = await load({
      share: async (names, claims) => {
        const first = Atomics.add(claims, 0, 1);
        const second = Atomics.add(claims, 0, 1);
        const { facts, matter } = readSource(await readFile(names[first]!, "utf8"), renderInline);
        return [
          { index: first, mtimeMs: 0, ctimeMs: 0, size: 0, ino: 0, readAt: Date.now(), facts, matter },
          { index: second, declined: true },
        ];
      },
    });
    expect(helped).toEqual(alone);
    await removeSite({ dir, output: dir });
  });
});
