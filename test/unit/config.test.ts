import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { CommentsConfig } from "../../plugins/comments/config.ts";
import { loadSiteConfig } from "../../plugins/config/load.ts";
import type { siteConfigSchema } from "../../plugins/config/schema.ts";
import type { FeedsConfig } from "../../plugins/feeds/config.ts";
import type { SearchConfig } from "../../plugins/search/config.ts";
import siteConfig from "../../site.config.ts";
import { resolveSiteConfig } from "../../plugins/config/resolve.ts";
import type { SiteConfig } from "../../plugins/config/site.ts";
import { ConfigError } from "../../plugins/problems/errors.ts";
import { french } from "../helpers/french.ts";

/** A small English site: most tests here are about what is checked, and read its problems in English. */
const minimal: SiteConfig = {
  title: "Blog",
  language: "en",
  authors: { a: { name: "A" } },
  categories: { opinion: { name: "Opinion" } },
};

describe("site configuration", () => {
  it("resolves the project's own config", () => {
    const site = resolveSiteConfig(siteConfig);
    expect(site.language).toBe("fr");
    expect(site.defaultAuthor.links.map((link) => link.label)).toEqual([
      "Mes prestations",
      "Mon approche",
      "Me contacter",
    ]);
  });

  it("fills every default in one place", () => {
    const site = resolveSiteConfig({ ...minimal, language: undefined }, { env: {} });
    expect(site).toMatchObject({
      url: "http://localhost:8080",
      language: "fr",
      timeZone: "Europe/Paris",
      postsPerPage: 10,
      permalinks: {
        post: "/billets/:slug/",
        category: "/categories/:slug/",
        tag: "/etiquettes/:slug/",
        archive: "/archives/",
      },
      contactSuccessUrl: "/contact/merci/",
    });
    expect(site.defaultAuthor.id).toBe("a");
  });

  it("takes Netlify's URL when the config gives none, without a trailing slash", () => {
    expect(resolveSiteConfig(minimal, { env: { URL: "https://mon-blog.netlify.app/" } }).url).toBe(
      "https://mon-blog.netlify.app",
    );
  });

  it("gives English addresses to an English site", () => {
    expect(resolveSiteConfig({ ...minimal, language: "en" }).permalinks.post).toBe("/posts/:slug/");
  });

  it("reports every mistake with the field, what was found and what is expected", () => {
    const bad = {
      title: "",
      language: "de",
      timeZone: "Europe/Strasburg",
      url: "example.org",
      authors: {},
      categories: { "Mauvaise Clé": { name: "X" } },
      postsPerPage: 0,
      permalinks: { post: "/billets/:titre/" },
    } as unknown as SiteConfig;
    let error: unknown;
    try {
      resolveSiteConfig(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    // The language is not valid: the problems are told in French, the default language.
    expect(problems).toContain(
      french("site.config.ts : language : trouvé « de », attendu l’une des valeurs « fr », « en »"),
    );
    expect(problems).toContain(
      french(
        'site.config.ts : timeZone : trouvé « Europe/Strasburg », attendu un fuseau horaire IANA comme "Europe/Paris"',
      ),
    );
    expect(problems).toContain(
      french('site.config.ts : url : trouvé « example.org », attendu une adresse absolue comme "https://example.org"'),
    );
    expect(problems.some((p) => p.startsWith(french("site.config.ts : title : trouvé « »")))).toBe(true);
    expect(problems.some((p) => p.startsWith(french("site.config.ts : authors : trouvé un objet ({})")))).toBe(true);
    expect(problems.some((p) => p.startsWith(french("site.config.ts : categories.Mauvaise Clé :")))).toBe(true);
    expect(problems).toContain(
      french("site.config.ts : postsPerPage : trouvé le nombre 0, attendu un nombre entier, au moins 1"),
    );
    expect(problems).toContain(
      french(
        "site.config.ts : permalinks.post : trouvé « /billets/:titre/ », attendu seulement les jetons :slug, :year, :month, :day",
      ),
    );
    expect((error as ConfigError).message.split("\n")[0]).toBe(french("site.config.ts a 8 problèmes :"));
  });

  it("tells an English site's problems in English", () => {
    expect(problemsOf({ ...minimal, timeZone: "Europe/Strasburg", postsPerPage: 0 })).toEqual([
      'site.config.ts: timeZone: found "Europe/Strasburg", expected an IANA time zone such as "Europe/Paris"',
      "site.config.ts: postsPerPage: found the number 0, expected a whole number of at least 1",
    ]);
    expect(() => resolveSiteConfig({ ...minimal, postsPerPage: 0 })).toThrow(/^site\.config\.ts has a problem:\n/);
  });

  it("tells a French site's problems in French, with French spacing, values as written", () => {
    expect(
      problemsOf({ ...minimal, language: "fr", timeZone: "Europe/Strasburg", postsPerPage: 0, postPerPage: 5 }),
    ).toEqual([
      french(
        'site.config.ts : timeZone : trouvé « Europe/Strasburg », attendu un fuseau horaire IANA comme "Europe/Paris"',
      ),
      french("site.config.ts : postsPerPage : trouvé le nombre 0, attendu un nombre entier, au moins 1"),
      expect.stringMatching(
        new RegExp(
          `^site\\.config\\.ts\u00A0: postPerPage\u00A0: trouvé une clé inconnue, attendu l’une des clés title, .* \\(vouliez-vous dire «\u00A0postsPerPage\u00A0»\u202F\\?\\)$`,
        ),
      ),
    ]);
  });

  it("shares on every network by default, in order, with 20 posts per feed", () => {
    const site = resolveSiteConfig(minimal, { env: {} });
    expect(site.share).toEqual([
      "linkedin",
      "x",
      "facebook",
      "bluesky",
      "mastodon",
      "whatsapp",
      "email",
      "copy",
      "native",
    ]);
    expect(site.feeds).toEqual({ entries: 20 });
    expect(site.defaultAuthor).toMatchObject({ fediverse: undefined, profiles: [] });
  });

  it("reports unknown or repeated share buttons, a bad fediverse handle or profile, and a bad feed size", () => {
    const bad = {
      ...minimal,
      authors: { a: { name: "A", fediverse: "lea@piaille", profiles: ["linkedin.com/in/lea"] } },
      share: ["linkedin", "tiktok", "linkedin"],
      feeds: { entries: 0 },
    } as unknown as SiteConfig;
    expect(() => resolveSiteConfig(bad)).toThrow(ConfigError);
    try {
      resolveSiteConfig(bad);
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'site.config.ts: authors.a.fediverse: found "lea@piaille", expected a handle such as "@lea@piaille.fr"',
        'site.config.ts: authors.a.profiles[0]: found "linkedin.com/in/lea", expected an absolute address such as "https://www.linkedin.com/in/lea"',
        'site.config.ts: share[1]: found "tiktok", expected one of "linkedin", "x", "facebook", "bluesky", "mastodon", "whatsapp", "email", "copy", "native"',
        'site.config.ts: share[2]: found "linkedin", expected each button once',
        "site.config.ts: feeds.entries: found the number 0, expected a whole number of at least 1",
      ]);
    }
  });
});

