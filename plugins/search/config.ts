/**
 * The `search` section of site.config.ts: its documented type, its schema,
 * and what the search box and page are given.
 */
import { z } from "zod";
import type { Messages } from "../i18n/index.ts";

/**
 * A search engine that takes over when the reader's browser runs no
 * JavaScript: the search form is sent to `url` with the reader's words in
 * `q`, plus hidden `fields` that keep the results to this site.
 */
export interface SearchFallback {
  /** The engine's search address, e.g. `"https://www.qwant.com/"`. */
  url: string;
  /**
   * Hidden fields sent with the words; `{domain}` is replaced by the site's
   * domain. For DuckDuckGo: `{ sites: "{domain}" }`.
   */
  fields: Record<string, string>;
}

/**
 * Search on the site's own pages (Pagefind): a box in the header and a
 * search page. The index is built with the site; results show in the
 * reader's browser, with no request anywhere else.
 */
export interface SearchConfig {
  /**
   * Where the search form goes when the browser runs no JavaScript. Default
   * `"https://duckduckgo.com/"`, restricted to this site. A DuckDuckGo,
   * Google or Bing address is enough; another engine needs
   * `{ url, fields }`. `false`: without JavaScript, the search page just
   * says that search needs it. The engine's address must also be allowed by
   * `form-action` in netlify.toml.
   */
  fallback?: string | SearchFallback | false;
}

/** The fallback form: its action and the hidden fields that keep results to this site. */
export interface ResolvedSearchFallback {
  url: string;
  fields: Record<string, string>;
}

export type ResolvedSearch =
  { enabled: true; url: string; fallback: ResolvedSearchFallback | undefined } | { enabled: false };

/** Search engines whose way of keeping results to one site is known. */
const KNOWN_FALLBACKS: Array<{ host: RegExp; fields: Record<string, string> }> = [
  { host: /(^|\.)duckduckgo\.com$/, fields: { sites: "{domain}" } },
  { host: /(^|\.)google\.[a-z.]+$/, fields: { as_sitesearch: "{domain}" } },
  { host: /(^|\.)bing\.com$/, fields: { q1: "site:{domain}" } },
];

const DEFAULT_SEARCH_FALLBACK = "https://duckduckgo.com/";

/** `https://host…`: the host, or undefined. */
const httpsHost = (text: string) => /^https:\/\/([^/?#\s]+)/.exec(text)?.[1];

const fallbackSchema = (m: Messages) =>
  z
    .unknown()
    .optional()
    .transform((fallback, ctx): ResolvedSearchFallback | false => {
      const value = fallback === undefined ? DEFAULT_SEARCH_FALLBACK : fallback;
      if (value === false) return false;
      if (typeof value === "string") {
        const host = httpsHost(value);
        const known = host && KNOWN_FALLBACKS.find((engine) => engine.host.test(host));
        if (known) return { url: value, fields: known.fields };
        ctx.addIssue({ code: "custom", message: host ? m.t.config.unknownEngine : m.t.config.searchFallback });
        return z.NEVER;
      }
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const { url, fields, ...rest } = value as Record<string, unknown>;
        const fieldsOk =
          fields !== null &&
          typeof fields === "object" &&
          !Array.isArray(fields) &&
          Object.values(fields).every((field) => typeof field === "string");
        if (typeof url === "string" && httpsHost(url) && fieldsOk && Object.keys(rest).length === 0)
          return { url, fields: fields as Record<string, string> };
      }
      ctx.addIssue({ code: "custom", message: m.t.config.searchFallback });
      return z.NEVER;
    });

/** `false`, or the settings; the page's address comes from the permalinks. */
export const searchSchema = (m: Messages) =>
  z.union(
    [
      z.literal(false).transform(() => ({ enabled: false }) as const),
      z
        .strictObject({ fallback: fallbackSchema(m) })
        .prefault({})
        .transform(({ fallback }) => ({ enabled: true, fallback: fallback || undefined }) as const),
    ],
    { error: m.t.config.search },
  );

/** The search as the build uses it: the page's address, and `{domain}` replaced by the site's. */
export function resolveSearch(
  section: z.output<ReturnType<typeof searchSchema>>,
  siteUrl: string,
  pageUrl: string,
): ResolvedSearch {
  if (!section.enabled) return { enabled: false };
  if (!section.fallback) return { enabled: true, url: pageUrl, fallback: undefined };
  const domain = new URL(siteUrl).host;
  const fields = Object.fromEntries(
    Object.entries(section.fallback.fields).map(([name, value]) => [name, value.replaceAll("{domain}", domain)]),
  );
  return { enabled: true, url: pageUrl, fallback: { url: section.fallback.url, fields } };
}
