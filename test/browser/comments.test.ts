/**
 * Comments in headless Chromium, on sites served with netlify.toml's
 * headers (its Content-Security-Policy included). giscus.app and GitHub's
 * avatars cannot be reached from here: the tests route them to local
 * stand-ins (a giscus page that reports what it was given and talks to the
 * widget the way giscus does).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page, Request } from "playwright-core";
import path from "node:path";
import { sanitizeComment } from "../../plugins/comments/sanitize.ts";
import { emptySnapshot, writeSnapshot } from "../../plugins/comments/snapshot.ts";
import { sha1 } from "../../plugins/comments/term.ts";
import type { Discussion } from "../../plugins/comments/thread.ts";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.ts";
import { HAS_BROWSER, launchBrowser, newContext, watchPage, type BrowserSession } from "../helpers/browser.ts";
import { parsePage, text } from "../helpers/html.ts";
import { post, removeSite, runEleventy, SMALL_CONFIG, writeSite, type BuiltSite } from "../helpers/project.ts";
import { serveSite, type RunningServer } from "../helpers/static-server.ts";

const output = inject("siteOutput");
const SAMPLE_POST = "/billets/concours-demarches-en-clair/";

/**
 * Stand-in for giscus.app's widget page: shows the parameters it was loaded
 * with, tells the parent page its height (as giscus does once it has
 * rendered), and applies the configuration the widget sends it.
 */
const GISCUS_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>giscus</title></head>
<body data-theme=""><p id="params"></p><script>
  const params = new URLSearchParams(location.search);
  document.body.dataset.theme = params.get("theme");
  document.getElementById("params").textContent = location.href;
  const origin = new URL(params.get("origin")).origin;
  parent.postMessage({ giscus: { resizeHeight: 320 } }, origin);
  addEventListener("message", (event) => {
    const config = event.data && event.data.giscus && event.data.giscus.setConfig;
    if (event.origin === origin && config && config.theme) document.body.dataset.theme = config.theme;
  });
</script></body></html>`;

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** Routes giscus.app and GitHub's avatars to the stand-ins; returns the requests they got. */
async function standIns(context: BrowserContext): Promise<string[]> {
  const requests: string[] = [];
  await context.route("https://giscus.app/**", (route) => {
    requests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: GISCUS_PAGE });
  });
  await context.route("https://avatars.githubusercontent.com/**", (route) => {
    requests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "image/png", body: PNG });
  });
  return requests;
}

const LONG_BODY = Array.from(
  { length: 40 },
  (_, i) =>
    `Paragraphe ${i + 1} : un texte assez long pour que les commentaires soient loin sous la ligne de flottaison.`,
).join("\n\n");

const ARCHIVE = `- id: "a1"
  author: { name: "Marie Schaller", url: "https://marie.example" }
  date: "2024-02-01 10:00"
  body: "Un commentaire archivé."
