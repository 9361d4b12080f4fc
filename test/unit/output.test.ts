/**
 * A production build's folder (plugins/build/output.ts): written beside the
 * site and swapped in whole, or thrown away; the site in place is never
 * half-written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StagedOutput } from "../../plugins/build/output.ts";
import { tempDir } from "../helpers/project.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function siteFolder(): Promise<{ dir: string; output: string }> {
  const dir = await tempDir("output");
  dirs.push(dir);
  const output = path.join(dir, "_site");
  mkdirSync(output);
  writeFileSync(path.join(output, "index.html"), "ancien");
  return { dir, output };
}

describe("a production build's folder", () => {
  it("is swapped in whole once written; the previous site is set aside, then deleted by the next build", async () => {
    const { dir, output } = await siteFolder();
    const first = new StagedOutput(output);
    mkdirSync(first.staging);
    writeFileSync(path.join(first.staging, "index.html"), "nouveau");
    // Until it is published, the site in place is the previous one.
    expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("ancien");
    await first.publish();
    expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("nouveau");
    expect(readdirSync(dir).filter((name) => name.startsWith("_site.previous-"))).toHaveLength(1);

    const second = new StagedOutput(output);
    mkdirSync(second.staging);
    await second.publish();
    // The first build's previous site is gone; the second's waits for the next build.
    expect(readdirSync(dir).filter((name) => name.startsWith("_site.previous-"))).toHaveLength(1);
    expect(readdirSync(dir).filter((name) => name.startsWith("_site.building-"))).toEqual([]);
  });

  it("is thrown away when the build fails, and a killed build's folder goes with the next build", async () => {
    const { dir, output } = await siteFolder();
    const failed = new StagedOutput(output);
    mkdirSync(failed.staging);
    writeFileSync(path.join(failed.staging, "index.html"), "à moitié");
    failed.discard();
    expect(existsSync(failed.staging)).toBe(false);
    expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("ancien");

    // A process that no longer exists (pids are below 2^22 on Linux) left its folder behind.
    const killed = path.join(dir, "_site.building-99999999-abcdef");
    mkdirSync(killed);
    const next = new StagedOutput(output);
    mkdirSync(next.staging);
    await next.publish();
    expect(existsSync(killed)).toBe(false);
  });
});
