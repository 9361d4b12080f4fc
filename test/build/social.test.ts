/**
 * Sharing a post, as the built pages show it: the share block, Open Graph,
 * Twitter/X and fediverse tags, JSON-LD, and the social card, on a small
 * site with a title built to break things.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseHtml, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeLines } from "../helpers/build-log.ts";
import { listFiles, parsePage, text } from "../helpers/html.ts";
import { post, removeSite, runEleventy, SMALL_CONFIG, writeSite, type BuiltSite } from "../helpers/project.ts";

/** Quotes, a tag, an ampersand and the end of a script: it must come out as text everywhere. */
export const DANGEROUS_TITLE = `Les "guillemets", <b>gras</b> & </script><script>alert(1)</script> en titre`;
/** As readers see it: French typography turns the straight quotes into « ». */
const SHOWN_TITLE = `Les «\u00A0guillemets\u00A0», <b>gras</b> & </script><script>alert(1)</script> en titre`;

const PNG_1X1 = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** Width and height from a PNG's header (IHDR). */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const CONFIG = {
  ...SMALL_CONFIG,
  description: "Un carnet pour essayer le partage",
  authors: {
    claire: {
      name: "Claire Dupont",
      bio: "Autrice de test.",
      avatar: "/images/claire.png",
      github: "claire-dupont",
      fediverse: "@claire@piaille.example",
      profiles: ["https://www.linkedin.com/in/claire-dupont-exemple"],
    },
  },
};

const SOURCES = {
  "posts/danger.md": post(
    {
      title: DANGEROUS_TITLE,
      date: "2024-05-02 08:30",
      updated: "2024-06-01",
      category: "opinion",
      tags: ["réseaux sociaux", "sécurité"],
      description: `Une description avec "guillemets" & <balises>.`,
    },
    "Le texte du billet.",
  ),
  "posts/illustre/index.md": post(
    {
      title: "Un billet illustré",
      date: "2024-04-01",
      category: "pratique",
      image: "./couverture.png",
      imageAlt: "Un carré d’un pixel",
    },
    "Un billet qui a sa propre image.",
  ),
  "posts/illustre/couverture.png": PNG_1X1,
  "images/claire.png": PNG_1X1,
};

function meta(page: HTMLElement, key: string): string[] {
  return page
    .querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)
    .map((element) => element.getAttribute("content") ?? "");
}

