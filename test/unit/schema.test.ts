import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { pageSchema, postSchema, validate } from "../../plugins/content/schema.ts";
import { suggest } from "../../plugins/problems/suggest.ts";
import { resolveSiteConfig } from "../../plugins/config/resolve.ts";
import { messages } from "../../plugins/i18n/index.ts";

// Validation itself is tested in English; the French wording has its own test below.
const site = resolveSiteConfig({
  title: "Test",
  language: "en",
  authors: { claire: { name: "Claire" }, marc: { name: "Marc" } },
  categories: { opinion: { name: "Opinion" }, pratique: { name: "Pratique" } },
});
const posts = postSchema(site);
const valid = { title: "Un titre", date: "2024-05-02", category: "opinion" };

function problems(data: Record<string, unknown>, schema: z.ZodType = posts): string[] {
  const result = validate(schema, data, messages(site.language));
  return result.ok ? [] : result.problems;
}

describe("post front matter", () => {
  it("accepts a minimal post and fills defaults", () => {
    const result = validate(posts, valid, messages("en"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.tags).toEqual([]);
    expect(result.value.draft).toBe(false);
    expect(result.value.comments).toEqual({ enabled: true, key: undefined, discussion: undefined });
    expect(result.value.date.toISO()).toBe("2024-05-02T00:00:00.000+02:00");
  });

  it("reports a missing title", () => {
    expect(problems({ ...valid, title: undefined })).toEqual([
      'title: found nothing, expected the title as text, e.g. title: "Mon billet"',
    ]);
  });

  it("reports an empty title", () => {
    expect(problems({ ...valid, title: "   " })[0]).toMatch(/^title: found " {3}", expected the title as text/);
  });

  it("reports an impossible date with what was found", () => {
    expect(problems({ ...valid, date: "2024-02-30" })).toEqual([
      'date: found "2024-02-30", expected a real date as YYYY-MM-DD, optionally with a time (2024-01-14 or 2024-01-14 09:30)',
    ]);
  });

  it("reports a date written as a number", () => {
    expect(problems({ ...valid, date: 20240502 })[0]).toMatch(/^date: found the number 20240502, expected a real date/);
  });

  it("reports a tag list written as a number, and a number inside a list", () => {
    expect(problems({ ...valid, tags: 5 })).toEqual([
      "tags: found the number 5, expected a list of tags, e.g. tags: [réseaux sociaux, stratégie]",
    ]);
    expect(problems({ ...valid, tags: ["ok", 3] })[0]).toMatch(
      /^tags\[1\]: found the number 3, expected a list of tags/,
    );
  });

  it("suggests the key a misspelt one was meant to be", () => {
    expect(problems({ ...valid, titel: "x" })).toEqual([
      'titel: found an unknown key, expected one of title, date, updated, category, tags, description, author, draft, comments, image, imageAlt, slug, syndication (did you mean "title"?)',
    ]);
    expect(problems({ ...valid, dat: "2024-01-01" })[0]).toContain('(did you mean "date"?)');
  });

  it("explains keys that belong to other tools", () => {
    expect(problems({ ...valid, permalink: "/x/" })[0]).toMatch(
      /^permalink: found an unknown key, expected none here: .*set slug: instead$/,
    );
  });

  it("names the categories and authors that exist, with a hint", () => {
    expect(problems({ ...valid, category: "opinon" })).toEqual([
      'category: found "opinon", expected one of the categories declared in site.config.ts: opinion, pratique (did you mean "opinion"?)',
    ]);
    expect(problems({ ...valid, author: "paul" })[0]).toMatch(
      /^author: found "paul", expected one of the authors .*: claire, marc$/,
    );
  });

  it("refuses an update before the date, and an image without a description", () => {
    expect(problems({ ...valid, updated: "2024-01-01" })[0]).toMatch(
      /^updated: found "2024-01-01", expected .*not before date$/,
    );
    expect(problems({ ...valid, image: "./a.png" })[0]).toBe(
      "imageAlt: found nothing, expected a description of the image, since image: is set",
    );
  });

  it("refuses a slug that is not a slug", () => {
    expect(problems({ ...valid, slug: "Mon Billet" })[0]).toBe(
      'slug: found "Mon Billet", expected lowercase letters, digits and dashes, e.g. mon-billet',
    );
  });

  it("lists every problem at once", () => {
    expect(problems({ titel: "x", date: "2024-02-30", category: "nope", tags: 5, draft: "maybe" })).toHaveLength(6);
  });
});

describe("page front matter", () => {
  const pages = pageSchema(site);

  it("accepts a page with a permalink and a form", () => {
    expect(problems({ title: "Contact", form: "contact", permalink: "/contact/merci/" }, pages)).toEqual([]);
  });

  it("refuses an unknown form and a permalink without slashes", () => {
    expect(problems({ title: "Contact", form: "newsletter" }, pages)[0]).toBe(
      'form: found "newsletter", expected the name of a built-in form: "contact"',
    );
    expect(problems({ title: "Merci", permalink: "merci" }, pages)[0]).toMatch(
      /^permalink: found "merci", expected an address/,
    );
  });
});

describe("suggest", () => {
  it("offers the nearest name only when it is a plausible typo", () => {
    expect(suggest("categroy", ["category", "tags"])).toBe("category");
    expect(suggest("zzz", ["category", "tags"])).toBeUndefined();
  });
});

describe("front matter keys and values named like Object.prototype's members", () => {
  const withConstructor = resolveSiteConfig(
    {
      title: "Test",
      authors: { constructor: { name: "Claire" }, toString: { name: "Marc" } },
      categories: { constructor: { name: "Constructeur" } },
    },
    { env: {} },
  );

  it("are unknown keys like any other, never an inherited function in the message", () => {
    const found = problems({ ...valid, toString: "x", constructor: 1, hasOwnProperty: true, valueOf: [] });
    expect(found).toHaveLength(4);
    for (const problem of found) {
      expect(problem).toMatch(
        /^(toString|constructor|hasOwnProperty|valueOf): found an unknown key, expected one of title, /,
      );
      expect(problem).not.toMatch(/native code|\[object Object\]|function/);
    }
  });

  it("are categories and authors that work, or a plain « one of » when they are not declared", () => {
    const result = validate(
      postSchema(withConstructor),
      { ...valid, category: "constructor", author: "toString" },
      messages("en"),
    );
    expect(result.ok && [result.value.category, result.value.author]).toEqual(["constructor", "toString"]);
    expect(problems({ ...valid, category: "constructor", author: "valueOf" })).toEqual([
      'category: found "constructor", expected one of the categories declared in site.config.ts: opinion, pratique',
      'author: found "valueOf", expected one of the authors declared in site.config.ts: claire, marc',
    ]);
  });

  it("as a tag, stay a tag", () => {
    const result = validate(posts, { ...valid, tags: ["constructor", "__proto__", "toString"] }, messages("en"));
    expect(result.ok && result.value.tags).toEqual(["constructor", "__proto__", "toString"]);
  });
});

describe("a page's permalink", () => {
  const pages = pageSchema(site);
  it("stays on the site and has no dot segments", () => {
    for (const permalink of ["/a/../contact/", "/./", "/contact/./merci/", "/../../etc/", "//evil.example/"]) {
      expect(problems({ title: "Merci", permalink }, pages), permalink).toEqual([
        `permalink: found "${permalink}", expected an address on this site that starts and ends with "/", without "." or ".." segments, e.g. /contact/merci/`,
      ]);
    }
    expect(problems({ title: "Merci", permalink: "/contact/merci/" }, pages)).toEqual([]);
    expect(problems({ title: "Version", permalink: "/v1.2/notes.html" }, pages)).toEqual([]);
  });
});

describe("front matter problems in the site's language", () => {
  const french = resolveSiteConfig({
    title: "Test",
    authors: { claire: { name: "Claire" } },
    categories: { opinion: { name: "Opinion" } },
  });
  const english = resolveSiteConfig({
    title: "Test",
    language: "en",
    authors: { claire: { name: "Claire" } },
    categories: { opinion: { name: "Opinion" } },
  });
  const mistakes = { titel: "Un titre", date: "2026-13-45", category: "opinon" };

  it("tells a French site's author in French, fields and values as she wrote them", () => {
    const result = validate(postSchema(french), mistakes, messages(french.language));
    expect(result.ok ? [] : result.problems).toEqual([
      'title\u00A0: absent, attendu le titre en texte, par exemple title: "Mon billet"',
      "date\u00A0: trouvé «\u00A02026-13-45\u00A0», attendu une date réelle au format AAAA-MM-JJ, avec ou sans heure (2024-01-14 ou 2024-01-14 09:30)",
      "category\u00A0: trouvé «\u00A0opinon\u00A0», attendu l’une des catégories déclarées dans site.config.ts\u00A0: opinion (vouliez-vous dire «\u00A0opinion\u00A0»\u202F?)",
      "titel\u00A0: trouvé une clé inconnue, attendu l’une des clés title, date, updated, category, tags, description, author, draft, comments, image, imageAlt, slug, syndication (vouliez-vous dire «\u00A0title\u00A0»\u202F?)",
    ]);
  });

  it("tells an English site's author in English", () => {
    const result = validate(postSchema(english), mistakes, messages(english.language));
    expect(result.ok ? [] : result.problems).toEqual([
      'title: found nothing, expected the title as text, e.g. title: "Mon billet"',
      'date: found "2026-13-45", expected a real date as YYYY-MM-DD, optionally with a time (2024-01-14 or 2024-01-14 09:30)',
      'category: found "opinon", expected one of the categories declared in site.config.ts: opinion (did you mean "opinion"?)',
      'titel: found an unknown key, expected one of title, date, updated, category, tags, description, author, draft, comments, image, imageAlt, slug, syndication (did you mean "title"?)',
    ]);
  });
});
