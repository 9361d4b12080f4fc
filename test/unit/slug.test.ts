import { describe, expect, it } from "vitest";
import { fileSlug } from "../../plugins/content/load.ts";
import { slugify } from "../../plugins/content/slug.ts";

describe("slugs", () => {
  it.each([
    ["Stratégie", "strategie"],
    ["Réseaux sociaux", "reseaux-sociaux"],
    ["L’art de répondre : vite !", "l-art-de-repondre-vite"],
    ["Œuvre & cœur", "oeuvre-et-coeur"],
    ["  Espaces   multiples  ", "espaces-multiples"],
    ["Concours « Démarches en clair »", "concours-demarches-en-clair"],
  ])("%s → %s", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it("uses the language's word for &", () => {
    expect(slugify("Tips & tricks", "en")).toBe("tips-and-tricks");
  });

  it("takes a post's default slug from its file or its folder", () => {
    expect(fileSlug("content/posts/mon-billet.md")).toBe("mon-billet");
    expect(fileSlug("content/posts/mon-billet/index.md")).toBe("mon-billet");
  });
});

describe("slugs in scripts without a Latin transliteration", () => {
  it("keep their own letters", () => {
    expect(slugify("漢字")).toBe("漢字");
    expect(slugify("نص عربي")).toMatch(/^[a-z]+-[a-z]+$/); // transliterated
    expect(slugify("🎉")).toBe("");
  });
});
