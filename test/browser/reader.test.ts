/**
 * The sample blog as a reader sees it, in headless Chromium, on a phone
 * (390 × 844) and a desktop (1280 × 900), in both themes: no two pieces of
 * text overlap on any kind of page; the header leaves a phone's screen to
 * the text and is the same on every page; the « S'abonner » link is on every
 * page and leads to a page that gives the feeds' addresses, and copies them;
 * the feeds are plain XML and JSON; the share buttons fit two rows on a
 * phone; lists do not make « Aucun commentaire » a link.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { HAS_BROWSER, newContext, servedSiteInBrowser, watchPage } from "../helpers/browser.ts";

const output = inject("siteOutput");
const SITE = "https://elise-marchal.example";

const PAGES: Array<{ kind: string; path: string; status?: number; search?: string }> = [
  { kind: "home", path: "/" },
  { kind: "post", path: "/billets/concours-demarches-en-clair/" },
  { kind: "post with tables", path: "/billets/mesurer-sans-se-mentir/" },
  { kind: "category", path: "/categories/opinion/" },
  { kind: "tag", path: "/etiquettes/administration/" },
  { kind: "archive", path: "/archives/" },
  { kind: "search", path: "/recherche/", search: "réseaux" },
  { kind: "page", path: "/prestations/" },
  { kind: "404", path: "/page-qui-n-existe-pas/", status: 404 },
  { kind: "subscribe", path: "/abonnement/" },
];
const SCREENS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 } },
} as const;
type Screen = keyof typeof SCREENS;
const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];

interface Overlap {
  a: string;
  b: string;
}

/**
 * Every pair of visible pieces of text whose boxes overlap by more than a
 * sliver: each text node's line boxes (Range.getClientRects), compared with
 * those of every other text node. Text a reader cannot see (visually hidden,
 * clipped away, transparent) is left out.
 */
function textOverlaps(): Overlap[] {
  interface Box {
    node: number;
    text: string;
    left: number;
    top: number;
    right: number;
    bottom: number;
  }
  const boxes: Box[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let index = 0;
  const visible = (element: Element): boolean => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.visibility === "hidden" || style.opacity === "0") return false;
      if (style.clipPath.startsWith("inset(50%") || style.clip === "rect(0px, 0px, 0px, 0px)") return false;
    }
    return true;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? "";
    if (!text || !node.parentElement || !visible(node.parentElement)) continue;
    range.selectNodeContents(node);
    index++;
    for (const rect of range.getClientRects()) {
      if (rect.width < 2 || rect.height < 2) continue;
      // Clipped by a scrolling or overflow-hidden ancestor: only the part shown counts.
      let { left, top, right, bottom } = rect;
      for (let parent: Element | null = node.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX !== "visible" || style.overflowY !== "visible") {
          const clip = parent.getBoundingClientRect();
          left = Math.max(left, clip.left);
          right = Math.min(right, clip.right);
          top = Math.max(top, clip.top);
          bottom = Math.min(bottom, clip.bottom);
        }
      }
      if (right - left < 2 || bottom - top < 2) continue;
      boxes.push({ node: index, text: text.slice(0, 40), left, top, right, bottom });
    }
  }
  boxes.sort((a, b) => a.top - b.top);
  const found: Overlap[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.top < a.bottom; j++) {
      const b = boxes[j]!;
      if (a.node === b.node) continue;
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      // Lines set tighter than their font's own height touch their neighbours: a quarter is not a sliver.
      if (width > 2 && height > 0.25 * Math.min(a.bottom - a.top, b.bottom - b.top)) {
        found.push({ a: a.text, b: b.text });
      }
    }
  }
  return found;
}

