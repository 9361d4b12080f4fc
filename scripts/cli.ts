/**
 * Shared by the command-line tools: the author's mistakes are printed as the
 * list of problems they are, without a stack trace, and exit with code 1.
 */
import { ProblemListError } from "../plugins/problems/errors.ts";

export class UsageError extends Error {
  override name = "UsageError";
}

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ProblemListError) {
      console.error(error.message);
      process.exitCode = 1;
    } else if (error instanceof UsageError) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      throw error;
    }
  }
}
