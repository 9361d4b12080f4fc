import { describe, expect, it } from "vitest";
import siteConfig from "../../site.config.ts";
import { resolveSiteConfig } from "../../plugins/config/resolve.ts";
import type { SiteConfig } from "../../plugins/config/site.ts";
import { ConfigError } from "../../plugins/problems/errors.ts";

const minimal: SiteConfig = {
  title: "Blog",
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
    const site = resolveSiteConfig(minimal, { env: {} });
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
    expect(problems).toContain('site.config.ts: language: found "de", expected one of "fr", "en"');
    expect(problems).toContain(
      'site.config.ts: timeZone: found "Europe/Strasburg", expected an IANA time zone such as "Europe/Paris"',
    );
    expect(problems).toContain(
      'site.config.ts: url: found "example.org", expected an absolute address such as "https://example.org"',
    );
    expect(problems.some((p) => p.startsWith('site.config.ts: title: found ""'))).toBe(true);
    expect(problems.some((p) => p.startsWith("site.config.ts: authors: found an object ({})"))).toBe(true);
    expect(problems.some((p) => p.startsWith("site.config.ts: categories.Mauvaise Clé:"))).toBe(true);
    expect(problems).toContain(
      "site.config.ts: postsPerPage: found the number 0, expected a whole number of at least 1",
    );
    expect(problems).toContain(
      'site.config.ts: permalinks.post: found "/billets/:titre/", expected only the tokens :slug, :year, :month, :day',
    );
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