/** The problems a config has, as the author reads them. */
function problemsOf(config: unknown, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    resolveSiteConfig(config as SiteConfig, { env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

type Input = z.input<ReturnType<typeof siteConfigSchema>>;

describe("site.config.ts checked like content", () => {
  it("documents every field the schema takes, and the schema takes every documented config", () => {
    expectTypeOf<keyof SiteConfig>().toEqualTypeOf<keyof Input>();
    expectTypeOf<SiteConfig>().toExtend<Input>();
    expectTypeOf<keyof CommentsConfig>().toEqualTypeOf<keyof NonNullable<Input["comments"]>>();
    expectTypeOf<CommentsConfig>().toExtend<NonNullable<Input["comments"]>>();
    expectTypeOf<keyof FeedsConfig>().toEqualTypeOf<keyof NonNullable<Input["feeds"]>>();
    expectTypeOf<SearchConfig | false>().toExtend<NonNullable<Input["search"]>>();
    expectTypeOf<keyof SearchConfig>().toEqualTypeOf<keyof Exclude<NonNullable<Input["search"]>, false>>();
  });

  it("refuses an unknown key, with the name it was probably meant to be", () => {
    expect(problemsOf({ ...minimal, postPerPage: 5 })).toEqual([
      'site.config.ts: postPerPage: found an unknown key, expected one of title, description, url, language, timeZone, authors, navigation, categories, postsPerPage, permalinks, footer, favicon, contactSuccessUrl, comments, share, feeds, search (did you mean "postsPerPage"?)',
    ]);
  });

  it("refuses unknown keys in sections and entries too", () => {
    const problems = problemsOf({
      ...minimal,
      authors: { a: { name: "A", avatr: "/a.jpg" } },
      categories: { opinion: { name: "Opinion", descripton: "x" } },
      comments: { mapings: "url", themes: { drak: "dark" } },
      feeds: { entires: 5 },
      search: { falback: false },
      permalinks: { posts: "/b/:slug/" },
    });
    expect(problems).toEqual([
      'site.config.ts: authors.a.avatr: found an unknown key, expected one of name, bio, avatar, links, github, fediverse, profiles (did you mean "avatar"?)',
      'site.config.ts: categories.opinion.descripton: found an unknown key, expected one of name, description (did you mean "description"?)',
      'site.config.ts: permalinks.posts: found an unknown key, expected one of post, category, tag, archive, search (did you mean "post"?)',
      'site.config.ts: comments.themes.drak: found an unknown key, expected one of light, dark (did you mean "dark"?)',
      expect.stringMatching(
        /^site\.config\.ts: comments\.mapings: found an unknown key, expected one of .*\(did you mean "mapping"\?\)$/,
      ),
      'site.config.ts: feeds.entires: found an unknown key, expected one of entries (did you mean "entries"?)',
      'site.config.ts: search.falback: found an unknown key, expected one of fallback (did you mean "fallback"?)',
    ]);
  });

  it("lists every problem of every section at once", () => {
    const problems = problemsOf(
      {
        title: 42,
        language: "de",
        authors: { a: { name: "" } },
        categories: { opinion: {} },
        postsPerPage: 2.5,
        comments: { loading: "eager" },
        share: ["myspace"],
        feeds: { entries: -1 },
        search: "oui",
      },
      { URL: "pas une adresse" },
    );
    // "de" is no language Billet has: the problems are told in French, the default.
    expect(problems).toEqual([
      french("site.config.ts : title : trouvé le nombre 42, attendu le nom du blog, un texte non vide"),
      french(
        'site.config.ts : url (venu de URL) : trouvé « pas une adresse », attendu une adresse absolue comme "https://example.org"',
      ),
      french("site.config.ts : language : trouvé « de », attendu l’une des valeurs « fr », « en »"),
      french("site.config.ts : authors.a.name : trouvé « », attendu le nom de l’auteur, un texte non vide"),
      french(
        "site.config.ts : categories.opinion.name : absent, attendu le nom de la catégorie tel que les lecteurs le voient",
      ),
      french("site.config.ts : postsPerPage : trouvé le nombre 2.5, attendu un nombre entier, au moins 1"),
      french("site.config.ts : comments.loading : trouvé « eager », attendu l’une des valeurs « lazy », « consent »"),
      expect.stringMatching(
        /^site\.config\.ts\u00A0: share\[0\]\u00A0: trouvé «\u00A0myspace\u00A0», attendu l’une des valeurs «\u00A0linkedin\u00A0»/,
      ),
      french("site.config.ts : feeds.entries : trouvé le nombre -1, attendu un nombre entier, au moins 1"),
      french("site.config.ts : search : trouvé « oui », attendu false, ou des réglages comme { fallback: false }"),
    ]);
  });

  it("lets GISCUS_* variables win over the file, names them in messages, and ignores empty ones", () => {
    const config = { ...minimal, comments: { repo: "moi/blog", repoId: "", category: "Commentaires", categoryId: "" } };
    const env = { GISCUS_REPO_ID: "R_1", GISCUS_CATEGORY_ID: " DIC_2 ", GISCUS_REPO: "  ", GISCUS_LOADING: "consent" };
    const { comments } = resolveSiteConfig(config, { env });
    expect(comments.widget).toEqual({
      enabled: true,
      repo: "moi/blog",
      repoId: "R_1",
      category: "Commentaires",
      categoryId: "DIC_2",
    });
    expect(comments.loading).toBe("consent");
    expect(comments.moderation).toEqual({ hidden: [], blockedAuthors: [] });
    expect(problemsOf(config, { GISCUS_REPO: "pas/un/dépôt", GISCUS_LOADING: "jamais" })).toEqual([
      'site.config.ts: comments.repo (from GISCUS_REPO): found "pas/un/dépôt", expected a GitHub repository as "owner/name"',
      'site.config.ts: comments.loading (from GISCUS_LOADING): found "jamais", expected one of "lazy", "consent"',
    ]);
  });

  it("keeps authors named like Object.prototype's members, and never prints an inherited function", () => {
    const site = resolveSiteConfig(
      { ...minimal, authors: { constructor: { name: "C" }, toString: { name: "T" }, hasOwnProperty: { name: "H" } } },
      { env: {} },
    );
    expect([...site.authors.keys()]).toEqual(["constructor", "toString", "hasOwnProperty"]);
    expect(site.defaultAuthor).toMatchObject({ id: "constructor", name: "C" });
    const problems = problemsOf({ ...minimal, authors: { valueOf: {} }, categories: { toString: { name: "T" } } });
    expect(problems).toEqual([
      "site.config.ts: authors.valueOf.name: found nothing, expected the author's name as a non-empty string",
      'site.config.ts: categories.toString: found "toString", expected a slug of lowercase letters, digits and dashes as the key',
    ]);
  });

  it("refuses paths that a browser would take to another host, naming the field", () => {
    const leaving = ["//evil.example", "/\\evil.example", "\\\\evil", "/\\/evil"];
    const problems = problemsOf({
      ...minimal,
      authors: { a: { name: "A", links: leaving.map((url) => ({ label: "Lien", url })) } },
      navigation: leaving.map((url) => ({ label: "Lien", url })),
      contactSuccessUrl: "//evil.example/merci/",
      favicon: "/\\evil.example/x.svg",
    });
    expect(problems).toEqual([
      ...leaving.map(
        (url, i) =>
          `site.config.ts: authors.a.links[${i}].url: found ${JSON.stringify(url)}, expected a path ("/contact/") or an absolute URL`,
      ),
      ...leaving.map(
        (url, i) =>
          `site.config.ts: navigation[${i}].url: found ${JSON.stringify(url)}, expected a path ("/archives/") or an absolute URL`,
      ),
      'site.config.ts: favicon: found "/\\\\evil.example/x.svg", expected a path on this site, e.g. "/images/logo.svg"',
      'site.config.ts: contactSuccessUrl: found "//evil.example/merci/", expected a path on this site, e.g. "/contact/merci/"',
    ]);
    expect(problemsOf({ ...minimal, contactSuccessUrl: "https://ailleurs.example/merci/" })).toHaveLength(1);
  });

  it("holds URL patterns to plain paths on the site, without dot segments", () => {
    expect(
      problemsOf({
        ...minimal,
        permalinks: {
          post: "//billets/:slug/",
          tag: "/etiquettes/../:slug/",
          category: "/c/./:slug/",
          archive: "/a b/",
        },
      }),
    ).toEqual([
      'site.config.ts: permalinks.post: found "//billets/:slug/", expected a path on this site, e.g. "/billets/:slug/"',
      'site.config.ts: permalinks.category: found "/c/./:slug/", expected a pattern without "." or ".." segments',
      'site.config.ts: permalinks.tag: found "/etiquettes/../:slug/", expected a pattern without "." or ".." segments',
      'site.config.ts: permalinks.archive: found "/a b/", expected a path on this site, e.g. "/billets/:slug/"',
    ]);
    expect(resolveSiteConfig({ ...minimal, permalinks: { post: "/:year/:month/:slug/" } }).permalinks.post).toBe(
      "/:year/:month/:slug/",
    );
  });
});

describe("content/categories.yaml", () => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });
  const withCategories = (yaml: string) => {
    folder = mkdtempSync(path.join(tmpdir(), "billet-categories-"));
    writeFileSync(path.join(folder, "categories.yaml"), yaml);
    return folder;
  };
  const shown = (dir: string) => path.relative(process.cwd(), path.join(dir, "categories.yaml"));

  it("adds its categories after site.config.ts's, which win, keeping those named like Object.prototype's members", () => {
    const dir = withCategories(
      "constructor: { name: Constructeur }\nopinion: { name: Autre nom }\nvoyages: { name: Voyages, description: Loin. }\n",
    );
    const site = loadSiteConfig(minimal, dir, {});
    expect([...site.categories.values()]).toEqual([
      { slug: "opinion", name: "Opinion", description: "" },
      { slug: "constructor", name: "Constructeur", description: "" },
      { slug: "voyages", name: "Voyages", description: "Loin." },
    ]);
  });

  it("reports its problems with site.config.ts's, each with its file and the slug", () => {
    const dir = withCategories("__proto__: { name: X }\nvoyages: { nom: Voyages }\nBad: { name: B }\n");
    let problems: string[] = [];
    let heading = "";
    try {
      loadSiteConfig({ ...minimal, postPerPage: 3 } as SiteConfig, dir, {});
    } catch (error) {
      problems = (error as ConfigError).problems;
      heading = (error as ConfigError).message.split("\n")[0]!;
    }
    expect(heading).toBe("The site's configuration has 5 problems:");
    const file = shown(dir);
    expect(problems).toEqual([
      `${file}: __proto__: found "__proto__", expected a slug of lowercase letters, digits and dashes as the key`,
      `${file}: voyages.name: found nothing, expected the category's name as readers see it`,
      `${file}: voyages.nom: found an unknown key, expected one of name, description (did you mean "name"?)`,
      `${file}: Bad: found "Bad", expected a slug of lowercase letters, digits and dashes as the key`,
      expect.stringMatching(
        /^site\.config\.ts: postPerPage: found an unknown key, .*\(did you mean "postsPerPage"\?\)$/,
      ),
    ]);
  });

  it("describes a huge value without expanding it", () => {
    // Anchors are kept in an entry's unknown key, so that only the last entry holds the bomb.
    const levels = Array.from(
      { length: 12 },
      (_, i) => `  l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(",")}]`,
    );
    const dir = withCategories(
      ["ancres:", "  name: Ancres", "  l0: &l0 lol", ...levels, "bombe: { name: *l12 }"].join("\n") + "\n",
    );
    const started = performance.now();
    let problems: string[] = [];
    try {
      loadSiteConfig(minimal, dir, {});
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(performance.now() - started).toBeLessThan(2000);
    expect(problems).toContainEqual(
      `${shown(dir)}: bombe.name: found a list (${("[".repeat(12) + '"lol",'.repeat(10)).slice(0, 60)}…), expected the category's name as readers see it`,
    );
  });
});
