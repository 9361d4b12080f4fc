/**
 * `npm run audit` without Lighthouse (too slow for the tests): its dry run
 * builds or takes the site, serves it, and names what it would audit; its
 * mistakes are reported as usage errors.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { ROOT } from "../helpers/project.ts";

const execFileAsync = promisify(execFile);
const output = inject("siteOutput");

async function audit(args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts", "audit.ts"), ...args],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" } },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("npm run audit", () => {
  it("--help prints how to use it", async () => {
    const { code, output: text } = await audit(["--help"]);
    expect(code).toBe(0);
    expect(text).toContain("usage: npm run audit -- [--site DIR]");
  });

  it("--dry-run on a built site serves it and names the home page and its newest post, on phone and desktop", async () => {
    const { code, output: text } = await audit(["--dry-run", "--site", output]);
    expect(code).toBe(0);
    expect(text).toMatch(/served at http:\/\/127\.0\.0\.1:\d+ with netlify\.toml's headers/);
    const planned = text.split("\n").filter((line) => line.startsWith("would audit"));
    expect(planned).toEqual([
      "would audit / (mobile)",
      "would audit / (desktop)",
      expect.stringMatching(/^would audit \/billets\/[^/]+\/ \(mobile\)$/),
      expect.stringMatching(/^would audit \/billets\/[^/]+\/ \(desktop\)$/),
    ]);
  });

  it("--dry-run builds the sample blog when no site is given", async () => {
    const { code, output: text } = await audit(["--dry-run", "--preset", "mobile", "--pages", "/contact/"]);
    expect(code).toBe(0);
    expect(text).toContain("Site built from content/");
    expect(text).toContain("would audit /contact/ (mobile)");
  });

  it("refuses a page the site does not have, and an unknown preset", async () => {
    const missing = await audit(["--dry-run", "--site", output, "--pages", "/nulle-part/"]);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain("--pages: /nulle-part/ answers 404, expected 200");
    const preset = await audit(["--dry-run", "--site", output, "--preset", "tablette"]);
    expect(preset.code).toBe(2);
    expect(preset.output).toContain('--preset: found "tablette", expected mobile, desktop or both');
  });
});