function jsonLd(page: HTMLElement): { "@context": string; "@graph": Array<Record<string, any>> } {
  const scripts = page.querySelectorAll('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]!.textContent);
}

describe("a post shared on social networks", () => {
  let site: BuiltSite & { config: string };
  let page: HTMLElement;
  let html: string;
  const url = "https://test.example/billets/danger/";

  beforeAll(async () => {
    site = await writeSite({ config: CONFIG, files: SOURCES });
    await runEleventy(site.config);
    html = await readFile(path.join(site.output, "billets/danger/index.html"), "utf8");
    page = await parsePage(site.output, "billets/danger/index.html");
  });
  afterAll(() => removeSite(site));

  it("keeps a title with quotes, a tag, & and </script> as text: no element comes out of it", () => {
    expect(text(page.querySelector("h1"))).toBe(SHOWN_TITLE);
    expect(text(page.querySelector("title"))).toBe(`${SHOWN_TITLE} — Carnet de test`);
    expect(page.querySelectorAll("b")).toHaveLength(0);
    // Scripts: the page's (which loads the share script named by the block), and the JSON-LD data; none runs the title.
    expect(page.querySelectorAll("script").map((s) => s.getAttribute("src") ?? s.getAttribute("type"))).toEqual([
      expect.stringMatching(/^\/assets\/page\.\w+\.js$/),
      "application/ld+json",
    ]);
    expect(page.querySelector(".share")?.getAttribute("data-script")).toMatch(/^\/assets\/share\.\w+\.js$/);
    expect(html).not.toContain("<script>alert(1)");
  });

  it("has every Open Graph tag, with the right values", () => {
    const card = meta(page, "og:image")[0]!;
    expect(
      Object.fromEntries(
        page
          .querySelectorAll("meta[property]")
          .map((m) => [m.getAttribute("property"), meta(page, m.getAttribute("property")!)]),
      ),
    ).toEqual({
      "og:site_name": ["Carnet de test"],
      "og:locale": ["fr_FR"],
      "og:type": ["article"],
      "og:title": [SHOWN_TITLE],
      "og:description": [`Une description avec «\u00A0guillemets\u00A0» & <balises>.`],
      "og:url": [url],
      "og:image": [card],
      "og:image:type": ["image/png"],
      "og:image:width": ["1200"],
      "og:image:height": ["630"],
      "og:image:alt": [`${SHOWN_TITLE} — Carnet de test`],
      "article:published_time": ["2024-05-02T08:30:00+02:00"],
      "article:modified_time": ["2024-06-01T00:00:00+02:00"],
      "article:author": ["https://www.linkedin.com/in/claire-dupont-exemple"],
      "article:section": ["Opinion"],
      "article:tag": ["réseaux sociaux", "sécurité"],
    });
    expect(card).toMatch(/^https:\/\/test\.example\/cartes\/danger\.[0-9a-f]{16}\.png$/);
  });

  it("has the canonical link, the description, Twitter/X's large card and fediverse:creator", () => {
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(url);
    expect(meta(page, "description")).toEqual([`Une description avec «\u00A0guillemets\u00A0» & <balises>.`]);
    // X reads title, description and picture from Open Graph; only the card type and the picture's description are its own.
    expect(meta(page, "twitter:card")).toEqual(["summary_large_image"]);
    expect(meta(page, "twitter:image:alt")).toEqual(meta(page, "og:image:alt"));
    expect(meta(page, "fediverse:creator")).toEqual(["@claire@piaille.example"]);
    expect(meta(page, "author")).toEqual(["Claire Dupont"]);
  });

  it("describes the post in JSON-LD: a BlogPosting by a Person, and its breadcrumb", () => {
    // `<`, `>` and `&` never appear raw inside the script element.
    const raw = page.querySelector('script[type="application/ld+json"]')!.textContent;
    expect(raw).not.toMatch(/[<>&]/);
    expect(raw).toContain("\\u003c/script\\u003e");
    const data = jsonLd(page);
    expect(data["@context"]).toBe("https://schema.org");
    const [article, breadcrumb] = data["@graph"];
    expect(article).toMatchObject({
      "@type": "BlogPosting",
      headline: SHOWN_TITLE,
      url,
      mainEntityOfPage: url,
      datePublished: "2024-05-02T08:30:00+02:00",
      dateModified: "2024-06-01T00:00:00+02:00",
      inLanguage: "fr-FR",
      articleSection: "Opinion",
      keywords: ["réseaux sociaux", "sécurité"],
      image: { "@type": "ImageObject", url: meta(page, "og:image")[0], width: 1200, height: 630 },
      author: {
        "@type": "Person",
        name: "Claire Dupont",
        url: "https://test.example/",
        image: "https://test.example/images/claire.png",
        sameAs: [
          "https://www.linkedin.com/in/claire-dupont-exemple",
          "https://github.com/claire-dupont",
          "https://piaille.example/@claire",
        ],
      },
    });
    expect(breadcrumb).toEqual({
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Accueil", item: "https://test.example/" },
        { "@type": "ListItem", position: 2, name: "Opinion", item: "https://test.example/categories/opinion/" },
        { "@type": "ListItem", position: 3, name: SHOWN_TITLE, item: url },
      ],
    });
  });

  it("describes the home page as a WebSite and its Blog, and a category by its breadcrumb", async () => {
    const home = await parsePage(site.output, "index.html");
    const [website, blog] = jsonLd(home)["@graph"];
    expect(website).toMatchObject({
      "@type": "WebSite",
      url: "https://test.example/",
      name: "Carnet de test",
      description: "Un carnet pour essayer le partage",
      publisher: { "@type": "Person", name: "Claire Dupont" },
    });
    expect(blog).toMatchObject({ "@type": "Blog", url: "https://test.example/", name: "Carnet de test" });
    expect(meta(home, "og:type")).toEqual(["website"]);
    expect(meta(home, "og:image")[0]).toMatch(/^https:\/\/test\.example\/cartes\/site\.[0-9a-f]{16}\.png$/);
    const category = await parsePage(site.output, "categories/opinion/index.html");
    expect(jsonLd(category)["@graph"][0]!.itemListElement.map((item: { name: string }) => item.name)).toEqual([
      "Accueil",
      "Opinion",
    ]);
  });

  it("shares through plain links carrying the title and address, with French labels", () => {
    const links = page.querySelectorAll(".share a");
    const byLabel = Object.fromEntries(links.map((a) => [a.getAttribute("aria-label"), a.getAttribute("href")!]));
    expect(Object.keys(byLabel)).toEqual([
      "Partager sur LinkedIn",
      "Partager sur X",
      "Partager sur Facebook",
      "Partager sur Bluesky",
      "Partager sur WhatsApp",
      "Envoyer par e-mail",
    ]);
    const query = (href: string) => Object.fromEntries(new URL(href).searchParams);
    expect(query(byLabel["Partager sur LinkedIn"])).toEqual({ url });
    expect(query(byLabel["Partager sur X"])).toEqual({ text: SHOWN_TITLE, url });
    expect(query(byLabel["Partager sur Facebook"])).toEqual({ u: url });
    expect(query(byLabel["Partager sur Bluesky"])).toEqual({ text: `${SHOWN_TITLE} ${url}` });
    expect(query(byLabel["Partager sur WhatsApp"])).toEqual({ text: `${SHOWN_TITLE} ${url}` });
    const mail = byLabel["Envoyer par e-mail"]!;
    expect(mail.startsWith("mailto:?")).toBe(true);
    expect(Object.fromEntries(new URLSearchParams(mail.slice("mailto:?".length)))).toEqual({
      subject: SHOWN_TITLE,
      body: url,
    });
    expect(text(page.querySelector(".share h2"))).toBe("Partager cet article sur les réseaux sociaux");
  });

  it("draws each icon from one cached SVG file of symbols", async () => {
    const uses = page.querySelectorAll(".share use").map((use) => use.getAttribute("href")!);
    // The six links; the script draws the three buttons it adds from the same file.
    expect(uses).toHaveLength(6);
    expect(page.querySelector("[data-share]")?.getAttribute("data-share")).toBe(uses[0]!.split("#")[0]);
    const files = new Set(uses.map((href) => href.split("#")[0]!));
    expect(files.size).toBe(1);
    const [file] = files;
    expect(file).toMatch(/^\/assets\/share-icons\.\w+\.svg$/);
    const sprite = parseHtml(await readFile(path.join(site.output, file!), "utf8"));
    for (const href of uses)
      expect(sprite.querySelector(`symbol[id="${href.split("#")[1]}"] path`), href).not.toBeNull();
  });

  it("keeps an empty, hidden place for each button that needs JavaScript, in order", () => {
    const places = page.querySelectorAll(".share__list > li");
    expect(
      places.map((li) => li.getAttribute("data-share-action") ?? li.querySelector("a")?.getAttribute("aria-label")),
    ).toEqual([
      "Partager sur LinkedIn",
      "Partager sur X",
      "Partager sur Facebook",
      "Partager sur Bluesky",
      "mastodon",
      "Partager sur WhatsApp",
      "Envoyer par e-mail",
      "copy",
      "native",
    ]);
    for (const place of places.filter((li) => li.hasAttribute("data-share-action"))) {
      expect(place.hasAttribute("hidden")).toBe(true);
      expect(place.childNodes).toHaveLength(0);
    }
    // What the script shows and shares comes from the page's head and its own strings.
    expect(page.querySelector("dialog")).toBeNull();
    expect(meta(page, "og:title")).toEqual([SHOWN_TITLE]);
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(url);
  });

  it("publishes a 1200 × 630 card for the post, the one its tags point at", async () => {
    const card = new URL(meta(page, "og:image")[0]!).pathname;
    const png = await readFile(path.join(site.output, card));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    const files = await listFiles(site.output);
    // The illustrated post has its own picture: no card is drawn for it.
    expect(files.filter((file) => file.startsWith("cartes/")).map((file) => file.replace(/\.\w+\.png$/, ""))).toEqual([
      "cartes/danger",
      "cartes/site",
    ]);
  });

  it("uses a post's own image, with its size and description, instead of a card", async () => {
    const illustrated = await parsePage(site.output, "billets/illustre/index.html");
    expect(meta(illustrated, "og:image")).toEqual(["https://test.example/billets/illustre/couverture.png"]);
    expect(meta(illustrated, "og:image:width")).toEqual(["1"]);
    expect(meta(illustrated, "og:image:height")).toEqual(["1"]);
    expect(meta(illustrated, "og:image:alt")).toEqual(["Un carré d’un pixel"]);
    expect(await readFile(path.join(site.output, "billets/illustre/couverture.png"))).toEqual(PNG_1X1);
  });

  it("draws no card again for an unchanged post, and a new one when its title changes", async () => {
    const cardOf = async (file: string) => new URL(meta(await parsePage(site.output, file), "og:image")[0]!).pathname;
    const before = await cardOf("billets/danger/index.html");
    const bytes = await readFile(path.join(site.output, before));

    takeLines();
    await runEleventy(site.config);
    // Nothing drawn: the cards came from the cache.
    expect(takeLines().filter((line) => line.includes("Cartes de partage"))).toEqual([]);
    expect(await cardOf("billets/danger/index.html")).toBe(before);
    expect(await readFile(path.join(site.output, before))).toEqual(bytes);

    const source = path.join(site.dir, "content/posts/danger.md");
    await writeFile(source, (await readFile(source, "utf8")).replace("en titre", "en titre, revu"));
    await runEleventy(site.config);
    expect(takeLines().filter((line) => line.includes("Cartes de partage"))).toEqual([
      expect.stringMatching(/^\[billet\] Cartes de partage\u00A0: 1 dessinée, 1 reprise du cache \(\d+,\d s\)$/),
    ]);
    const after = await cardOf("billets/danger/index.html");
    expect(after).not.toBe(before);
    const changed = await readFile(path.join(site.output, after));
    expect(pngSize(changed)).toEqual({ width: 1200, height: 630 });
    expect(changed.equals(bytes)).toBe(false);
    // The old card is gone from the site (a production build starts afresh).
    expect(await listFiles(site.output)).not.toContain(before.slice(1));
  });
});

describe("a site whose share block is turned off", () => {
  let site: BuiltSite & { config: string };
  afterAll(() => removeSite(site));

  it("shows no share block and loads no share script", async () => {
    site = await writeSite({
      config: { ...SMALL_CONFIG, share: [] },
      files: { "posts/a.md": post({ title: "Un billet", date: "2024-01-01", category: "opinion" }) },
    });
    await runEleventy(site.config);
    const page = await parsePage(site.output, "billets/a/index.html");
    expect(page.querySelector(".share")).toBeNull();
    expect(page.querySelectorAll("script[src]").map((s) => s.getAttribute("src"))).toEqual([
      expect.stringMatching(/\/page\./),
    ]);
    // Scripts loaded when needed: the comments' loader alone, no share script.
    expect(page.querySelectorAll("[data-script]").map((element) => element.getAttribute("data-script"))).toEqual([
      expect.stringMatching(/\/comments\./),
    ]);
  });
});
