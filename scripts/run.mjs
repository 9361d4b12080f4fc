// `npm run build` and `npm start` begin here (then scripts/eleventy.ts, or
// scripts/preview.ts for `--serve`).
//
// Plain JavaScript, so that Eleventy's own modules, some 170 of them, load
// before tsx's loader is registered: once it is, every module loaded goes
// through its hooks, on another thread and back, which Eleventy's modules
// do not need. Everything of Billet's is TypeScript, run through tsx, from
// scripts/eleventy.ts on.
import { register } from "tsx/esm/api";

// The preview renders pages itself, without Eleventy (plugins/preview).
if (process.argv.includes("--serve")) {
  register();
  await import("./preview.ts");
} else {
  await build();
}

async function build() {
  // Eleventy registers a loader hook of its own, which makes a module edited
  // under its --serve load anew. A single build loads every module once, so
  // it goes without: one hook fewer to start, and to run for every import.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  await import("@11ty/eleventy");
  // For the same reason, the libraries Billet's modules import as they load:
  // plain JavaScript (zod alone is a hundred modules) that needs no hook.
  // About 35 ms of every start. Each is a dependency in package.json; one
  // left out of this list is simply loaded through the hooks, later.
  await Promise.all(
    [
      "zod",
      "markdown-it",
      "markdown-it-anchor",
      "luxon",
      "js-yaml",
      "jsx-async-runtime",
      "jsx-async-runtime/jsx-runtime",
      "@sindresorhus/slugify",
      "fastest-levenshtein",
      "esbuild",
      "pagefind",
    ].map((name) => import(name)),
  );
  register();
  await import("./eleventy.ts");
}
