/**
 * Styles and browser scripts: bundled and minified by esbuild, named by a
 * hash of their content (`/assets/main.3f9a1c2e.css`) so Netlify can let
 * browsers keep them for a year (see netlify.toml), and served from the
 * site's own origin.
 *
 * Each plugin registers the files it owns; layouts ask for their URLs. A
 * script is bundled on its own, so a page loads only the features it uses.
 */
import type { BuildLifecycle } from "../content/index.ts";
import { createHash } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as esbuild from "esbuild";

export interface AssetEntry {
  /** Source file: `layouts/styles/main.css`. */
  source?: string;
  /** The file's contents, for assets made in code (the default favicon). Served as they are. */
  contents?: string | Uint8Array;
  /**
   * `iife` for a classic script that must run before the page paints (the
   * theme), `esm` for a module loaded with `type="module"` (default).
   */
  format?: "iife" | "esm";
  /**
   * Constants replaced in the script at bundle time (esbuild's `define`),
   * e.g. the interface strings a script shows, so that pages need not carry them.
   */
  define?: Record<string, string>;
}

interface BuiltAsset {
  url: string;
  contents: Uint8Array;
}

export const ASSETS_DIR = "assets";

export class Assets {
  #entries = new Map<string, AssetEntry & { format: "iife" | "esm" }>();
  #built = new Map<string, BuiltAsset>();
  #building: Promise<void> | undefined;

  /** Registers an asset under a name such as `main.css` or `theme.js`. */
  add(name: string, entry: AssetEntry): void {
    if (this.#entries.has(name)) throw new Error(`Two assets are registered as ${name}`);
    if (!entry.source === (entry.contents === undefined))
      throw new Error(`Asset ${name} needs a source or contents, not both`);
    this.#entries.set(name, { format: "esm", ...entry });
  }

  /** The public URL of a built asset. */
  url(name: string): string {
    const built = this.#built.get(name);
    if (!built) throw new Error(`No asset named ${name} was built (known: ${[...this.#entries.keys()].join(", ")})`);
    return built.url;
  }

  /** Size in bytes of a built asset, for budgets. */
  size(name: string): number {
    return this.#built.get(name)?.contents.byteLength ?? 0;
  }

  /**
   * Bundles every asset, once for this configuration: a preview starts
   * anew when their sources change (plugins/preview).
   */
  build(): Promise<void> {
    this.#building ??= this.#build();
    return this.#building;
  }

  /** A built asset's contents, by its public URL (the preview serves them from memory). */
  file(url: string): Uint8Array | undefined {
    for (const asset of this.#built.values()) if (asset.url === url) return asset.contents;
    return undefined;
  }

  async #build(): Promise<void> {
    const built = new Map<string, BuiltAsset>();
    await Promise.all(
      [...this.#entries].map(async ([name, entry]) => {
        const contents =
          entry.contents !== undefined
            ? Buffer.from(entry.contents)
            : await this.#bundle(entry.source!, entry.format, entry.define);
        const hash = createHash("sha256").update(contents).digest("hex").slice(0, 10);
        const ext = path.extname(name);
        built.set(name, { url: `/${ASSETS_DIR}/${path.basename(name, ext)}.${hash}${ext}`, contents });
      }),
    );
    this.#built = built;
  }

  async #bundle(source: string, format: "iife" | "esm", define?: Record<string, string>): Promise<Uint8Array> {
    const result = await esbuild.build({
      entryPoints: [source],
      bundle: true,
      minify: true,
      write: false,
      format,
      ...(define ? { define } : {}),
      target: ["es2020", "chrome100", "firefox100", "safari15"],
      outdir: "out",
      logLevel: "silent",
      legalComments: "none",
      charset: "utf8",
    });
    return result.outputFiles.find((file) => !file.path.endsWith(".map"))!.contents;
  }

  /** Writes the built files and removes those of earlier builds. */
  async write(outputDir: string): Promise<void> {
    const dir = path.join(outputDir, ASSETS_DIR);
    await mkdir(dir, { recursive: true });
    const keep = new Set([...this.#built.values()].map((asset) => path.posix.basename(asset.url)));
    const existing = await readdir(dir);
    await Promise.all([
      ...[...this.#built.values()].map((asset) => writeFile(path.join(outputDir, asset.url), asset.contents)),
      ...existing.filter((file) => !keep.has(file)).map((file) => rm(path.join(dir, file), { force: true })),
    ]);
  }
}

/** Builds the assets as a build begins, beside the reading of the content, and writes them once it is done. */
export function publishAssets(assets: Assets, lifecycle: BuildLifecycle): void {
  // Pages need the URLs, so the checks wait for them.
  let bundling: Promise<void> = Promise.resolve();
  lifecycle.on("begin", () => {
    bundling = assets.build();
    // Awaited at the checks; until then a failure must not go unhandled.
    bundling.catch(() => undefined);
  });
  lifecycle.on("checks", async () => {
    await bundling;
    return { addresses: [{ url: `/${ASSETS_DIR}/`, owner: "assets", folder: true }] };
  });
  lifecycle.on("done", ({ outputDir }) => assets.write(outputDir));
}
