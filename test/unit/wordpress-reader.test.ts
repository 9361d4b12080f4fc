/**
 * The streaming WXR reader: what it reads, what it refuses (with the line
 * and column), and what it never reads (e-mail and IP addresses).
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WxrChannel, WxrItem } from "../../scripts/wordpress/model.ts";
import { readWxr, WxrError } from "../../scripts/wordpress/reader.ts";
import { ROOT, tempDir } from "../helpers/project.ts";

const FIXTURE = path.join(ROOT, "test/fixtures/wordpress/carnet-export.xml");

let dir: string;
beforeAll(async () => {
  dir = await tempDir("wxr");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function readAll(file: string): Promise<{ channel: WxrChannel; items: WxrItem[] }> {
  const items: WxrItem[] = [];
  const channel = await readWxr(file, { onItem: (item) => void items.push(item) });
  return { channel, items };
}

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const wxr = (version: string, body = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/${version}/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Essai</title><link>https://essai.example</link><wp:wxr_version>${version}</wp:wxr_version>${body}</channel></rss>`;

describe("readWxr", () => {
  it("reads the channel, then every item with its terms, metadata and comments", async () => {
    const { channel, items } = await readAll(FIXTURE);
    expect(channel.version).toBe("1.2");
    expect(channel.title).toBe("Le carnet de Marie");
    expect(channel.authors.map((a) => [a.id, a.login, a.displayName])).toEqual([
      ["1", "mschaller", "Marie Schaller"],
      ["2", "paul", "Paul Kieffer"],
      ["3", "stagiaire", "Léon Stagiaire"],
    ]);
    expect(channel.categories.find((c) => c.slug === "alsace")?.parent).toBe("voyages");
    // Percent-encoded slugs are decoded.
    expect(channel.tags.find((t) => t.name === "漢字")?.slug).toBe("漢字");

    const post = items.find((i) => i.id === 10)!;
    expect(post.type).toBe("post");
    expect(post.title).toBe("Strasbourg sous la neige : « un matin d’hiver »");
    expect(post.postDate).toBe("2013-01-14 09:30:00");
    expect(post.postDateGmt).toBe("2013-01-14 08:30:00");
    expect(post.content).toContain("<!--more-->");
    expect(post.terms).toContainEqual({ domain: "category", slug: "alsace", name: "Alsace" });
    expect(post.meta._yoast_wpseo_primary_category).toBe("3");
    expect(post.comments.map((c) => c.id)).toEqual([
      "1001",
      "1002",
      "1003",
      "1004",
      "1005",
      "1006",
      "1007",
      "1008",
      "1009",
      "1010",
    ]);
    expect(post.comments[1]).toMatchObject({ parent: "1001", userId: "1", approved: "1" });
    expect(items.find((i) => i.id === 46)?.name).toBe("中文标题");
    expect(items.map((i) => i.type)).toEqual(
      expect.arrayContaining(["attachment", "wp_block", "nav_menu_item", "page"]),
    );
  });

  it("never reads a commenter's e-mail or IP address into the model", async () => {
    const { channel, items } = await readAll(FIXTURE);
    const everything = JSON.stringify({ channel, items });
    expect(everything).not.toMatch(/@courriel\.example|@exemple\.fr|@pourriel\.example/);
    expect(everything).not.toContain("203.0.113.17");
    expect(everything).not.toContain("2001:db8::4a");
    for (const comment of items.flatMap((i) => i.comments)) {
      expect(Object.keys(comment).sort()).toEqual(
        ["approved", "author", "authorUrl", "content", "date", "dateGmt", "id", "parent", "type", "userId"].sort(),
      );
    }
  });

  it("hands items over one at a time, in order, after the channel", async () => {
    const events: string[] = [];
    await readWxr(FIXTURE, {
      onChannel: () => void events.push("channel"),
      onItem: async (item) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        events.push(String(item.id));
      },
    });
    expect(events[0]).toBe("channel");
    expect(events.slice(1, 4)).toEqual(["10", "101", "20"]);
  });

  it("accepts WXR 1.0, 1.1 and 1.2", async () => {
    for (const version of ["1.0", "1.1", "1.2"]) {
      const { channel } = await readAll(await write(`v${version}.xml`, wxr(version)));
      expect(channel.version).toBe(version);
    }
  });

  it("refuses a file that is not XML, with the line and column", async () => {
    const file = await write(
      "broken.xml",
      `<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n  <title>Oups</titel>\n</channel></rss>`,
    );
    const error = await readAll(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WxrError);
    expect((error as Error).message).toMatch(/^broken\.xml: not well-formed XML at line 4, column \d+: /);
    expect((error as Error).message).not.toContain("\n");
  });

  it("refuses XML that is not a WordPress export", async () => {
    const html = await write("page.xml", "<html><body><p>Bonjour</p></body></html>");
    await expect(readAll(html)).rejects.toThrow(/^page\.xml: not a WordPress export: found <html>/);
    const feed = await write(
      "feed.xml",
      `<rss version="2.0"><channel><title>Flux</title><item><title>A</title></item></channel></rss>`,
    );
    await expect(readAll(feed)).rejects.toThrow(
      /^feed\.xml: not a WordPress export: found an RSS file without wp:wxr_version/,
    );
  });

  it("refuses an unknown WXR version", async () => {
    const file = await write("future.xml", wxr("2.0", "<item><title>A</title></item>"));
    await expect(readAll(file)).rejects.toThrow('future.xml: unknown WXR version: found "2.0", expected 1.0, 1.1, 1.2');
  });
});
