/**
 * JSON-LD inside a <script> element: nothing in a title can end the
 * element, and the data means the same once parsed.
 */
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { resolveSiteConfig } from "../../plugins/config/resolve.ts";
import { authorProfiles, serializeJsonLd, type Graph } from "../../plugins/social/structured-data.ts";

const graph = (headline: string): Graph => ({
  "@context": "https://schema.org",
  "@graph": [
    {
      "@type": "BreadcrumbList",
      itemListElement: [{ "@type": "ListItem", position: 1, name: headline, item: "https://a.example/" }],
    },
  ],
});

describe("serializeJsonLd", () => {
  const nasty = `</script><script>alert("x")</script> <!-- & \u2028 \u2029 >`;

  it("writes no <, > or & and no line separator, yet parses back to the same data", () => {
    const json = serializeJsonLd(graph(nasty));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(graph(nasty));
  });

  it("stays one inert element inside an HTML page", () => {
    const html = `<head><script type="application/ld+json">${serializeJsonLd(graph(nasty))}</script></head>`;
    const root = parse(html);
    expect(root.querySelectorAll("script")).toHaveLength(1);
    expect(JSON.parse(root.querySelector("script")!.textContent)["@graph"][0].itemListElement[0].name).toBe(nasty);
  });
});

describe("authorProfiles", () => {
  it("lists the author's profiles, then GitHub and the fediverse, once each", () => {
    const site = resolveSiteConfig({
      title: "Blog",
      authors: {
        lea: {
          name: "Léa",
          github: "lea",
          fediverse: "@lea@piaille.fr",
          profiles: ["https://www.linkedin.com/in/lea", "https://piaille.fr/@lea"],
        },
      },
      categories: { opinion: { name: "Opinion" } },
    });
    expect(authorProfiles(site.defaultAuthor)).toEqual([
      "https://www.linkedin.com/in/lea",
      "https://piaille.fr/@lea",
      "https://github.com/lea",
    ]);
  });
});
