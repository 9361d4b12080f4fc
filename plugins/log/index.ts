/**
 * What a build tells whoever runs it, one line each, prefixed `[billet]`:
 * through Eleventy's own logger (`eleventyConfig.logger`, as Eleventy's
 * plugins do), so that whoever runs Eleventy decides where the lines go:
 * the terminal for `npm run build`, a list that a test reads and checks.
 */
import type { EleventyConfig, EleventyLogOptions } from "@11ty/eleventy";

export interface BuildLog {
  /** Something the author should know or act on (comments off, GitHub unreachable). */
  warn: (message: string) => void;
  /** What the build did (cards drawn, bodies rendered ahead). */
  info: (message: string) => void;
}

const PREFIX = "[billet]";

export function buildLog(eleventyConfig: EleventyConfig): BuildLog {
  const say = (message: string, type: NonNullable<EleventyLogOptions["type"]>) => {
    // Read at each line: Eleventy sets its logger before it runs the config,
    // and a build may be given another one.
    const logger = eleventyConfig.logger;
    // Printed in quiet mode too, which Billet's config turns on (no line per written file).
    if (logger) logger.logWithOptions({ message, type, prefix: PREFIX, force: true });
    else console[type](`${PREFIX} ${message}`);
  };
  return { warn: (message) => say(message, "warn"), info: (message) => say(message, "log") };
}

/** Lines said before Eleventy runs, or without it (`npm run check`): to the console. */
export const consoleLog: BuildLog = {
  warn: (message) => console.warn(`${PREFIX} ${message}`),
  info: (message) => console.log(`${PREFIX} ${message}`),
};
