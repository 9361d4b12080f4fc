/**
 * Slugs for URLs and heading ids: lowercase ASCII words joined by dashes,
 * accents transliterated (« Stratégie » → `strategie`, « œuvre » → `oeuvre`).
 * Text in a script with no Latin transliteration (漢字, عربي) keeps its own
 * letters (`漢字`), rather than vanishing into an empty slug.
 */
import slugifyText from "@sindresorhus/slugify";

/** Lowercase words joined by dashes: ASCII, or letters of scripts without case (漢字) and their marks. */
export const SLUG_PATTERN = /^[a-z0-9\p{Lo}\p{Lm}\p{M}]+(?:-[a-z0-9\p{Lo}\p{Lm}\p{M}]+)*$/u;

const REPLACEMENTS: Record<string, ReadonlyArray<[string, string]>> = {
  fr: [["&", " et "]],
  en: [["&", " and "]],
};

/** Slugs already made, by language and text: tags repeat across thousands of posts. */
const made = new Map<string, string>();

export function slugify(text: string, language = "fr"): string {
  if (SLUG_PATTERN.test(text)) return text;
  const key = `${language}\u0000${text}`;
  let slug = made.get(key);
  if (slug === undefined) {
    slug =
      slugifyText(text, { decamelize: false, customReplacements: REPLACEMENTS[language] ?? [] }) ||
      text
        .normalize("NFKC")
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
        .replace(/^-+|-+$/g, "");
    made.set(key, slug);
  }
  return slug;
}
