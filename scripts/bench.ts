/**
 * Benchmark: how much slower (and bigger) is a Billet build than bare
 * Eleventy on the same Markdown?
 *
 *   npm run bench -- --posts 1000
 *   npm run bench -- --posts 1000,4000,16000 --runs 5 --keep
 *
 * For each size, generates N French posts (deterministic for a seed) in a
 * temporary folder, then builds them R times with the full Billet pipeline
 * and R times with bare Eleventy (same .md files, no config), alternating,
 * each build in its own Node process. Reports median wall time (spawn to
 * exit, Node start-up included) and median peak RSS, and ends with
 * `ratio X.XX at N posts` (Billet time / bare time, largest size).
 *
 * Before the timed runs, each is built once untimed (`--warm`, the
 * default): Billet's first build fills its caches (social cards are drawn
 * once, then reused), as on an author's machine or a build server that
 * keeps `.cache/`. That cold build is reported on its own line;
 * `--no-warm` times from an empty cache instead.
 *
 *   npm run bench -- --edit --posts 1000
 *
 * `--edit` times the author's preview instead (`npm start`, on the same
 * generated site): from starting it to its home page answering, then, R
 * times each, a post's body edited, its title edited, a post added, a post
 * deleted, each from the file saved to the preview serving the change over
 * HTTP (scripts/bench/edits.ts). Each is reported in seconds and as a
 * fraction of a production build of the same site, measured in the same
 * run as above (Billet only: no bare build), and the output ends with
 * `preview/build start X body X title X new X deleted X at N posts`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { readFile, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EDIT_KINDS, restoreFilesSync, timeEdits, type EditKind, type EditTimes } from "./bench/edits.ts";
import { generateSite, type GeneratedSite } from "./bench/generate.ts";
import { PreviewError, previews } from "./bench/preview.ts";
import { running, runBuild, type RunResult } from "./bench/run.ts";
import { outputStats, siteFolders, writeSites, type OutputStats, type SiteFolders } from "./bench/sites.ts";

const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
const ELEVENTY_CLI = path.join(PROJECT_ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const BUILD_SCRIPT = path.join(PROJECT_ROOT, "scripts", "run.mjs");
const USAGE =
  "usage: npm run bench -- [--edit] [--posts N[,N…]] [--runs R] [--seed S] [--keep] [--warm|--no-warm]  (defaults: --posts 1000 --runs 3 --seed 1 --warm)";

interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  keep: boolean;
  /** Build each site once, untimed, before the timed runs. */
  warm: boolean;
  /** Time the preview (`npm start`) and its edits instead of comparing with bare Eleventy. */
  edit: boolean;
}

class UsageError extends Error {}
/** A failure the user can act on: printed as is, without a stack trace. */
class BenchError extends Error {}

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: [1000], runs: 3, seed: 1, keep: false, warm: true, edit: false };
  const wholeNumber = (flag: string, text: string | undefined, min: number): number => {
    if (text === undefined || !/^\d+$/.test(text.trim()) || Number(text) < min) {
      throw new UsageError(
        `${flag} expects a whole number of at least ${min}, got ${text === undefined ? "nothing" : JSON.stringify(text)}`,
      );
    }
    return Number(text);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--posts": {
        const text = value();
        if (text === undefined || text.trim() === "")
          throw new UsageError("--posts expects a number of posts or a comma list, got nothing");
        options.sizes = text.split(",").map((part) => wholeNumber("--posts", part, 1));
        break;
      }
      case "--runs":
        options.runs = wholeNumber("--runs", value(), 1);
        break;
      case "--seed":
        options.seed = wholeNumber("--seed", value(), 0);
        break;
      case "--keep":
        if (inline !== undefined) throw new UsageError("--keep takes no value");
        options.keep = true;
        break;
      case "--edit":
        if (inline !== undefined) throw new UsageError("--edit takes no value");
        options.edit = true;
        break;
      case "--warm":
      case "--no-warm":
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
        options.warm = flag === "--warm";
        break;
      case "--help":
      case "-h":
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
      default:
        throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------- figures

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? a / b : undefined;
const mb = (bytes: number) => bytes / (1024 * 1024);
const fmtMb = (bytes: number | undefined) => (bytes === undefined ? "n/a" : `${mb(bytes).toFixed(0)} MB`);
const fmtS = (seconds: number) => `${seconds.toFixed(2)} s`;
const fmtCpu = (seconds: number | undefined) => (seconds === undefined ? "n/a" : `${seconds.toFixed(1)} s`);

