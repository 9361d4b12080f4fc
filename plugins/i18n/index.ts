/**
 * Interface language: the dictionary, plurals, dates and typography of the
 * site's language, behind one object that layouts receive as `i18n`.
 */
import type { DateTime } from "luxon";
import type { Language } from "./languages.ts";
import type { Dictionary, Plural, ToolWords } from "./dictionary.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { englishTypography, frenchSpacing, frenchTypography, type Typography } from "./typography.ts";

export type { Dictionary, Plural, ToolWords } from "./dictionary.ts";

const DICTIONARIES: Record<Language, Dictionary> = { fr, en };
const TYPOGRAPHY: Record<Language, Typography> = { fr: frenchTypography, en: englishTypography };

export class I18n {
  readonly language: Language;
  readonly t: Dictionary;
  readonly typography: Typography;
  readonly #zone: string;
  readonly #plurals: Intl.PluralRules;
  /** What `count.toLocaleString(locale)` makes, without making a new formatter at every call. */
  readonly #numbers: Intl.NumberFormat;
  /** Formatted dates by moment: a post's date appears on many pages. */
  readonly #dates = new Map<number, string>();
  readonly #isoDates = new Map<number, string>();
  readonly #dateFormat: Intl.DateTimeFormat;

  constructor(language: Language, timeZone: string) {
    this.language = language;
    this.t = DICTIONARIES[language];
    this.typography = TYPOGRAPHY[language];
    this.#zone = timeZone;
    this.#plurals = new Intl.PluralRules(this.t.locale);
    this.#numbers = new Intl.NumberFormat(this.t.locale);
    this.#dateFormat = new Intl.DateTimeFormat(this.t.locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: timeZone,
    });
  }

  /** Fills `{name}` placeholders. Unknown placeholders are left visible, so a typo shows. */
  format(template: string, values: Record<string, string | number> = {}): string {
    return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
      Object.hasOwn(values, key) ? String(values[key]) : whole,
    );
  }

  /**
   * Like `format`, but values may be anything (a `<time>` element, a link):
   * returns the pieces in order, for templates to render.
   */
  interpolate<T>(template: string, values: Record<string, T>): Array<string | T> {
    return template.split(/(\{\w+\})/).map((piece) => {
      const key = /^\{(\w+)\}$/.exec(piece)?.[1];
      return key !== undefined && Object.hasOwn(values, key) ? values[key]! : piece;
    });
  }

  /** Chooses the plural form for `count` and fills `{count}` and the other values. */
  plural(forms: Plural, count: number, values: Record<string, string | number> = {}): string {
    const form =
      count === 0 && forms.zero !== undefined ? forms.zero : (forms[this.#plurals.select(count)] ?? forms.other);
    return this.format(form, { count: this.#numbers.format(count), ...values });
  }

  /** « 14 janvier 2013 », « 1er mars 2024 », "January 14, 2013". */
  date(date: DateTime | Date): string {
    const moment = date.valueOf();
    let text = this.#dates.get(moment);
    if (text === undefined) {
      // French writes the first of the month « 1er ».
      text = this.#dateFormat
        .formatToParts(moment)
        .map((part) => (this.language === "fr" && part.type === "day" && part.value === "1" ? "1er" : part.value))
        .join("");
      this.#dates.set(moment, text);
    }
    return text;
  }

  /** Machine-readable date for `<time datetime>`: ISO 8601 with the offset. */
  isoDate(date: DateTime): string {
    const moment = date.valueOf();
    let text = this.#isoDates.get(moment);
    if (text === undefined) {
      text = date.setZone(this.#zone).toISO({ suppressMilliseconds: true }) ?? "";
      this.#isoDates.set(moment, text);
    }
    return text;
  }
}

// Tools: what validation, `npm run new`, `npm run check` and the WordPress import say to the author.

/**
 * What the tools say to the author, in the site's language: the
 * dictionary's `tools` section, every string typeset once for the language
 * (French: « », and a no-break space before : ; ! ?). What fills a
 * placeholder (a field, a value, a file) is left exactly as written.
 */
export class Messages {
  readonly language: Language;
  readonly t: ToolWords;
  readonly #plurals: Intl.PluralRules;

  constructor(language: Language) {
    this.language = language;
    this.t = typeset(DICTIONARIES[language].tools, language === "fr" ? frenchSpacing : (text) => text);
    this.#plurals = new Intl.PluralRules(DICTIONARIES[language].locale);
  }

  /** Fills a template's `{name}` placeholders; unknown ones are left visible. */
  format(template: string, values: Record<string, string | number> = {}): string {
    return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
      Object.hasOwn(values, key) ? String(values[key]) : whole,
    );
  }

  /** The plural form for `count`, formatted, `{count}` included. */
  plural(forms: Plural, count: number, values: Record<string, string | number> = {}): string {
    const form =
      count === 0 && forms.zero !== undefined ? forms.zero : (forms[this.#plurals.select(count)] ?? forms.other);
    return this.format(form, { count, ...values });
  }

  /**
   * A text the author wrote, quoted: `"titel"`, « titel ». Characters that
   * cannot be seen (a line break, a tab) are shown escaped, as JSON writes
   * them; `cut` marks a text shown in part with « … ».
   */
  quote(text: string, { cut = false } = {}): string {
    const inner = JSON.stringify(text).slice(1, -1) + (cut ? "…" : "");
    return this.language === "fr" ? `«\u00A0${inner.replace(/\\"/g, '"')}\u00A0»` : `"${inner}"`;
  }

  /** `{where}: {what}`, the shape of every problem line. */
  at(where: string, what: string): string {
    return this.format(this.t.problems.at, { where, what });
  }

  /** `found …, expected …`; « absent, attendu … » when nothing was found. */
  problem(found: string, expected: string): string {
    if (found === this.t.problems.values.nothing) return this.format(this.t.problems.missingExpected, { expected });
    return this.format(this.t.problems.foundExpected, { found, expected });
  }
}

const MESSAGES = new Map<Language, Messages>();

/** The tools' messages in `language`: the site's (`site.language`), once its configuration is read. */
export function messages(language: Language): Messages {
  let found = MESSAGES.get(language);
  if (!found) MESSAGES.set(language, (found = new Messages(language)));
  return found;
}

/** A copy of `words` with every string typeset. */
function typeset<T>(words: T, spacing: Typography): T {
  if (typeof words === "string") return spacing(words) as T;
  if (words === null || typeof words !== "object") return words;
  return Object.fromEntries(Object.entries(words).map(([key, value]) => [key, typeset(value, spacing)])) as T;
}
