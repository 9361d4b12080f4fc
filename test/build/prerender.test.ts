/**
 * Markdown rendered ahead in a worker thread (plugins/markdown/prerender.ts)
 * gives exactly what Eleventy's own rendering gives, and is used only for the
 * very file the build read.
 */
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { sourceDigest } from "../../plugins/content/source.ts";
import { I18n } from "../../plugins/i18n/index.ts";
import { createMarkdown } from "../../plugins/markdown/index.ts";
import { Prerenderer } from "../../plugins/markdown/prerender.ts";
import { takeLines, takeWarnings } from "../helpers/build-log.ts";
import { listFiles } from "../helpers/html.ts";
import { buildProject, removeSite, tempDir, type BuiltSite } from "../helpers/project.ts";

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

  /** Writes the bodies as posts (with a front matter) of a content folder; returns it and their paths, in order. */
  async function sources(bodies: Record<string, string>): Promise<{ dir: string; files: string[] }> {
    const dir = await tempDir("worker");
    await mkdir(path.join(dir, "posts"));
    const files: string[] = [];
    for (const [name, body] of Object.entries(bodies)) {
      const file = path.join(dir, "posts", name);
      await writeFile(file, `---\ntitle: ${name}\n---\n${body}`);
      files.push(file);
    }
    return { dir, files };
  }

  /** The source store's digest of a file as it is now. */
  const digestOf = (file: string) => sourceDigest(readFileSync(file));

  it("renders each body as the build does, and answers only for the file the build read", async () => {
    const prerender = new Prerenderer(settings, { threshold: 2, wait: true });
    const { dir, files } = await sources({ ...BODIES, "image.md": "Une image : ![Un chat](chat.jpg)\n" });
    await prerender.begin(dir);

    Object.values(BODIES).forEach((body, i) => {
      expect(prerender.take(files[i]!, digestOf(files[i]!)), files[i]).toBe(md.render(body, {}));
    });
    expect(prerender.used).toBe(Object.keys(BODIES).length);
    expect(prerender.rendered).toBe(Object.keys(BODIES).length);
    // The same file saved again since the worker read it is not answered: the build renders what it read.
    await writeFile(files[5]!, `---\ntitle: lists.md\n---\n${BODIES["lists.md"]}\nAjout.\n`);
    expect(prerender.take(files[5]!, digestOf(files[5]!))).toBeUndefined();
    // Images depend on the page (the image pipeline): never rendered ahead.
    expect(prerender.take(files[6]!, digestOf(files[6]!))).toBeUndefined();
    expect(prerender.take(path.join(dir, "posts", "absent.md"), digestOf(files[0]!))).toBeUndefined();
  });

  it("does not start below its threshold, and forgets a build when the next begins", async () => {
    const { dir, files } = await sources({ "a.md": BODIES["table.md"] });
    const file = files[0]!;
    const prerender = new Prerenderer(settings, { threshold: 10, wait: true });
    await prerender.begin(dir);
    expect(prerender.take(file, digestOf(file))).toBeUndefined();

    const busy = new Prerenderer(settings, { threshold: 1, wait: true });
    await busy.begin(dir);
    const before = digestOf(file);
    expect(busy.take(file, before)).toBe(md.render(BODIES["table.md"], {}));
    // The next build has a worker of its own, and renders the text as it is now.
    await writeFile(file, `---\ntitle: a\n---\n${BODIES["lists.md"]}`);
    await busy.begin(dir);
    expect(busy.take(file, before)).toBeUndefined();
    expect(busy.take(file, digestOf(file))).toBe(md.render(BODIES["lists.md"], {}));
  });
});

describe("a build that renders its Markdown ahead", () => {
  let site: BuiltSite | undefined;
  afterAll(() => removeSite(site));

  it("writes the same site, byte for byte, as one that does not", async () => {
    takeLines();
    site = await buildProject("build", { prerender: 1, prerenderWait: true });
    // The sample names its giscus repository and category, and leaves their ids for its author to fill in.
    expect(takeWarnings()).toEqual([
      expect.stringMatching(
        /^\[billet\] Commentaires\u00A0: le widget giscus est éteint, car site\.config\.ts ne donne pas comments\.repoId/,
      ),
    ]);
    const line = takeLines().find((text) => text.startsWith("[billet] Markdown\u00A0:"));
    // The sample's posts without images (the others are rendered by Eleventy's thread).
    const [, used] = /(\d+) textes sur (\d+)/.exec(line ?? "") ?? [];
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
