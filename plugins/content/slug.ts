/**
 * Slugs for URLs and heading ids: lowercase ASCII words joined by dashes,
 * accents transliterated (« Stratégie » → `strategie`, « œuvre » → `oeuvre`).
 */
import slugifyText from "@sindresorhus/slugify";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const REPLACEMENTS: Record<string, ReadonlyArray<[string, string]>> = {
  fr: [["&", " et "]],
  en: [["&", " and "]],
};

export function slugify(text: string, language = "fr"): string {
  return slugifyText(text, { decamelize: false, customReplacements: REPLACEMENTS[language] ?? [] });
}