describe.skipIf(!HAS_BROWSER)("the reader's side", () => {
  const site = servedSiteInBrowser(output);

  async function open(target: (typeof PAGES)[number], screen: Screen, scheme: Scheme = "light"): Promise<Page> {
    const context = await newContext(site.browser, {
      colorScheme: scheme,
      reducedMotion: "reduce",
      ...SCREENS[screen],
    });
    const page = await context.newPage();
    const response = await page.goto(site.url + target.path, { waitUntil: "load" });
    expect(response?.status()).toBe(target.status ?? 200);
    if (target.search) {
      await page.getByLabel("Rechercher sur le site").fill(target.search);
      await expect
        .poll(() => page.locator("[data-search-status]").textContent(), { timeout: 10_000 })
        .toMatch(/résultats? pour/);
    }
    return page;
  }

  describe.each(Object.keys(SCREENS) as Screen[])("on a %s", (screen) => {
    it.each(PAGES.flatMap((target) => SCHEMES.map((scheme) => ({ ...target, scheme }))))(
      "$kind ($path), $scheme theme: no two pieces of text overlap",
      async (target) => {
        const page = await open(target, screen, target.scheme);
        // Below the fold too: the whole page is laid out, scrolling does not move text against text.
        expect(await page.evaluate(textOverlaps)).toEqual([]);
        await page.context().close();
      },
    );

    it("the header is the same on every kind of page, and links to « S'abonner » in plain sight", async () => {
      const headers: Array<{ kind: string; height: number; html: string }> = [];
      for (const target of PAGES) {
        const page = await open(target, screen);
        const header = page.locator("header.site-header");
        const subscribe = header.getByRole("link", { name: "S’abonner" });
        expect(await subscribe.getAttribute("href"), target.kind).toBe("/abonnement/");
        const box = await subscribe.boundingBox();
        const viewport = page.viewportSize()!;
        expect(box && box.x >= 0 && box.x + box.width <= viewport.width && box.y >= 0, target.kind).toBe(true);
        expect(await page.locator("footer").getByRole("link", { name: "abonnez-vous au flux" }).count()).toBe(1);
        headers.push({
          kind: target.kind,
          height: Math.round((await header.boundingBox())!.height),
          // What the page marks as current may differ; nothing else may.
          html: (await header.innerHTML()).replace(/ aria-current="page"/g, ""),
        });
        await page.context().close();
      }
      const [first] = headers;
      for (const header of headers) {
        expect({ kind: header.kind, height: header.height }).toEqual({ kind: header.kind, height: first!.height });
        expect(header.html, header.kind).toBe(first!.html);
      }
    });
  });

  it("the header leaves a phone's screen to the text: the first post's title is in the first screen", async () => {
    const page = await open(PAGES[0]!, "phone");
    const header = (await page.locator("header.site-header").boundingBox())!;
    expect(header.height, "the header's height").toBeLessThanOrEqual(120);
    // Its navigation is one line.
    const tops = await page
      .locator(".site-nav a")
      .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    const title = (await page.locator(".summary__title").first().boundingBox())!;
    expect(title.y + title.height).toBeLessThanOrEqual(844);
    // And who writes is said before the list.
    expect(await page.locator(".byline").textContent()).toContain("Un carnet tenu par Élise Marchal");
    await page.context().close();
  });

  it("the « S'abonner » page says what a feed is and copies each feed's address", async () => {
    const context = await newContext(site.browser, { permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const problems = watchPage(page, site.url);
    await page.goto(site.url + "/");
    await page.locator("header").getByRole("link", { name: "S’abonner" }).click();
    await page.waitForURL(/\/abonnement\/$/);
    expect(await page.locator("h1").textContent()).toBe("S’abonner");
    expect(await page.getByRole("heading", { name: "Qu’est-ce qu’un flux ?" }).count()).toBe(1);

    const addresses = await page
      .locator(".feed-address__url")
      .evaluateAll((links) => links.map((link) => link.textContent));
    expect(addresses.slice(0, 2)).toEqual([`${SITE}/feed.xml`, `${SITE}/feed.json`]);
    // Then each category's two feeds.
    const categories = await page.locator(".subscribe__category h3").count();
    expect(categories).toBe(4);
    expect(addresses).toContain(`${SITE}/categories/opinion/feed.xml`);
    expect(addresses).toHaveLength(2 + 2 * categories);
    // Every address is a feed the site publishes.
    for (const address of addresses) {
      const response = await page.request.get(site.url + new URL(address).pathname);
      expect(response.status(), address).toBe(200);
    }

    const copy = page.getByRole("button", { name: /^Adresse du flux JSON Feed : Élise Marchal$/ });
    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE}/feed.json`);
    expect(await copy.textContent()).toBe("Copiée");
    expect(await page.locator("[data-copy-status]").textContent()).toBe("Copiée");
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], offsite: [] });
    await context.close();
  });

  it("without JavaScript, the « S'abonner » page shows no copy button, and its addresses are text", async () => {
    const context = await newContext(site.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + "/abonnement/");
    expect(await page.locator("button[data-copy]:visible").count()).toBe(0);
    expect(await page.locator(".feed-address__url").first().isVisible()).toBe(true);
    await context.close();
  });

  it("the feeds open as plain XML and JSON: no stylesheet, no error, no CSP violation", async () => {
    const context = await newContext(site.browser);
    const page = await context.newPage();
    const problems = watchPage(page, site.url);
    // For a document with no page of its own, Chromium asks for /favicon.ico, which the site does not have
    // (its icon is named in each page's head): that 404 is the browser's, not the feed's.
    const atom = await page.goto(site.url + "/feed.xml");
    expect(atom!.status()).toBe(200);
    expect(await atom!.text()).not.toContain("xml-stylesheet");
    expect(await page.request.get(site.url + "/feed.xsl").then((response) => response.status())).toBe(404);
    expect((await page.goto(site.url + "/categories/opinion/feed.xml"))!.status()).toBe(200);
    const json = await page.goto(site.url + "/feed.json");
    expect(JSON.parse(await json!.text()).version).toBe("https://jsonfeed.org/version/1.1");
    const notFound = "Failed to load resource: the server responded with a status of 404 (Not Found)";
    expect(problems.consoleErrors.filter((error) => error !== notFound)).toEqual([]);
    expect(problems).toMatchObject({ pageErrors: [], offsite: [] });
    await context.close();
  });

  it("the share buttons fit two rows on a phone", async () => {
    const page = await open(PAGES[1]!, "phone");
    const buttons = page.locator(".share__button");
    await buttons.last().scrollIntoViewIfNeeded();
    // The scripted buttons (copy, Mastodon…) are there once the share script has run.
    await expect.poll(() => page.locator(".share button.share__button").count()).toBeGreaterThan(0);
    const rows = await buttons.evaluateAll((all) =>
      all
        .filter((button) => button.getClientRects().length > 0)
        .map((button) => Math.round(button.getBoundingClientRect().top)),
    );
    expect(rows.length).toBeGreaterThanOrEqual(7);
    expect(new Set(rows).size).toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it("lists say « Aucun commentaire » without making it a link", async () => {
    const page = await open(PAGES[0]!, "desktop");
    const none = page.locator(".summary__meta", { hasText: "Aucun commentaire" });
    expect(await none.count()).toBeGreaterThan(0);
    expect(await page.locator(".summary__meta a", { hasText: "Aucun commentaire" }).count()).toBe(0);
    // A post with comments still leads to them.
    expect(await page.locator(".summary__meta a", { hasText: /\d+ commentaires?/ }).count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
