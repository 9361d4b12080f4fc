/**
 * `npm run build`: Eleventy, run through its programmatic API so that an
 * author's mistake is reported once, as the list of problems it is, with
 * exit code 1 and no stack trace. (`npm start` is scripts/preview.ts.)
 *
 *   node scripts/run.mjs [--config eleventy.config.ts]
 *
 * (scripts/run.mjs loads Eleventy, then tsx's loader, then this file.)
 */
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { ProblemListError } from "../plugins/problems/errors.ts";
import { UsageError } from "./cli.ts";

const { values } = parseArgs({
  options: {
    config: { type: "string", default: "eleventy.config.ts" },
    quiet: { type: "boolean" },
  },
});

/** The author-facing error inside whatever Eleventy wrapped it in, if there is one. */
function problemList(error: unknown): ProblemListError | undefined {
  type Wrapped = { originalError?: unknown; cause?: unknown } | null | undefined;
  for (let current = error as Wrapped; current; current = (current.originalError ?? current.cause) as Wrapped) {
    if (current instanceof ProblemListError) return current;
  }
  return undefined;
}

try {
  const eleventy = new Eleventy(undefined, undefined, {
    configPath: values.config,
    runMode: "build",
    quietMode: values.quiet,
  });
  // The author's problems are printed below, as the list they are. Eleventy
  // would print them first, inside its own heading ("Problem writing
  // Eleventy templates", "(via ContentError)"), then "Wrote 0 files": once
  // they stop the build, Eleventy says nothing more.
  const errors = eleventy.errorHandler;
  const logOnce = errors.once.bind(errors);
  errors.once = (type, error, message) => {
    if (problemList(error)) eleventy.disableLogger();
    else logOnce(type, error, message);
  };
  await eleventy.init();
  await eleventy.write();
} catch (error) {
  process.exitCode = error instanceof UsageError ? 2 : 1;
  const problems = problemList(error);
  if ((error as { __errorAlreadyLogged?: boolean }).__errorAlreadyLogged) {
    // Eleventy has printed it already (a build holds back only the author's problems).
  } else if (problems || error instanceof UsageError) {
    console.error((problems ?? (error as Error)).message);
  } else {
    throw error;
  }
}
