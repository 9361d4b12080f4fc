/**
 * Images beside a post, through the image pipeline: real JPEG and PNG files
 * (made with sharp) become <picture> elements with AVIF and WebP sources in
 * several widths, sized so nothing shifts; the files exist; a second build
 * takes them from the cache; SVG and remote images are left alone.
 */
import { readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { HTMLElement } from "node-html-parser";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePage } from "../helpers/html.ts";
import { post, removeSite, runEleventy, SMALL_CONFIG, writeSite, type BuiltSite } from "../helpers/project.ts";

const photo = (background: string) =>
  sharp({ create: { width: 800, height: 600, channels: 3, background } })
    .jpeg()
    .toBuffer();

const BODY = [
  "Un premier paragraphe, avant la photo.",
  "![Une photo bleue](./photo.jpg)",
  "Un paragraphe entre deux images.",
  '![Un schéma rouge, à moitié transparent](./schema.png "Le schéma")',
  "![Une photo prise en hauteur](./tournee.jpg)",
  "![Un logo](./logo.svg)",
  "![Une image ailleurs](https://images.example/ailleurs.png)",
  "![Claire, en grand](/images/claire.jpg)",
].join("\n\n");

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>';

/** `url 320w, url 640w` → [[url, 320], [url, 640]] */
function srcset(element: HTMLElement | null): Array<[string, number]> {
  return (element?.getAttribute("srcset") ?? "").split(", ").map((candidate) => {
    const [url, width] = candidate.split(" ");
    return [url!, Number(width!.replace("w", ""))];
  });
}

/** mtime of every file in a folder, by name. */
async function mtimes(dir: string): Promise<Map<string, number>> {
  const names = (await readdir(dir)).filter((name) => !name.startsWith("."));
  return new Map(
    await Promise.all(names.map(async (name) => [name, (await stat(path.join(dir, name))).mtimeMs] as const)),
  );
}

