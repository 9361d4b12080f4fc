import { describe, expect, it } from "vitest";
import { I18n } from "../../plugins/i18n/index.ts";
import { NBSP, NNBSP } from "../../plugins/i18n/typography.ts";
import { findImageReferences, isRelativeReference, publishedImagePath } from "../../plugins/markdown/images.ts";
import { createMarkdown } from "../../plugins/markdown/index.ts";

const env = { page: { inputPath: "./content/posts/a/index.md", url: "/billets/a/" } };

describe("Markdown rendering", () => {
  const { md, images } = createMarkdown({ i18n: new I18n("fr", "Europe/Paris") });

  it("applies French typography to text, never to code or URLs", () => {
    const html = md.render('Il dit "oui" ; voir <https://exemple.fr/?q=1> et `a ; b` !', env);
    expect(html).toContain(`Il dit «${NBSP}oui${NBSP}»${NNBSP}; voir`);
    expect(html).toContain('<a href="https://exemple.fr/?q=1">https://exemple.fr/?q=1</a>');
    expect(html).toContain("<code>a ; b</code>");
    expect(html).toContain(`${NNBSP}!`);
  });

  it("names each table's scrolling region, distinctly when a text has several", () => {
    const table = (head: string) => `| ${head} | Valeur |\n| --- | --- |\n| a | 1 |\n`;
    expect(md.render(table("Seul"), env)).toContain('<section class="table-scroll" tabindex="0" aria-label="Tableau">');
    const names = [
      ...md
        .render(`${table("Un")}\nTexte.\n\n${table("Deux")}\n${table("Trois").replace(/^/gm, "> ")}`, env)
        .matchAll(/<section class="table-scroll" tabindex="0" aria-label="([^"]*)">/g),
    ].map((match) => match[1]);
    expect(names).toEqual(["Tableau 1 sur 3", "Tableau 2 sur 3", "Tableau 3 sur 3"]);
    const english = createMarkdown({ i18n: new I18n("en", "Europe/Paris") }).md;
    expect(english.render(`${table("One")}\n${table("Two")}`, env)).toContain('aria-label="Table 2 of 2"');
  });

  it("gives headings ids made of their words", () => {
    expect(md.render("## L’art de répondre : vite !", env)).toContain('<h2 id="l-art-de-repondre-vite">');
    const twice = md.render("## Pourquoi\n\n## Pourquoi", env);
    expect(twice).toContain('id="pourquoi"');
    expect(twice).toContain('id="pourquoi-1"');
  });

  it("publishes images beside the post and loads them lazily", () => {
    images.copies.clear();
    const html = md.render("![Un schéma](./schéma.png) ![Loin](https://exemple.fr/a.png)", env);
    expect(html).toContain('src="/billets/a/sch%C3%A9ma.png"');
    expect(html).toContain('src="https://exemple.fr/a.png"');
    expect(html).toContain('loading="lazy"');
    expect([...images.copies]).toEqual([["/billets/a/schéma.png", "content/posts/a/schéma.png"]]);
  });

  it("names each table's scrolling region, numbered when a post holds several", () => {
    const table = "| a | b |\n|---|---|\n| 1 | 2 |\n";
    const names = (html: string) =>
      [...html.matchAll(/<section class="table-scroll" tabindex="0" aria-label="([^"]*)">/g)].map((m) => m[1]);
    expect(names(md.render(table, env))).toEqual(["Tableau"]);
    expect(names(md.render(`${table}\nEntre les deux.\n\n${table}\n## Plus loin\n\n${table}`, env))).toEqual([
      "Tableau 1 sur 3",
      "Tableau 2 sur 3",
      "Tableau 3 sur 3",
    ]);
  });

  it("does not run Liquid: braces are text", () => {
    expect(md.render("{{ title }} {% if x %}", env)).toContain("{{ title }} {% if x %}");
  });
});

describe("image references", () => {
  it("finds Markdown and HTML images, skipping code", () => {
    const body =
      '![Une](./a.png)\n\n```\n![Pas une image](./b.png)\n```\n\n`![non](c.png)` <img src="d.png" alt="">\n![](./e.png)';
    expect(findImageReferences(body)).toEqual([
      { alt: "Une", src: "./a.png", line: 1 },
      { alt: "", src: "d.png", line: 7 },
      { alt: undefined, src: "./e.png", line: 8 },
    ]);
  });

  it("tells files of the site from outside addresses", () => {
    expect(isRelativeReference("./a.png")).toBe(true);
    expect(isRelativeReference("img/a.png")).toBe(true);
    expect(isRelativeReference("/images/a.png")).toBe(false);
    expect(isRelativeReference("https://exemple.fr/a.png")).toBe(false);
    expect(isRelativeReference("data:image/png;base64,AAAA")).toBe(false);
  });

  it("publishes an image next to the page that shows it", () => {
    expect(publishedImagePath("/billets/a/", "./schema.png")).toBe("/billets/a/schema.png");
    expect(publishedImagePath("/billets/a/", "img/schema.png")).toBe("/billets/a/img/schema.png");
    expect(publishedImagePath("/billets/a/", "../partage/schema.png")).toBe("/billets/a/schema.png");
  });
});
