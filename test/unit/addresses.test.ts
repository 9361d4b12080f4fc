import { describe, expect, it } from "vitest";
import { isLinkTarget, isSitePath, isWebAddress, pagePathProblem } from "../../plugins/config/addresses.ts";

/** Addresses a browser resolves to another host, though they start like a path. */
const LEAVING = [
  "//evil.example",
  "//evil.example/contact/",
  "/\\evil.example",
  "\\\\evil",
  "\\/evil.example",
  "/\\/evil",
  "/\t/evil.example",
  "/\n/evil.example",
  " //evil.example",
];

describe("is this a path on the site", () => {
  it("takes the paths a browser keeps on the site", () => {
    for (const path of ["/", "/archives/", "/contact/merci/", "/images/logo.svg", "/a?b=1#c", "/catégories/"])
      expect(isSitePath(path), path).toBe(true);
  });

  it("refuses what leaves it, with or without backslashes and control characters", () => {
    for (const address of LEAVING) {
      expect(isSitePath(address), JSON.stringify(address)).toBe(false);
      expect(isLinkTarget(address), JSON.stringify(address)).toBe(false);
    }
  });

  it("refuses relative paths and other schemes", () => {
    for (const address of ["contact/", "./contact/", "javascript:alert(1)", "https://x.example/", "mailto:a@b.fr", ""])
      expect(isSitePath(address), address).toBe(false);
    expect(isSitePath(undefined)).toBe(false);
  });

  it("lets links also go to absolute http(s) and mailto addresses, and nothing else", () => {
    for (const link of ["https://www.linkedin.com/in/lea", "http://exemple.fr", "mailto:lea@exemple.fr", "/contact/"])
      expect(isLinkTarget(link), link).toBe(true);
    for (const link of ["javascript:alert(1)", "data:text/html,x", "https:evil.example", "https://", "ftp://x.fr/"])
      expect(isLinkTarget(link), link).toBe(false);
    expect(isWebAddress("http://x.fr/", { https: true })).toBe(false);
    expect(isWebAddress("https://x.fr/", { https: true })).toBe(true);
  });
});

describe("a path that names a page", () => {
  it("is on the site, in its plain form", () => {
    expect(pagePathProblem("/contact/merci/")).toBeUndefined();
    expect(pagePathProblem("/billets/x/")).toBeUndefined();
    expect(pagePathProblem("/a/page.html")).toBeUndefined();
    expect(pagePathProblem("/v1.2/")).toBeUndefined();
    expect(pagePathProblem("/.../")).toBeUndefined();
    // Letters beyond ASCII are kept as written (the browser sends them encoded).
    expect(pagePathProblem("/à-propos/")).toBeUndefined();
    expect(pagePathProblem("/billets/漢字/")).toBeUndefined();
  });

  it("has no dot segments, written plainly or encoded", () => {
    for (const path of ["/a/../b/", "/a/./b/", "/../", "/./", "/a/..", "/a/%2e%2e/b/", "/a/%2E/b/", "/.%2e/"])
      expect(pagePathProblem(path), path).toBe("dot-segment");
  });

  it("leaves nothing to the browser to rewrite, and never another host", () => {
    for (const path of ["/a b/", "/a?x", "/a#x"]) expect(pagePathProblem(path), path).not.toBeUndefined();
    for (const address of LEAVING) expect(pagePathProblem(address), JSON.stringify(address)).toBe("not-a-path");
  });
});
