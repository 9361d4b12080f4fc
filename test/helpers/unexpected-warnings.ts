/**
 * Run before every test file (vitest.config.ts, setupFiles). A warning that
 * a test's builds said and the test did not take to assert (takeWarnings in
 * ./build-log.ts) fails that test, naming the warning: a test that expects
 * a warning asserts it, and the others stay quiet. The builds run without
 * the developer's GitHub token and giscus variables.
 */
import { afterEach, expect } from "vitest";
import { takeLines, takeWarnings } from "./build-log.ts";

// Test builds never see the developer's own GitHub token or giscus settings.
for (const name of Object.keys(process.env)) {
  if (name === "GITHUB_TOKEN" || name.startsWith("GISCUS_")) delete process.env[name];
}

afterEach(() => {
  takeLines();
  expect(takeWarnings(), "warnings of this test's builds that it does not assert").toEqual([]);
});
