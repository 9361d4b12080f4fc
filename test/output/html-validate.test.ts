/**
 * Every page of the built sample blog is valid HTML: html-validate's
 * recommended rules, zero errors.
 */
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { htmlPages } from "../helpers/html.ts";

const output = inject("siteOutput");

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Titles of opinion pieces are long by nature; search engines shorten
    // them as they need. This is a style preference, not validity.
    "long-title": "off",
    // Heading ids come from the heading's words, and a heading may start
    // with a number (« 1. Lire deux fois »): valid HTML5 ids.
    "valid-id": ["error", { relaxed: true }],
  },
});

describe("HTML validity", async () => {
  const pages = await htmlPages(output);

  it("found the pages to check", () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages)("%s has no errors", async (page) => {
    const report = await validator.validateFile(path.join(output, page));
    const errors = report.results.flatMap((result) =>
      result.messages.map((m) => `${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(errors).toEqual([]);
  });
});
