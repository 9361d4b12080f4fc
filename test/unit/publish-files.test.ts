import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { linkFiles } from "../../plugins/build/publish-files.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** `count` source files, and where each should appear (some in nested folders). */
function files(count: number): Array<[string, string]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "billet-link-"));
  dirs.push(dir);
  return Array.from({ length: count }, (_, i) => {
    const source = path.join(dir, `source-${i}.txt`);
    writeFileSync(source, `fichier ${i}`);
    return [source, path.join(dir, "site", i % 2 ? "a" : "b/c", `target-${i}.txt`)];
  });
}

describe("linking cached files into the site", () => {
  it("places every file as a link to its source, folders made as needed", () => {
    const pairs = files(450);
    linkFiles(pairs);
    for (const [source, target] of pairs) {
      expect(readFileSync(target, "utf8")).toBe(readFileSync(source, "utf8"));
      expect(statSync(target).ino).toBe(statSync(source).ino);
    }
  });

  it("names the first file it could not place", async () => {
    const pairs = files(300);
    await rm(pairs[120]![0]);
    expect(() => linkFiles(pairs)).toThrow(/target-120\.txt/);
  });
});
