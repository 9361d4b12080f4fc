// ESLint's flat config: `npm run lint`, and the second step of `npm test`.
//
// Rules that find bugs, not a style (Prettier formats the code): ESLint's and
// typescript-eslint's recommended sets, the latter with type information
// (https://typescript-eslint.io/getting-started/typed-linting), plus a few
// type-aware rules picked below. The tree is clean: any finding fails.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["_site/", "_site.building-*/", "_site.previous-*/", ".cache/", ".bench/", "test-results/"]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      // One TypeScript program for the whole project, from tsconfig.json;
      // files it does not include (the few plain JavaScript ones) are linted
      // without type information (see below).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A union switched over without `default` must name every member: a
      // page kind or a failure mode added tomorrow is not silently skipped.
      // A `default` is a deliberate catch-all.
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // The code marks type-only imports already (verbatimModuleSyntax); this
      // also catches a class imported only for its type, which would load its
      // module (and its imports) for nothing.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      // Text from outside (front matter, WordPress exports, feeds) is cleaned
      // of control characters on purpose; the rule flags exactly those places.
      "no-control-regex": "off",
      // Names kept for what they document (`[, value]`, `_unused`) are fine.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      // tsc's noFallthroughCasesInSwitch (tsconfig.json) checks this with
      // types: it knows that process.exit() does not return.
      "no-fallthrough": "off",
    },
  },
  {
    // In tests, values read from built files (JSON.parse of a feed, a
    // search index, JSON-LD) are `any` and go straight into an expect(),
    // which is the check: typing each one would add casts and catch nothing.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    // Plain JavaScript: the entry points that load tsx, and Netlify's plugin.
    files: ["**/*.{js,mjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ["netlify/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
  },
]);
