/**
 * Where a search result's excerpt was cut: Pagefind gives a window of the
 * page's words around the ones found, and the page's whole text. An excerpt
 * that does not begin where the text begins gets « … » before it, one that
 * does not end where the text ends gets « … » after it, so that a reader
 * sees a quotation cut short, not a sentence that starts mid-way.
 */
const words = (text: string) => text.replace(/\s+/g, " ").trim();

export function excerptCuts(content: string, excerptText: string): { before: boolean; after: boolean } {
  const whole = words(content);
  const shown = words(excerptText);
  if (!shown) return { before: false, after: false };
  return { before: !whole.startsWith(shown), after: !whole.endsWith(shown) };
}

/** Set off from the words by a space, before and after. */
export const ELLIPSIS = "…";
