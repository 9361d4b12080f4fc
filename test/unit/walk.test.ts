import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { filesUnder } from "../../plugins/build/walk.ts";

describe("filesUnder", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "billet-walk-"));
  const outside = mkdtempSync(path.join(os.tmpdir(), "billet-walk-outside-"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const write = (dir: string, file: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), "x");
  };
  for (const file of [
    "a.md",
    "posts/b.md",
    "posts/deep/er/c.md",
    "posts/.brouillon.md",
    ".cache/d.md",
    "posts/node_modules/e.md",
    "images/f.png",
  ])
    write(root, file);
  write(outside, "g.md");
  symlinkSync(outside, path.join(root, "linked"));
  symlinkSync(path.join(root, "nowhere"), path.join(root, "broken.md"));

  const listed = (options?: Parameters<typeof filesUnder>[1]) =>
    filesUnder(root, options)
      .map((name) => name.split(path.sep).join("/"))
      .sort();

  it("lists every file below, through linked folders, leaving out what is hidden and broken links", () => {
    expect(listed()).toEqual([
      "a.md",
      "images/f.png",
      "linked/g.md",
      "posts/b.md",
      "posts/deep/er/c.md",
      "posts/node_modules/e.md",
    ]);
  });

  it("leaves node_modules out when asked", () => {
    expect(listed({ skipNodeModules: true })).toEqual([
      "a.md",
      "images/f.png",
      "linked/g.md",
      "posts/b.md",
      "posts/deep/er/c.md",
    ]);
  });

  it("fails on a folder that is not there", () => {
    expect(() => filesUnder(path.join(root, "absent"))).toThrow(/ENOENT/);
  });
});
