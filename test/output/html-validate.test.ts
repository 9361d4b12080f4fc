/**
 * Every page of the built sample blog is valid HTML: html-validate's
 * recommended rules, zero errors.
 */
import { describe, expect, inject, it } from "vitest";
import { htmlErrors } from "../helpers/checks.ts";
import { htmlPages } from "../helpers/html.ts";

const output = inject("siteOutput");

describe("HTML validity", async () => {
  const pages = await htmlPages(output);

  it("found the pages to check", () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages)("%s has no errors", async (page) => {
    expect(await htmlErrors(output, page)).toEqual([]);
  });
});
