// `npm run build` and `npm start` begin here (then scripts/eleventy.ts).
//
// Plain JavaScript, so that Eleventy's own modules, some 170 of them, load
// before tsx's loader is registered: once it is, every module loaded goes
// through its hooks, on another thread and back, which Eleventy's modules
// do not need. Everything of Billet's is TypeScript, run through tsx, from
// scripts/eleventy.ts on.
import "@11ty/eleventy";
import { register } from "tsx/esm/api";

register();
await import("./eleventy.ts");