interface BuildSummary {
  times: number[];
  medianSeconds: number;
  medianPeakRss: number | undefined;
  medianHelpersRss: number;
  medianCpuSeconds: number | undefined;
  output: OutputStats;
}

/** The untimed first builds, when `--warm`. */
interface WarmUp {
  billet: RunResult;
  bare: RunResult;
  /** Social cards the cold Billet build drew, from its own report line. */
  cardsDrawn: number;
}

interface SizeResult {
  posts: number;
  warmUp: WarmUp | undefined;
  words: number;
  markdownBytes: number;
  billet: BuildSummary;
  bare: BuildSummary;
  timeRatio: number;
  memoryRatio: number | undefined;
  cpuRatio: number | undefined;
}

function summarize(results: RunResult[], output: OutputStats): BuildSummary {
  const peaks = results.map((r) => r.peakRss).filter((v): v is number => v !== undefined);
  const cpu = results.map((r) => r.cpuSeconds).filter((v): v is number => v !== undefined);
  return {
    times: results.map((r) => r.seconds),
    medianSeconds: median(results.map((r) => r.seconds)),
    medianPeakRss: peaks.length > 0 ? median(peaks) : undefined,
    medianHelpersRss: median(results.map((r) => r.helpersRss)),
    medianCpuSeconds: cpu.length > 0 ? median(cpu) : undefined,
    output,
  };
}

// ---------------------------------------------------------------- building

const progress = (line: string) => process.stderr.write(`${line}\n`);

function failure(label: string, posts: number, run: number, result: RunResult): BenchError {
  const how = result.signal ? `killed by ${result.signal}` : `exit code ${result.code}`;
  const output = result.stderrTail.trim() || result.stdoutTail.trim();
  const lines = output
    .split("\n")
    .slice(-40)
    .map((line) => `  | ${line}`);
  return new BenchError(
    [
      `the ${label} build failed at ${posts} posts (run ${run}, ${how}). Last lines of its output:`,
      ...(lines.length ? lines : ["  | (nothing)"]),
    ].join("\n"),
  );
}

/**
 * Moves a build's previous output out of the way, untimed, so that every
 * build writes a folder that never existed, as on a build server's fresh
 * checkout. The old folders are deleted once the size's timed runs are over
 * (`removeOldOutputs`), then flushed to disk: this disk is much slower at
 * creating files and folders while it is still freeing thousands of deleted
 * ones (4,000 pages: 1.4 s into a new folder, 3 to 4.6 s into one just
 * emptied, even after a sync), which made whichever build starts writing
 * sooner (bare Eleventy) pay for it.
 */
const oldOutputs: string[] = [];
async function clearOutput(folder: string): Promise<void> {
  const old = `${folder}-old-${oldOutputs.length}`;
  try {
    await rename(folder, old);
    oldOutputs.push(old);
  } catch {
    // Nothing there yet.
  }
  settleDisk();
}

