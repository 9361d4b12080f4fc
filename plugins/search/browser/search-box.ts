/**
 * The header's search box, when JavaScript runs: search on the site's own
 * search page rather than on the fallback engine the form names for
 * browsers without JavaScript. Part of every page's script
 * (layouts/scripts/page.ts), so it costs no request of its own.
 */
export function enhanceSearchBoxes(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-search-box]")) {
    form.action = form.dataset.searchBox!;
    for (const field of form.querySelectorAll<HTMLInputElement>("[data-search-fallback]")) field.disabled = true;
  }
}
