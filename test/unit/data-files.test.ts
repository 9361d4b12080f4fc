import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { typeScriptDataFiles } from "../../plugins/site/data-files.ts";

/** The parts of Eleventy's configuration the loader uses, recorded. */
function fakeConfig() {
  const handlers = new Map<string, () => void>();
  let parser: ((file: string) => Promise<unknown>) | undefined;
  const config = {
    on: (event: string, handler: () => void) => handlers.set(event, handler),
    addDataExtension: (extension: string, options: { read: boolean; parser: (file: string) => Promise<unknown> }) => {
      expect(extension).toBe("ts");
      expect(options.read).toBe(false);
      parser = options.parser;
    },
  };
  typeScriptDataFiles(config as never);
  return {
    parse: (file: string) => parser!(file),
    build: () => handlers.get("eleventy.before")!(),
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
    config.build();
    const first = await config.parse(file);
    expect(first).toEqual({ layout: "post.11ty.tsx" });
    // Relative and absolute names of the same file share the import.
    expect(await config.parse(path.relative(process.cwd(), file))).toBe(first);
  });

  it("reads a file edited between two builds (npm start) anew", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "billet-data-"));
    const config = fakeConfig();
    config.build();
    expect(await config.parse(dataFile(dir, "post.11ty.tsx", 1_700_000_000))).toEqual({ layout: "post.11ty.tsx" });
    dataFile(dir, "page.11ty.tsx", 1_700_000_100);
    // Within a build, the data stays what it was when the build first asked.
    expect(await config.parse(path.join(dir, "posts.11tydata.ts"))).toEqual({ layout: "post.11ty.tsx" });
    config.build();
    expect(await config.parse(path.join(dir, "posts.11tydata.ts"))).toEqual({ layout: "page.11ty.tsx" });
  });
});
