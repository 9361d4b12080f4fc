import { jsx } from "jsx-async-runtime/jsx-runtime";
import { jsxToString } from "jsx-async-runtime";
import { describe, expect, it } from "vitest";
import { renderToString } from "../../plugins/templates/render.ts";

const h = jsx as unknown as (tag: unknown, props: Record<string, unknown>, ...children: unknown[]) => JSX.Element;

function Item({ label, children }: { label: string; children?: unknown }): JSX.Element {
  return h("li", { "data-label": label }, label, children);
}
async function Later({ text }: { text: string }): Promise<JSX.Element> {
  await new Promise((done) => setTimeout(done, 1));
  return h("em", {}, text);
}

const trees: Array<[string, JSX.Element]> = [
  ["text is escaped", h("p", { title: `"<a href='x'>&` }, `<script>alert("x")</script> & 'co'`)],
  ["raw html passes", h("div", {}, { html: "<b>gras</b>" })],
  [
    "attributes of every kind",
    h("input", {
      type: "checkbox",
      checked: true,
      disabled: false,
      value: 0,
      name: null,
      id: undefined,
      "aria-label": "Oui",
    }),
  ],
  [
    "class lists and objects",
    h("span", { class: ["a", "", "b"] }, h("i", { class: { on: true, off: false } }), h("b", { class: [] })),
  ],
  ["styles and other objects", h("div", { style: { color: "red", "font-size": "2em" }, "data-x": { a: 1 } })],
  [
    "void and empty tags",
    h("p", {}, h("br", {}), h("img", { src: "a.png", alt: "" }), h("span", {}), h("textarea", {})),
  ],
  ["fragments, arrays, numbers, nothing", h("", {}, [1, "deux", [null, false, undefined, h("b", {}, 3)]])],
  ["components with children", h("ul", {}, h(Item, { label: "un" }), h(Item, { label: "deux" }, h("b", {}, "!")))],
  [
    "doctype then a document",
    h("", {}, { html: "<!DOCTYPE html>" }, h("html", { lang: "fr" }, h("head", {}, h("meta", { charset: "utf-8" })))),
  ],
];

describe("JSX rendering", () => {
  it.each(trees)("%s: same output as jsx-async-runtime", async (_name, tree) => {
    const expected = await jsxToString.call({}, tree);
    const actual = renderToString(tree);
    expect(typeof actual).toBe("string");
    expect(actual).toBe(expected);
  });

  it("renders a tree holding an async component through jsx-async-runtime", async () => {
    const tree = h("p", {}, "a ", h(Later, { text: "plus tard" }));
    const result = renderToString(tree);
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toBe("<p>a <em>plus tard</em></p>");
  });
});
