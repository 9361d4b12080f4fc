/**
 * A thread answered on GitHub, Mastodon and Bluesky, in headless Chromium
 * on sites served with netlify.toml's headers: nothing is requested off the
 * site before the reader asks for the widget (lazy and consent modes),
 * avatars show from the site, the headers never overlap from 320 px up in
 * both themes, the thread passes axe's colour contrast, and a widget that
 * cannot load leaves a sentence and a link instead of a broken frame.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { mkdir } from "node:fs/promises";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blueskyPosts, githubThread, mastodonStatuses } from "../fixtures/social-thread.ts";
import { HAS_BROWSER, launchBrowser, newContext, watchPage, type BrowserSession } from "../helpers/browser.ts";
import { startGitHubStandIn, type StandIn } from "../helpers/github-stand-in.ts";
import { post, removeSite, runEleventy, SMALL_CONFIG, writeSite, type BuiltSite } from "../helpers/project.ts";
import {
  startBlueskyStandIn,
  startMastodonStandIn,
  type BlueskyStandIn,
  type MastodonStandIn,
} from "../helpers/social-stand-in.ts";
import { serveSite, type RunningServer } from "../helpers/static-server.ts";

/** Where the screenshots go, to be looked at (not compared). */
const SHOTS = process.env.BILLET_SCREENSHOTS;
const POST = "/billets/partage/";
const GISCUS_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>giscus</title></head><body><script>
  const origin = new URL(new URLSearchParams(location.search).get("origin")).origin;
  parent.postMessage({ giscus: { resizeHeight: 320 } }, origin);