`;

const GITHUB_DISCUSSION: Discussion = {
  id: "D_1",
  number: 1,
  url: "https://github.com/claire/carnet/discussions/1",
  title: "long",
  updatedAt: "2024-02-02T00:00:00Z",
  comments: [
    {
      id: "DC_1",
      author: {
        login: "lecteur",
        url: "https://github.com/lecteur",
        avatarUrl: "https://avatars.githubusercontent.com/u/9?s=96&v=4",
      },
      createdAt: "2024-02-02T00:00:00Z",
      url: "https://github.com/claire/carnet/discussions/1#discussioncomment-1",
      bodyHTML: "<p>Un commentaire venu de GitHub.</p>",
      deletedAt: null,
      isMinimized: false,
      upvoteCount: 0,
      reactions: [{ content: "HEART", count: 2 }],
      replies: [],
    },
  ],
};

function widgetConfig(loading: "lazy" | "consent") {
  return {
    ...SMALL_CONFIG,
    comments: {
      repo: "claire/carnet",
      repoId: "R_kgDOtest",
      category: "Commentaires",
      categoryId: "DIC_kwDOtest",
      loading,
      themes: { light: "noborder_light", dark: "noborder_dark" },
    },
  };
}

async function giscusFrame(page: Page) {
  await expect.poll(() => page.frames().some((f) => f.url().startsWith("https://giscus.app/"))).toBe(true);
  return page.frames().find((f) => f.url().startsWith("https://giscus.app/"))!;
}

describe.skipIf(!HAS_BROWSER)("comments in a browser", () => {
  let session: BrowserSession;
  const sites: BuiltSite[] = [];
  const servers: RunningServer[] = [];
  let lazy: RunningServer;
  let consent: RunningServer;
  let sample: RunningServer;

  beforeAll(async () => {
    session = await launchBrowser();
    delete process.env.GITHUB_TOKEN;
    for (const mode of ["lazy", "consent"] as const) {
      const site = await writeSite({
        config: widgetConfig(mode),
        files: {
          "posts/long.md": post({ title: "Un long billet", date: "2024-01-10", category: "opinion" }, LONG_BODY),
          "posts/long.comments.yaml": ARCHIVE,
        },
      });
      // The last snapshot taken from GitHub: one comment, shown until the widget takes over.
      await writeSnapshot(path.join(site.dir, ".cache/comments"), {
        ...emptySnapshot({
          endpoint: "https://api.github.com/graphql",
          repo: "claire/carnet",
          category: "Commentaires",
          strict: true,
        }),
        lookups: { [`sha1:${sha1("long")}`]: "D_1" },
        discussions: { D_1: GITHUB_DISCUSSION },
      });
      await runEleventy(site.config);
      sites.push(site);
      servers.push(await serveSite(site.output));
    }
    [lazy, consent] = servers as [RunningServer, RunningServer];
    sample = await serveSite(output);
  });
  afterAll(async () => {
    await session?.close();
    for (const server of [...servers, sample]) await server?.close();
    for (const site of sites) await removeSite(site);
  });

  it("shows the sample post's thread as static HTML that reads right", async () => {
    const context = await newContext(session.browser);
    const page = await context.newPage();
    const problems = watchPage(page, sample.url);
    await page.goto(sample.url + SAMPLE_POST);
    const section = page.locator("#commentaires");
    await section.scrollIntoViewIfNeeded();
    expect(await section.locator("h2").textContent()).toMatch(
      // The title's own quotes nest the French way, “ ” inside « ».
      /^3 réflexions au sujet de «\u00A0Concours “Démarches en clair”\u00A0: quand/,
    );
    const comments = section.locator("[data-comment-id]");
    expect(await comments.count()).toBe(3);
    // The right of reply, and the author's answer inside it, marked as hers.
    const reply = section.locator('[data-comment-id="ancien-121"] [data-comment-id="ancien-124"]');
    expect(await reply.isVisible()).toBe(true);
    expect(await reply.locator(".comment__badge--author").textContent()).toBe("a écrit ce billet");
    expect(await reply.locator(".comment__meta").textContent()).toContain("en réponse à L’équipe Guichet+");
    expect(await section.locator('[data-comment-id="ancien-118"] .comment__badge').textContent()).toBe("archivé");
    expect(await reply.locator(".comment__body p").count()).toBeGreaterThanOrEqual(5);
    // The author's comment stands out from the others.
    const border = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).borderLeftColor);
    expect(await border('[data-comment-id="ancien-124"]')).not.toBe(await border('[data-comment-id="ancien-118"]'));
    // The count on the home page leads to the thread.
    await page.goto(sample.url + "/");
    await page.locator(`a.comment-count[href="${SAMPLE_POST}#commentaires"]`).click();
    await page.waitForURL(/#commentaires$/);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], offsite: [] });
    await context.close();
  });

  it("lazy mode: asks giscus for nothing until the reader nears the comments", async () => {
    const context = await newContext(session.browser, { colorScheme: "light" });
    const requested = await standIns(context);
    const page = await context.newPage();
    const problems = watchPage(page, lazy.url);
    const scripts: string[] = [];
    page.on("request", (request: Request) => {
      if (request.url().includes("/assets/giscus.")) scripts.push(request.url());
    });
    await page.goto(lazy.url + "/billets/long/", { waitUntil: "networkidle" });
    expect(requested).toEqual([]);
    expect(scripts).toEqual([]);
    expect(await page.locator('[data-comment-id="DC_1"] .comment__body').textContent()).toBe(
      "Un commentaire venu de GitHub.",
    );
    expect(await page.locator("#commentaires").evaluate((e) => e.getBoundingClientRect().top > innerHeight + 400)).toBe(
      true,
    );

    await page.locator("#commentaires").scrollIntoViewIfNeeded();
    const frame = await giscusFrame(page);
    expect(scripts).toHaveLength(1);
    const url = new URL(frame.url());
    expect(url.origin + url.pathname).toBe("https://giscus.app/fr/widget");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      repo: "claire/carnet",
      repoId: "R_kgDOtest",
      category: "Commentaires",
      categoryId: "DIC_kwDOtest",
      term: "long",
      number: "",
      strict: "1",
      reactionsEnabled: "1",
      inputPosition: "bottom",
      theme: "noborder_light",
    });
    expect(url.searchParams.get("origin")).toBe(`${lazy.url}/billets/long/`);
    expect(url.searchParams.get("backLink")).toBe("https://test.example/billets/long/");

    // Once giscus has rendered, its comments' static copy steps aside; archived ones stay.
    await expect.poll(() => page.locator('[data-comment-id="DC_1"]').isHidden()).toBe(true);
    expect(await page.locator('[data-comment-id="a1"]').isVisible()).toBe(true);
    expect(await page.locator(".comments__places [data-comments-fallback]").isHidden()).toBe(true);
    // The snapshot on disk was never brought up to date here, so its avatar was never downloaded: initials.
    expect(requested.filter((u) => u.startsWith("https://avatars.githubusercontent.com/"))).toEqual([]);
    expect(await page.locator('[data-comment-id="a1"] .comment__avatar').textContent()).toBe("MS");

    // The reader flips the site's theme: the widget follows.
    await page.locator("[data-theme-toggle]").click();
    expect(await page.locator("giscus-widget").getAttribute("theme")).toBe("noborder_dark");
    await expect.poll(() => frame.evaluate(() => document.body.dataset.theme)).toBe("noborder_dark");
    await page.locator("[data-theme-toggle]").click();
    await expect.poll(() => frame.evaluate(() => document.body.dataset.theme)).toBe("noborder_light");

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    // Off the site: only giscus, once asked for.
    expect(problems.offsite.filter((u) => !/^https:\/\/giscus\.app\//.test(u))).toEqual([]);
    await context.close();
  });

  it("starts the widget in the reader's dark theme", async () => {
    const context = await newContext(session.browser, { colorScheme: "dark" });
    await standIns(context);
    const page = await context.newPage();
    await page.goto(lazy.url + "/billets/long/#commentaires");
    const frame = await giscusFrame(page);
    expect(new URL(frame.url()).searchParams.get("theme")).toBe("noborder_dark");
    await context.close();
  });

  it("consent mode: nothing goes to giscus.app before the click, and the choice is remembered", async () => {
    const context = await newContext(session.browser);
    const requested = await standIns(context);
    const page = await context.newPage();
    const problems = watchPage(page, consent.url);
    await page.goto(consent.url + "/billets/long/", { waitUntil: "networkidle" });
    await page.locator("#commentaires").scrollIntoViewIfNeeded();
    // The loader comes as the reader nears the comments, and shows the question.
    const button = page.getByRole("button", { name: "Afficher les commentaires" });
    await expect.poll(() => button.isVisible()).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".comments__consent p").textContent()).toContain("GitHub et à giscus.app");
    // Not even an avatar: the last snapshot shows initials until the reader agrees.
    expect(requested).toEqual([]);
    expect(await page.locator('[data-comment-id="DC_1"] .comment__avatar').textContent()).toBe("L");
    // The thread is there meanwhile.
    expect(await page.locator('[data-comment-id="a1"]').isVisible()).toBe(true);
    expect(await page.locator('[data-comment-id="DC_1"]').isVisible()).toBe(true);

    await button.click();
    await giscusFrame(page);
    expect(requested.filter((u) => u.startsWith("https://giscus.app/"))).toHaveLength(1);
    expect(await button.count()).toBe(0);

    // Another visit: no question asked again; the widget loads as the reader gets there.
    await page.goto(consent.url + "/billets/long/", { waitUntil: "networkidle" });
    expect(await page.getByRole("button", { name: "Afficher les commentaires" }).isVisible()).toBe(false);
    await page.locator("#commentaires").scrollIntoViewIfNeeded();
    await giscusFrame(page);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });

  it("without JavaScript: the thread, and a link to GitHub, no button", async () => {
    const context = await newContext(session.browser, { javaScriptEnabled: false });
    const requested = await standIns(context);
    const page = await context.newPage();
    await page.goto(consent.url + "/billets/long/");
    expect(await page.locator('[data-comment-id="a1"]').isVisible()).toBe(true);
    const link = page.locator(".comments__places a");
    expect(await link.getAttribute("href")).toBe("https://github.com/claire/carnet/discussions/1");
    expect(await link.textContent()).toBe("Lire et commenter la discussion sur GitHub");
    expect(await page.getByRole("button", { name: "Afficher les commentaires" }).isVisible()).toBe(false);
    expect(requested).toEqual([]);
    await context.close();
  });

  it("sanitized hostile comments run nothing in a real browser (and the unsanitized ones would)", async () => {
    const context = await newContext(session.browser);
    await context.route("**/*", (route) => route.abort());
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const render = async (bodies: string[]) => {
      await page.setContent(
        `<!DOCTYPE html><html><body>${bodies.map((b) => `<div>${b}</div>`).join("")}</body></html>`,
      );
      // Give handlers (onload, onerror, autofocus, ontoggle) their chance, then follow every link.
      await page.waitForTimeout(300);
      for (const link of await page.locator("a[href]").all()) {
        const href = await link.getAttribute("href");
        if (href && /^\s*\W*j|^\s*\W*v/i.test(href)) await link.click({ noWaitAfter: true }).catch(() => {});
      }
    };
    await render(XSS_PAYLOADS);
    expect(dialogs.length).toBeGreaterThan(0);
    dialogs.length = 0;
    await render(XSS_PAYLOADS.map((payload) => sanitizeComment(payload)));
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll("script, iframe, [style], svg, form").length)).toBe(0);
    await context.close();
  });
});

describe("the built pages", () => {
  it("give the widget settings to the loader only where the widget is on", async () => {
    const page = await parsePage(output, "billets/concours-demarches-en-clair/index.html");
    // The sample blog leaves the giscus ids empty: a thread, a link, no widget.
    expect(page.querySelector(".comments__widget")).toBeNull();
    expect(text(page.querySelector(".comments__leave"))).toBe("Laisser un commentaire");
    const start = page.querySelector(".comments__places a")!.getAttribute("href")!;
    expect(start).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/discussions\/new\?/);
    expect(text(page.querySelector(".comments__places a"))).toBe("Ouvrir la discussion sur GitHub");
  });
});
