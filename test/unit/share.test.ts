/**
 * Share links and the Mastodon instance a reader types: pure functions.
 */
import { describe, expect, it } from "vitest";
import {
  instanceHost,
  isLinkNetwork,
  mastodonShareUrl,
  SHARE_NETWORKS,
  shareLink,
} from "../../plugins/social/networks.ts";

const page = { title: `Un titre « risqué » & <b>gras</b> #1 ?`, url: "https://blog.example/billets/un-titre/?a=1&b=2" };

describe("share links", () => {
  it("carry the title and the address, encoded, so they come back intact", () => {
    const decoded = SHARE_NETWORKS.filter(isLinkNetwork).map((network) => {
      const link = shareLink(network, page);
      const query = link.startsWith("mailto:") ? link.slice("mailto:?".length) : new URL(link).search.slice(1);
      return [network, Object.fromEntries(new URLSearchParams(query))];
    });
    expect(Object.fromEntries(decoded)).toEqual({
      linkedin: { url: page.url },
      x: { text: page.title, url: page.url },
      facebook: { u: page.url },
      bluesky: { text: `${page.title} ${page.url}` },
      whatsapp: { text: `${page.title} ${page.url}` },
      email: { subject: page.title, body: page.url },
    });
  });

  it("leave Mastodon, copy and the share sheet to the script", () => {
    expect(SHARE_NETWORKS.filter((network) => !isLinkNetwork(network))).toEqual(["mastodon", "copy", "native"]);
  });

  it("open a Mastodon instance's share page", () => {
    const url = new URL(mastodonShareUrl("piaille.fr", page));
    expect(url.origin + url.pathname).toBe("https://piaille.fr/share");
    expect(url.searchParams.get("text")).toBe(`${page.title} ${page.url}`);
  });
});

describe("the Mastodon instance a reader types", () => {
  it.each([
    ["mastodon.social", "mastodon.social"],
    ["  Piaille.FR ", "piaille.fr"],
    ["https://piaille.fr/", "piaille.fr"],
    ["https://piaille.fr/@lea", "piaille.fr"],
    ["@lea@piaille.fr", "piaille.fr"],
    ["lea@social.sub-domain.example", "social.sub-domain.example"],
    ["xn--prichat-d1a.fr", "xn--prichat-d1a.fr"],
  ])("reads %j as %j", (typed, host) => {
    expect(instanceHost(typed)).toBe(host);
  });

  it.each([
    "",
    "mastodon",
    "localhost",
    "piaille .fr",
    "-piaille.fr",
    "piaille.fr:8080",
    "javascript:alert(1)",
    "a..b",
    "écrire.fr",
    "1.2.3.4",
  ])("refuses %j", (typed) => {
    expect(instanceHost(typed)).toBeUndefined();
  });
});