</script></body></html>`;

const LONG_BODY = Array.from({ length: 30 }, (_, i) => `Paragraphe ${i + 1} : un texte pour descendre la page.`).join(
  "\n\n",
);

async function routeGiscus(context: BrowserContext): Promise<string[]> {
  const requested: string[] = [];
  await context.route("https://giscus.app/**", (route) => {
    requested.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: GISCUS_PAGE });
  });
  return requested;
}

/** Pairs of header parts of one comment whose boxes overlap. */
function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const header of document.querySelectorAll(".comment__header")) {
      const parts = [
        ...header.querySelectorAll(
          ".comment__avatar, .comment__author > a, .comment__author > span, .comment__badge, .comment__meta > a, .comment__meta time",
        ),
      ];
      const boxes = parts.flatMap((part) => [...part.getClientRects()].map((rect) => ({ part, rect })));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.part.contains(b.part) || b.part.contains(a.part)) continue;
          const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
          const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
          if (x > 1 && y > 1)
            found.push(`${a.part.className || a.part.tagName} × ${b.part.className || b.part.tagName}`);
        }
    }
    return found;
  });
}

describe.skipIf(!HAS_BROWSER)("a thread from GitHub, Mastodon and Bluesky in a browser", () => {
  let session: BrowserSession;
  let github: StandIn;
  let mastodon: MastodonStandIn;
  let bluesky: BlueskyStandIn;
  const sites: BuiltSite[] = [];
  const servers: Record<"lazy" | "consent", RunningServer> = {} as never;
  const saved = { ...process.env };

  beforeAll(async () => {
    session = await launchBrowser();
    github = await startGitHubStandIn({ discussions: githubThread("partage") });
    mastodon = await startMastodonStandIn({ statuses: mastodonStatuses() });
    bluesky = await startBlueskyStandIn({ posts: blueskyPosts() });
    Object.assign(process.env, {
      GITHUB_TOKEN: github.token,
      GITHUB_GRAPHQL_URL: github.url,
      BLUESKY_API_URL: bluesky.url,
      SOCIAL_TIMEOUT: "2",
    });
    for (const loading of ["lazy", "consent"] as const) {
      const site = await writeSite({
        config: {
          ...SMALL_CONFIG,
          authors: { claire: { name: "Claire Dupont", bio: "Autrice de test.", github: "claire-dupont" } },
          comments: {
            repo: "elise-marchal/carnet",
            repoId: "R_x",
            category: "Commentaires",
            categoryId: "DIC_x",
            loading,
          },
        },
        files: {
          "posts/partage.md": post(
            {
              title: "Un billet partagé",
              date: new Date(Date.now() - 86400_000).toISOString().slice(0, 10),
              category: "opinion",
              slug: "partage",
              syndication: [mastodon.statusUrl(mastodon.statuses[0]!), bluesky.postUrl(bluesky.posts[0]!)],
            },
            LONG_BODY,
          ),
        },
      });
      await runEleventy(site.config);
      sites.push(site);
      servers[loading] = await serveSite(site.output);
    }
    // The stand-ins go: a page that still needed them would show it.
    await Promise.all([github.close(), mastodon.close(), bluesky.close()]);
  });
  afterAll(async () => {
    for (const name of ["GITHUB_TOKEN", "GITHUB_GRAPHQL_URL", "BLUESKY_API_URL", "SOCIAL_TIMEOUT"])
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    await session?.close();
    for (const server of Object.values(servers)) await server?.close();
    for (const site of sites) await removeSite(site);
  });

  it("lazy mode: avatars from the site, nothing off the site until the widget is asked for", async () => {
    const context = await newContext(session.browser);
    const requested = await routeGiscus(context);
    const page = await context.newPage();
    const problems = watchPage(page, servers.lazy.url);
    await page.goto(servers.lazy.url + POST, { waitUntil: "networkidle" });
    expect(problems.offsite).toEqual([]);
    expect(requested).toEqual([]);
    // Near the thread: its avatars load from /img/ (lazily), and still nothing goes elsewhere.
    await page.locator(".comments__list").scrollIntoViewIfNeeded();
    const avatars = page.locator(".comment__avatar img");
    expect(await avatars.count()).toBe(7);
    await expect
      .poll(() =>
        avatars.evaluateAll((images) => images.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
      )
      .toBe(7);
    expect(
      await avatars.evaluateAll((images) =>
        images.map((i) => new URL((i as HTMLImageElement).currentSrc).pathname.slice(0, 5)),
      ),
    ).toEqual(Array(7).fill("/img/"));
    // Then the widget, from giscus.app, as the reader reaches it.
    await page.locator(".comments__widget").scrollIntoViewIfNeeded();
    await expect.poll(() => requested.length).toBe(1);
    expect(problems.offsite.filter((url) => !url.startsWith("https://giscus.app/"))).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    // The replies from Mastodon and Bluesky stay when giscus shows GitHub's thread.
    await expect.poll(() => page.locator(".comment--github").first().isHidden()).toBe(true);
    expect(await page.locator(".comments__list > li > .comment--mastodon").count()).toBe(2);
    expect(await page.locator(".comment--bluesky").first().isVisible()).toBe(true);
    await context.close();
  });

  it("consent mode: real avatars, and nothing off the site before the click", async () => {
    const context = await newContext(session.browser);
    const requested = await routeGiscus(context);
    const page = await context.newPage();
    const problems = watchPage(page, servers.consent.url);
    await page.goto(servers.consent.url + POST, { waitUntil: "networkidle" });
    await page.locator(".comments__list").scrollIntoViewIfNeeded();
    await page.locator(".comments__widget").scrollIntoViewIfNeeded();
    const button = page.getByRole("button", { name: "Afficher les commentaires" });
    await expect.poll(() => button.isVisible()).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".comment__avatar img").count()).toBe(7);
    expect(problems.offsite).toEqual([]);
    await button.click();
    await expect.poll(() => requested.length).toBe(1);
    expect(problems.offsite.filter((url) => !url.startsWith("https://giscus.app/"))).toEqual([]);
    await context.close();
  });

  it("a widget that cannot load leaves a sentence and the link to the discussion", async () => {
    const context = await newContext(session.browser);
    await context.route("**/assets/giscus.*.js", (route) => route.fulfill({ status: 404, body: "" }));
    const page = await context.newPage();
    await page.goto(servers.lazy.url + POST);
    await page.locator(".comments__widget").scrollIntoViewIfNeeded();
    const failed = page.locator("[data-comments-failed]");
    await expect.poll(() => failed.isVisible()).toBe(true);
    expect(await failed.textContent()).toContain("n’a pas pu se charger");
    expect(await page.locator("giscus-widget, iframe").count()).toBe(0);
    expect(await page.locator(".comments__places [data-comments-fallback] a").isVisible()).toBe(true);
    expect(await page.locator(".comment--github").first().isVisible()).toBe(true);
    await context.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`reads right at every width in the ${colorScheme} theme: no overlap, contrast at AA`, async () => {
      if (SHOTS) await mkdir(SHOTS, { recursive: true });
      for (const [width, height] of [
        [320, 700],
        [390, 844],
        [1280, 900],
      ] as const) {
        const context = await newContext(session.browser, { colorScheme, viewport: { width, height } });
        await routeGiscus(context);
        const page = await context.newPage();
        await page.goto(servers.consent.url + POST, { waitUntil: "networkidle" });
        await page.locator(".comments__list").scrollIntoViewIfNeeded();
        await page.waitForLoadState("networkidle");
        expect(await overlaps(page), `${width} px`).toEqual([]);
        // Nothing wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px`).toBeLessThanOrEqual(
          width,
        );
        const { violations } = await new AxeBuilder({ page })
          .include("#commentaires")
          .withRules(["color-contrast"])
          .analyze();
        expect(violations.flatMap((v) => v.nodes.map((n) => `${width} px: ${n.target.join(" ")}`))).toEqual([]);
        if (SHOTS)
          await page.locator("#commentaires").screenshot({ path: `${SHOTS}/thread-${width}-${colorScheme}.png` });
        await context.close();
      }
    });
  }
});
