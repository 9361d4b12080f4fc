/**
 * Every page of the built sample blog is valid HTML: html-validate's
 * recommended rules with the project's two changes (.htmlvalidate.json),
 * zero errors. html-validate's own command line finds the same file.
 */
import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { htmlErrors, htmlValidator } from "../helpers/checks.ts";
import { htmlPages } from "../helpers/html.ts";
import { ROOT } from "../helpers/project.ts";

const output = inject("siteOutput");

describe("HTML validity", async () => {
  const pages = await htmlPages(output);

  it("found the pages to check", () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages)("%s has no errors", async (page) => {
    expect(await htmlErrors(output, page)).toEqual([]);
  });
});

/** A page that is valid under the project's rules and not under the recommended ones alone. */
const PAGE = `<!DOCTYPE html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <title>Concours « Démarches en clair » : ce que les étudiants nous apprennent sur nos formulaires</title>
  </head>
  <body>
    <main><h2 id="1-lire-deux-fois">1. Lire deux fois</h2></main>
  </body>
</html>
`;

/** html-validate's command line, run from `cwd` on a page given on its standard input: its exit code and the rules it broke. */
function cli(cwd: string, page: string): Promise<{ code: number; rules: string[] }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(ROOT, "node_modules/html-validate/bin/html-validate.mjs"), "--stdin", "--formatter", "json"],
      // Without the tests' NODE_OPTIONS (tsx's loader), which a folder outside the project cannot resolve.
      { cwd, env: { ...process.env, NODE_OPTIONS: "" } },
      (error, stdout, stderr) => {
        try {
          const report = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
          resolve({
            code: typeof error?.code === "number" ? error.code : 0,
            rules: report.flatMap((result) => result.messages.map((message) => message.ruleId)).sort(),
          });
        } catch {
          reject(new Error(`html-validate printed no report: ${error?.message ?? ""} ${stderr}`));
        }
      },
    );
    child.stdin?.end(page);
  });
}

describe("html-validate's command line and the tests use the same rules", () => {
  it("finds .htmlvalidate.json from the project's folder and accepts what the tests accept", async () => {
    expect((await htmlValidator.validateString(PAGE)).valid).toBe(true);
    expect(await cli(ROOT, PAGE)).toEqual({ code: 0, rules: [] });
  });

  it("outside the project, with the recommended rules alone, rejects that page", async () => {
    expect(await cli(os.tmpdir(), PAGE)).toEqual({ code: 1, rules: ["long-title", "valid-id"] });
  });
});
