/**
 * Old WordPress addresses to the new ones, in Netlify's `_redirects` format
 * (https://docs.netlify.com/manage/routing/redirects/overview/).
 *
 * Each imported post or page keeps:
 * - its permalink (`/2013/01/14/mon-billet/`), from the export's `<link>`,
 *   or rebuilt from the permalink structure the other posts show when the
 *   export has no link for it;
 * - its short links `/?p=123` and `/?page_id=123`. Netlify matches query
 *   parameters with placeholders (`/ p=:id /… 301!`, forced since `/` is
 *   the home page), so those go in two steps: `/?p=123` → `/wp-id/123/` →
 *   the new address; the second step is an ordinary one-line rule per item.
 *
 * The importer's rules live between two marker lines in
 * `content/_redirects`; lines outside the markers are the author's and are
 * kept as they are. The build copies the file to `_site/_redirects`.
 */

export const BEGIN_MARKER =
  "# BEGIN WordPress import (npm run import:wordpress rewrites this block; add your own rules outside it)";
export const END_MARKER = "# END WordPress import";

/** Where `/?p=ID` and `/?page_id=ID` lead first. */
export const SHORT_LINK_PREFIX = "/wp-id/";

export interface Redirect {
  from: string;
  to: string;
  /** Netlify query conditions, e.g. `p=:id`. */
  query?: string;
  force?: boolean;
}

/** A URL's path and query as written in `_redirects`: percent-encoded only where needed. */
export function redirectPath(url: string, base?: string): { path: string; search: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, base ?? "http://old.invalid");
  } catch {
    return undefined;
  }
  let path = parsed.pathname;
  try {
    const decoded = decodeURI(path);
    // Readable characters are written as such; spaces, controls and bidirectional marks stay encoded.
    if (!/[\s\p{C}]/u.test(decoded)) path = decoded;
  } catch {
    // Keep the encoded form.
  }
  return { path, search: parsed.search };
}

/** The path under which the blog lived on the old site (`/`, or `/blog/`). */
export function basePath(blogUrl: string): string {
  const found = redirectPath(blogUrl || "/");
  const path = found?.path ?? "/";
  return path.endsWith("/") ? path : `${path}/`;
}

/** Same address for Netlify: trailing slashes do not matter. */
export function samePath(a: string, b: string): boolean {
  const strip = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p);
  return strip(a) === strip(b);
}

export interface PermalinkStructure {
  /** e.g. `/%year%/%monthnum%/%day%/%postname%/` */
  pattern: string;
}

/**
 * The permalink structure most posts show, learnt from their links, so a
 * post whose link is missing still gets its old address back.
 */
export function learnStructure(
  samples: Array<{ path: string; name: string; date: { year: string; month: string; day: string } }>,
): string | undefined {
  const counts = new Map<string, number>();
  for (const { path, name, date } of samples) {
    if (!name || !path.includes(name)) continue;
    const pattern = path
      .replace(name, "%postname%")
      .replace(new RegExp(`/${date.year}/`), "/%year%/")
      .replace(new RegExp(`/%year%/${date.month}/`), "/%year%/%monthnum%/")
      .replace(new RegExp(`/%monthnum%/${date.day}/`), "/%monthnum%/%day%/");
    counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? best[0] : undefined;
}

export function applyStructure(
  pattern: string,
  name: string,
  date: { year: string; month: string; day: string },
): string {
  return pattern
    .replace("%postname%", name)
    .replace("%year%", date.year)
    .replace("%monthnum%", date.month)
    .replace("%day%", date.day);
}

/**
 * The lines of the importer's block. Targets are written percent-encoded
 * (a `Location` header is ASCII); an old address with letters outside
 * ASCII (/2016/04/中文/) gets a line in each form, since browsers send it
 * encoded and the redirect should match whichever way it is compared.
 */
export function redirectLines(redirects: Redirect[]): string[] {
  const rows = redirects.flatMap((r) => {
    const froms = /[^\x00-\x7f]/.test(r.from) ? [r.from, encodeURI(r.from)] : [r.from];
    return froms.map((from) => ({ from: r.query ? `${from}  ${r.query}` : from, to: encodeURI(r.to), force: r.force }));
  });
  const width = Math.max(0, ...rows.map((row) => row.from.length));
  return rows.map((row) => `${row.from.padEnd(width)}  ${row.to}  301${row.force ? "!" : ""}`);
}

/** `_redirects` with the importer's block replaced (or added at the end), the author's lines kept. */
export function mergeRedirectsFile(existing: string | undefined, lines: string[]): string {
  const block = [BEGIN_MARKER, ...lines, END_MARKER].join("\n");
  const text = existing ?? "";
  const begin = text.indexOf(BEGIN_MARKER);
  const end = text.indexOf(END_MARKER, begin);
  if (begin !== -1 && end !== -1) {
    return text.slice(0, begin) + block + text.slice(end + END_MARKER.length);
  }
  return text.trim() === "" ? `${block}\n` : `${text.replace(/\s*$/, "\n\n")}${block}\n`;
}
