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

export class ConfigError extends ProblemListError {
  override name = "ConfigError";
  constructor(problems: string[]) {
    super(`site.config.ts has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:`, problems);
  }
}