describe("JPEG and PNG images in a post", () => {
  let site: BuiltSite & { config: string };
  let page: HTMLElement;
  const cache = () => path.join(site.dir, ".cache", "images");
  const pictures = () => page.querySelectorAll(".post__body picture");

  beforeAll(async () => {
    site = await writeSite({
      config: { ...SMALL_CONFIG, authors: { claire: { name: "Claire Dupont", avatar: "/images/claire.jpg" } } },
      files: {
        "posts/illustre/index.md": post(
          { title: "Un billet illustré", date: "2024-05-02", category: "pratique" },
          BODY,
        ),
        "posts/illustre/photo.jpg": await photo("#2a5db0"),
        "posts/illustre/schema.png": await sharp({
          create: { width: 1600, height: 900, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } },
        })
          .png()
          .toBuffer(),
        // Stored 800×600, shown turned a quarter (EXIF orientation 6): 600×800.
        "posts/illustre/tournee.jpg": await sharp({
          create: { width: 800, height: 600, channels: 3, background: "#3a7d44" },
        })
          .jpeg()
          .withMetadata({ orientation: 6 })
          .toBuffer(),
        "posts/illustre/logo.svg": LOGO,
        "images/claire.jpg": await sharp({ create: { width: 400, height: 400, channels: 3, background: "#c0a060" } })
          .jpeg()
          .toBuffer(),
      },
    });
    await runEleventy(site.config);
    page = await parsePage(site.output, "billets/illustre/index.html");
  });
  afterAll(() => removeSite(site));

  it("become pictures with AVIF and WebP sources, several widths, and the sizes of the widest", () => {
    expect(pictures()).toHaveLength(4);
    const [first, second] = pictures();
    expect(first!.querySelectorAll("source").map((s) => s.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    // 800 px wide: the column's widths below it, and the original (never enlarged).
    expect(srcset(first!.querySelector("source")).map(([, w]) => w)).toEqual([320, 640, 800]);
    expect(first!.querySelector("source")?.getAttribute("sizes")).toContain("40rem");
    const img = first!.querySelector("img")!;
    expect(img.getAttribute("alt")).toBe("Une photo bleue");
    expect(img.getAttribute("src")).toMatch(/^\/img\/[\w-]+-800\.jpeg$/);
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["800", "600"]);
    expect(srcset(img).map(([, w]) => w)).toEqual([320, 640, 800]);

    // 1600 px wide: capped at 1280; the fallback keeps the PNG (transparency).
    const png = second!.querySelector("img")!;
    expect(srcset(second!.querySelector('source[type="image/webp"]')).map(([, w]) => w)).toEqual([320, 640, 960, 1280]);
    expect(png.getAttribute("src")).toMatch(/-1280\.png$/);
    expect([png.getAttribute("width"), png.getAttribute("height")]).toEqual(["1280", "720"]);
    expect(png.getAttribute("title")).toBe("Le schéma");
  });

  it("loads the first image near the top at once, the others lazily", () => {
    const loading = pictures().map((p) => p.querySelector("img")!.getAttribute("loading"));
    expect(loading).toEqual(["eager", "lazy", "lazy", "lazy"]);
    expect(pictures()[0]!.querySelector("img")!.getAttribute("fetchpriority")).toBe("high");
  });

  it("writes every file the pages name, in its format and width", async () => {
    const urls = new Set<string>();
    for (const element of page.querySelectorAll("picture source, picture img")) {
      for (const [url] of srcset(element)) urls.add(url);
    }
    // Three widths of the photo, four of the schema, two of the turned photo (600 px wide),
    // two of the 400 px portrait in the text, and two in the author box.
    expect(urls.size).toBe((3 + 4 + 2 + 2 + 2) * 3);
    for (const url of urls) {
      const [, width, format] = /-(\d+)\.(\w+)$/.exec(url)!;
      const meta = await sharp(path.join(site.output, url)).metadata();
      expect(meta.width, url).toBe(Number(width));
      expect(meta.format, url).toBe(format === "avif" ? "heif" : format);
    }
  });

  it("sizes a turned photo as it is shown, and turns it", async () => {
    const img = pictures()[2]!.querySelector("img")!;
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["600", "800"]);
    const meta = await sharp(path.join(site.output, img.getAttribute("src")!)).metadata();
    expect([meta.width, meta.height]).toEqual([600, 800]);
  });

  it("leaves SVG and remote images as they are", () => {
    const plain = page.querySelectorAll(".post__body img").filter((img) => img.parentNode?.tagName !== "PICTURE");
    expect(plain.map((img) => img.getAttribute("src"))).toEqual([
      "/billets/illustre/logo.svg",
      "https://images.example/ailleurs.png",
    ]);
    expect(plain.map((img) => img.getAttribute("loading"))).toEqual(["lazy", "lazy"]);
  });

  it("makes pictures of site-wide images too (content/images/)", () => {
    const img = pictures()[3]!.querySelector("img")!;
    expect(img.getAttribute("alt")).toBe("Claire, en grand");
    expect(srcset(img).map(([, w]) => w)).toEqual([320, 400]);
  });

  it("makes a picture of a JPEG portrait in the author box", () => {
    const avatar = page.querySelector(".author-box picture");
    expect(srcset(avatar!.querySelector('source[type="image/avif"]')).map(([, w]) => w)).toEqual([96, 192]);
    const img = avatar!.querySelector("img")!;
    expect(img.getAttribute("class")).toBe("author-box__avatar");
    expect(img.getAttribute("sizes")).toBe("96px");
    expect(img.getAttribute("alt")).toBe("");
  });

  it("takes unchanged images from the cache on the next build, and only remakes a changed one", async () => {
    const before = await mtimes(cache());
    expect(before.size).toBe((3 + 4 + 2 + 2 + 2) * 3);

    await runEleventy(site.config);
    expect(await mtimes(cache())).toEqual(before);
    const again = await parsePage(site.output, "billets/illustre/index.html");
    expect(again.querySelector(".post__body picture")?.toString()).toBe(pictures()[0]!.toString());

    // A new photo under the same name: new files for it alone; its old ones leave the cache.
    const oldPhoto = pictures()[0]!.querySelector("img")!.getAttribute("src")!;
    await writeFile(path.join(site.dir, "content/posts/illustre/photo.jpg"), await photo("#b05d2a"));
    await runEleventy(site.config);
    const after = await mtimes(cache());
    const changed = [...after.keys()].filter((name) => after.get(name) !== before.get(name));
    expect(changed).toHaveLength(3 * 3);
    expect(after.has(path.basename(oldPhoto))).toBe(false);
    expect(after.size).toBe(before.size);
    const updated = await parsePage(site.output, "billets/illustre/index.html");
    const newPhoto = updated.querySelector(".post__body picture img")!.getAttribute("src")!;
    expect(newPhoto).not.toBe(oldPhoto);
    expect(changed).toContain(path.basename(newPhoto));
  });
});
