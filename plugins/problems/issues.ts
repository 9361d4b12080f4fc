/**
 * The one translation of what zod finds into lines an author can act on:
 * `field: found …, expected …`, every problem at once, an unknown key with
 * the names it could have been (« did you mean "postsPerPage"? »).
 *
 * Front matter, site.config.ts, content/categories.yaml and comment archives
 * all report through it, so a mistake reads the same wherever it is made.
 * Schemas carry their expectation as each check's message (`{ error: "…" }`);
 * the value found is read back from the data at the issue's path (own
 * properties only) and described by `describe`, which walks no more of it
 * than it prints. Every word is the site's language's (`Messages`); field
 * names and values stay as the author wrote them.
 */
import type { z } from "zod";
import type { Messages } from "../i18n/index.ts";
import { describe } from "./describe.ts";
import { hint } from "./suggest.ts";
import { tableEntry } from "./table.ts";

export interface Reporting {
  /** The words of the site's language. */
  messages: Messages;
  /**
   * The expectation for a field when it should not be the issue's own
   * message (front matter keeps one sentence per field).
   */
  expected?: (issue: z.core.$ZodIssue) => string | undefined;
  /** How a field is named, e.g. `comments.mapping (from GISCUS_MAPPING)`. */
  name?: (field: string) => string;
  /** Keys other tools use at the top level, with what to write instead. */
  foreignKeys?: ReadonlyMap<string, string>;
  /** How a problem with the whole value starts (`front matter`); by default with « found ». */
  whole?: string;
}

/** A custom issue may say what was found, when it is not the value at its path (a key, say). */
export interface FoundParams {
  found?: string;
}

/** Validates `data`: the typed value, or one line per problem (without the file name). */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  reporting: Reporting,
): { ok: true; value: z.output<S> } | { ok: false; problems: string[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: problemsOf(schema, data, result.error.issues, reporting) };
}

export function problemsOf(
  schema: z.ZodType,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  reporting: Reporting,
): string[] {
  const m = reporting.messages;
  const name = reporting.name ?? ((field: string) => field);
  const line = (path: readonly PropertyKey[], found: string, expected: string) => {
    const field = fieldName(path);
    const problem = m.problem(found, expected);
    if (field === "") return reporting.whole ? m.at(reporting.whole, problem) : problem;
    return m.at(name(field), problem);
  };
  const problems: string[] = [];
  for (const issue of issues.flatMap(throughUnions)) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const foreign = issue.path.length === 0 ? reporting.foreignKeys?.get(key) : undefined;
        const expected = foreign
          ? m.format(m.t.problems.foreignKey, { instead: foreign })
          : m.format(m.t.problems.oneOfKeys, { names: known.join(", ") }) + hint(key, known, m);
        problems.push(line([...issue.path, key], m.t.problems.unknownKey, expected));
      }
      continue;
    }
    if (issue.code === "invalid_key") {
      // A table's key (a category's slug…) that is not one: the key is what was found.
      const inner = issue.issues[0];
      const key = issue.path[issue.path.length - 1];
      problems.push(line(issue.path, describe(String(key), m), inner?.message ?? issue.message));
      continue;
    }
    const params = issue.code === "custom" ? (issue.params as FoundParams | undefined) : undefined;
    const found = params?.found ?? describe(valueAt(data, issue.path), m);
    problems.push(line(issue.path, found, reporting.expected?.(issue) ?? issue.message));
  }
  return problems;
}

/**
 * A value that matches none of a union's kinds is one problem; a value of
 * one of the kinds (an object where `false` or settings are allowed) gets
 * that kind's problems, which say more.
 */
function throughUnions(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union") return [issue];
  const ofTheirKind = issue.errors.filter(
    (branch) =>
      branch.length > 0 &&
      !branch.some(
        (inner) => inner.path.length === 0 && (inner.code === "invalid_type" || inner.code === "invalid_value"),
      ),
  );
  if (ofTheirKind.length !== 1) return [issue];
  return ofTheirKind[0]!.flatMap((inner) => throughUnions({ ...inner, path: [...issue.path, ...inner.path] }));
}

/** Characters of one key shown in a field's name. */
const SHOWN_KEY = 100;

/** `authors.lea.links[0].url`; a key longer than a name can be is cut, marked. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((p) => {
      if (typeof p === "number") return `[${p}]`;
      const key = String(p);
      return key.length > SHOWN_KEY ? `${key.slice(0, SHOWN_KEY)}…` : key;
    })
    .join(".")
    .replace(/\.\[/g, "[");
}

/** The value at `path`, reading only own properties and Map entries. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value instanceof Map) value = value.get(key);
    else if (value !== null && typeof value === "object" && Object.hasOwn(value, key))
      value = (value as Record<PropertyKey, unknown>)[key];
    else return undefined;
  }
  return value;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
};

const def = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Keys of the object schema found at `path`, through optional, default, pipe, union, array, record and table layers. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  for (const object of objectsAt(schema, path, 0)) for (const key of Object.keys(def(object).shape!)) keys.add(key);
  return [...keys];
}

function objectsAt(schema: z.ZodType | undefined, path: readonly PropertyKey[], depth: number): z.ZodType[] {
  if (!schema || depth > 64) return [];
  const entry = tableEntry(schema);
  if (entry) return path.length === 0 ? [] : objectsAt(entry, path.slice(1), depth + 1);
  const d = def(schema);
  switch (d.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return objectsAt(d.innerType, path, depth + 1);
    case "pipe":
      return [...objectsAt(d.in, path, depth + 1), ...objectsAt(d.out, path, depth + 1)];
    case "lazy":
      return objectsAt(d.getter?.(), path, depth + 1);
    case "union":
      return (d.options ?? []).flatMap((option) => objectsAt(option, path, depth + 1));
  }
  if (path.length === 0) return d.type === "object" ? [schema] : [];
  const [head, ...rest] = path;
  if (d.type === "object" && typeof head === "string" && Object.hasOwn(d.shape!, head))
    return objectsAt(d.shape![head], rest, depth + 1);
  if (d.type === "array" && typeof head === "number") return objectsAt(d.element, rest, depth + 1);
  if (d.type === "record") return objectsAt(d.valueType, rest, depth + 1);
  return [];
}
