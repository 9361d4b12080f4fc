/**
 * How a found value is quoted in a problem message: `"texte"` (« texte »), `the number
 * 0`, `a list (["a","b"])`, `an object ({"name":"X"})`.
 *
 * Lists and objects are shown as the start of their JSON, written by a walk
 * that stops as soon as it has what it shows: a value of any size (a YAML
 * alias bomb expands to gigabytes, a cyclic object never ends) costs no
 * more than the few characters printed. Only own properties are read, so a
 * key such as `constructor` is never taken for `Object`'s. The words around
 * the value are the site's language's (`le nombre 0`, « texte »).
 */
import type { Messages } from "../i18n/index.ts";

/** Characters of a list or object shown in a message. */
const SHOWN = 60;
/** Characters of a text shown in a message, quotes left aside. */
const SHOWN_TEXT = 200;

export function describe(value: unknown, m: Messages): string {
  const words = m.t.problems.values;
  if (value === undefined) return words.nothing;
  if (value === null) return words.null;
  if (typeof value === "string") return quoteText(value, SHOWN_TEXT, m);
  if (Array.isArray(value)) return m.format(words.list, { json: preview(value) });
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? words.invalidDate : m.format(words.date, { date: value.toISOString() });
  if (typeof value === "object") return m.format(words.object, { json: preview(value) });
  if (typeof value === "function") return words.function;
  if (typeof value === "number") return m.format(words.number, { number: String(value) });
  if (typeof value === "symbol") return words.symbol;
  if (typeof value === "boolean") return m.format(words.boolean, { value: String(value) });
  if (typeof value === "bigint") return m.format(words.bigint, { value: value.toString() });
  return typeof value;
}

/** The text quoted in the site's language, cut with « … » past `limit` characters. */
function quoteText(text: string, limit: number, m: Messages): string {
  return text.length <= limit ? m.quote(text) : m.quote(text.slice(0, limit), { cut: true });
}

/** The first SHOWN characters of `JSON.stringify(value)`, with « … » when cut. */
function preview(value: unknown): string {
  const out = new Writer(SHOWN);
  write(value, out, new Set());
  return out.text();
}

class Writer {
  private parts: string[] = [];
  private length = 0;
  constructor(private readonly limit: number) {}
  get full(): boolean {
    return this.length > this.limit;
  }
  push(part: string): void {
    if (this.full) return;
    this.parts.push(part);
    this.length += part.length;
  }
  text(): string {
    const joined = this.parts.join("");
    return joined.length > this.limit ? `${joined.slice(0, this.limit)}…` : joined;
  }
}

/** Writes `value` as JSON would, until the writer is full. */
function write(value: unknown, out: Writer, open: Set<object>): void {
  if (out.full) return;
  if (value === null || value === undefined || typeof value === "function" || typeof value === "symbol") {
    out.push("null");
    return;
  }
  if (typeof value === "string") {
    // Never more of the text than can still be shown.
    out.push(JSON.stringify(value.slice(0, SHOWN + 1)));
    return;
  }
  if (typeof value === "number") {
    out.push(Number.isFinite(value) ? String(value) : "null");
    return;
  }
  if (typeof value === "boolean") {
    out.push(String(value));
    return;
  }
  if (typeof value === "bigint") {
    out.push(String(value));
    return;
  }
  const object = value;
  if (open.has(object)) {
    out.push('"(itself)"');
    return;
  }
  if (object instanceof Date) {
    out.push(Number.isNaN(object.getTime()) ? "null" : JSON.stringify(object.toISOString()));
    return;
  }
  open.add(object);
  if (Array.isArray(object)) {
    out.push("[");
    for (let i = 0; i < object.length && !out.full; i++) {
      if (i > 0) out.push(",");
      write(object[i], out, open);
    }
    out.push("]");
  } else {
    out.push("{");
    let first = true;
    // for…in with an own-property test walks keys one at a time, where
    // Object.keys would list every key of a huge object first.
    for (const key in object) {
      if (out.full) break;
      if (!Object.hasOwn(object, key)) continue;
      const field = (object as Record<string, unknown>)[key];
      if (field === undefined || typeof field === "function" || typeof field === "symbol") continue;
      if (!first) out.push(",");
      first = false;
      out.push(`${JSON.stringify(key.slice(0, SHOWN + 1))}:`);
      write(field, out, open);
    }
    out.push("}");
  }
  open.delete(object);
}