async function removeOldOutputs(): Promise<void> {
  await Promise.all(oldOutputs.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  settleDisk();
}

/** Waits for the disk to write what is pending (Linux and macOS `sync`). */
function settleDisk(): void {
  if (process.platform !== "win32") spawnSync("sync", { stdio: "ignore" });
}

async function buildBillet(folders: SiteFolders, posts: number, run: number): Promise<RunResult> {
  await clearOutput(folders.billet.output);
  // Exactly what `npm run build` runs (`node scripts/run.mjs`), from the
  // site's own folder, as an author runs it (and as bare Eleventy runs from
  // its own): Eleventy names every file relative to the working folder, and
  // works on those names thousands of times, so a site reached through
  // `../../tmp/…` costs it about 0.25 s more at 4,000 posts than one in
  // `./content`. The script resolves Billet's own modules from where it lies.
  const result = await runBuild({
    nodeFlags: [],
    script: BUILD_SCRIPT,
    args: [`--config=${folders.billet.config}`],
    cwd: folders.billet.dir,
    probeFile: path.join(folders.root, `rss-billet-${run}.json`),
  });
  if (result.code !== 0) throw failure("Billet", posts, run, result);
  return result;
}

async function buildBare(folders: SiteFolders, posts: number, run: number): Promise<RunResult> {
  await clearOutput(folders.bare.output);
  // Run from the bare folder, which holds no other configuration. --quiet
  // because Billet's config sets quiet mode too: no line per written file.
  const result = await runBuild({
    nodeFlags: [],
    script: ELEVENTY_CLI,
    args: [
      `--input=${folders.bare.input}`,
      `--output=${folders.bare.output}`,
      "--formats=md",
      `--config=${folders.bare.config}`,
      "--quiet",
    ],
    cwd: folders.bare.dir,
    probeFile: path.join(folders.root, `rss-bare-${run}.json`),
  });
  if (result.code !== 0) throw failure("bare Eleventy", posts, run, result);
  return result;
}

/** Checks that both builds wrote what they should, so that the ratio compares like with like. */
function checkOutputs(
  posts: number,
  billet: OutputStats,
  bare: OutputStats,
  firstSlug: string,
  bareFirstPage: string,
): void {
  if (billet.postPages !== posts) {
    throw new BenchError(
      `the Billet build wrote ${billet.postPages} post pages for ${posts} generated posts (expected all of them)`,
    );
  }
  if (bare.pages !== posts) {
    throw new BenchError(
      `the bare Eleventy build wrote ${bare.pages} pages for ${posts} posts (expected exactly one per post)`,
    );
  }
  const foreign = bare.top.filter(
    (name) => name !== firstSlug && /^(assets|billets|categories|etiquettes|archives|404\.html)$/.test(name),
  );
  if (foreign.length > 0 || /<!doctype|<html/i.test(bareFirstPage)) {
    throw new BenchError(
      `the bare Eleventy build looks like a Billet build (it wrote ${foreign.join(", ") || "full HTML documents"}): it picked up a configuration`,
    );
  }
}

interface PreparedSite {
  folders: SiteFolders;
  site: GeneratedSite;
  words: number;
  markdownBytes: number;
}

async function prepareSite(root: string, posts: number, options: Options): Promise<PreparedSite> {
  const folders = siteFolders(path.join(root, `posts-${posts}`));
  progress(`${posts} posts: generating…`);
  const site = generateSite(posts, options.seed);
  await writeSites(folders, site, PROJECT_ROOT);
  const markdownBytes = site.posts.reduce((n, post) => n + Buffer.byteLength(post.text), 0);
  const words = site.posts.reduce((n, post) => n + post.words, 0);
  return { folders, site, words, markdownBytes };
}

/** Social cards kept in a Billet site's cache (plugins/social: `.cache/social-cards/<hash>.png`). */
function cardsInCache(siteDir: string): number {
  try {
    return readdirSync(path.join(siteDir, ".cache", "social-cards")).filter((name) => name.endsWith(".png")).length;
  } catch {
    return 0;
  }
}

async function benchSize(root: string, posts: number, options: Options): Promise<SizeResult> {
  const { folders, site, words, markdownBytes } = await prepareSite(root, posts, options);

  let warmUp: WarmUp | undefined;
  if (options.warm) {
    const billet = await buildBillet(folders, posts, 0);
    const bare = await buildBare(folders, posts, 0);
    // The cold build starts from an empty cache: every card in it was drawn by that build.
    const cardsDrawn = cardsInCache(folders.billet.dir);
    warmUp = { billet, bare, cardsDrawn };
    progress(
      `  warm-up (untimed): Billet cold ${fmtS(billet.seconds)} (CPU ${fmtCpu(billet.cpuSeconds)}, ${cardsDrawn} social cards drawn) · bare ${fmtS(bare.seconds)}`,
    );
  }

  const billetRuns: RunResult[] = [];
  const bareRuns: RunResult[] = [];
  for (let run = 1; run <= options.runs; run++) {
    // Alternating, and swapping the order every other run (ABBA), so that
    // neither build always runs on the warmer or the noisier side.
    const order = run % 2 === 1 ? (["billet", "bare"] as const) : (["bare", "billet"] as const);
    for (const which of order) {
      if (which === "billet") billetRuns.push(await buildBillet(folders, posts, run));
      else bareRuns.push(await buildBare(folders, posts, run));
    }
    const b = billetRuns.at(-1)!;
    const e = bareRuns.at(-1)!;
    progress(
      `  run ${run}/${options.runs}: Billet ${fmtS(b.seconds)} (CPU ${fmtCpu(b.cpuSeconds)}), ${fmtMb(b.peakRss)} · bare ${fmtS(e.seconds)} (CPU ${fmtCpu(e.cpuSeconds)}), ${fmtMb(e.peakRss)}`,
    );
  }

  const billetOutput = await outputStats(folders.billet.output);
  const bareOutput = await outputStats(folders.bare.output);
  const firstSlug = path.basename(site.posts[0]!.path, ".md");
  const bareFirstPage = await readFile(path.join(folders.bare.output, firstSlug, "index.html"), "utf8").catch(() => "");
  checkOutputs(posts, billetOutput, bareOutput, firstSlug, bareFirstPage);

  await removeOldOutputs();

  const billet = summarize(billetRuns, billetOutput);
  const bare = summarize(bareRuns, bareOutput);
  return {
    posts,
    warmUp,
    words,
    markdownBytes,
    billet,
    bare,
    timeRatio: billet.medianSeconds / bare.medianSeconds,
    memoryRatio: ratio(billet.medianPeakRss, bare.medianPeakRss),
    cpuRatio: ratio(billet.medianCpuSeconds, bare.medianCpuSeconds),
  };
}

interface EditResult {
  posts: number;
  words: number;
  markdownBytes: number;
  /** Billet's production builds: the cold one (with `--warm`), then the timed runs. */
  cold: RunResult | undefined;
  build: BuildSummary;
  preview: EditTimes;
}

/** `--edit`: Billet's production build (as the yardstick), then the preview and its edits. */
async function editSize(root: string, posts: number, options: Options): Promise<EditResult> {
  const { folders, site, words, markdownBytes } = await prepareSite(root, posts, options);
  const cold = options.warm ? await buildBillet(folders, posts, 0) : undefined;
  if (cold) progress(`  warm-up (untimed): Billet cold ${fmtS(cold.seconds)} (CPU ${fmtCpu(cold.cpuSeconds)})`);
  const runs: RunResult[] = [];
  for (let run = 1; run <= options.runs; run++) {
    const result = await buildBillet(folders, posts, run);
    runs.push(result);
    progress(
      `  build ${run}/${options.runs}: Billet ${fmtS(result.seconds)} (CPU ${fmtCpu(result.cpuSeconds)}), ${fmtMb(result.peakRss)}`,
    );
  }
  const output = await outputStats(folders.billet.output);
  if (output.postPages !== posts) {
    throw new BenchError(
      `the Billet build wrote ${output.postPages} post pages for ${posts} generated posts (expected all of them)`,
    );
  }
  await removeOldOutputs();
  const build = summarize(runs, output);

  const preview = await timeEdits({
    script: BUILD_SCRIPT,
    config: folders.billet.config,
    siteDir: folders.billet.dir,
    contentDir: folders.billet.content,
    site,
    runs: options.runs,
    // Generous: a machine busy with other work, a preview that rebuilds everything.
    startTimeoutMs: Math.max(120_000, 10_000 * build.medianSeconds),
    timeoutMs: Math.max(30_000, 3_000 * build.medianSeconds),
    progress,
  });
  return { posts, words, markdownBytes, cold, build, preview };
}

// ---------------------------------------------------------------- report

const EDIT_LABELS: Record<EditKind, string> = {
  body: "a post's body edited: its page shows the new text",
  title: "a post's title edited: its page, the home page and its category's page show it",
  new: "a post added: its page answers, the home page lists it",
  deleted: "a post deleted: its page answers 404, the home page no longer lists it",
};

/** Median seconds of each measure of the preview, `start` first; undefined for an edit never served. */
function previewMedians(result: EditResult): Array<[name: "start" | EditKind, seconds: number | undefined]> {
  const { edits } = result.preview;
  return [
    ["start", result.preview.startSeconds],
    ...EDIT_KINDS.map((kind): [EditKind, number | undefined] => [
      kind,
      edits[kind].length > 0 ? median(edits[kind]) : undefined,
    ]),
  ];
}

/** The last line of `--edit`: each measure's median over the build's, `missed` for an edit never served. */
function editLastLine(result: EditResult): string {
  const ratios = previewMedians(result).map(
    ([name, seconds]) =>
      `${name} ${seconds === undefined ? "missed" : (seconds / result.build.medianSeconds).toFixed(2)}`,
  );
  return `preview/build ${ratios.join(" ")} at ${result.posts} posts`;
}

function editReport(result: EditResult, options: Options): string {
  const build = result.build.medianSeconds;
  const plural = options.runs === 1 ? "1 run" : `${options.runs} runs`;
  const row = (name: string, seconds: number | undefined, what: string, runs?: number[]) => {
    const figures =
      seconds === undefined
        ? "not served".padStart(9 + 3 + 13)
        : `${fmtS(seconds).padStart(9)}   ${`${(seconds / build).toFixed(2)} × build`.padStart(13)}`;
    return `  ${name.padEnd(8)} ${figures}   ${what}${runs?.length ? ` (runs ${runs.map((t) => t.toFixed(2)).join(" ")} s)` : ""}`;
  };
  return [
    `${result.posts} posts — the preview (npm start): ${plural} of each edit, from the file saved to the change served over HTTP, medians (seed ${options.seed})`,
    `  sources  ${result.posts} posts + 3 pages, ${result.words} words, ${mb(result.markdownBytes).toFixed(1)} MB of Markdown`,
    `  build    ${fmtS(build).padStart(9)}   production build (npm run build), median of ${plural}${result.cold ? ` after a warm-up build (cold ${fmtS(result.cold.seconds)})` : ", from empty caches"}: the yardstick`,
    row(
      "start",
      result.preview.startSeconds,
      "from starting the preview to its home page answering, with the posts listed",
    ),
    ...EDIT_KINDS.flatMap((kind) => {
      const runs = result.preview.edits[kind];
      const missed = result.preview.missed[kind];
      return [
        row(kind, runs.length > 0 ? median(runs) : undefined, EDIT_LABELS[kind], runs),
        ...(missed.length > 0
          ? [
              `           ${missed.length} of ${plural} not served: ${missed[0]}${missed.length > 1 ? " (and alike)" : ""}`,
            ]
          : []),
      ];
    }),
  ].join("\n");
}

function report(result: SizeResult, options: Options): string {
  const { billet, bare } = result;
  const helpers = billet.medianHelpersRss > 0 ? ` (+ ${fmtMb(billet.medianHelpersRss)} in esbuild's process)` : "";
  const times = (s: BuildSummary) => s.times.map((t) => t.toFixed(2)).join(" ");
  const plural = options.runs === 1 ? "1 run" : `${options.runs} runs`;
  const { warmUp } = result;
  const warmLine = warmUp
    ? `  cold     ${fmtS(warmUp.billet.seconds).padStart(9)}   CPU ${fmtCpu(warmUp.billet.cpuSeconds).padStart(7)}   peak ${fmtMb(warmUp.billet.peakRss).padStart(7)}   Billet's first build, empty caches (${warmUp.cardsDrawn} social cards drawn); untimed warm-up, not in the ratio`
    : `  cold     timed runs start from empty caches (--no-warm): the first Billet run draws the social cards`;
  // CPU time (user + system, main process) is less disturbed than wall time by other work on a shared machine.
  return [
    `${result.posts} posts — ${plural} of each build after ${warmUp ? "a warm-up build of each" : "no warm-up"}, medians (seed ${options.seed})`,
    `  sources  ${result.posts} posts + 3 pages, ${result.words} words, ${mb(result.markdownBytes).toFixed(1)} MB of Markdown`,
    `  Billet   ${fmtS(billet.medianSeconds).padStart(9)}   CPU ${fmtCpu(billet.medianCpuSeconds).padStart(7)}   peak ${fmtMb(billet.medianPeakRss).padStart(7)}${helpers}   wrote ${billet.output.pages} pages (${billet.output.postPages} posts), ${mb(billet.output.bytes).toFixed(1)} MB`,
    `  bare     ${fmtS(bare.medianSeconds).padStart(9)}   CPU ${fmtCpu(bare.medianCpuSeconds).padStart(7)}   peak ${fmtMb(bare.medianPeakRss).padStart(7)}   wrote ${bare.output.pages} pages, ${mb(bare.output.bytes).toFixed(1)} MB`,
    `  runs     Billet ${times(billet)} s · bare ${times(bare)} s (wall time)`,
    warmLine,
    `  Billet/bare: time ${result.timeRatio.toFixed(2)} ×, peak memory ${result.memoryRatio?.toFixed(2) ?? "n/a"} ×, CPU ${result.cpuRatio?.toFixed(2) ?? "n/a"} ×`,
  ].join("\n");
}

function summaryTable(results: SizeResult[]): string {
  const rows = results.map((r) =>
    [
      String(r.posts).padStart(6),
      fmtS(r.billet.medianSeconds).padStart(9),
      fmtS(r.bare.medianSeconds).padStart(9),
      `${r.timeRatio.toFixed(2)} ×`.padStart(8),
      fmtMb(r.billet.medianPeakRss).padStart(8),
      fmtMb(r.bare.medianPeakRss).padStart(8),
      `${r.memoryRatio?.toFixed(2) ?? "n/a"} ×`.padStart(8),
    ].join("  "),
  );
  return ["Summary (medians)", " posts     Billet       bare     time    Billet      bare    memory", ...rows].join(
    "\n",
  );
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bench: ${error.message}. ${USAGE}\n`);
      process.exit(2);
    }
    throw error;
  }

  const root = mkdtempSync(path.join(os.tmpdir(), "billet-bench-"));
  let keep = options.keep;
  const interrupt = () => {
    for (const child of running) child.kill("SIGTERM");
    for (const preview of previews) preview.kill();
    restoreFilesSync();
    if (!keep) rmSync(root, { recursive: true, force: true });
    process.stderr.write(`bench: interrupted${keep ? `; files kept in ${root}` : ""}\n`);
    process.exit(130);
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);

  try {
    if (options.edit) {
      const results: EditResult[] = [];
      for (const posts of options.sizes) {
        const result = await editSize(root, posts, options);
        results.push(result);
        process.stdout.write(`${editReport(result, options)}\n\n`);
      }
      if (options.keep) process.stdout.write(`Kept the generated sites and their builds in ${root}\n`);
      const largest = results.reduce((a, b) => (b.posts > a.posts ? b : a));
      if (results.some((result) => EDIT_KINDS.some((kind) => result.preview.missed[kind].length > 0))) {
        process.stderr.write("bench: the preview did not serve every change in the time given (see above)\n");
        process.exitCode = 1;
      }
      process.stdout.write(`${editLastLine(largest)}\n`);
      return;
    }
    const results: SizeResult[] = [];
    for (const posts of options.sizes) {
      const result = await benchSize(root, posts, options);
      results.push(result);
      process.stdout.write(`${report(result, options)}\n\n`);
    }
    if (results.length > 1) process.stdout.write(`${summaryTable(results)}\n\n`);
    if (options.keep) process.stdout.write(`Kept the generated sites and their builds in ${root}\n`);
    const largest = results.reduce((a, b) => (b.posts > a.posts ? b : a));
    process.stdout.write(`ratio ${largest.timeRatio.toFixed(2)} at ${largest.posts} posts\n`);
  } catch (error) {
    if (!(error instanceof BenchError || error instanceof PreviewError)) throw error;
    // Keep the evidence of a failed build.
    keep = true;
    process.stderr.write(`bench: ${error.message}\nbench: the generated sites are kept in ${root}\n`);
    process.exitCode = 1;
  } finally {
    if (!keep) await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
