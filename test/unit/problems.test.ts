import { describe as group, expect, it } from "vitest";
import { z } from "zod";
import { messages } from "../../plugins/i18n/index.ts";
import { NBSP } from "../../plugins/i18n/typography.ts";
import { describe as describeIn } from "../../plugins/problems/describe.ts";
import { validate as validateIn } from "../../plugins/problems/issues.ts";
import { keyedTable } from "../../plugins/problems/table.ts";

// Most of these tests are about how values and issues are read: told in English.
const en = messages("en");
const fr = messages("fr");
const describe = (value: unknown) => describeIn(value, en);
const validate = <S extends z.ZodType>(schema: S, data: unknown) => validateIn(schema, data, { messages: en });

/** What a YAML alias bomb parses into: `depth` levels, each holding `width` references to the one below. */
function bomb(depth: number, width: number): unknown {
  let value: unknown = "lol";
  for (let level = 0; level < depth; level++) value = Array.from({ length: width }, () => value);
  return value;
}

group("describing a found value", () => {
  it("quotes texts and names other kinds", () => {
    expect(describe(undefined)).toBe("nothing");
    expect(describe(null)).toBe("null (an empty value)");
    expect(describe("Europe/Strasburg")).toBe('"Europe/Strasburg"');
    expect(describe(0)).toBe("the number 0");
    expect(describe(true)).toBe("boolean true");
    expect(describe(Object)).toBe("a function");
    expect(describe({})).toBe("an object ({})");
  });

  it("shows small lists and objects as JSON writes them", () => {
    for (const value of [
      [],
      ["a", 1, null, true],
      { name: "X", n: [1, 2] },
      { a: { b: { c: "d" } } },
      [{ a: undefined }],
    ])
      expect(describe(value)).toMatch(new RegExp(`\\(${JSON.stringify(value).replace(/[[\]{}()]/g, "\\$&")}\\)$`));
  });

  it("cuts long values at 60 characters, marked, as their JSON begins", () => {
    const value = { text: "x".repeat(500), more: [1, 2, 3] };
    expect(describe(value)).toBe(`an object (${JSON.stringify(value).slice(0, 60)}…)`);
    const long = "é".repeat(5000);
    expect(describe(long)).toBe(`"${"é".repeat(200)}…"`);
  });

  it("walks no more of a value than it shows: an alias bomb and a cycle are described at once", () => {
    const huge = bomb(40, 10); // 10^40 leaves once expanded
    const started = performance.now();
    const text = describe(huge);
    expect(performance.now() - started).toBeLessThan(200);
    expect(text).toBe(`a list (${("[".repeat(40) + '"lol",'.repeat(4)).slice(0, 60)}…)`);
    const cyclic: Record<string, unknown> = { name: "boucle" };
    cyclic.self = cyclic;
    expect(describe(cyclic)).toBe('an object ({"name":"boucle","self":"(itself)"})');
  });

  it("reads only a value's own keys", () => {
    expect(describe(Object.create({ inherited: 1 }))).toBe("an object ({})");
  });
});

group("translating zod's issues", () => {
  const entry = z.strictObject({ name: z.string({ error: "a name" }) });
  const schema = z.strictObject({
    title: z.string({ error: "a title" }),
    people: keyedTable(entry, { expected: "people by id", messages: en }, (_id, person) => person),
    size: z.number({ error: "a number" }).optional(),
  });

  it("lists every problem at once, unknown keys with the nearest name, at any depth", () => {
    const result = validate(schema, { titel: "x", people: { lea: { nmae: "Léa" } }, size: "grand" });
    expect(result).toEqual({
      ok: false,
      problems: [
        "title: found nothing, expected a title",
        "people.lea.name: found nothing, expected a name",
        'people.lea.nmae: found an unknown key, expected one of name (did you mean "name"?)',
        'size: found "grand", expected a number',
        'titel: found an unknown key, expected one of title, people, size (did you mean "title"?)',
      ],
    });
  });

  it("cuts a key too long to be a name, in the field and in what was found", () => {
    const key = "k".repeat(100_000);
    const result = validate(schema, { title: "x", people: { [key]: {} } });
    expect(result).toEqual({
      ok: false,
      problems: [`people.${"k".repeat(100)}….name: found nothing, expected a name`],
    });
    const slugs = keyedTable(entry, { expected: "x", key: () => "a slug", messages: en }, (_id, person) => person);
    expect(validate(slugs, { [key]: { name: "A" } })).toEqual({
      ok: false,
      problems: [`${"k".repeat(100)}…: found "${"k".repeat(200)}…", expected a slug`],
    });
  });

  it("never reads what a key inherits from Object.prototype", () => {
    const result = validate(schema, { title: "x", people: { constructor: { name: 1 }, toString: {} } });
    expect(result).toEqual({
      ok: false,
      problems: [
        "people.constructor.name: found the number 1, expected a name",
        "people.toString.name: found nothing, expected a name",
      ],
    });
  });

  it("keeps entries named like Object.prototype's members, and reports a __proto__ key", () => {
    const names = ["constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"];
    const people = Object.fromEntries(names.map((id) => [id, { name: id.toUpperCase() }]));
    const result = validate(schema, { title: "x", people });
    expect(result.ok && [...result.value.people.entries()]).toEqual(
      names.map((id) => [id, { name: id.toUpperCase() }]),
    );

    const own = JSON.parse('{ "title": "x", "people": { "__proto__": { "name": "P" } } }') as unknown;
    expect(validate(schema, own).ok).toBe(true);
    const replaced = { title: "x", people: { __proto__: { lea: { name: "Léa" } } } };
    expect(validate(schema, replaced)).toMatchObject({
      ok: false,
      problems: [
        expect.stringMatching(/^people: found an object \(\{\}\), expected people by id, with no key named __proto__/),
      ],
    });
  });
});

group("in the site's language", () => {
  it("describes values in French, the author's text kept as written inside « »", () => {
    expect(describeIn(undefined, fr)).toBe("rien");
    expect(describeIn(0, fr)).toBe("le nombre 0");
    expect(describeIn(true, fr)).toBe("le booléen true");
    expect(describeIn(["a"], fr)).toBe('une liste (["a"])');
    expect(describeIn("2026-13-45", fr)).toBe(`«${NBSP}2026-13-45${NBSP}»`);
    expect(describeIn('dit "non"\n', fr)).toBe(`«${NBSP}dit "non"\\n${NBSP}»`);
    expect(describeIn("é".repeat(300), fr)).toBe(`«${NBSP}${"é".repeat(200)}…${NBSP}»`);
  });

  it("translates issues into French lines: field, no-break space, colon, found, expected", () => {
    const schema = z.strictObject({ title: z.string({ error: "un titre" }), size: z.number({ error: "un nombre" }) });
    expect(validateIn(schema, { titel: "x", size: "grand" }, { messages: fr })).toEqual({
      ok: false,
      problems: [
        `title${NBSP}: absent, attendu un titre`,
        `size${NBSP}: trouvé «${NBSP}grand${NBSP}», attendu un nombre`,
        `titel${NBSP}: trouvé une clé inconnue, attendu l’une des clés title, size (vouliez-vous dire «${NBSP}title${NBSP}»\u202F?)`,
      ],
    });
    expect(validateIn(schema, { titel: "x", size: "grand" }, { messages: en })).toMatchObject({
      problems: expect.arrayContaining([
        'titel: found an unknown key, expected one of title, size (did you mean "title"?)',
      ]),
    });
  });
});
