/**
 * The local Netlify stand-in applies `_redirects` rules the way Netlify
 * documents them, so tests of old addresses mean what they say.
 */
import { describe, expect, it } from "vitest";
import { matchRedirect, parseRedirects } from "../helpers/static-server.ts";

const rules = parseRedirects(`
# comments and blank lines are skipped

/              p=:id         /wp-id/:id/         301!
/blog/         id=:id tag=:t /tags/:t/:id/       302
/wp-id/12/                   /billets/un/        301
/vieux/*                     /neuf/:splat        301
/news/:year/:slug            /billets/:slug/
/a-propos/                   /ailleurs/          301
`);

const none = () => false;
const match = (url: string, exists: (path: string) => boolean = none) =>
  matchRedirect(rules, new URL(url, "http://127.0.0.1"), exists);

describe("_redirects rules", () => {
  it("reads paths, query conditions, targets, statuses and forcing", () => {
    expect(rules[0]).toEqual({ from: "/", query: [["p", ":id"]], to: "/wp-id/:id/", status: 301, force: true });
    expect(rules[1]).toEqual({
      from: "/blog/",
      query: [
        ["id", ":id"],
        ["tag", ":t"],
      ],
      to: "/tags/:t/:id/",
      status: 302,
      force: false,
    });
    expect(rules[4]!.status).toBe(301);
  });

  it("matches query parameters by placeholder, only when exactly those are present, and passes them on", () => {
    expect(match("/?p=12", () => true)).toEqual({ status: 301, location: "/wp-id/12/?p=12" });
    expect(match("/?p=12&utm=x")).toBeUndefined();
    expect(match("/")).toBeUndefined();
    expect(match("/blog/?tag=velo&id=3")).toEqual({ status: 302, location: "/tags/velo/3/?tag=velo&id=3" });
  });

  it("matches paths with or without their trailing slash, with placeholders and splats", () => {
    expect(match("/wp-id/12/?p=12")).toEqual({ status: 301, location: "/billets/un/?p=12" });
    expect(match("/wp-id/12")).toEqual({ status: 301, location: "/billets/un/" });
    expect(match("/vieux/a/b.html")).toEqual({ status: 301, location: "/neuf/a/b.html" });
    expect(match("/news/2013/neige")).toEqual({ status: 301, location: "/billets/neige/" });
    expect(match("/news/2013")).toBeUndefined();
  });

  it("lets an existing page win over a rule that is not forced", () => {
    expect(match("/a-propos/", (path) => path === "/a-propos/")).toBeUndefined();
    expect(match("/a-propos/")).toEqual({ status: 301, location: "/ailleurs/" });
  });
});
