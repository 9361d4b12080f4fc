/**
 * Is this address a path on the site? The one answer, given the way a
 * browser would: the text is resolved with the WHATWG URL parser against the
 * site's origin, and it is a path on the site only if it stays there.
 *
 * A prefix test is not enough: browsers read `//evil.example`,
 * `/\evil.example`, `\\evil` and `/<tab>/evil` as addresses of another host.
 * Permalinks are also held to their normal form, so that `/a/../b/` or
 * `/a/./b/` never names a page (Eleventy and the browser would disagree on
 * where it is).
 */

/** Any origin serves: only whether the address leaves it matters. */
const ORIGIN = "https://site.invalid";

/** `/archives/`, `/contact/merci/?envoye#haut`: a path that a browser keeps on this site. */
export function isSitePath(text: unknown): text is string {
  if (typeof text !== "string" || !text.startsWith("/")) return false;
  // Backslashes and control characters are read as slashes or dropped by
  // browsers; whatever they mean, a path written by hand needs neither.

  if (/[\\\u0000-\u001f\u007f\s]/.test(text)) return false;
  const url = parse(text);
  return url !== undefined && url.origin === ORIGIN;
}

/** An address an author may link to: a path on the site, or an absolute `http(s)://` or `mailto:` address. */
export function isLinkTarget(text: unknown): text is string {
  if (isSitePath(text)) return true;
  if (typeof text !== "string" || /\s/.test(text)) return false;
  const url = /^(?:https?:\/\/|mailto:)/i.test(text) ? parse(text) : undefined;
  return url !== undefined && (url.protocol === "mailto:" || url.host !== "");
}

/** An absolute `http(s)://host…` address. */
export function isWebAddress(text: unknown, { https = false } = {}): text is string {
  if (typeof text !== "string" || /\s/.test(text) || !(https ? /^https:\/\//i : /^https?:\/\//i).test(text))
    return false;
  const url = parse(text);
  return url !== undefined && url.host !== "";
}

export type PathProblem = "not-a-path" | "dot-segment" | "not-normal";

/**
 * Checks a path that names a page (`permalink:`, a URL pattern): on the
 * site, no `.` or `..` segment (written plainly or as `%2e`), no query or
 * fragment, and already in the form the URL parser gives it. Returns the
 * problem, or undefined.
 */
export function pagePathProblem(text: unknown): PathProblem | undefined {
  if (!isSitePath(text)) return "not-a-path";
  const segments = text.split("/");
  if (segments.some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment))) return "dot-segment";
  const url = parse(text)!;
  if (url.search !== "" || url.hash !== "" || text.includes("?") || text.includes("#")) return "not-normal";
  // Letters beyond ASCII (`/à-propos/`, `/漢字/`) are as the author wrote them once decoded.
  return url.pathname === text || safeDecodeURI(url.pathname) === text ? undefined : "not-normal";
}

function safeDecodeURI(text: string): string | undefined {
  try {
    return decodeURI(text);
  } catch {
    return undefined;
  }
}

function parse(text: string): URL | undefined {
  try {
    return new URL(text, ORIGIN);
  } catch {
    return undefined;
  }
}
