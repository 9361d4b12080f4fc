/**
 * Building sites in tests, the way Billet builds them: a real Eleventy build
 * through `billet()` from eleventy.config.ts, of the project's own content or
 * of a small site written by the test.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { BilletOptions } from "../../eleventy.config.ts";
import { buildSink, record } from "./build-log.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export type RunMode = "build" | "watch";

export interface BuiltSite {
  /** The site's folder (content/, site.config.ts, eleventy.config.ts). */
  dir: string;
  output: string;
}

/** A fresh temporary folder, removed by the returned function. */
export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `billet-${prefix}-`));
}

async function writeConfig(
  dir: string,
  siteConfigFile: string,
  input: string,
  output: string,
  options: Record<string, unknown> = {},
): Promise<string> {
  const file = path.join(dir, "eleventy.config.ts");
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  await writeFile(
    file,
    [
      `import { billet } from ${JSON.stringify(pathToFileURL(path.join(ROOT, "eleventy.config.ts")).href)};`,
      `import site from ${JSON.stringify(pathToFileURL(siteConfigFile).href)};`,
      `export default billet(site, ${JSON.stringify({ input, output, ...options })});`,
    ].join("\n"),
  );
  return file;
}

/**
 * Runs Eleventy with a config file; throws what Eleventy throws. What the
 * build says is kept for the test (./build-log.ts), not printed.
 */
export async function runEleventy(configPath: string, runMode: RunMode = "build"): Promise<void> {
  const eleventy = new Eleventy(undefined, undefined, { configPath, quietMode: true, runMode });
  const { sink, said } = buildSink();
  eleventy.logger.overrideLogger(sink);
  let threw = true;
  try {
    await eleventy.write();
    threw = false;
  } finally {
    record(said, threw);
  }
}

/** Builds the project's own content and site.config.ts into a temporary folder, with `billet()`'s other options. */
export async function buildProject(
  runMode: RunMode = "build",
  options: Omit<BilletOptions, "input" | "output"> = {},
): Promise<BuiltSite> {
  const dir = await tempDir("project");
  const output = path.join(dir, "_site");
  const config = await writeConfig(dir, path.join(ROOT, "site.config.ts"), path.join(ROOT, "content"), output, options);
  await runEleventy(config, runMode);
  return { dir, output };
}

export interface SiteSpec {
  /** The site config object, serialised into site.config.ts. Defaults to a small French site. */
  config?: Record<string, unknown>;
  /** Files under content/, by path: `posts/a.md` → text. */
  files: Record<string, string | Buffer>;
}

export const SMALL_CONFIG = {
  title: "Carnet de test",
  url: "https://test.example",
  language: "fr",
  timeZone: "Europe/Paris",
  authors: { claire: { name: "Claire Dupont", bio: "Autrice de test." } },
  categories: { opinion: { name: "Opinion" }, pratique: { name: "Pratique" } },
  // A blog's comments as giscus.app gives them (ids of the same shape); no test build reaches GitHub without GITHUB_TOKEN.
  comments: {
    repo: "claire-dupont/carnet",
    repoId: "R_kgDOcarnet",
    category: "Commentaires",
    categoryId: "DIC_kwDOcarnet",
  },
};

/** Writes a small site (with the project's directory data files) and returns its folder. */
export async function writeSite(spec: SiteSpec): Promise<BuiltSite & { config: string }> {
  const dir = await tempDir("site");
  const content = path.join(dir, "content");
  for (const folder of ["posts", "pages"]) {
    await mkdir(path.join(content, folder), { recursive: true });
    await copyFile(
      path.join(ROOT, "content", folder, `${folder}.11tydata.ts`),
      path.join(content, folder, `${folder}.11tydata.ts`),
    );
  }
  for (const [file, text] of Object.entries(spec.files)) {
    await mkdir(path.dirname(path.join(content, file)), { recursive: true });
    await writeFile(path.join(content, file), text);
  }
  const siteConfigFile = path.join(dir, "site.config.ts");
  await writeFile(siteConfigFile, `export default ${JSON.stringify(spec.config ?? SMALL_CONFIG, null, 2)};\n`);
  const output = path.join(dir, "_site");
  const config = await writeConfig(dir, siteConfigFile, content, output);
  return { dir, output, config };
}

/** Writes and builds a small site. */
export async function buildSite(spec: SiteSpec, runMode: RunMode = "build"): Promise<BuiltSite> {
  const site = await writeSite(spec);
  await runEleventy(site.config, runMode);
  return site;
}

export function readOutput(site: BuiltSite, file: string): Promise<string> {
  return readFile(path.join(site.output, file), "utf8");
}

export async function removeSite(site: BuiltSite | undefined): Promise<void> {
  if (site) await rm(site.dir, { recursive: true, force: true });
}

/** A post's Markdown source from its front matter fields and body. */
export function post(fields: Record<string, unknown>, body = "Un paragraphe de texte."): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}
