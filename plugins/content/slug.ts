/**
 * Slugs for URLs and heading ids: lowercase ASCII words joined by dashes,
 * accents transliterated (« Stratégie » → `strategie`, « œuvre » → `oeuvre`).
 * Text in a script with no Latin transliteration (漢字, عربي) keeps its own
 * letters (`漢字`), rather than vanishing into an empty slug; so does such a
 * word next to Latin ones (« 漢字 2 » → `漢字-2`, not `2`).
 */
import slugifyText from "@sindresorhus/slugify";

/** Lowercase words joined by dashes: ASCII, or letters of scripts without case (漢字) and their marks. */
export const SLUG_PATTERN = /^[a-z0-9\p{Lo}\p{Lm}\p{M}]+(?:-[a-z0-9\p{Lo}\p{Lm}\p{M}]+)*$/u;

/** One character a slug may hold as it is. */
const SLUG_CHARACTER = /^[a-z0-9\p{Lo}\p{Lm}\p{M}]$/u;

/**
 * Text whose every letter and digit the transliteration turns into ASCII
 * (ASCII, Latin-1 but for ª º µ ¹ ² ³ ¼ ½ ¾, œ, typographic punctuation):
 * nearly every French or English title, slugified in one step.
 */
const TRANSLITERATED =
  /^[\x00-\x7F\u00A0-\u00A9\u00AB-\u00B1\u00B4\u00B6-\u00B8\u00BB\u00BF-\u00FF\u0152\u0153\u2000-\u206F\u20AC]*$/;

const REPLACEMENTS: Record<string, ReadonlyArray<[string, string]>> = {
  fr: [["&", " et "]],
  en: [["&", " and "]],
};

/**
 * A slug already: the pattern, in composed form (a file name saved as `e` and
 * a combining accent, as macOS writes them, gives the slug of `é`, `e`).
 */
function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text) && !/[a-z0-9]\p{M}/u.test(text) && text.normalize("NFC") === text;
}

export function slugify(text: string, language = "fr"): string {
  return isSlug(text) ? text : makeSlug(text, REPLACEMENTS[language] ?? []);
}

function makeSlug(input: string, customReplacements: ReadonlyArray<[string, string]>): string {
  const text = input.normalize("NFC");
  if (isSlug(text)) return text;
  const options = { decamelize: false, customReplacements };
  const whole = slugifyText(text, options);
  if (whole && TRANSLITERATED.test(text)) return whole;
  // A word the transliteration turns into nothing (漢字) is kept by its own letters.
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (whole && words.every((word) => slugifyText(word, options) !== "")) return whole;
  return words
    .map((word) => slugifyText(word, options) || ownLetters(word))
    .filter(Boolean)
    .join("-");
}

/**
 * A word in its own letters, where they may stand in a slug: lowercase,
 * compatibility forms folded (NFKC), and any letter a slug cannot hold as it
 * is (a cased letter outside ASCII, ύ, ᾀ) transliterated, or else written as
 * its code point (`u1df0b`), so that the slug of a slug is itself.
 */
function ownLetters(word: string): string {
  return word
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map((part) =>
      [...part]
        .map((character) => {
          if (SLUG_CHARACTER.test(character)) return character;
          const latin = slugifyText(character.normalize("NFKD").replace(/\p{M}/gu, ""), { decamelize: false });
          return /^[a-z0-9]+$/.test(latin) ? latin : `u${character.codePointAt(0)!.toString(16)}`;
        })
        .join("")
        // A mark left on a Latin letter or digit would make another slug of this one.
        .replace(/([a-z0-9])\p{M}+/gu, "$1"),
    )
    .filter(Boolean)
    .join("-");
}
