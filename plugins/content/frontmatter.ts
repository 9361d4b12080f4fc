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
import type { Language } from "../i18n/languages.ts";
import { aliasProblem, closingProblem, yamlProblems, type SyntaxProblem } from "./yaml-problems.ts";

export interface ParsedSource {
  data: Record<string, unknown>;
  /** The front matter's YAML as gray-matter hands it to the YAML engine. */
  matter: string;
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
}

/** A front matter that cannot be read: the file's line to look at, and what to do there (./yaml-problems.ts). */
export class FrontMatterSyntaxError extends Error {
  override name = "FrontMatterSyntaxError";
  readonly line: number;
  constructor({ line, message }: SyntaxProblem) {
    super(message);
    this.line = line;
  }
}

/**
 * A front matter's YAML as a value. YAML's aliases (`*name`) share a value
 * instead of copying it, so a few hundred bytes can stand for billions of
 * values, which validation and messages would then walk: a front matter
 * whose aliases expand past `MAX_VALUES` values is refused.
 */
export function parseYaml(source: string, language: Language = "fr"): unknown {
  const value = yaml.load(source, { schema: yaml.CORE_SCHEMA });
  if (source.includes("*") && expandedSize(value, new Map()) > MAX_VALUES) {
    throw new FrontMatterSyntaxError(aliasProblem(source, 1, MAX_VALUES, language));
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
function splitPlain(text: string, language: Language): { data: unknown; matter: string; content: string } | undefined {
  const split = splitPlainText(text);
  if (!split) return undefined;
  // As gray-matter: a front matter of comments only is empty, and not parsed.
  const empty = split.matter.replace(/^\s*#[^\n]+/gm, "").trim() === "";
  return { data: empty ? {} : parseYaml(split.matter, language), ...split };
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

/**
 * A source's front matter and body. A front matter that cannot be read
 * throws FrontMatterSyntaxError, in `language` (the site's).
 */
export function parseSource(text: string, language: Language = "fr"): ParsedSource {
  // Before YAML: a front matter left open would be read with the body in it.
  const unclosed = closingProblem(text, language);
  if (unclosed) throw new FrontMatterSyntaxError(unclosed);
  let parsed: { data: unknown; matter?: string; content: string };
  let matter = "";
  try {
    // gray-matter's types want an object; parseSource checks what the YAML really is just below.
    parsed =
      splitPlain(text, language) ??
      grayMatter()(text, { engines: { yaml: (source) => parseYaml((matter = source), language) as object } });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      // gray-matter hands the YAML over from the end of the opening `---` on: its first line is the file's line 1.
      const [problem] = yamlProblems(splitPlainText(text)?.matter ?? matter, 1, language);
      if (problem) throw new FrontMatterSyntaxError(problem);
    }
    throw error;
  }
  const data = parsed.data ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new FrontMatterSyntaxError(yamlProblems(parsed.matter ?? "", 1, language)[0]!);
  }
  const headerLength = text.length - parsed.content.length;
  const bodyLine = text.slice(0, headerLength).split("\n").length;
  return { data: data as Record<string, unknown>, matter: parsed.matter ?? "", body: parsed.content, bodyLine };
}
