/**
 * The share block in headless Chromium, on the sample blog served with
 * netlify.toml's headers: copy the link, share on Mastodon, read the site
 * without JavaScript, open the Atom feed.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { HAS_BROWSER, newContext, servedSiteInBrowser, watchPage } from "../helpers/browser.ts";

const output = inject("siteOutput");
const POST = "/billets/concours-demarches-en-clair/";
const PUBLIC_URL = `https://elise-marchal.example${POST}`;

describe.skipIf(!HAS_BROWSER)("sharing a post in a browser", () => {
  const site = servedSiteInBrowser(output);

  async function openPost(context: BrowserContext): Promise<{ page: Page; title: string }> {
    const page = await context.newPage();
    await page.goto(site.url + POST);
    const title = (await page.locator("h1").textContent())!.trim();
    // The share script loads as the reader nears the block.
    await page.locator(".share").scrollIntoViewIfNeeded();
    return { page, title };
  }

  it("loads the post, its share script and its JSON-LD with no request elsewhere and no CSP violation", async () => {
    const context = await newContext(site.browser);
    const page = await context.newPage();
    const problems = watchPage(page, site.url);
    const scripts: string[] = [];
    const requested: string[] = [];
    page.on("request", (request) => {
      requested.push(new URL(request.url()).pathname);
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(site.url + POST, { waitUntil: "load" });
    expect(
      scripts.filter((path) => path.includes("share")),
      "before the reader nears the share block",
    ).toEqual([]);
    await page.locator(".share").scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('[data-share-action="copy"]').isVisible()).toBe(true);
    expect(scripts.some((path) => /^\/assets\/share\.\w+\.js$/.test(path))).toBe(true);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    // The icons come from the sprite file, drawn at their size.
    const icon = await page.locator(".share__button svg").first().boundingBox();
    expect(icon?.width).toBeGreaterThan(10);
    expect(requested.some((path) => /^\/assets\/share-icons\.\w+\.svg$/.test(path))).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], offsite: [] });
    await context.close();
  });

  it("does not load the share script on other pages", async () => {
    const context = await newContext(site.browser);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(site.url + "/", { waitUntil: "load" });
    expect(scripts.filter((path) => path.includes("share"))).toEqual([]);
    await context.close();
  });

  it("« Copier le lien » puts the post's address on the clipboard and says so", async () => {
    const context = await newContext(site.browser);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
    const { page } = await openPost(context);
    const copy = page.getByRole("button", { name: "Copier le lien" });
    await expect.poll(() => copy.isVisible()).toBe(true);
    await copy.click();
    await expect.poll(() => page.locator(".share__status").textContent()).toBe("Lien copié dans le presse-papiers.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(PUBLIC_URL);
    await context.close();
  });

  it("Mastodon asks for the instance once, checks it, then opens that instance's share page", async () => {
    const context = await newContext(site.browser);
    // The instance's page is answered here: nothing leaves the machine.
    const reached: string[] = [];
    await context.route("https://piaille.example/**", (route) => {
      reached.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<title>Mastodon</title>" });
    });
    const { page, title } = await openPost(context);
    const mastodon = page.getByRole("button", { name: "Partager sur Mastodon" });
    await expect.poll(() => mastodon.isVisible()).toBe(true);
    expect(await page.locator("[data-share-mastodon-change]").isVisible()).toBe(false);

    await mastodon.click();
    const dialog = page.getByRole("dialog", { name: "Partager sur Mastodon" });
    expect(await dialog.isVisible()).toBe(true);
    const input = dialog.getByLabel("Votre instance Mastodon");
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);

    // Not a host name: the dialog stays, with a message.
    await input.fill("mon instance");
    await dialog.getByRole("button", { name: "Partager" }).click();
    expect(await dialog.isVisible()).toBe(true);
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".share-dialog__error").textContent()).toContain("ne ressemble pas à un nom de serveur");

    // A full handle is fine: its instance is used.
    await input.fill("@lea@Piaille.example");
    const [popup] = await Promise.all([
      context.waitForEvent("page"),
      dialog.getByRole("button", { name: "Partager" }).click(),
    ]);
    await popup.waitForLoadState();
    const opened = new URL(popup.url());
    expect(opened.origin + opened.pathname).toBe("https://piaille.example/share");
    expect(opened.searchParams.get("text")).toBe(`${title} ${PUBLIC_URL}`);
    expect(await dialog.isVisible()).toBe(false);
    await popup.close();

    // Asked once: the next click goes straight to the instance.
    const [again] = await Promise.all([context.waitForEvent("page"), mastodon.click()]);
    await again.waitForLoadState();
    expect(new URL(again.url()).host).toBe("piaille.example");
    expect(await dialog.isVisible()).toBe(false);
    expect(reached).toHaveLength(2);
    await again.close();

    // Remembered across pages, with a way to change it.
    await page.reload();
    await page.locator(".share").scrollIntoViewIfNeeded();
    const change = page.getByRole("button", { name: "Changer d’instance (piaille.example)" });
    await expect.poll(() => change.isVisible()).toBe(true);
    await change.click();
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel("Votre instance Mastodon").inputValue()).toBe("piaille.example");
    await dialog.getByRole("button", { name: "Annuler" }).click();
    expect(await dialog.isVisible()).toBe(false);
    await context.close();
  });

  it("without JavaScript, shows the plain links only, and they lead to the networks", async () => {
    const context = await newContext(site.browser, { javaScriptEnabled: false });
    const { page } = await openPost(context);
    const links = page.locator(".share a");
    expect(await links.count()).toBe(6);
    for (let i = 0; i < 6; i++) expect(await links.nth(i).isVisible()).toBe(true);
    const buttons = page.locator(".share button");
    for (let i = 0; i < (await buttons.count()); i++) expect(await buttons.nth(i).isVisible()).toBe(false);
    const linkedin = new URL((await page.getByRole("link", { name: "Partager sur LinkedIn" }).getAttribute("href"))!);
    expect(linkedin.searchParams.get("url")).toBe(PUBLIC_URL);
    await context.close();
  });
});
