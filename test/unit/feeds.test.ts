/**
 * Pieces of the feeds: absolute URLs in a post's HTML, XML escaping.
 */
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { absolutizeUrls } from "../../plugins/feeds/content.ts";
import { element, xml } from "../../plugins/feeds/xml.ts";

describe("absolutizeUrls", () => {
  const base = "https://blog.example/billets/mon-billet/";

  it("makes links, images and anchors absolute, and leaves absolute ones alone", () => {
    const html =
      '<p><a href="/billets/autre/">a</a> <a href="#section">b</a> <a href="../voisin/?q=1&amp;r=2">c</a>' +
      ' <a href="https://ailleurs.example/x">d</a> <a href="mailto:lea@example.org">e</a>' +
      ' <img src="schema.png" alt="Schéma" srcset="petit.png 1x, /grand.png 2x"></p>';
    expect(absolutizeUrls(html, base)).toBe(
      '<p><a href="https://blog.example/billets/autre/">a</a> <a href="https://blog.example/billets/mon-billet/#section">b</a>' +
        ' <a href="https://blog.example/billets/voisin/?q=1&amp;r=2">c</a>' +
        ' <a href="https://ailleurs.example/x">d</a> <a href="mailto:lea@example.org">e</a>' +
        ' <img src="https://blog.example/billets/mon-billet/schema.png" alt="Schéma"' +
        ' srcset="https://blog.example/billets/mon-billet/petit.png 1x, https://blog.example/grand.png 2x"></p>',
    );
  });

  it("reads single quotes too, as raw HTML in Markdown may have them", () => {
    expect(absolutizeUrls("<a href='/a/'>a</a>", base)).toBe('<a href="https://blog.example/a/">a</a>');
  });

  it("does not touch text or code that merely looks like an attribute", () => {
    const html = "<p>Écrivez <code>&lt;img src='/x.png'&gt;</code> ou href='/y'</p>";
    expect(absolutizeUrls(html, base)).toBe(html);
  });
});

describe("XML writing", () => {
  it("escapes markup and drops characters XML forbids", () => {
    const title = `</title><x a="1">&amp; 'ok'\u0000\u0008 \uD800 fin`;
    const written = `<root>${element("title", { label: title }, title)}</root>`;
    let text = "";
    let label = "";
    const parser = new SaxesParser();
    parser.on("text", (t) => (text += t));
    parser.on("opentag", (tag) => {
      if (tag.name === "title") label = String(tag.attributes.label);
    });
    parser.write(written).close();
    expect(text).toBe(`</title><x a="1">&amp; 'ok' \u0020fin`.replace(" \u0020", "  "));
    expect(label).toBe(text);
    expect(xml("a & b")).toBe("a &amp; b");
  });
});
