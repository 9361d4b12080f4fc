/**
 * Search on the sample blog, in headless Chromium with netlify.toml's
 * headers: results from the site's own index (French stemming, excerpt,
 * date, category), announced in a live region; the header box leads there;
 * without JavaScript the forms go to the fallback engine, restricted to the
 * site. No request leaves 127.0.0.1, no console error, no CSP violation.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { HAS_BROWSER, newContext, servedSiteInBrowser, watchPage } from "../helpers/browser.ts";

const output = inject("siteOutput");
const NBSP = "\u00A0";

describe.skipIf(!HAS_BROWSER)("search", () => {
  const site = servedSiteInBrowser(output);

  const results = (page: Page) =>
    page.locator("[data-search-results] article").evaluateAll((articles) =>
      articles.map((article) => ({
        title: article.querySelector("h2")?.textContent ?? "",
        href: article.querySelector("a")?.getAttribute("href") ?? "",
        meta: article.querySelector(".summary__meta")?.textContent ?? "",
        excerpt: article.querySelector(".summary__text")?.innerHTML ?? "",
      })),
    );

  it("finds a post from a plural of a word it uses, with its excerpt, date and category", async () => {
    const context = await newContext(site.browser);
    const page = await context.newPage();
    const problems = watchPage(page, site.url);
    await page.goto(site.url + "/recherche/");
    await page.getByLabel("Rechercher sur le site").fill("calendriers");
    const status = page.locator("[data-search-status]");
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/résultats? pour/);

    const found = await results(page);
    expect(found.length).toBeGreaterThan(1);
    expect(found[0]).toMatchObject({
      title: `Mon calendrier éditorial tient sur une seule page`,
      href: "/billets/calendrier-editorial-une-page/",
      meta: "15 avril 2025 · Pratique",
    });
    // The singular is found from the plural, and marked in the excerpt.
    expect(found[0]!.excerpt).toMatch(/<mark>calendrier<\/mark>/i);
    expect(await status.textContent()).toBe(`${found.length} résultats pour «${NBSP}calendriers${NBSP}»`);
    expect(await status.getAttribute("role")).toBe("status");
    // A scheduled post also speaks of calendars: it is not published, so not found.
    expect(found.map((result) => result.href)).not.toContain("/billets/la-newsletter-ce-reseau-oublie/");
    // The search is in the address, to share or come back to.
    expect(new URL(page.url()).search).toBe("?q=calendriers");
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], offsite: [] });
    await context.close();
  });

  it("says so when nothing matches, and finds no draft", async () => {
    const context = await newContext(site.browser);
    const page = await context.newPage();
    const problems = watchPage(page, site.url);
    // Only the draft speaks of students feeling penalised.
    await page.goto(site.url + "/recherche/?q=p%C3%A9nalis%C3%A9s");
    const status = page.locator("[data-search-status]");
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toBe(`Aucun résultat pour «${NBSP}pénalisés${NBSP}»`);
    expect(await results(page)).toEqual([]);
    // Mulhouse appears in two published posts and in the draft.
    await page.getByLabel("Rechercher sur le site").fill("Mulhouse");
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Mulhouse/);
    const found = (await results(page)).map((result) => result.href);
    expect(found.length).toBeGreaterThan(0);
    expect(found).not.toContain("/billets/ia-generative-en-cours/");
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], offsite: [] });
    await context.close();
  });

  it("leads from the header's link on any page to the search page, and on to the results", async () => {
    const context = await newContext(site.browser);
    const page = await context.newPage();
    const problems = watchPage(page, site.url);
    await page.goto(site.url + "/billets/concours-demarches-en-clair/");
    await page.locator("header").getByRole("link", { name: "Rechercher" }).click();
    await page.waitForURL(/\/recherche\/$/);
    const box = page.getByRole("searchbox", { name: "Rechercher sur le site" });
    await box.fill("modération");
    await box.press("Enter");
    await page.waitForURL(/\/recherche\/\?q=/);
    await expect
      .poll(() => page.locator("[data-search-status]").textContent(), { timeout: 10_000 })
      .toMatch(/^\d+ résultats? pour «\u00A0modération\u00A0»$/);
    expect(await page.getByLabel("Rechercher sur le site").inputValue()).toBe("modération");
    expect((await results(page)).map((result) => result.href)).toContain("/billets/charte-de-moderation-en-amphi/");
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], offsite: [] });
    await context.close();
  });

  it("without JavaScript, sends the words to the fallback engine, restricted to the site", async () => {
    const context = await newContext(site.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const problems = watchPage(page, site.url);
    let sent: URL | undefined;
    // Stands in for the engine: the request is answered here, never sent.
    await page.route("https://duckduckgo.com/**", (route) => {
      sent = new URL(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>ok</title>" });
    });
    await page.goto(site.url + "/");
    await page.locator("header").getByRole("link", { name: "Rechercher" }).click();
    await page.waitForURL(/\/recherche\/$/);
    const box = page.getByRole("searchbox");
    await box.fill("réseaux sociaux");
    await box.press("Enter");
    await expect.poll(() => sent?.origin).toBe("https://duckduckgo.com");
    expect(Object.fromEntries(sent!.searchParams)).toEqual({ q: "réseaux sociaux", sites: "elise-marchal.example" });
    // The page says why.
    await page.goto(site.url + "/recherche/");
    expect(await page.locator("noscript").count()).toBe(1);
    expect(await page.locator("form[data-search-form]").getAttribute("action")).toBe("https://duckduckgo.com/");
    // The engine's own page is not part of what is checked; the site's pages raised nothing.
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.offsite.filter((url) => !url.startsWith("https://duckduckgo.com/"))).toEqual([]);
    await context.close();
  });
});
