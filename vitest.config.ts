import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the project's own site once; output and browser tests read it.
    globalSetup: ["test/global-setup.ts"],
    // What test builds say is kept, not printed; a warning its test does not assert fails it.
    setupFiles: ["test/helpers/unexpected-warnings.ts"],
    // Eleventy imports .ts configs itself, outside Vite: the forks run with
    // NODE_OPTIONS="--import tsx" (see the test script in package.json).
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
