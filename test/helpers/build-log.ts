/**
 * What the builds of a test file say, kept instead of printed. runEleventy
 * hands each build's Eleventy a sink in place of the console; since Billet's
 * plugins speak through Eleventy's logger (plugins/log), that is every line:
 * Eleventy's own (« Wrote 10 files »), Billet's progress (« Social cards:
 * 3 drawn ») and its warnings.
 *
 * Progress is kept for the tests that read it (takeLines). A warning is a
 * finding: the test that expects one takes it (takeWarnings) and asserts it;
 * a test that ends with a warning nobody took fails, naming it (see
 * ./unexpected-warnings.ts, run before every test file).
 */
import { stripVTControlCharacters } from "node:util";
import type { EleventyLogSink } from "@11ty/eleventy";

/** The lines one build said, by kind, without Eleventy's colours. */
export interface BuildLines {
  /** `[billet] Comments: …`, and Eleventy's own warnings. */
  warnings: string[];
  /** Eleventy's report of an error, which it also throws. */
  errors: string[];
  /** The rest: progress and Eleventy's summary. */
  lines: string[];
}

const warnings: string[] = [];
const lines: string[] = [];

/** A sink for one build's Eleventy logger, and what it was told. */
export function buildSink(): { sink: EleventyLogSink; said: BuildLines } {
  const said: BuildLines = { warnings: [], errors: [], lines: [] };
  const keep = (into: string[]) => (text: unknown) => {
    into.push(...stripVTControlCharacters(String(text)).split("\n"));
  };
  const sink = { log: keep(said.lines), info: keep(said.lines), warn: keep(said.warnings), error: keep(said.errors) };
  return { sink, said };
}

/**
 * Adds a build's lines to those of the test under way. The report of an
 * error that the build threw is left out: the test gets the error itself.
 */
export function record(said: BuildLines, threw: boolean): void {
  warnings.push(...said.warnings, ...(threw ? [] : said.errors));
  lines.push(...said.lines);
}

/** The warnings said since the last call, taken: the test asserts them. */
export function takeWarnings(): string[] {
  return warnings.splice(0);
}

/** The other lines said since the last call (progress, Eleventy's summary), taken. */
export function takeLines(): string[] {
  return lines.splice(0);
}
