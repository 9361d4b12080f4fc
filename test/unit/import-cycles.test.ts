/**
 * Billet's modules import one another without a cycle, type imports
 * included: a module can be read, and tested, with what it imports alone.
 * The imports are found by TypeScript's own scanner, from the entry points
 * (the Eleventy config and the scripts) down.
 */
import { readdirSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/project.ts";

/** Billet's own modules imported by `file` (relative imports of .ts, .tsx and .mjs files), absolute paths. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => path.resolve(path.dirname(file), name.replace(/\?.*$/, "")))
    .filter((target) => /\.(ts|tsx|mjs)$/.test(target));
}

/** Every cycle found from `entries`, each as the files around it, relative to the project. */
function importCycles(entries: string[]): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string) => {
    const at = stack.indexOf(file);
    if (at !== -1) {
      cycles.push([...stack.slice(at), file].map((name) => path.relative(ROOT, name)));
      return;
    }
    if (done.has(file)) return;
    stack.push(file);
    for (const target of importsOf(file)) visit(target);
    stack.pop();
    done.add(file);
  };
  for (const entry of entries) visit(entry);
  return cycles;
}

const ENTRIES = [
  path.join(ROOT, "eleventy.config.ts"),
  ...readdirSync(path.join(ROOT, "scripts"))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => path.join(ROOT, "scripts", name)),
];

describe("Billet's modules", () => {
  it("import one another without a cycle, type imports included", () => {
    expect(importCycles(ENTRIES)).toEqual([]);
  });

  it("are followed through type imports, so that a cycle of types alone is found", async () => {
    const dir = await tempDir("cycles");
    try {
      await writeFile(path.join(dir, "a.ts"), 'import type { B } from "./b.ts";\nexport type A = { b?: B };\n');
      await writeFile(path.join(dir, "b.ts"), 'import { type A } from "./a.ts";\nexport type B = { a?: A };\n');
      await writeFile(path.join(dir, "c.ts"), 'import type { A } from "./a.ts";\nexport const c: A = {};\n');
      expect(importCycles([path.join(dir, "c.ts")]).map((cycle) => cycle.map((file) => path.basename(file)))).toEqual([
        ["a.ts", "b.ts", "a.ts"],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
