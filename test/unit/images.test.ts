import { describe, expect, it } from "vitest";
import { I18n } from "../../plugins/i18n/index.ts";
import { formatsFor, pictureHtml, widthsFor, type Picture } from "../../plugins/images/index.ts";
import { createMarkdown } from "../../plugins/markdown/index.ts";

describe("image widths", () => {
  it("makes the wanted widths narrower than the original, and the original when it is narrower than the widest", () => {
    expect(widthsFor(800, [320, 640, 960, 1280])).toEqual([320, 640, 800]);
    expect(widthsFor(4000, [320, 640, 960, 1280])).toEqual([320, 640, 960, 1280]);
    expect(widthsFor(640, [320, 640, 960, 1280])).toEqual([320, 640]);
    expect(widthsFor(200, [320, 640])).toEqual([200]);
    expect(widthsFor(150, [96, 192])).toEqual([96, 150]);
  });

  it("keeps the source's kind as the fallback, after AVIF and WebP", () => {
    expect(formatsFor("jpeg")).toEqual(["avif", "webp", "jpeg"]);
    expect(formatsFor("png")).toEqual(["avif", "webp", "png"]);
  });
});

describe("the picture element", () => {
  const picture: Picture = {
    sources: [
      { type: "image/avif", srcset: "/img/h-320.avif 320w, /img/h-640.avif 640w" },
      { type: "image/webp", srcset: "/img/h-320.webp 320w, /img/h-640.webp 640w" },
    ],
    fallback: {
      src: "/img/h-640.jpeg",
      srcset: "/img/h-320.jpeg 320w, /img/h-640.jpeg 640w",
      type: "image/jpeg",
      width: 640,
      height: 427,
    },
  };

  it("lists the modern sources first, and sizes the image so nothing shifts", () => {
    expect(pictureHtml(picture, { alt: "Un « schéma » & <b>", sizes: "40rem", title: 'Dit "ainsi"' })).toBe(
      '<picture><source type="image/avif" srcset="/img/h-320.avif 320w, /img/h-640.avif 640w" sizes="40rem">' +
        '<source type="image/webp" srcset="/img/h-320.webp 320w, /img/h-640.webp 640w" sizes="40rem">' +
        '<img src="/img/h-640.jpeg" srcset="/img/h-320.jpeg 320w, /img/h-640.jpeg 640w" sizes="40rem" ' +
        'alt="Un « schéma » &amp; &lt;b&gt;" title="Dit &quot;ainsi&quot;" width="640" height="427" loading="lazy" decoding="async"></picture>',
    );
  });

  it("loads a priority image at once", () => {
    expect(pictureHtml(picture, { alt: "", sizes: "96px", priority: true })).toContain(
      'loading="eager" fetchpriority="high"',
    );
  });
});

describe("which image loads first", () => {
  const { md } = createMarkdown({ i18n: new I18n("fr", "Europe/Paris") });
  const env = { page: { inputPath: "./content/posts/a/index.md", url: "/billets/a/" } };
  const loading = (markdown: string) => [...md.render(markdown, env).matchAll(/loading="(\w+)"/g)].map((m) => m[1]);

  it("the first image near the top is eager, every other one lazy", () => {
    expect(loading("Intro.\n\n![A](./a.svg)\n\n![B](./b.svg)")).toEqual(["eager", "lazy"]);
    expect(loading("![A](./a.svg) et ![B](./b.svg)")).toEqual(["eager", "lazy"]);
  });

  it("an image far down the page waits, even the first", () => {
    expect(loading("Un.\n\nDeux.\n\nTrois.\n\n## Quatre\n\n![A](./a.svg)")).toEqual(["lazy"]);
  });
});
