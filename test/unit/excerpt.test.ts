import { describe, expect, it } from "vitest";
import { excerptCuts } from "../../plugins/search/browser/excerpt.ts";

describe("where a search excerpt was cut", () => {
  const content = "Premier mot de la page.\nPuis une phrase au milieu, et la fin du texte.";

  it.each([
    ["Premier mot de la page. Puis une", { before: false, after: true }],
    ["une phrase au milieu, et", { before: true, after: true }],
    ["au milieu, et la fin du texte.", { before: true, after: false }],
    [content, { before: false, after: false }],
  ])("%j", (excerpt, cuts) => {
    expect(excerptCuts(content, excerpt)).toEqual(cuts);
  });

  it("compares words, whatever the spaces between them", () => {
    expect(excerptCuts("  Premier   mot\n\nde la page.", "Premier mot de")).toEqual({ before: false, after: true });
  });

  it("marks nothing for an empty excerpt", () => {
    expect(excerptCuts(content, "")).toEqual({ before: false, after: false });
  });
});
