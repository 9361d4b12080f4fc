/**
 * What was read from each source, kept on disk between builds
 * (plugins/content/facts-store.ts): used for the very same text only, and
 * never the cause of a failed or different build.
 */
import { statSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { FactsStore, readingFingerprint } from "../../plugins/content/facts-store.ts";
import { loadContent, SourceCache } from "../../plugins/content/load.ts";
import type { PostEntry } from "../../plugins/content/model.ts";
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
  const dir = await tempDir("facts");
  dirs.push(dir);
  const content = path.join(dir, "content");
  await mkdir(path.join(content, "posts"), { recursive: true });
  const write = (name: string, text: string) => writeFile(path.join(content, "posts", name), text);
  await write("un.md", post({ title: "Un", date: "2024-03-01", category: "opinion" }, "Trois mots seulement."));
  await write("deux.md", post({ title: "Deux", date: "2024-03-02", category: "opinion", tags: ["a"] }, "Deux mots."));
  const site = loadSiteConfig(SMALL_CONFIG as unknown as SiteConfig, content);
  const i18n = new I18n(site.language, site.timeZone);
  const { md } = createMarkdown({ i18n });
  const cacheDir = path.join(dir, ".cache", "content");
  /** One build's reading, in a process of its own: a new cache, and a new store on the same folder. */
  const build = async (
    fingerprint = readingFingerprint(site.language),
    config = site,
    settledMs?: number,
    // A cache of this process's earlier build, as in watch mode; by default, a new process.
    cache = new SourceCache(new FactsStore(cacheDir, fingerprint, { settledMs })),
  ) => {
    const entries = await loadContent({
      inputDir: content,
      site: config,
      i18n,
      now: DateTime.fromISO("2025-01-01T00:00:00", { zone: site.timeZone }),
      renderInline: (text) => md.renderInline(text),
      cache,
    });
    return { cache, entries: entries as PostEntry[] };
  };
  return { dir, content, cacheDir, write, build, site };
}

/** The stored file's sources, as the store wrote them. */
async function storedFile(cacheDir: string) {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith(".bin"));
  expect(names).toHaveLength(1);
  const file = path.join(cacheDir, names[0]!);
  const saved = v8.deserialize(await readFile(file)) as {
    format: string;
    sources: { facts: { wordCount: number; digest: string } }[];
    files: { path: string; digest: string; size: number }[];
  };
  return { file, name: names[0]!, saved };
}

