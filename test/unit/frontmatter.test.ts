import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { FrontMatterSyntaxError, parseSource, sourceBody } from "../../plugins/content/frontmatter.ts";

const CONTENT = path.resolve(import.meta.dirname, "../../content");

/** gray-matter itself, with the YAML rules Billet uses, as the reference. */
function reference(text: string): { data: unknown; matter: string; body: string } {
  const parsed = matter(text, {
    engines: { yaml: (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object },
  });
  return { data: parsed.data ?? {}, matter: parsed.matter ?? "", body: parsed.content };
}

const CASES: Record<string, string> = {
  usual: "---\ntitle: Un titre\ndate: 2024-01-14 09:30\ntags: [a, b]\n---\nLe corps.\n",
  "blank lines before the body": "---\ntitle: T\n---\n\n\nLe corps.",
  "no body": "---\ntitle: T\n---",
  "empty front matter": "---\n---\nLe corps.",
  "comments only": "---\n# rien ici\n  # ni là\n---\nLe corps.",
  "comment and a value": "---\n# un commentaire\ntitle: T\n---\nLe corps.",
  "a rule in the body": "---\ntitle: T\n---\nAvant\n\n---\n\nAprès",
  "four dashes first": "----\ntitle: T\n----\nLe corps.",
  "no front matter": "Juste du texte.\n---\nEt une règle.",
  "Windows line ends": "---\r\ntitle: T\r\n---\r\nLe corps.\r\n",
  "CR before the body": "---\ntitle: T\n---\r\nLe corps.",
  "byte-order mark": "\uFEFF---\ntitle: T\n---\nLe corps.",
  "a language named": "---yaml\ntitle: T\n---\nLe corps.",
  "dashes glued to the closing line": "---\ntitle: T\n-----\nLe corps.",
  "a scalar": "---\njuste une phrase\n---\nLe corps.",
  empty: "",
};

describe("front matter", () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`is split as gray-matter splits it: ${name}`, () => {
      let expected: ReturnType<typeof reference>;
      try {
        expected = reference(text);
      } catch (error) {
        // Invalid YAML either way: reported as a front matter error.
        expect(error).toBeInstanceOf(yaml.YAMLException);
        expect(() => parseSource(text)).toThrow(FrontMatterSyntaxError);
        return;
      }
      let actual;
      try {
        actual = parseSource(text);
      } catch (error) {
        // A front matter that is not a list of `key: value` lines is refused, whoever splits it.
        expect(error).toBeInstanceOf(FrontMatterSyntaxError);
        expect(typeof expected.data !== "object" || Array.isArray(expected.data)).toBe(true);
        return;
      }
      expect({ data: actual.data, matter: actual.matter, body: actual.body }).toEqual(expected);
    });
  }

  it("is split as gray-matter splits it in every file of the sample content", () => {
    const files = readdirSync(CONTENT, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith(".md"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(path.join(CONTENT, file), "utf8");
      const { data, matter, body } = parseSource(text);
      expect({ file, data, matter, body }).toEqual({ file, ...reference(text) });
    }
  });

  it("finds the same body without reading the front matter", () => {
    for (const [name, text] of Object.entries(CASES)) {
      let expected: string;
      try {
        expected = parseSource(text).body;
      } catch {
        continue;
      }
      expect({ name, body: sourceBody(text) }).toEqual({ name, body: expected });
    }
    // Front matter that does not parse still has a body; the build reports the YAML.
    expect(sourceBody("---\ntitle: [T\n---\nLe corps.")).toBe("Le corps.");
  });

  it("points at the file's line of a YAML mistake", () => {
    expect(() => parseSource("---\ntitle: T\ntags: [a, b\n---\nLe corps.")).toThrow(
      expect.objectContaining({ line: 3 }),
    );
  });

  it("refuses a front matter that is never closed, which gray-matter would read to the end of the file", () => {
    expect(reference("---\ntitle: T\nsummary: rien").data).toEqual({ title: "T", summary: "rien" });
    expect(() => parseSource("---\ntitle: T\nsummary: rien")).toThrow(expect.objectContaining({ line: 1 }));
    // The body begins on line 3: the closing line goes before it.
    expect(() => parseSource("---\ntitle: T\nLe corps ?")).toThrow(expect.objectContaining({ line: 3 }));
  });

  it("tells where the body starts", () => {
    expect(parseSource("---\ntitle: T\ndate: 2024-01-14\n---\nLe corps.").bodyLine).toBe(5);
    expect(parseSource("Pas d’en-tête.").bodyLine).toBe(1);
  });
});
