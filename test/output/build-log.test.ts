/**
 * What the build of the sample blog says: one warning, the widget's, since
 * site.config.ts leaves the giscus ids to be filled in. Anything else it
 * warns about is a problem of the sample.
 */
import { describe, expect, inject, it } from "vitest";

describe("the sample blog's build", () => {
  it("warns only that the giscus widget waits for its ids", () => {
    expect(inject("siteWarnings")).toEqual([
      expect.stringMatching(
        /^\[billet\] Commentaires\u00A0: le widget giscus est éteint, car site\.config\.ts ne donne pas comments\.repoId/,
      ),
    ]);
  });
});
