/**
 * The one script every page loads, in <head> (a classic script, so it runs
 * before the page paints): the theme first, then, once the page is read,
 * the loading of the scripts of features further down the page when the
 * reader gets near them
 * (./scripts-near.ts). A feature needed from the start (the search page)
 * has a module script of its own.
 */
import "./theme.ts";
import { loadScriptsNear } from "./scripts-near.ts";

document.addEventListener("DOMContentLoaded", () => {
  loadScriptsNear();
});
