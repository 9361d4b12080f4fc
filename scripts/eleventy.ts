/**
 * `npm run build` and `npm start`: Eleventy, run through its programmatic
 * API so that an author's mistake is reported once, as the list of problems
 * it is, with exit code 1 and no stack trace.
 *
 *   node scripts/run.mjs [--serve] [--port 8080] [--config eleventy.config.ts]
 *
 * (scripts/run.mjs loads Eleventy, then tsx's loader, then this file.)
 */
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { ProblemListError } from "../plugins/problems/errors.ts";
import { UsageError } from "./cli.ts";

const { values } = parseArgs({
  options: {
    serve: { type: "boolean", default: false },
    port: { type: "string", default: "8080" },
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
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`--port: found "${values.port}", expected a port number`);
  const eleventy = new Eleventy(undefined, undefined, {
    configPath: values.config,
    runMode: values.serve ? "serve" : "build",
    quietMode: values.quiet,
  });
  if (!values.serve) {
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
  }
  await eleventy.init();
  if (values.serve) {
    await eleventy.watch();
    await eleventy.serve(port);
    process.on("SIGINT", () => {
      void eleventy.stopWatch().then(() => process.exit(0));
    });
  } else {
    await eleventy.write();
  }
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
