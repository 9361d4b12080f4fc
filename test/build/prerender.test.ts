/**
 * Markdown rendered ahead in a worker thread (plugins/markdown/prerender.ts)
 * gives exactly what Eleventy's own rendering gives, and is used only for the
 * very text Eleventy renders.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { I18n } from "../../plugins/i18n/index.ts";
import { createMarkdown, ELEVENTY_DISABLED_RULES } from "../../plugins/markdown/index.ts";
import { Prerenderer } from "../../plugins/markdown/prerender.ts";
import { listFiles } from "../helpers/html.ts";
import { buildProject, removeSite, type BuiltSite } from "../helpers/project.ts";

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

  it("renders each body as the build does, and answers only for the same text", async () => {
    const prerender = new Prerenderer(settings, { threshold: 2 });
    prerender.begin();
    for (const [name, body] of Object.entries(BODIES)) prerender.add(`/site/${name}`, body);
    prerender.add("/site/image.md", "Une image : ![Un chat](chat.jpg)\n");
    prerender.finish();
    await prerender.settled();

    for (const [name, body] of Object.entries(BODIES)) {
      expect(prerender.take(`/site/${name}`, body), name).toBe(md.render(body, {}));
    }
    expect(prerender.used).toBe(Object.keys(BODIES).length);
    // Another text at the same place (edited since it was read) is not answered.
    expect(prerender.take("/site/lists.md", BODIES["lists.md"] + "\nAjout.\n")).toBeUndefined();
    // Images depend on the page (the image pipeline): never rendered ahead.
    expect(prerender.take("/site/image.md", "Une image : ![Un chat](chat.jpg)\n")).toBeUndefined();
    expect(prerender.take(undefined, BODIES["lists.md"])).toBeUndefined();
  });

  it("does not start below its threshold, and forgets a build when the next begins", async () => {
    const prerender = new Prerenderer(settings, { threshold: 10 });
    prerender.begin();
    prerender.add("/site/a.md", BODIES["table.md"]);
    prerender.finish();
    await prerender.settled();
    expect(prerender.take("/site/a.md", BODIES["table.md"])).toBeUndefined();

    const busy = new Prerenderer(settings, { threshold: 1 });
    busy.begin();
    busy.add("/site/a.md", BODIES["table.md"]);
    busy.finish();
    await busy.settled();
    expect(busy.take("/site/a.md", BODIES["table.md"])).toBe(md.render(BODIES["table.md"], {}));
    busy.begin();
    expect(busy.take("/site/a.md", BODIES["table.md"])).toBeUndefined();
  });

  it("wraps md.render: rendered ahead when it can, rendered there otherwise", async () => {
    const { md: wrapped } = createMarkdown({ i18n: new I18n(settings.language, settings.timeZone) });
    wrapped.disable(ELEVENTY_DISABLED_RULES);
    const prerender = new Prerenderer(settings, { threshold: 1 });
    prerender.wrap(wrapped);
    prerender.begin();
    prerender.add("/site/a.md", BODIES["headings.md"]);
    prerender.finish();
    await prerender.settled();
    const env = (inputPath: string) => ({ page: { inputPath, url: "/a/" } });
    expect(wrapped.render(BODIES["headings.md"], env("/site/a.md"))).toBe(md.render(BODIES["headings.md"], {}));
    expect(prerender.used).toBe(1);
    expect(wrapped.render(BODIES["code.md"], env("/site/b.md"))).toBe(md.render(BODIES["code.md"], {}));
    expect(prerender.used).toBe(1);
  });
});

describe("a build that renders its Markdown ahead", () => {
  let site: BuiltSite | undefined;
  afterAll(() => removeSite(site));

  it("writes the same site, byte for byte, as one that does not", async () => {
    const log = vi.spyOn(console, "log");
    site = await buildProject("build", { prerender: 1, prerenderWait: true });
    const line = log.mock.calls.map((call) => String(call[0])).find((text) => text.startsWith("[billet] Markdown:"));
    log.mockRestore();
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
