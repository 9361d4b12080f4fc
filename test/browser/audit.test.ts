/**
 * Every kind of page of the sample blog, audited in headless Chromium with
 * netlify.toml's headers, in the light and the dark theme (the system's,
 * then flipped with the toggle), the light one on a phone's screen and the
 * dark one on a desktop's: no console error, no Content-Security-Policy
 * violation, no request off 127.0.0.1, no accessibility violation of serious
 * or critical impact found by axe-core, keyboard focus visible, and a skip
 * link that takes the keyboard to the content. axe runs its default rules
 * plus the touch-target size rule (WCAG 2.2, off by default in axe, on in
 * Lighthouse). Its moderate and minor findings are printed, not failed.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { HAS_BROWSER, newContext, servedSiteInBrowser, watchPage } from "../helpers/browser.ts";

const output = inject("siteOutput");

/** One page of each kind; `search` types a query once the page is open. */
const PAGES: Array<{ kind: string; path: string; status?: number; search?: string }> = [
  { kind: "home", path: "/" },
  { kind: "post with comments", path: "/billets/concours-demarches-en-clair/" },
  { kind: "page", path: "/prestations/" },
  { kind: "category", path: "/categories/opinion/" },
  { kind: "tag", path: "/etiquettes/administration/" },
  { kind: "archive", path: "/archives/" },
  { kind: "search", path: "/recherche/" },
  { kind: "search, typed", path: "/recherche/", search: "réseaux" },
  { kind: "contact", path: "/contact/" },
  { kind: "404", path: "/page-qui-n-existe-pas/", status: 404 },
  { kind: "subscribe", path: "/abonnement/" },
];
const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];
const SCREENS = {
  // Lighthouse's mobile screen.
  phone: { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 },
  desktop: { viewport: { width: 1280, height: 800 } },
} as const;
type Screen = keyof typeof SCREENS;
/** Where each theme is seen: both layouts are audited without doubling the runs. */
const SCREEN_OF: Record<Scheme, Screen> = { light: "phone", dark: "desktop" };
const FAILING_IMPACTS = new Set(["serious", "critical"]);

/** CSP violations as the page sees them (they also reach the console). */
async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
}

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function axe(page: Page, rules?: string[]): Promise<Finding[]> {
  const builder = new AxeBuilder({ page }).options({ rules: { "target-size": { enabled: true } } });
  if (rules) builder.withRules(rules);
  const { violations } = await builder.analyze();
  return violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? "unknown",
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

/** Whether the page shows dark: its background is darker than mid-grey. */
function pageIsDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
    return r! + g! + b! < 3 * 128;
  });
}

/** What makes focus visible on an element: its outline and its shadow. */
function focusStyle(element: Element): string {
  const style = getComputedStyle(element);
  const outline =
    style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0
      ? "none"
      : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
  return `outline: ${outline}; box-shadow: ${style.boxShadow}`;
}

describe.skipIf(!HAS_BROWSER)("audit of every kind of page", () => {
  const site = servedSiteInBrowser(output);
  const reported: string[] = [];
  afterAll(() => {
    if (reported.length > 0) console.info(`axe, moderate and minor findings:\n${[...new Set(reported)].join("\n")}`);
  });

  async function open(scheme: Scheme, target: (typeof PAGES)[number], screen: Screen = SCREEN_OF[scheme]) {
    // Reduced motion: colours change at once when the theme flips (no transition to wait for).
    const context = await newContext(site.browser, {
      colorScheme: scheme,
      reducedMotion: "reduce",
      ...SCREENS[screen],
    });
    const page = await context.newPage();
    await recordCspViolations(page);
    const problems = watchPage(page, site.url);
    const response = await page.goto(site.url + target.path, { waitUntil: "load" });
    expect(response?.status()).toBe(target.status ?? 200);
    if (target.search) {
      await page.getByLabel("Rechercher sur le site").fill(target.search);
      await expect
        .poll(() => page.locator("[data-search-status]").textContent(), { timeout: 10_000 })
        .toMatch(/résultats? pour/);
    }
    return { context, page, problems };
  }

  describe.each(SCHEMES)("%s theme", (scheme) => {
    // On the phone, light; on the desktop, dark.
    it.each(PAGES)("$kind ($path): no error, no CSP violation, no request elsewhere, axe clean", async (target) => {
      const { context, page, problems } = await open(scheme, target);
      expect(await pageIsDark(page)).toBe(scheme === "dark");
      const found = await axe(page);

      // The reader flips the theme: every colour changes, so contrast is checked again.
      const other = scheme === "light" ? "dark" : "light";
      await page.locator("[data-theme-toggle]").click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(other);
      expect(await pageIsDark(page)).toBe(other === "dark");
      const flipped = (await axe(page, ["color-contrast", "link-in-text-block"])).map((finding) => ({
        ...finding,
        id: `${finding.id} (after the toggle, ${other})`,
      }));

      const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      // A missing page's own 404 status is reported on the console; nothing else may be.
      const expectedErrors =
        target.status === 404 ? ["Failed to load resource: the server responded with a status of 404 (Not Found)"] : [];
      expect({ ...problems, csp }).toEqual({ consoleErrors: expectedErrors, pageErrors: [], offsite: [], csp: [] });

      const all = [...found, ...flipped];
      for (const finding of all.filter((f) => !FAILING_IMPACTS.has(f.impact)))
        reported.push(`  ${target.kind} ${target.path}, ${scheme}: ${finding.impact} ${finding.id}: ${finding.help}`);
      expect(all.filter((finding) => FAILING_IMPACTS.has(finding.impact))).toEqual([]);
      await context.close();
    });
  });

  it.each(PAGES.filter((target) => !target.search))(
    "$kind ($path): the skip link leads into the content, and keyboard focus is always visible",
    async (target) => {
      const { context, page } = await open("light", target, "desktop");
      await page.keyboard.press("Tab");
      const skip = page.locator(".skip-link");
      expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 0, "the skip link shows when focused").toBe(true);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("contenu");
      // The next stop is in the content, not back in the header.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);

      // From the top again: the first stops of the keyboard, each with a visible focus ring.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.goto(site.url + target.path, { waitUntil: "load" });
      const stops: Array<{ element: string; focused: string; unfocused: string }> = [];
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press("Tab");
        const name = await page.evaluate((i) => {
          const element = document.activeElement;
          if (!element || element === document.body) return undefined;
          element.setAttribute("data-audit-stop", String(i));
          return `${element.tagName.toLowerCase()}${element.className ? "." + String(element.className).split(" ")[0] : ""} « ${(element.textContent || element.getAttribute("aria-label") || element.getAttribute("name") || "").trim().slice(0, 30)} »`;
        }, i);
        if (!name) break;
        const focused = await page.locator(`[data-audit-stop="${i}"]`).evaluate(focusStyle);
        stops.push({ element: name, focused, unfocused: "" });
      }
      // Focus leaves for the page's body: each stop's own, unfocused style.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (const [i, stop] of stops.entries()) {
        stop.unfocused = await page.locator(`[data-audit-stop="${i}"]`).evaluate(focusStyle);
      }
      expect(stops.length).toBeGreaterThanOrEqual(5);
      const invisible = stops.filter(
        (stop) => stop.focused === stop.unfocused || stop.focused === "outline: none; box-shadow: none",
      );
      expect(invisible, JSON.stringify(stops, null, 2)).toEqual([]);
      await context.close();
    },
  );
});
