/**
 * Code fingerprints (plugins/build/fingerprint.ts) come from the module
 * graph: an import added to the code that makes a cache changes the
 * cache's name, without anyone keeping a list.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { codeFingerprint, codeGraph } from "../../plugins/build/fingerprint.ts";
import { ROOT, tempDir } from "../helpers/project.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("code fingerprints", () => {
  it("follow every import, and change when an import is added or an imported file changes", async () => {
    const dir = await tempDir("fingerprint");
    dirs.push(dir);
    await mkdir(path.join(dir, "lib"));
    const entry = path.join(dir, "entry.ts");
    await writeFile(entry, 'import { a } from "./lib/a.ts";\nexport const value: string = a;\n');
    await writeFile(path.join(dir, "lib", "a.ts"), 'export const a = "a";\n');
    await writeFile(
      path.join(dir, "lib", "b.ts"),
      'import slugify from "@sindresorhus/slugify";\nexport const b = slugify("B");\n',
    );
    const before = codeFingerprint([entry]);
    expect(codeGraph([entry]).modules).toEqual([entry, path.join(dir, "lib", "a.ts")]);

    // Tomorrow's import: a new module, and the library it brings, are in the fingerprint.
    await writeFile(path.join(dir, "lib", "a.ts"), 'import { b } from "./b.ts";\nexport const a = "a" + b;\n');
    const withImport = codeFingerprint([entry]);
    expect(withImport).not.toBe(before);
    expect(codeGraph([entry])).toEqual({
      modules: [entry, path.join(dir, "lib", "a.ts"), path.join(dir, "lib", "b.ts")],
      libraries: ["@sindresorhus/slugify"],
    });

    // A change deep down the graph changes it too; the same code gives the same fingerprint.
    await writeFile(
      path.join(dir, "lib", "b.ts"),
      'import slugify from "@sindresorhus/slugify";\nexport const b = slugify("C");\n',
    );
    expect(codeFingerprint([entry])).not.toBe(withImport);
    expect(codeFingerprint([entry])).toBe(codeFingerprint([entry]));
  });

  it("reach what the source store's reading runs, Markdown included", () => {
    const { modules } = codeGraph([
      path.join(ROOT, "plugins/content/source.ts"),
      path.join(ROOT, "plugins/markdown/index.ts"),
    ]);
    for (const file of ["plugins/content/slug.ts", "plugins/markdown/images.ts", "plugins/images/index.ts"]) {
      expect(modules).toContain(path.join(ROOT, file));
    }
  });
});
