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
  constructor(problems: string[]) {
    const count = problems.length === 1 ? "a problem" : `${problems.length} problems`;
    const onlyConfig = problems.every((problem) => problem.startsWith("site.config.ts: "));
    super(`${onlyConfig ? "site.config.ts" : "The site's configuration"} has ${count}:`, problems);
  }
}
