// `npm run build` and `npm start` begin here (then scripts/eleventy.ts).
//
// Plain JavaScript, so that Eleventy's own modules, some 170 of them, load
// before tsx's loader is registered: once it is, every module loaded goes
// through its hooks, on another thread and back, which Eleventy's modules
// do not need. Everything of Billet's is TypeScript, run through tsx, from
// scripts/eleventy.ts on.
import { register } from "tsx/esm/api";

// Eleventy registers a loader hook of its own, which makes a module edited
// under --serve load anew. A single build loads every module once, so it
// goes without: one hook fewer to start, and to run for every import.
if (!process.argv.includes("--serve")) process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
await import("@11ty/eleventy");
register();
await import("./eleventy.ts");