describe("the facts kept between builds", () => {
  it("are used by the next build for the same text, and give the same entries", async () => {
    const { cacheDir, build } = await project();
    const first = await build();
    await first.cache.save();
    const { file, saved } = await storedFile(cacheDir);
    expect(saved.sources).toHaveLength(2);

    const second = await build();
    expect(second.entries).toEqual(first.entries);

    // Proof that the second build took them from the file rather than
    // parsing again: facts altered in the file show in the next build.
    for (const source of saved.sources) source.facts.wordCount = 999;
    await writeFile(file, v8.serialize(saved));
    const third = await build();
    expect(third.entries.map((entry) => entry.wordCount)).toEqual([999, 999]);
  });

  it("are not used for a text that changed, and forget the sources that are gone", async () => {
    const { content, cacheDir, write, build } = await project();
    await (await build()).cache.save();
    await write(
      "un.md",
      post({ title: "Un, revu", date: "2024-03-01", category: "opinion" }, "Cinq mots cette fois, voilà."),
    );
    await rm(path.join(content, "posts", "deux.md"));
    const { cache, entries } = await build();
    expect(entries.map((entry) => [entry.title, entry.wordCount])).toEqual([["Un, revu", 5]]);
    await cache.save();
    const { saved } = await storedFile(cacheDir);
    expect(saved.sources.map((source) => source.facts.wordCount)).toEqual([5]);
  });

  it("are made anew when the file is damaged, and a new file replaces it", async () => {
    const { cacheDir, build } = await project();
    const reference = await build();
    await reference.cache.save();
    const { file } = await storedFile(cacheDir);
    await writeFile(file, "pas un fichier de faits");
    const { cache, entries } = await build();
    expect(cache.cold).toBe(false);
    expect(entries).toEqual(reference.entries);
    await cache.save();
    expect((await storedFile(cacheDir)).saved.sources).toHaveLength(2);
  });

  it("are used only where a record is whole: a damaged one is read again from its source", async () => {
    const { cacheDir, build } = await project();
    const reference = await build();
    await reference.cache.save();
    const { file, saved } = await storedFile(cacheDir);
    const [damaged, intact] = saved.sources as unknown as Array<{ facts: Record<string, unknown> }>;
    damaged!.facts.data = null;
    intact!.facts.wordCount = 999;
    await writeFile(file, v8.serialize(saved));
    const { entries } = await build();
    // The intact record is used (its altered count shows); the damaged one is read anew.
    expect(entries.map((entry) => entry.wordCount).sort()).toEqual(
      [999, reference.entries.find((entry) => entry.digest === damaged!.facts.digest)!.wordCount].sort(),
    );
  });

  it("keep each front matter as it passed validation, used again only under the same rules", async () => {
    const { cacheDir, content, write, build, site } = await project();
    const reference = await build();
    await reference.cache.save();
    const { file, saved } = await storedFile(cacheDir);
    const sources = saved.sources as unknown as Array<{ checked: { rules: string; value: Record<string, unknown> } }>;
    // Dates are kept as instants, and come back as the same dates in the site's zone.
    expect(sources.map((source) => typeof source.checked.value.date)).toEqual(["number", "number"]);
    const second = await build();
    expect(second.entries).toEqual(reference.entries);
    expect(second.entries[0]!.date.zoneName).toBe(site.timeZone);

    // Proof that the next build took it from the file: an altered title shows.
    for (const source of sources) source.checked.value.title = "Retouché";
    await writeFile(file, v8.serialize(saved));
    expect((await build()).entries.map((entry) => entry.title)).toEqual(["Retouché", "Retouché"]);
    // Other rules (a site with another category) validate again.
    const wider = loadSiteConfig(
      {
        ...SMALL_CONFIG,
        categories: { ...SMALL_CONFIG.categories, autre: { name: "Autre" } },
      } as unknown as SiteConfig,
      content,
    );
    const revalidated = await build(undefined, wider);
    expect(revalidated.entries.map((entry) => entry.title).sort()).toEqual(["Deux", "Un"]);

    // A front matter with a problem is never kept: it is reported every time.
    await write("trois.md", post({ title: "Trois", date: "2024-13-45", category: "opinion" }));
    await expect(build()).rejects.toThrow(/trois\.md: date/);
    await expect(build()).rejects.toThrow(/trois\.md: date/);
  });

  it("are not shared between ways of reading (code, libraries, language): older files are deleted", async () => {
    const { cacheDir, build } = await project();
    expect(readingFingerprint("fr")).not.toBe(readingFingerprint("en"));
    await (await build("aaaaaaaaaaaaaaaa")).cache.save();
    expect((await storedFile(cacheDir)).name).toBe("facts-aaaaaaaaaaaaaaaa.bin");
    const other = await build("bbbbbbbbbbbbbbbb");
    // Nothing is known under the new fingerprint: the build parses everything.
    await other.cache.save();
    expect((await storedFile(cacheDir)).name).toBe("facts-bbbbbbbbbbbbbbbb.bin");
  });

  it("know a file left alone since it was read without reading it again", async () => {
    const { content, cacheDir, build, site } = await project();
    // Files just written are not recorded: a second edit within the file
    // system's clock tick would leave their status as it was.
    await (await build()).cache.save();
    expect((await storedFile(cacheDir)).saved.files).toEqual([]);

    // Settled (here: at once), they are.
    const reference = await build(undefined, site, 0);
    await reference.cache.save();
    const { file, saved } = await storedFile(cacheDir);
    const un = path.join(content, "posts", "un.md");
    const deux = path.join(content, "posts", "deux.md");
    expect(saved.files.map((record) => record.path).sort()).toEqual([deux, un]);

    // Proof that a recorded file is not read: a record pointing at the other
    // text's digest gives that text's facts.
    const digestOf = (file: string) => saved.files.find((record) => record.path === file)!.digest;
    const [unDigest, deuxDigest] = [digestOf(un), digestOf(deux)];
    for (const record of saved.files) record.digest = record.path === un ? deuxDigest : unDigest;
    await writeFile(file, v8.serialize(saved));
    const swapped = await build(undefined, site, 0);
    const titleOf = (entries: PostEntry[], file: string) =>
      entries.find((entry) => path.resolve(entry.inputPath) === file)!.title;
    expect(titleOf(swapped.entries, un)).toBe("Deux");
    expect(titleOf(swapped.entries, deux)).toBe("Un");

    // A damaged record is ignored: that file is read.
    for (const record of saved.files) {
      record.digest = record.path === un ? unDigest : deuxDigest;
      if (record.path === un) (record as { size: unknown }).size = "grand";
    }
    await writeFile(file, v8.serialize(saved));
    expect((await build(undefined, site, 0)).entries).toEqual(reference.entries);
  });

  it("keep their file records through the rebuilds of npm start, which know the files from memory", async () => {
    const { cacheDir, build, site } = await project();
    const first = await build(undefined, site, 0);
    await first.cache.save();
    const recorded = (await storedFile(cacheDir)).saved.files.map((record) => record.path).sort();
    expect(recorded).toHaveLength(2);
    const rebuild = await build(undefined, site, 0, first.cache);
    await rebuild.cache.save();
    expect((await storedFile(cacheDir)).saved.files.map((record) => record.path).sort()).toEqual(recorded);
  });

  it("read a file again once its status changed, even to a text of the same size", async () => {
    const { content, build, site, write } = await project();
    await (await build(undefined, site, 0)).cache.save();
    const before = statSync(path.join(content, "posts", "un.md")).size;
    await write("un.md", post({ title: "Un", date: "2024-03-01", category: "opinion" }, "Trois mots autrement."));
    expect(statSync(path.join(content, "posts", "un.md")).size).toBe(before);
    const { entries } = await build(undefined, site, 0);
    expect(entries.find((entry) => entry.title === "Un")!.summary).toContain("autrement");
  });

  it("are not written again when nothing changed", async () => {
    const { cacheDir, build } = await project();
    await (await build()).cache.save();
    const { file } = await storedFile(cacheDir);
    const before = statSync(file).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await (await build()).cache.save();
    expect(statSync(file).mtimeMs).toBe(before);
  });
});
