/**
 * The import reads an export as a stream: the text of a large export never
 * sits in memory at once. A generated export of a few thousand posts (tens
 * of megabytes) is read in a separate process that collects garbage as it
 * goes; the heap still in use must stay far below the file's size.
 */
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/project.ts";

const execFileAsync = promisify(execFile);
const POSTS = 3000;
const MB = 1024 * 1024;

/** A WXR 1.2 export of `count` posts of about 15 kB each, with a few comments. */
async function generateExport(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Grand carnet</title><link>https://grand.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://grand.example</wp:base_site_url><wp:base_blog_url>https://grand.example</wp:base_blog_url>
`);
  const paragraph = "Une phrase de remplissage, assez longue pour peser, avec des accents : é, à, ç, œ. ".repeat(6);
  for (let i = 1; i <= count; i++) {
    const body = Array.from({ length: 30 }, (_, p) => `<p>${p} ${paragraph}</p>`).join("\n");
    const comments = Array.from(
      { length: 3 },
      (_, c) =>
        `<wp:comment><wp:comment_id>${i * 10 + c}</wp:comment_id><wp:comment_author><![CDATA[Lecteur ${c}]]></wp:comment_author><wp:comment_author_email>lecteur${c}@exemple.fr</wp:comment_author_email><wp:comment_author_IP>192.0.2.${c}</wp:comment_author_IP><wp:comment_date>2020-01-01 10:00:00</wp:comment_date><wp:comment_date_gmt>2020-01-01 09:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${paragraph}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`,
    ).join("");
    await write(`<item><title><![CDATA[Billet ${i}]]></title><link>https://grand.example/2020/01/billet-${i}/</link><dc:creator>auteur</dc:creator><guid isPermaLink="false">https://grand.example/?p=${i}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date>2020-01-01 10:00:00</wp:post_date><wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt><wp:post_name>billet-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="divers"><![CDATA[Divers]]></category>${comments}</item>
`);
  }
  await write("</channel></rss>\n");
  out.end();
  await once(out, "finish");
}

describe("reading a large export", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await tempDir("wxr-large");
    file = path.join(dir, "grand-export.xml");
    await generateExport(file, POSTS);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("keeps the heap in use far below the size of the file", async () => {
    const size = (await stat(file)).size;
    expect(size).toBeGreaterThan(40 * MB);
    const { stdout } = await execFileAsync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", path.join(ROOT, "test/helpers/wxr-memory.ts"), file],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" }, maxBuffer: 1024 * 1024 },
    );
    const { items, baseline, peak, indexed, indexedItems } = JSON.parse(stdout) as {
      items: number;
      baseline: number;
      peak: number;
      indexed: number;
      indexedItems: number;
    };
    expect(items).toBe(POSTS);
    expect(indexedItems).toBe(POSTS);
    // Holding the posts' text would take about twice the file's size (strings are UTF-16).
    expect(peak - baseline).toBeLessThan(size / 8);
    // The first pass keeps a small record per post, not its text.
    expect(indexed - baseline).toBeLessThan(size / 8);
  });
});
