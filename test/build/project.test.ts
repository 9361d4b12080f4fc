/**
 * The project's own sample blog, built as `npm run build` builds it.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { listFiles, parsePage, text } from "../helpers/html.ts";

const output = inject("siteOutput");
let files: string[];
beforeAll(async () => {
  files = await listFiles(output);
});

describe("the sample blog", () => {
  it("has its pages: home, posts, author's pages, lists, 404", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "index.html",
        "404.html",
        "archives/index.html",
        "prestations/index.html",
        "approche/index.html",
        "contact/index.html",
        "contact/merci/index.html",
        "mentions-legales/index.html",
        "categories/opinion/index.html",
        "billets/concours-demarches-en-clair/index.html",
      ]),
    );
    expect(files.filter((file) => /^billets\/[^/]+\/index\.html$/.test(file)).length).toBeGreaterThanOrEqual(6);
    expect(files.filter((file) => /^categories\/[^/]+\/index\.html$/.test(file)).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((file) => /^etiquettes\/[^/]+\/index\.html$/.test(file)).length).toBeGreaterThanOrEqual(5);
  });

  it("leaves out the draft and the scheduled post", () => {
    expect(files).not.toContain("billets/ia-generative-en-cours/index.html");
    expect(files).not.toContain("billets/la-newsletter-ce-reseau-oublie/index.html");
  });

  it("lays a post out like the page it grew from", async () => {
    const page = await parsePage(output, "billets/concours-demarches-en-clair/index.html");
    const category = page.querySelector(".post__category a");
    expect(text(category)).toBe("Opinion");
    expect(category?.getAttribute("href")).toBe("/categories/opinion/");
    expect(page.querySelectorAll("h1")).toHaveLength(1);
    expect(text(page.querySelector("h1"))).toMatch(/^Concours «\u00A0Démarches en clair\u00A0»\u00A0: /);
    expect(page.querySelector(".post__meta time")?.getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(text(page.querySelector(".post__meta"))).toMatch(/min de lecture$/);
    // Items that open with a bold label, some holding several paragraphs.
    const items = page.querySelectorAll(".post__body li").filter((li) => li.firstChild && li.querySelector("strong"));
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.some((li) => li.querySelectorAll("p").length >= 2)).toBe(true);
    const author = page.querySelector(".author-box");
    expect(text(author?.querySelector("h2"))).toBe("Publié par");
    expect(text(author?.querySelector(".author-box__name"))).toBe("Élise Marchal");
    expect(text(author?.querySelector(".author-box__bio"))).toContain("Strasbourg");
    expect(author?.querySelectorAll(".author-box__links a").map((a) => text(a))).toEqual([
      "Mes prestations",
      "Mon approche",
      "Me contacter",
    ]);
  });

  it("has a contact form Netlify can handle, with a honeypot and a French thank-you page", async () => {
    const page = await parsePage(output, "contact/index.html");
    const form = page.querySelector("form[name=contact]");
    expect(form?.getAttribute("data-netlify")).toBe("true");
    expect(form?.getAttribute("data-netlify-honeypot")).toBe("bot-field");
    expect(form?.getAttribute("action")).toBe("/contact/merci/");
    expect(form?.querySelector("input[name=form-name]")?.getAttribute("value")).toBe("contact");
    expect(form?.querySelector("input[name=bot-field]")).not.toBeNull();
    const thanks = await parsePage(output, "contact/merci/index.html");
    expect(text(thanks.querySelector("h1"))).toBe("Merci pour votre message");
    expect(thanks.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
  });

  it("answers a missing page in French", async () => {
    const page = await parsePage(output, "404.html");
    expect(text(page.querySelector("h1"))).toBe("Page introuvable");
  });
});
