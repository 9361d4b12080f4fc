/**
 * A table keyed by what an author writes (authors by id, categories by
 * slug): checked entry by entry like any zod object, and handed on as a
 * `Map`, so that a key named like a member of `Object.prototype`
 * (`constructor`, `toString`, `__proto__`…) is an entry like any other, or
 * a clear error, and never an inherited function or a vanished entry.
 *
 * zod's own `z.record` drops a `__proto__` key without a word and builds a
 * plain object; this one reports it and builds a Map.
 */
import { z } from "zod";
import type { Messages } from "../i18n/index.ts";
import { describe } from "./describe.ts";

/** The schema of each entry, by table: lets the problem translator find the keys an entry may hold. */
const ENTRIES = new WeakMap<z.ZodType, z.ZodType>();

export function tableEntry(schema: z.ZodType): z.ZodType | undefined {
  return ENTRIES.get(schema);
}

export interface TableRules {
  /** What the whole table should be, for a value that is not one. */
  expected: string;
  /** Checks a key; returns what a key should be when this one is not. */
  key?: (key: string) => string | undefined;
  /** What to expect of an empty table, when it must hold at least one entry. */
  atLeastOne?: string;
  /** The words of the site's language. */
  messages: Messages;
}

/**
 * `entry` checks each value, `make` turns a checked entry into what the
 * table holds. Nothing is chained after the table: zod would run it on a
 * table whose only problem is an unknown key, that is on no table at all.
 */
export function keyedTable<V extends z.ZodType, T>(
  entry: V,
  rules: TableRules,
  make: (key: string, value: z.output<V>) => T,
) {
  const schema = z.unknown().transform((value, ctx): Map<string, T> => {
    const table = new Map<string, T>();
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: rules.expected });
      return z.NEVER;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      // `{ __proto__: { … } }` in a TypeScript object replaces its prototype:
      // what was meant as an entry is not one of its own keys.
      ctx.addIssue({
        code: "custom",
        message: rules.messages.format(rules.messages.t.problems.noProtoKey, { expected: rules.expected }),
      });
      return z.NEVER;
    }
    let failed = false;
    for (const key of Object.keys(value)) {
      const keyProblem = rules.key?.(key);
      if (keyProblem !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: keyProblem,
          params: { found: describe(key, rules.messages) },
        });
        failed = true;
        continue;
      }
      const result = entry.safeParse((value as Record<string, unknown>)[key]);
      if (result.success) table.set(key, make(key, result.data));
      else {
        failed = true;
        for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] });
      }
    }
    if (failed) return z.NEVER;
    if (table.size === 0 && rules.atLeastOne !== undefined) {
      ctx.addIssue({ code: "custom", message: rules.atLeastOne });
      return z.NEVER;
    }
    return table;
  });
  ENTRIES.set(schema, entry);
  return schema;
}
