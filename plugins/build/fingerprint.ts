/**
 * Fingerprints of code, for what Billet keeps in `.cache/` (what was read
 * from each source, social cards): a cache is named by the code that made
 * it, so that a change to that code, or to a library it uses, starts the
 * cache afresh instead of reusing what the old code made.
 *
 * The code is found from the module graph, not listed by hand: esbuild
 * follows every import from the module that does the work (without
 * writing anything), and the fingerprint hashes each of Billet's modules it
 * reaches, and the name and version of each library they import. An import
 * added tomorrow is part of the fingerprint the day it is written.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

export interface CodeGraph {
  /** Billet's modules the entry points reach, absolute paths, sorted. */
  modules: string[];
  /** Libraries they import (package names), sorted. */
  libraries: string[];
}

/** The modules and libraries reached from these entry points (files or `file:` URLs). */
export function codeGraph(entryPoints: Array<string | URL>): CodeGraph {
  const entries = entryPoints.map((entry) => (entry instanceof URL ? fileURLToPath(entry) : path.resolve(entry)));
  const { metafile } = buildSync({
    entryPoints: entries,
    absWorkingDir: path.parse(entries[0]!).root,
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    // Libraries are named by their version, not followed into.
    packages: "external",
    outdir: "out",
    logLevel: "silent",
  });
  const root = path.parse(entries[0]!).root;
  const modules = new Set<string>();
  const libraries = new Set<string>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    modules.add(path.resolve(root, file));
    for (const imported of input.imports) {
      if (imported.external && !imported.path.startsWith("node:")) libraries.add(packageName(imported.path));
    }
  }
  return { modules: [...modules].sort(), libraries: [...libraries].sort() };
}

/**
 * SHA-256 (hex) of the code these entry points run: their module graph's
 * files and the versions of the libraries it imports, plus `extraFiles`
 * that the code reads rather than imports (fonts, say).
 */
export function codeFingerprint(entryPoints: Array<string | URL>, extraFiles: string[] = []): string {
  const { modules, libraries } = codeGraph(entryPoints);
  const hash = createHash("sha256");
  for (const name of libraries) hash.update(`${name}@${libraryVersion(name)}\n`);
  for (const file of [...modules, ...extraFiles]) {
    const bytes = readFileSync(file);
    // Lengths, not names: the same code in another checkout has the same fingerprint.
    hash.update(`${bytes.length}\n`).update(bytes);
  }
  return hash.digest("hex");
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** A library's version, from the package.json above its entry point (not every library exports its own). */
export function libraryVersion(name: string): string {
  let dir: string;
  try {
    dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    return "";
  }
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      // Some libraries put a package.json of their own format in a subfolder: the library's has its name.
      if (manifest.name === name) return manifest.version ?? "";
    } catch {
      // No package.json here: look higher.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return "";
    dir = parent;
  }
}
