/**
 * Front matter parsing, shared by Billet's validation and by Eleventy (so
 * both read exactly the same values, and each file's YAML is parsed once).
 *
 * YAML's own timestamp type is left out on purpose: `date: 2024-01-14 09:30`
 * stays a string, read later in the site's time zone. With the default
 * schema, js-yaml would read it as UTC and the post would move by an hour or
 * two.
 */
import matter from "gray-matter";
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

const memo = new Map<string, unknown>();

/** The YAML engine handed to gray-matter, here and in Eleventy's config. */
export function parseYaml(source: string): unknown {
  if (memo.has(source)) return memo.get(source);
  const value = yaml.load(source, { schema: yaml.CORE_SCHEMA });
  memo.set(source, value);
  return value;
}

/** Remembers YAML parsed elsewhere (a helper thread: plugins/markdown/prerender.ts), for Eleventy's own reading. */
export function rememberYaml(source: string, value: unknown): void {
  memo.set(source, value);
}

/** Forgets memoised YAML between builds, so memory does not grow in watch mode. */
export function clearYamlMemo(): void {
  memo.clear();
}

export const frontMatterOptions = { engines: { yaml: parseYaml } } as const;

export function parseSource(text: string): ParsedSource {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, frontMatterOptions as object);
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
