/**
 * Headless Chromium for browser tests: Debian's build (never a downloaded
 * one), found through CHROME_PATH (default /usr/bin/chromium).
 *
 * Without a browser, browser tests are skipped with a loud line, except when
 * CI is set: there a missing browser fails the run.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { serveSite, type RunningServer } from "./static-server.ts";

export const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
export const HAS_BROWSER = existsSync(CHROME_PATH);

if (!HAS_BROWSER) {
  const line = `No Chromium at ${CHROME_PATH} (set CHROME_PATH): browser tests are ${process.env.CI ? "FAILING" : "SKIPPED"}.`;
  console.warn(`\n${"!".repeat(line.length)}\n${line}\n${"!".repeat(line.length)}\n`);
  if (process.env.CI) throw new Error(line);
}

/** How Chromium runs here, for Playwright and for Lighthouse (scripts/audit.ts): no background traffic. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches Chromium headless; Playwright gives it a fresh, empty profile folder each time. */
export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROMIUM_FLAGS });
  return { browser, close: () => browser.close() };
}

export interface ServedSite {
  /** Where the site is served, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * For the `describe` it is called in: serves a built site with netlify.toml's
 * headers and launches Chromium before its tests, and closes both after them.
 */
export function servedSiteInBrowser(output: string): ServedSite {
  let server: RunningServer | undefined;
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    server = await serveSite(output);
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error("The site is served only once the tests run");
      return server.url;
    },
    get browser() {
      if (!session) throw new Error("Chromium is launched only once the tests run");
      return session.browser;
    },
  };
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests that went anywhere but the local server. */
  offsite: string[];
}

/**
 * Collects what must never happen on a page: console errors (CSP violations
 * are reported there), uncaught exceptions, and requests off 127.0.0.1.
 */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], offsite: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.offsite.push(url);
  });
  return problems;
}

export async function newContext(
  browser: Browser,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<BrowserContext> {
  return browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", ...options });
}
