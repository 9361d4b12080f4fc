import type { Messages } from "../i18n/index.ts";

/**
 * Errors that carry a list of problems, one line each, in the form
 * `file: field: found …, expected …`.
 *
 * `skipOriginalStack` tells Eleventy's error handler to print the message
 * without a stack trace: these are the author's mistakes, not the program's.
 */
export class ProblemListError extends Error {
  readonly problems: string[];
  readonly skipOriginalStack = true;

  constructor(heading: string, problems: string[]) {
    super(`${heading}\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.problems = problems;
  }
}

/** Problems in site.config.ts, and in content/categories.yaml when it has some too. */
export class ConfigError extends ProblemListError {
  override name = "ConfigError";
  constructor(problems: string[], m: Messages) {
    const headings = m.t.problems.headings;
    const onlyConfig = problems.every((problem) => problem.startsWith(m.at("site.config.ts", "")));
    super(m.plural(onlyConfig ? headings.config : headings.configuration, problems.length), problems);
  }
}
