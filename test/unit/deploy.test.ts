/**
 * What keeps the comments current once deployed: Netlify keeps .cache/
 * between builds (a local build plugin), and GitHub asks Netlify for a build
 * when a discussion changes and once a day.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import yaml from "js-yaml";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it, vi } from "vitest";
import { ROOT } from "../helpers/project.ts";

const require = createRequire(import.meta.url);

describe("Netlify keeps the comment snapshot between builds", () => {
  it("declares the local build plugin in netlify.toml, and the plugin has its manifest", async () => {
    const toml = parseToml(await readFile(path.join(ROOT, "netlify.toml"), "utf8")) as {
      plugins?: Array<{ package: string }>;
    };
    const packages = (toml.plugins ?? []).map((plugin) => plugin.package);
    expect(packages).toContain("./netlify/plugins/keep-cache");
    const manifest = yaml.load(await readFile(path.join(ROOT, "netlify/plugins/keep-cache/manifest.yml"), "utf8"));
    expect(manifest).toEqual({ name: "keep-cache" });
  });

  it("restores .cache before the build and saves it after", async () => {
    const plugin = require(path.join(ROOT, "netlify/plugins/keep-cache"));
    const calls: string[] = [];
    const utils = {
      cache: {
        restore: (dir: string) => Promise.resolve((calls.push(`restore ${dir}`), true)),
        save: (dir: string) => Promise.resolve((calls.push(`save ${dir}`), true)),
      },
    };
    // What it prints goes to Netlify's build log: said here, not on the test's output.
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await plugin.onPreBuild({ utils });
      await plugin.onPostBuild({ utils });
      expect(log.mock.calls).toEqual([
        ["Restored .cache/ from the previous build."],
        ["Saved .cache/ for the next build."],
      ]);
    } finally {
      log.mockRestore();
    }
    expect(calls).toEqual(["restore .cache", "save .cache"]);
  });
});

describe("the rebuild workflow", () => {
  it("calls the Netlify build hook when discussions or comments change, and daily", async () => {
    const workflow = yaml.load(
      await readFile(path.join(ROOT, ".github/workflows/rebuild-on-comments.yml"), "utf8"),
    ) as {
      on: Record<string, { types?: string[] } | Array<{ cron: string }>>;
      jobs: Record<string, { steps: Array<{ env?: Record<string, string>; run?: string }> }>;
    };
    expect(workflow.on.discussion).toEqual({ types: ["created", "edited", "deleted"] });
    expect(workflow.on.discussion_comment).toEqual({ types: ["created", "edited", "deleted"] });
    expect((workflow.on.schedule as Array<{ cron: string }>)[0]!.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    const step = workflow.jobs.rebuild!.steps[0]!;
    expect(step.env?.NETLIFY_BUILD_HOOK).toBe("${{ secrets.NETLIFY_BUILD_HOOK }}");
    expect(step.run).toMatch(/curl .*-X POST .*"\$\{NETLIFY_BUILD_HOOK\}/s);
  });
});
