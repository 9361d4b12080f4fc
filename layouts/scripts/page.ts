/**
 * The one script every page loads, in <head> (a classic script, so it runs
 * before the page paints): the theme first, then, once the page is read,
 * the small enhancements every page shares. Features used on some pages only
 * (comments, sharing, the search page) have scripts of their own.
 */
import "./theme.ts";
import { enhanceSearchBoxes } from "../../plugins/search/browser/search-box.ts";

document.addEventListener("DOMContentLoaded", enhanceSearchBoxes);
