/**
 * Reading the sources (plugins/content/sources.ts): what was read is kept
 * on disk between builds, used for the very same text only, and never the
 * cause of a failed or different build; text that cannot be read is named.
 */
import { statSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "../../plugins/content/load.ts";
import type { PostEntry } from "../../plugins/content/model.ts";
import { SourceStore } from "../../plugins/content/sources.ts";
import { I18n } from "../../plugins/i18n/index.ts";
import { createMarkdown } from "../../plugins/markdown/index.ts";
import type { SiteConfig } from "../../plugins/config/site.ts";
import { loadSiteConfig } from "../../plugins/config/load.ts";
import { post, SMALL_CONFIG, tempDir } from "../helpers/project.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function project() {
  const dir = await tempDir("sources");
  dirs.push(dir);
  const content = path.join(dir, "content");
  await mkdir(path.join(content, "posts"), { recursive: true });
  const write = (name: string, text: string | Buffer) => writeFile(path.join(content, "posts", name), text);
  await write("un.md", post({ title: "Un", date: "2024-03-01", category: "opinion" }, "Trois mots seulement."));
  await write("deux.md", post({ title: "Deux", date: "2024-03-02", category: "opinion", tags: ["a"] }, "Deux mots."));
  const site = loadSiteConfig(SMALL_CONFIG as unknown as SiteConfig, content);
  const i18n = new I18n(site.language, site.timeZone);
  const { md } = createMarkdown({ i18n });
  const cacheDir = path.join(dir, ".cache", "content");
  const newStore = (settings = site.language) =>
    new SourceStore({ cacheDir, settings, renderInline: (text) => md.renderInline(text) });
  /** One build's reading: by default in a process of its own (a new store on the same folder). */
  const build = async (sources = newStore()) => {
    sources.begin();
    const { entries, problems } = await loadContent({
      inputDir: content,
      site,
      i18n,
      now: DateTime.fromISO("2025-01-01T00:00:00", { zone: site.timeZone }),
      sources,
    });
    await sources.save();
    return { sources, problems, entries: entries as PostEntry[] };
  };
  return { dir, content, cacheDir, write, build, newStore };
}

/** The cache file, as the store wrote it. */
async function storedFile(cacheDir: string) {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith(".bin"));
  expect(names).toHaveLength(1);
  const file = path.join(cacheDir, names[0]!);
  const saved = v8.deserialize(await readFile(file)) as {
    format: string;
    sources: { wordCount: number; digest: string; data: unknown }[];
  };
  return { file, name: names[0]!, saved };
}

describe("what is read from the sources, kept between builds", () => {
  it("is used by the next build for the same text, and gives the same entries", async () => {
    const { cacheDir, build } = await project();
    const first = await build();
    const { file, saved } = await storedFile(cacheDir);
    expect(saved.sources).toHaveLength(2);

    const second = await build();
    expect(second.entries).toEqual(first.entries);

    // Proof that the next build takes it from the file rather than parsing
    // again: facts altered in the file show in the next build.
    for (const source of saved.sources) source.wordCount = 999;
    await writeFile(file, v8.serialize(saved));
    const third = await build();
    expect(third.entries.map((entry) => entry.wordCount)).toEqual([999, 999]);
  });

  it("is not used for a text that changed, and forgets the sources that are gone", async () => {
    const { content, cacheDir, write, build, newStore } = await project();
    // The same store for both builds, as in a preview session.
    const sources = newStore();
    await build(sources);
    // The same size, another text: only the bytes decide.
    await write("un.md", post({ title: "Un", date: "2024-03-01", category: "opinion" }, "Trois mots autrement."));
    await rm(path.join(content, "posts", "deux.md"));
    const { entries } = await build(sources);
    expect(entries.map((entry) => [entry.title, entry.summary])).toEqual([["Un", "Trois mots autrement."]]);
    const { saved } = await storedFile(cacheDir);
    expect(saved.sources).toHaveLength(1);
  });

  it("is made anew when the file is damaged, and only whole records are used", async () => {
    const { cacheDir, build } = await project();
    const reference = await build();
    const { file, saved } = await storedFile(cacheDir);
    const [damaged, intact] = saved.sources;
    damaged!.data = null;
    intact!.wordCount = 999;
    await writeFile(file, v8.serialize(saved));
    const { entries } = await build();
    // The intact record is used (its altered count shows); the damaged one is read anew.
    expect(entries.map((entry) => entry.wordCount).sort()).toEqual(
      [999, reference.entries.find((entry) => entry.digest === damaged!.digest)!.wordCount].sort(),
    );
    await writeFile(file, "pas un fichier du cache");
    expect((await build()).entries).toEqual(reference.entries);
    expect((await storedFile(cacheDir)).saved.sources).toHaveLength(2);
  });

  it("is not shared between ways of reading (the language): the older file is deleted", async () => {
    const { cacheDir, build, newStore } = await project();
    await build(newStore("fr"));
    const french = (await storedFile(cacheDir)).name;
    await build(newStore("en"));
    expect((await storedFile(cacheDir)).name).not.toBe(french);
  });

  it("is not written again when nothing changed", async () => {
    const { cacheDir, build } = await project();
    await build();
    const { file } = await storedFile(cacheDir);
    const before = statSync(file).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await build();
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it("gives Eleventy the front matter and the body of the very bytes the build read", async () => {
    const { content, write, build } = await project();
    const { sources, entries } = await build();
    const file = path.join(content, "posts", "un.md");
    // Saved again once the build has read it: the build renders what it validated.
    await write("un.md", post({ title: "Autre", date: "2024-03-01", category: "opinion" }, "Un autre texte."));
    expect(sources.facts(file)?.data).toEqual({ title: "Un", date: "2024-03-01", category: "opinion" });
    expect(sources.facts(file)?.digest).toBe(entries.find((entry) => entry.title === "Un")!.digest);
    expect(sources.body(file)).toBe("\nTrois mots seulement.\n");
    // A file this build did not read is not made up.
    const other = path.join(content, "posts", "nouveau.md");
    await write("nouveau.md", post({ title: "Nouveau", date: "2024-03-04", category: "opinion" }, "Neuf."));
    expect(sources.facts(other)).toBeUndefined();
    expect(() => sources.body(other)).toThrow(/nouveau\.md was not read by this build/);
    // The next build reads the file as it is now.
    sources.begin();
    sources.read(file);
    expect(sources.facts(file)?.data).toMatchObject({ title: "Autre" });
    expect(sources.body(file)).toBe("\nUn autre texte.\n");
  });
});

describe("sources that cannot be read", () => {
  it("names a file that is not UTF-8, and the line", async () => {
    const { write, build } = await project();
    const latin1 = Buffer.from(post({ title: "Café", date: "2024-03-03", category: "opinion" }, "Déjà vu."), "latin1");
    await write("ancien.md", latin1);
    const { problems, entries } = await build();
    expect(problems).toEqual([
      // The site is French: « fichier : … ».
      expect.stringMatching(/ancien\.md\u00A0: line 2: found bytes that are not UTF-8 text \(0xE9\)/),
    ]);
    expect(entries).toHaveLength(2);
  });

  it("refuses a front matter whose aliases expand past a sane size, at once", async () => {
    const { write, build } = await project();
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
    }
    await write("bombe.md", `---\ntitle: Bombe\n${levels.join("\n")}\n---\nTexte.\n`);
    const started = performance.now();
    const { problems } = await build();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(problems).toEqual([
      expect.stringMatching(/bombe\.md:4: les alias \(\*nom\) d’ici représentent plus de 10\u202F000 valeurs/),
    ]);
  });
});
