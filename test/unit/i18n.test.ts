import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { en } from "../../plugins/i18n/en.ts";
import { fr } from "../../plugins/i18n/fr.ts";
import { I18n } from "../../plugins/i18n/index.ts";

const french = new I18n("fr", "Europe/Paris");
const english = new I18n("en", "Europe/Paris");

describe("plurals", () => {
  it.each([
    [0, "Aucun billet"],
    [1, "1 billet"],
    [2, "2 billets"],
    [1500, "1\u202F500 billets"],
  ])("French: %i → %s", (count, expected) => {
    expect(french.plural(fr.lists.postCount, count)).toBe(expected);
  });

  it.each([
    [0, "No posts"],
    [1, "1 post"],
    [3, "3 posts"],
  ])("English: %i → %s", (count, expected) => {
    expect(english.plural(en.lists.postCount, count)).toBe(expected);
  });

  it("uses the plural rules of the language, not count === 1", () => {
    // French treats 0 < n < 2 as singular; the `zero` form wins only for 0.
    const forms = { one: "{count} réflexion", other: "{count} réflexions" };
    expect(french.plural(forms, 0)).toBe("0 réflexion");
    expect(english.plural({ one: "{count} thought", other: "{count} thoughts" }, 0)).toBe("0 thoughts");
  });
});

describe("dates", () => {
  it("writes French dates in full, with « 1er » for the first of the month", () => {
    expect(french.date(DateTime.fromISO("2013-01-14T10:00:00+01:00"))).toBe("14 janvier 2013");
    expect(french.date(DateTime.fromISO("2024-03-01T10:00:00+01:00"))).toBe("1er mars 2024");
  });

  it("reads a date in the site's time zone", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(french.date(DateTime.fromISO("2023-12-31T23:30:00Z"))).toBe("1er janvier 2024");
  });

  it("writes English dates", () => {
    expect(english.date(DateTime.fromISO("2013-01-14T10:00:00+01:00"))).toBe("January 14, 2013");
  });

  it("gives <time datetime> the exact moment with its offset", () => {
    expect(french.isoDate(DateTime.fromISO("2024-07-01T09:30:00Z"))).toBe("2024-07-01T11:30:00+02:00");
  });
});

describe("dictionaries", () => {
  it("French and English have the same strings, none empty", () => {
    const keys = (value: unknown, prefix = ""): string[] =>
      typeof value === "object" && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
        : [prefix];
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    for (const dictionary of [fr, en]) {
      for (const key of keys(dictionary)) {
        const value = key
          .split(".")
          .filter(Boolean)
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dictionary);
        expect(value, key).not.toBe("");
      }
    }
  });

  it("fills placeholders and keeps unknown ones visible", () => {
    expect(french.format("Page {page} sur {total}", { page: 2, total: 7 })).toBe("Page 2 sur 7");
    expect(french.format("Bonjour {nom}", {})).toBe("Bonjour {nom}");
    expect(french.interpolate("Publié le {date}.", { date: 42 })).toEqual(["Publié le ", 42, "."]);
  });

  it("never fills a placeholder with what every object inherits", () => {
    expect(french.format("{constructor} et {toString}", {})).toBe("{constructor} et {toString}");
    expect(french.interpolate("{valueOf}", {})).toEqual(["", "{valueOf}", ""]);
  });
});
