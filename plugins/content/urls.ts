/**
 * Addresses of generated pages, from the patterns in site.config.ts.
 */
import type { DateTime } from "luxon";

/** `/billets/:slug/` with slug `mon-billet` → `/billets/mon-billet/`. Dates are read in the post's zone. */
export function expandPermalink(pattern: string, values: { slug: string; date?: DateTime }): string {
  return pattern.replace(/:(slug|year|month|day)/g, (_token, name: string) => {
    if (name === "slug") return values.slug;
    if (!values.date) throw new Error(`The pattern ${pattern} uses :${name}, which only posts have`);
    if (name === "year") return String(values.date.year);
    return String(name === "month" ? values.date.month : values.date.day).padStart(2, "0");
  });
}

/** Page 1 lives at the list's own address; page n at `<list>page/n/`. */
export function paginatedUrl(baseUrl: string, pageNumber: number): string {
  return pageNumber === 1 ? baseUrl : `${baseUrl}page/${pageNumber}/`;
}
