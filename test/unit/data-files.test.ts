import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Lifecycle } from "../../plugins/build/lifecycle.ts";
import type { BuildContext } from "../../plugins/content/index.ts";
import { typeScriptDataFiles } from "../../plugins/templates/data-files.ts";

/** The parts of Eleventy's configuration the loader uses, recorded, and a build lifecycle. */
function fakeConfig() {
  const lifecycle = new Lifecycle<BuildContext>();
  let parser: ((file: string) => Promise<unknown>) | undefined;
  const config = {
    addDataExtension: (extension: string, options: { read: boolean; parser: (file: string) => Promise<unknown> }) => {
      expect(extension).toBe("ts");
      expect(options.read).toBe(false);
      parser = options.parser;
    },
  };
  typeScriptDataFiles(config as never, lifecycle);
  return {
    parse: (file: string) => parser!(file),
    build: () => lifecycle.run("begin", {} as BuildContext),
  };
}

function dataFile(dir: string, value: string, mtime: number): string {
  const file = path.join(dir, "posts.11tydata.ts");
  writeFileSync(file, `const value: string = ${JSON.stringify(value)};\nexport default { layout: value };\n`);
  utimesSync(file, mtime, mtime);
  return file;
}

describe("TypeScript directory data files", () => {
  it("imports a file once per build and hands the same data to every template", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "billet-data-"));
    const file = dataFile(dir, "post.11ty.tsx", 1_700_000_000);
    const config = fakeConfig();
    await config.build();
    const first = await config.parse(file);
    expect(first).toEqual({ layout: "post.11ty.tsx" });
    // Relative and absolute names of the same file share the import.
    expect(await config.parse(path.relative(process.cwd(), file))).toBe(first);
  });

  it("reads a file edited between two builds (npm start) anew", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "billet-data-"));
    const config = fakeConfig();
    await config.build();
    expect(await config.parse(dataFile(dir, "post.11ty.tsx", 1_700_000_000))).toEqual({ layout: "post.11ty.tsx" });
    dataFile(dir, "page.11ty.tsx", 1_700_000_100);
    // Within a build, the data stays what it was when the build first asked.
    expect(await config.parse(path.join(dir, "posts.11tydata.ts"))).toEqual({ layout: "post.11ty.tsx" });
    await config.build();
    expect(await config.parse(path.join(dir, "posts.11tydata.ts"))).toEqual({ layout: "page.11ty.tsx" });
  });
});
