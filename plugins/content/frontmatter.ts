/**
 * Front matter parsing, shared by Billet's validation and by Eleventy (so
 * both read exactly the same values; ./sources.ts hands Eleventy what it read).
 *
 * YAML's own timestamp type is left out on purpose: `date: 2024-01-14 09:30`
 * stays a string, read later in the site's time zone. With the default
 * schema, js-yaml would read it as UTC and the post would move by an hour or
 * two.
 */
import { createRequire } from "node:module";
import type matter from "gray-matter";
import yaml from "js-yaml";

export interface ParsedSource {
  data: Record<string, unknown>;
  /** The front matter's YAML as gray-matter hands it to the YAML engine. */
  matter: string;
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
}

export class FrontMatterSyntaxError extends Error {
  override name = "FrontMatterSyntaxError";
}

/**
 * A front matter's YAML as a value. YAML's aliases (`*name`) share a value
 * instead of copying it, so a few hundred bytes can stand for billions of
 * values, which validation and messages would then walk: a front matter
 * whose aliases expand past `MAX_VALUES` values is refused.
 */
export function parseYaml(source: string): unknown {
  const value = yaml.load(source, { schema: yaml.CORE_SCHEMA });
  if (source.includes("*") && expandedSize(value, new Map()) > MAX_VALUES) {
    throw new FrontMatterSyntaxError(
      `found aliases (*name) that expand to more than ${MAX_VALUES} values, expected a front matter of ordinary size`,
    );
  }
  return value;
}

/** Far more than any front matter holds (a few dozen values), far less than would slow a build. */
const MAX_VALUES = 10_000;

/** How many values `value` stands for once every alias is expanded (shared values counted once each time they appear). */
function expandedSize(value: unknown, sizes: Map<object, number>): number {
  if (typeof value !== "object" || value === null) return 1;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  sizes.set(value, Infinity); // A value that holds itself expands forever.
  let size = 1;
  for (const child of Object.values(value)) {
    size += expandedSize(child, sizes);
    if (size > MAX_VALUES) break;
  }
  sizes.set(value, size);
  return size;
}

/**
 * The usual case, a file that opens with `---` and a newline, split the way
 * gray-matter splits it: the same YAML text, handed to the same engine, and
 * the same body. gray-matter does more on the way (it encodes the whole file
 * to bytes and looks it up in its cache, for instance), which a build of
 * thousands of posts pays for on every file. Anything else (a language after
 * `---`, a byte-order mark, Windows line ends, no front matter) goes through
 * gray-matter itself.
 */
function splitPlain(text: string): { data: unknown; matter: string; content: string } | undefined {
  const split = splitPlainText(text);
  if (!split) return undefined;
  // As gray-matter: a front matter of comments only is empty, and not parsed.
  const empty = split.matter.replace(/^\s*#[^\n]+/gm, "").trim() === "";
  return { data: empty ? {} : parseYaml(split.matter), ...split };
}

function splitPlainText(text: string): { matter: string; content: string } | undefined {
  if (!text.startsWith("---\n")) return undefined;
  const rest = text.slice(3);
  const close = rest.indexOf("\n---");
  const matter = close === -1 ? rest : rest.slice(0, close);
  let content = close === -1 ? "" : rest.slice(close + 4);
  if (content[0] === "\r") content = content.slice(1);
  if (content[0] === "\n") content = content.slice(1);
  return { matter, content };
}

/**
 * A source's body without reading its front matter, where the usual split
 * allows it (else as parseSource finds it). For a helper thread that only
 * renders bodies: the build uses what it renders only for the same body.
 */
export function sourceBody(text: string): string {
  return splitPlainText(text)?.content ?? parseSource(text).body;
}

/** gray-matter, loaded the first time a file needs it (with its own YAML library, some forty modules). */
let grayMatterModule: typeof matter | undefined;
function grayMatter(): typeof matter {
  return (grayMatterModule ??= createRequire(import.meta.url)("gray-matter") as typeof matter);
}

export function parseSource(text: string): ParsedSource {
  let parsed: { data: unknown; matter?: string; content: string };
  try {
    // gray-matter's types want an object; parseSource checks what the YAML really is just below.
    parsed = splitPlain(text) ?? grayMatter()(text, { engines: { yaml: (source) => parseYaml(source) as object } });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      // js-yaml counts from 0 within the front matter, which gray-matter hands over
      // starting with the newline after the opening `---`: its line 0 is the file's line 1.
      const line = (error.mark?.line ?? 0) + 1;
      const column = (error.mark?.column ?? 0) + 1;
      throw new FrontMatterSyntaxError(`YAML syntax error at line ${line}, column ${column}: ${error.reason}`);
    }
    throw error;
  }
  const data = parsed.data ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new FrontMatterSyntaxError("the front matter is not a list of `key: value` lines");
  }
  const headerLength = text.length - parsed.content.length;
  const bodyLine = text.slice(0, headerLength).split("\n").length;
  return { data: data as Record<string, unknown>, matter: parsed.matter ?? "", body: parsed.content, bodyLine };
}
