/**
 * Directory data files in TypeScript (`content/posts/posts.11tydata.ts`).
 *
 * Eleventy asks for a folder's data file once for every template in it:
 * four thousand times for a folder of four thousand posts. Each `import()`
 * goes to the module loader's hooks (tsx's, on their own thread) and back,
 * even for a module loaded already, so each file is imported once per
 * build and its data handed out from then on.
 *
 * The address imported carries the file's modification time, so that a
 * data file edited under `npm start` is read anew by the next build.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { EleventyConfig } from "@11ty/eleventy";
import type { BuildLifecycle } from "../content/index.ts";

export function typeScriptDataFiles(eleventyConfig: EleventyConfig, lifecycle: BuildLifecycle): void {
  let loaded = new Map<string, Promise<unknown>>();
  lifecycle.on("begin", () => {
    loaded = new Map();
  });
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: (file: string) => {
      const absolute = path.resolve(file);
      let data = loaded.get(absolute);
      if (!data) {
        const url = pathToFileURL(absolute);
        url.searchParams.set("mtime", String(statSync(absolute).mtimeMs));
        data = import(url.href).then((module: { default?: unknown }) => module.default);
        loaded.set(absolute, data);
      }
      return data;
    },
  });
}
