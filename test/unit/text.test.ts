import { describe, expect, it } from "vitest";
import { countWords, initials, readingMinutes, summarize } from "../../plugins/content/text.ts";

const renderInline = (text: string) => text.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/&/g, "&amp;");

describe("reading time", () => {
  it("counts prose words, not code, markup or link targets", () => {
    expect(countWords("Un **mot** et [un lien](https://exemple.fr/tres/long/chemin).")).toBe(5);
    expect(countWords("Avant\n\n```js\nconst a = 1; const b = 2;\n```\n\nAprès")).toBe(2);
    expect(countWords("## Titre\n\n- l’apostrophe compte pour un mot")).toBe(6);
  });

  it("rounds to whole minutes, at least one", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(230 * 4)).toBe(4);
    expect(readingMinutes(230 * 4 + 200)).toBe(5);
  });
});

describe("summaries", () => {
  it("takes the first paragraph of prose, as text", () => {
    const body =
      "## Un titre\n\n![Une image](./a.png)\n\nLe **premier** paragraphe\nsur deux lignes & demie.\n\nLe second.";
    expect(summarize(body, renderInline)).toBe("Le premier paragraphe sur deux lignes & demie.");
  });

  it("cuts a long paragraph at a word boundary", () => {
    const summary = summarize("mot ".repeat(200), renderInline, 50);
    expect(summary.length).toBeLessThanOrEqual(51);
    expect(summary).toMatch(/mot…$/);
  });

  it("is empty when there is no prose", () => {
    expect(summarize("## Seulement un titre\n\n- une liste", renderInline)).toBe("");
  });
});

describe("initials", () => {
  it("takes the first character of the first two words, in capitals, whole", () => {
    expect(initials("Élise Marchal")).toBe("ÉM");
    expect(initials("  jean-pierre   de la Fontaine ")).toBe("JD");
    expect(initials("Zoé")).toBe("Z");
    expect(initials("𝒜lice Durand")).toBe("𝒜D");
    expect(initials("")).toBe("");
  });
});
