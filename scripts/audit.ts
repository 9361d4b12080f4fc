/**
 * `npm run audit`: Lighthouse's four scores (Performance, Accessibility,
 * Best Practices, SEO) for the home page and a post, on phones and on
 * desktops, as Netlify would serve the site.
 *
 *   npm run audit
 *   npm run audit -- --site _site --pages /,/billets/mon-billet/ --preset mobile
 *   npm run audit -- --dry-run
 *
 * The site: built afresh from content/ and site.config.ts into a temporary
 * folder, exactly as `npm run build` builds it (a few seconds; `_site/` is
 * left alone), or `--site DIR` to audit a folder already built (after
 * `npm run build`, say) without guessing whether it is up to date.
 *
 * It is served on 127.0.0.1 with netlify.toml's headers (the stand-in the
 * browser tests use), and audited by Lighthouse in Debian's Chromium
 * (CHROME_PATH, default /usr/bin/chromium), started afresh for each run by
 * chrome-launcher as Lighthouse's command line does, with the flags of the
 * browser tests and a host resolver that answers only for 127.0.0.1:
 * nothing can leave the machine, and any request that tried is listed.
 * Lighthouse's throttling is simulated, so the scores do not depend on how
 * busy the machine is.
 *
 * Pages: the home page and the newest post on it, or `--pages`. Presets:
 * Lighthouse's mobile (its default) and desktop, or `--preset`. Under the
 * table, every audit that kept a score under 100 is named. `--dry-run`
 * builds and serves the site and checks the pages answer, without
 * starting Chromium. The exit code is 0 unless the site cannot be built or
 * served, or Lighthouse fails.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { launch } from "chrome-launcher";
import { parse } from "node-html-parser";
import { CHROME_PATH, CHROMIUM_FLAGS } from "../test/helpers/browser.ts";
import { serveSite } from "../test/helpers/static-server.ts";
import { runCli, UsageError } from "./cli.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const USAGE = `usage: npm run audit -- [--site DIR] [--pages /,/billets/…/] [--preset mobile|desktop|both] [--dry-run]

  --site DIR     audit this built folder (e.g. _site) instead of building the site afresh
  --pages LIST   site paths, comma-separated (default: the home page and its newest post)
  --preset P     mobile, desktop or both (default both)
  --dry-run      build and serve, check the pages answer, start no browser`;

const CATEGORIES = [
  ["performance", "Performance"],
  ["accessibility", "Accessibility"],
  ["best-practices", "Best Practices"],
  ["seo", "SEO"],
] as const;

type Preset = "mobile" | "desktop";

interface Options {
  site?: string;
  pages?: string[];
  presets: Preset[];
  dryRun: boolean;
}

function options(argv: string[]): Options | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        site: { type: "string" },
        pages: { type: "string" },
        preset: { type: "string", default: "both" },
        "dry-run": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) return "help";
  const presets: Record<string, Preset[]> = { mobile: ["mobile"], desktop: ["desktop"], both: ["mobile", "desktop"] };
  const chosen = presets[values.preset];
  if (!chosen) throw new UsageError(`--preset: found "${values.preset}", expected mobile, desktop or both\n${USAGE}`);
  const pages = values.pages
    ?.split(",")
    .map((page) => page.trim())
    .filter(Boolean);
  for (const page of pages ?? [])
    if (!page.startsWith("/")) throw new UsageError(`--pages: found "${page}", expected a path such as /billets/…/`);
  if (values.site && !existsSync(path.join(values.site, "index.html")))
    throw new UsageError(`--site: found "${values.site}", expected a built site (a folder with index.html)`);
  return { site: values.site, pages, presets: chosen, dryRun: values["dry-run"] };
}

/** Builds content/ with site.config.ts, as `npm run build` does, into a new temporary folder. */
async function buildSample(): Promise<{ output: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "billet-audit-"));
  const output = path.join(dir, "_site");
  const config = path.join(dir, "eleventy.config.ts");
  // Eleventy takes its folders from the configuration: the project's, with another output.
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  await writeFile(
    config,
    [
      `import { billet } from ${JSON.stringify(pathToFileURL(path.join(ROOT, "eleventy.config.ts")).href)};`,
      `import site from ${JSON.stringify(pathToFileURL(path.join(ROOT, "site.config.ts")).href)};`,
      `export default billet(site, { input: ${JSON.stringify(path.join(ROOT, "content"))}, output: ${JSON.stringify(output)} });`,
    ].join("\n"),
  );
  const eleventy = new Eleventy(undefined, undefined, { configPath: config, quietMode: true, runMode: "build" });
  await eleventy.write();
  return { output, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The home page and the newest post it lists. */
async function defaultPages(site: string): Promise<string[]> {
  const home = parse(await readFile(path.join(site, "index.html"), "utf8"));
  const newest = home.querySelector(".summary__title a")?.getAttribute("href");
  return newest ? ["/", newest] : ["/"];
}

/**
 * Runs `work` with a fresh headless Chromium, started by chrome-launcher as
 * Lighthouse's own command line starts it (its flags keep Chromium quiet and
 * its traces whole), plus the browser tests' flags.
 */
async function withChromium<T>(work: (port: number) => Promise<T>): Promise<T> {
  if (!existsSync(CHROME_PATH)) throw new UsageError(`No Chromium at ${CHROME_PATH}: set CHROME_PATH`);
  const chrome = await launch({
    chromePath: CHROME_PATH,
    chromeFlags: [
      ...CHROMIUM_FLAGS,
      "--headless=new",
      // Names resolve to nothing but 127.0.0.1: no request can leave the machine.
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ],
    logLevel: "silent",
  });
  try {
    return await work(chrome.port);
  } finally {
    chrome.kill();
  }
}

interface PageScores {
  page: string;
  preset: Preset;
  scores: Array<number | null>;
  /** Audits that kept a category under 100: `category: id (title): value`. */
  losses: string[];
  offsite: string[];
}

async function audit(url: string, page: string, preset: Preset, port: number, origin: string): Promise<PageScores> {
  const { default: lighthouse, desktopConfig } = await import("lighthouse");
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error" },
    preset === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  const losses: string[] = [];
  for (const [id, name] of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const value = audit.displayValue ? `: ${audit.displayValue}` : "";
      losses.push(`${name}: ${ref.id} (${audit.title})${value}`);
    }
  }
  const requests = (lhr.audits["network-requests"]?.details as { items?: Array<{ url: string }> } | undefined)?.items;
  const offsite = (requests ?? [])
    .map((item) => item.url)
    .filter((request) => !request.startsWith(origin) && !/^(data|blob|about):/.test(request));
  return {
    page,
    preset,
    scores: CATEGORIES.map(([id]) => {
      const score = lhr.categories[id]?.score;
      return score === null || score === undefined ? null : Math.round(score * 100);
    }),
    losses,
    offsite,
  };
}

