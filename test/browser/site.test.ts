/**
 * The sample blog in headless Chromium, served with netlify.toml's headers
 * (so a Content-Security-Policy violation shows as a console error).
 */
import { describe, expect, inject, it } from "vitest";
import { HAS_BROWSER, newContext, servedSiteInBrowser, watchPage } from "../helpers/browser.ts";

const output = inject("siteOutput");
const POST = "/billets/concours-demarches-en-clair/";

describe.skipIf(!HAS_BROWSER)("the blog in a browser", () => {
  const site = servedSiteInBrowser(output);

  it.each(["/", POST, "/contact/", "/archives/", "/categories/opinion/", "/page-qui-n-existe-pas/"])(
    "%s loads with no console error, no CSP violation and no request elsewhere",
    async (path) => {
      const context = await newContext(site.browser);
      const page = await context.newPage();
      const problems = watchPage(page, site.url);
      const missing = path.includes("n-existe-pas");
      const response = await page.goto(site.url + path, { waitUntil: "load" });
      expect(response?.status()).toBe(missing ? 404 : 200);
      await page.waitForTimeout(100);
      // The 404 page's own status is reported on the console; nothing else may be.
      const expectedErrors = missing
        ? ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
        : [];
      expect(problems).toEqual({ consoleErrors: expectedErrors, pageErrors: [], offsite: [] });
      await context.close();
    },
  );

  it("follows the system theme, then flips and remembers the reader's choice", async () => {
    const context = await newContext(site.browser, { colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(site.url + POST);
    const toggle = page.locator("[data-theme-toggle]");
    await expect.poll(() => toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();

    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    const dark = await background();
    expect(dark).not.toBe(light);

    // Another page, after a reload: still dark, before any click.
    await page.goto(site.url + "/");
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await background()).toBe(dark);
    expect(await page.locator("[data-theme-toggle]").getAttribute("aria-pressed")).toBe("true");

    await page.locator("[data-theme-toggle]").click();
    expect(await background()).toBe(light);
    await context.close();
  });

  it("starts dark for a reader whose system is dark", async () => {
    const context = await newContext(site.browser, { colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(site.url + "/");
    expect(await page.locator("[data-theme-toggle]").getAttribute("aria-pressed")).toBe("true");
    await context.close();
  });

  it("the skip link is the first stop of the keyboard and moves focus to the content", async () => {
    const context = await newContext(site.browser);
    const page = await context.newPage();
    await page.goto(site.url + POST);
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link");
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("contenu");
    await context.close();
  });

  it("a reader can go from the home page to a post and to its category", async () => {
    const context = await newContext(site.browser);
    const page = await context.newPage();
    await page.goto(site.url + "/");
    await page.locator(".summary__title a").first().click();
    await page.waitForURL(/\/billets\/[^/]+\/$/);
    const title = await page.locator("h1").textContent();
    expect(title?.length).toBeGreaterThan(10);
    await page.locator(".post__category a").click();
    await page.waitForURL(/\/categories\/[^/]+\/$/);
    expect(await page.locator(".archive-list a", { hasText: title!.trim() }).count()).toBe(1);
    await context.close();
  });
});
