import { describe, expect, it } from "vitest";
import { englishTypography, frenchTypography, NBSP, NNBSP } from "../../plugins/i18n/typography.ts";

describe("French typography", () => {
  it.each([
    ["Bonjour !", `Bonjour${NNBSP}!`],
    ["Vraiment ?!", `Vraiment${NNBSP}?!`],
    ["Quoi?", `Quoi${NNBSP}?`],
    ["Oui ; non", `Oui${NNBSP}; non`],
    ["Note : voir", `Note${NBSP}: voir`],
    ["« Texte »", `«${NBSP}Texte${NBSP}»`],
    ["«Texte»", `«${NBSP}Texte${NBSP}»`],
    ['Il dit "oui" et part', `Il dit «${NBSP}oui${NBSP}» et part`],
    ["l'art", "l’art"],
    ["Plus 40 % d’impressions", `Plus 40${NNBSP}% d’impressions`],
  ])("%j becomes %j", (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it.each(["10:30", "page?id=3", "https://exemple.fr/a?b=1", "a;b", "Rien à changer."])("leaves %j alone", (input) => {
    expect(frenchTypography(input)).toBe(input);
  });

  it.each([
    ["« Le « Lexique » de l’Imprimerie »", `«${NBSP}Le “Lexique” de l’Imprimerie${NBSP}»`],
    ['Lire « Pourquoi "non" ? »', `Lire «${NBSP}Pourquoi “non”${NNBSP}?${NBSP}»`],
    ["« Il a dit « non ! » »", `«${NBSP}Il a dit “non${NNBSP}!”${NBSP}»`],
  ])("nests quotes inside quotes the French way: %j becomes %j", (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it.each(["« a » et « b »", "x » y « z"])(
    "leaves quotes that follow one another, or unmatched, as they are: %j",
    (input) => {
      expect(frenchTypography(input)).toBe(frenchTypography(input.replace(/ /g, " ")));
      expect(frenchTypography(input)).not.toMatch(/[“”]/);
    },
  );

  it("is idempotent", () => {
    const once = frenchTypography('« Bonjour » : "oui" ; « non « merci » » ! Vraiment ?');
    expect(frenchTypography(once)).toBe(once);
  });
});

describe("English typography", () => {
  it("curls quotes and apostrophes without adding spaces", () => {
    expect(englishTypography(`She said "it's fine": 'ok'!`)).toBe("She said “it’s fine”: ‘ok’!");
  });
});