function table(rows: PageScores[]): string {
  const lines = [
    ["page", "preset", ...CATEGORIES.map(([, name]) => name)],
    ...rows.map((row) => [row.page, row.preset, ...row.scores.map((score) => (score === null ? "–" : String(score)))]),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  return lines
    .map((line) => line.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "))
    .join("\n");
}

await runCli(async () => {
  const chosen = options(process.argv.slice(2));
  if (chosen === "help") {
    console.log(USAGE);
    return;
  }
  const built = chosen.site ? undefined : await buildSample();
  const site = chosen.site ? path.resolve(chosen.site) : built!.output;
  const server = await serveSite(site);
  try {
    const pages = chosen.pages ?? (await defaultPages(site));
    for (const page of pages) {
      const response = await fetch(server.url + page, { redirect: "manual" });
      if (response.status !== 200)
        throw new UsageError(`--pages: ${page} answers ${response.status}, expected 200 (a page of the site)`);
    }
    const plan = pages.flatMap((page) => chosen.presets.map((preset) => ({ page, preset })));
    console.log(`Site ${chosen.site ?? "built from content/"}, served at ${server.url} with netlify.toml's headers.`);
    if (chosen.dryRun) {
      for (const { page, preset } of plan) console.log(`would audit ${page} (${preset})`);
      return;
    }
    const rows: PageScores[] = [];
    for (const { page, preset } of plan) {
      process.stderr.write(`Lighthouse: ${page} (${preset})…\n`);
      const run = () => withChromium((port) => audit(server.url + page, page, preset, port, server.url));
      // A trace lost now and then is Lighthouse's to retry (« Please run Lighthouse again »): once.
      rows.push(
        await run().catch((error: Error) => {
          process.stderr.write(`${error.message}\nLighthouse: ${page} (${preset}), once more…\n`);
          return run();
        }),
      );
    }
    console.log(`\n${table(rows)}\n`);
    for (const row of rows) {
      for (const loss of row.losses) console.log(`${row.page} (${row.preset}) ${loss}`);
      for (const request of row.offsite) console.log(`${row.page} (${row.preset}) requested off 127.0.0.1: ${request}`);
    }
    if (rows.every((row) => row.losses.length === 0 && row.offsite.length === 0))
      console.log("Every audit passed, and nothing was requested off 127.0.0.1.");
  } finally {
    await server.close();
    await built?.remove();
  }
});
