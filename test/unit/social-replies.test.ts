/**
 * The pure rules behind replies from where a post was shared: which
 * address is which service, Bluesky's facets over UTF-8 byte offsets, and
 * how often a post's replies are read.
 */
import { describe, expect, it } from "vitest";
import { richTextHtml } from "../../plugins/comments/social/bluesky.ts";
import { isDue, refreshInterval } from "../../plugins/comments/social/replies.ts";
import { syndicationTarget } from "../../plugins/comments/social/targets.ts";
import { imageKind, isDownloadable } from "../../plugins/comments/media.ts";

const DAY = 86400_000;

describe("syndication addresses", () => {
  it("tells Mastodon statuses, Bluesky posts, LinkedIn shares and other pages apart", () => {
    expect(syndicationTarget("https://mastodon.social/@claire/112233445566")).toEqual({
      service: "mastodon",
      url: "https://mastodon.social/@claire/112233445566",
      origin: "https://mastodon.social",
      id: "112233445566",
    });
    expect(syndicationTarget("https://piaille.fr/users/claire/statuses/42")).toMatchObject({
      service: "mastodon",
      id: "42",
    });
    expect(syndicationTarget("https://bsky.app/profile/claire.example/post/3kabc")).toMatchObject({
      service: "bluesky",
      actor: "claire.example",
      rkey: "3kabc",
    });
    expect(syndicationTarget("https://bsky.app/profile/did:plc:abc/post/3kabc")).toMatchObject({
      actor: "did:plc:abc",
    });
    expect(syndicationTarget("https://www.linkedin.com/posts/claire_activity-1")).toMatchObject({
      service: "linkedin",
    });
    expect(syndicationTarget("https://www.example.org/@claire/notanid")).toEqual({
      service: "other",
      url: "https://www.example.org/@claire/notanid",
      host: "example.org",
    });
  });
});

describe("Bluesky's rich text", () => {
  it("makes links of facets counted in UTF-8 bytes, escapes the rest, keeps paragraphs", () => {
    const text = "Été 🌞 #plage <b>\n\nhttps://a.example";
    const start = new TextEncoder().encode("Été 🌞 ").length;
    const link = new TextEncoder().encode("Été 🌞 #plage <b>\n\n").length;
    expect(
      richTextHtml(text, [
        {
          index: { byteStart: start, byteEnd: start + 6 },
          features: [{ $type: "app.bsky.richtext.facet#tag", tag: "plage" }],
        },
        {
          index: { byteStart: link, byteEnd: link + 17 },
          features: [{ $type: "app.bsky.richtext.facet#link", uri: "https://a.example" }],
        },
      ]),
    ).toBe(
      '<p>Été 🌞 <a href="https://bsky.app/hashtag/plage">#plage</a> &lt;b&gt;</p><p><a href="https://a.example">https://a.example</a></p>',
    );
  });

  it("drops facets that are out of range, overlapping, malformed or not http(s)", () => {
    expect(
      richTextHtml("abc def", [
        {
          index: { byteStart: 0, byteEnd: 99 },
          features: [{ $type: "app.bsky.richtext.facet#link", uri: "https://x.example" }],
        },
        {
          index: { byteStart: 0, byteEnd: 3 },
          features: [{ $type: "app.bsky.richtext.facet#link", uri: "javascript:alert(1)" }],
        },
        {
          index: { byteStart: 4, byteEnd: 7 },
          features: [{ $type: "app.bsky.richtext.facet#mention", did: "did:plc:ok" }],
        },
        { index: { byteStart: 5, byteEnd: 6 }, features: [{ $type: "app.bsky.richtext.facet#tag", tag: "x" }] },
        { index: "nope" },
      ]),
    ).toBe('<p>abc <a href="https://bsky.app/profile/did:plc:ok">def</a></p>');
  });
});

describe("how often replies are read", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it("reads recent posts at every build, then daily, then weekly", () => {
    expect(refreshInterval(3 * DAY)).toBe(0);
    expect(refreshInterval(30 * DAY)).toBe(DAY);
    expect(refreshInterval(400 * DAY)).toBe(7 * DAY);
    const old = new Date(now.valueOf() - 400 * DAY);
    expect(isDue("https://m.example/@a/1", undefined, old, now)).toBe(true);
    expect(isDue("https://m.example/@a/1", new Date(now.valueOf() - DAY).toISOString(), old, now)).toBe(false);
    expect(isDue("https://m.example/@a/1", new Date(now.valueOf() - 7 * DAY).toISOString(), old, now)).toBe(true);
    const recent = new Date(now.valueOf() - 2 * DAY);
    expect(isDue("https://m.example/@a/1", now.toISOString(), recent, now)).toBe(true);
  });

  it("spreads a large blog's old posts over the week instead of one build", () => {
    const old = new Date(now.valueOf() - 400 * DAY);
    const fetched = new Date(now.valueOf() - 6 * DAY).toISOString();
    const due = Array.from({ length: 1000 }, (_, i) => isDue(`https://m.example/@a/${i}`, fetched, old, now)).filter(
      Boolean,
    );
    // Six days after they were all read, some are due again, most are not.
    expect(due.length).toBeGreaterThan(200);
    expect(due.length).toBeLessThan(800);
  });
});

describe("media downloads", () => {
  it("downloads only over https, or plain http on a loopback address", () => {
    expect(isDownloadable("https://cdn.bsky.app/img/avatar/plain/did:plc:x/abc@jpeg")).toBe(true);
    expect(isDownloadable("http://127.0.0.1:8080/a.png")).toBe(true);
    expect(isDownloadable("http://example.org/a.png")).toBe(false);
    expect(isDownloadable("https://user:pw@example.org/a.png")).toBe(false);
    expect(isDownloadable("file:///etc/passwd")).toBe(false);
    expect(isDownloadable("pas une adresse")).toBe(false);
  });

  it("knows an image by its first bytes, not by its name", () => {
    expect(imageKind(Buffer.from("89504e470d0a1a0a", "hex"))).toBe("png");
    expect(imageKind(Buffer.from("ffd8ffe0", "hex"))).toBe("jpg");
    expect(imageKind(Buffer.from("GIF89a"))).toBe("gif");
    expect(imageKind(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(imageKind(Buffer.from("<svg onload=alert(1)>"))).toBeUndefined();
  });
});
