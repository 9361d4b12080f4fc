import { describe, expect, it } from "vitest";
import { resolveSiteConfig } from "../../plugins/config/resolve.ts";
import type { SiteConfig } from "../../plugins/config/site.ts";
import { ConfigError } from "../../plugins/problems/errors.ts";
import { DateTime } from "luxon";
import { I18n } from "../../plugins/i18n/index.ts";
import { markdownToText, searchSources } from "../../plugins/search/records.ts";

const minimal: SiteConfig = {
  title: "Blog",
  url: "https://blog.example",
  authors: { a: { name: "A" } },
  categories: { opinion: { name: "Opinion" } },
};

function problemsOf(config: SiteConfig): string[] {
  try {
    resolveSiteConfig(config, { env: {} });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("search settings", () => {
  it("are on by default, at an address in the site's language, falling back to DuckDuckGo for this domain", () => {
    expect(resolveSiteConfig(minimal).search).toEqual({
      enabled: true,
      url: "/recherche/",
      fallback: { url: "https://duckduckgo.com/", fields: { sites: "blog.example" } },
    });
    expect(resolveSiteConfig({ ...minimal, language: "en" }).search).toMatchObject({ url: "/search/" });
    expect(resolveSiteConfig({ ...minimal, permalinks: { search: "/chercher/" } }).search).toMatchObject({
      url: "/chercher/",
    });
  });

  it("know how Google and Bing keep results to one site, and take any engine's fields", () => {
    expect(
      resolveSiteConfig({ ...minimal, search: { fallback: "https://www.google.fr/search" } }).search,
    ).toMatchObject({
      fallback: { url: "https://www.google.fr/search", fields: { as_sitesearch: "blog.example" } },
    });
    expect(resolveSiteConfig({ ...minimal, search: { fallback: "https://www.bing.com/search" } }).search).toMatchObject(
      {
        fallback: { fields: { q1: "site:blog.example" } },
      },
    );
    const qwant = { url: "https://www.qwant.com/", fields: { q2: "site:{domain}" } };
    expect(resolveSiteConfig({ ...minimal, search: { fallback: qwant } }).search).toMatchObject({
      fallback: { url: "https://www.qwant.com/", fields: { q2: "site:blog.example" } },
    });
  });

  it("may have no fallback, or be off", () => {
    expect(resolveSiteConfig({ ...minimal, search: { fallback: false } }).search).toEqual({
      enabled: true,
      url: "/recherche/",
      fallback: undefined,
    });
    expect(resolveSiteConfig({ ...minimal, search: false }).search).toEqual({ enabled: false });
  });

  it("report an engine whose way of restricting to the site is unknown, and a page address that cannot be one", () => {
    // Told in English, as an English site's are.
    const english: SiteConfig = { ...minimal, language: "en" };
    expect(problemsOf({ ...english, search: { fallback: "https://www.qwant.com/" } })).toEqual([
      'site.config.ts: search.fallback: found "https://www.qwant.com/", expected the address of DuckDuckGo, Google or Bing, or { url, fields } naming the hidden fields that keep this engine\'s results to the site',
    ]);
    expect(problemsOf({ ...english, search: { fallback: "duckduckgo.com" } })[0]).toMatch(
      /^site\.config\.ts: search\.fallback: found "duckduckgo\.com", expected a search engine's address/,
    );
    expect(problemsOf({ ...english, permalinks: { search: "recherche" } })).toEqual([
      'site.config.ts: permalinks.search: found "recherche", expected a pattern that starts and ends with "/"',
    ]);
  });
});

describe("what the index holds", () => {
  const i18n = new I18n("fr", "Europe/Paris");
  const date = DateTime.fromISO("2024-03-01T10:00:00", { zone: "Europe/Paris" });

  it("the posts being built and the pages search engines may show, with what results show of them", () => {
    const entries = [
      { kind: "post", url: "/billets/a/", file: "content/posts/a.md", title: "A", date, category: { name: "Opinion" } },
      { kind: "page", url: "/contact/", file: "content/pages/contact.md", title: "Contact", noindex: false },
      { kind: "page", url: "/contact/merci/", file: "content/pages/merci.md", title: "Merci", noindex: true },
    ] as unknown as Parameters<typeof searchSources>[0];
    expect(searchSources(entries, i18n)).toEqual([
      {
        url: "/billets/a/",
        file: "content/posts/a.md",
        meta: { title: "A", date: "1er mars 2024", category: "Opinion" },
      },
      { url: "/contact/", file: "content/pages/contact.md", meta: { title: "Contact" } },
    ]);
  });

  it("the words of a post as a reader reads them, with no markup left", () => {
    const markdown = [
      "## Un titre",
      "",
      "Un **mot** gras, un [lien](https://exemple.fr/long) et ![une image décrite](./a.png).",
      "",
      "> Une citation",
      "",
      "- un élément",
      "1. un autre",
      "",
      "```js",
      "const code = 1;",
      "```",
      "",
      '<div class="x">du <em>HTML</em></div> & <script>alert(1)</script>',
      "",
      "| a | b |",
      "|---|---|",
      "<!-- un commentaire -->",
    ].join("\n");
    const text = markdownToText(markdown);
    expect(text).toBe(
      "Un titre Un mot gras, un lien et une image décrite. Une citation un élément un autre const code = 1; du HTML alert(1) a b",
    );
    expect(text).not.toMatch(/[<>&]|https?:|\*\*|\]\(/);
  });
});
