/**
 * A front matter that cannot be read, said in plain words at the file's
 * line where the author must look.
 *
 * js-yaml stops at the first place where it cannot go on, which is often
 * far from the mistake: a quote left open on line 2 swallows the lines
 * after it until the next quote, and the parser complains at line 8 about
 * "a multiline key". So the YAML text is read here line by line, the way an
 * author reads it (a key, a colon, a value; quotes and brackets closed on
 * their line), and what looks wrong at or before the parser's stop is what
 * is reported: the line where the quote or the bracket was opened, the
 * value with a colon in it. The parser's reason picks the message only
 * when nothing looks wrong before it (a tab, a key written twice, an
 * indentation), and never shows through.
 *
 * Pure functions: text and language in, problems out (messages in
 * plugins/i18n, `frontMatterSyntax`).
 */
import yaml from "js-yaml";
import { I18n } from "../i18n/index.ts";
import { frenchSpacing } from "../i18n/typography.ts";
import type { Language } from "../i18n/languages.ts";

/** One problem: the file's line (1-based) and what to do there. */
export interface SyntaxProblem {
  line: number;
  message: string;
}

type Messages = I18n["t"]["frontMatterSyntax"];

/** One I18n per language, made the first time a message needs it. */
const languages = new Map<Language, I18n>();
function say(language: Language, key: keyof Messages, values: Record<string, string | number> = {}): string {
  let i18n = languages.get(language);
  if (!i18n) languages.set(language, (i18n = new I18n(language, "UTC")));
  // Typeset like the other tools' messages (plugins/i18n `Messages`): the template, not what fills it.
  const template = i18n.t.frontMatterSyntax[key];
  return i18n.format(language === "fr" ? frenchSpacing(template) : template, values);
}

/**
 * The problems of a front matter's YAML text, `[]` when it reads. `firstLine`
 * is the file's line of the text's first line: gray-matter hands over the
 * text from the end of the opening `---` on, so that is 1 for a front matter.
 */
export function yamlProblems(text: string, firstLine: number, language: Language): SyntaxProblem[] {
  let value: unknown;
  try {
    // The schema that plugins/content/frontmatter.ts reads with; syntax does not depend on it, tags do.
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const { line, key, values } = diagnose(text, firstLine, error);
    return [{ line: firstLine + line, message: say(language, key, values) }];
  }
  if (value === null || value === undefined || (typeof value === "object" && !Array.isArray(value))) return [];
  // A single value or a list: a key glued to its value (`title:Mon titre`) reads as one.
  const lines = splitLines(text);
  const { findings } = scan(lines, firstLine);
  const glued = findings.find((finding) => finding.key === "noSpaceAfterColon");
  const first = Math.max(
    0,
    lines.findIndex((line) => line.trim() !== "" && !line.trim().startsWith("#")),
  );
  return [
    glued
      ? { line: firstLine + glued.line, message: say(language, glued.key, glued.values) }
      : { line: firstLine + first, message: say(language, "notMapping") },
  ];
}

/** Aliases that expand past `max` values (plugins/content/frontmatter.ts refuses them): said at the first one. */
export function aliasProblem(text: string, firstLine: number, max: number, language: Language): SyntaxProblem {
  const line = Math.max(
    0,
    splitLines(text).findIndex((line) => /(^|[\s[{,:-])\*[^\s]/.test(line)),
  );
  return { line: firstLine + line, message: say(language, "aliases", { max: max.toLocaleString(language) }) };
}

function splitLines(text: string): string[] {
  return text.split("\n").map((line) => line.replace(/\r$/, ""));
}

/**
 * A front matter opened by `---` that is never closed, or closed too late:
 * where the body begins (a paragraph after a blank line) before the `---`
 * that gray-matter would take for the closing one. Looked for before the
 * YAML is parsed, since the body read as YAML gives messages about keys
 * the author never wrote.
 */
export function closingProblem(text: string, language: Language): SyntaxProblem | undefined {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  // As gray-matter: `---`, then anything but a fourth dash (a language name may follow).
  if (!source.startsWith("---") || source[3] === "-") return undefined;
  // gray-matter's closing line is the first that starts with `---`.
  const end = source.indexOf("\n---", 3);
  const matter = end === -1 ? source : source.slice(0, end);
  // The body can only begin after a blank line or a heading: most front matters have neither.
  if (end !== -1 && !/\n[ \t\r]*\n|\n#/.test(matter)) return undefined;
  const yamlLines = splitLines(matter).slice(1);
  const body = bodyStart(yamlLines, end === -1);
  if (end !== -1 && body === undefined) return undefined;
  if (body === undefined) return { line: 1, message: say(language, "neverClosed") };
  const line = body + 2;
  return end === -1
    ? { line, message: say(language, "neverClosedBody", { open: 1 }) }
    : { line, message: say(language, "closedLate", { open: 1, close: yamlLines.length + 2 }) };
}

/**
 * The index of the line where a Markdown body seems to begin among a front
 * matter's lines: a line at the margin that is no YAML entry (a paragraph,
 * a quotation, an image, a key of several words), after a blank line (or
 * anywhere, when the front matter is never closed). Markdown headings read
 * as YAML comments: the body begins with those just before it. (A line
 * right after a field, in a front matter that is closed, is rather a
 * value gone wrong: yamlProblems says so.)
 */
function bodyStart(lines: string[], unclosed: boolean): number | undefined {
  const { entries, constructs } = scan(lines, 0);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (constructs.has(i) || !/^[^\s#-]/.test(line) || line.startsWith("...")) continue;
    const entry = entries.get(i);
    if (entry && !/\s/.test(entry.key)) continue;
    // Back over the blank lines and headings between the last field and this line.
    let start = i;
    while (start > 0 && /^(#|\s*$)/.test(lines[start - 1]!)) start--;
    if (!unclosed && (start === i || start === 0)) continue;
    while (lines[start]!.trim() === "") start++;
    return start;
  }
  return undefined;
}

/** What a line of YAML says, as an author reads it. */
interface Entry {
  key: string;
  /** The key's column. */
  indent: number;
  /** Something follows the colon on the line (not a comment). */
  hasValue: boolean;
}

type Finding = {
  line: number;
  /** Always a YAML error, wherever the parser stopped; else counted only on the line where it did, or the one before. */
  certain: boolean;
  key: keyof Messages;
  values?: Record<string, string | number>;
};

interface Open {
  /** Inside a quoted value (its quote), or a flow collection (the closers awaited). */
  quote?: string;
  closers: string[];
  line: number;
  /** The column of the key that owns it: a key at or left of it means it was never closed. */
  indent: number;
  /** The flow collection's opening bracket, to name it. */
  bracket?: string;
}

/**
 * A key, as a line starts with it: a plain key (anything up to a colon
 * followed by a space or the end of the line), or a quoted one.
 */
const KEY =
  /^(?:("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*|([^\s"'#[\]{},&*!|>%@`?:-](?:[^:]|:(?!\s|$))*?|-(?:[^:\s]|:(?!\s|$))(?:[^:]|:(?!\s|$))*?)):(?=\s|$)/;

/** The key a KEY match names, as YAML reads it. */
function keyName(match: RegExpExecArray): string {
  const quoted = match[1];
  if (quoted === undefined) return match[2]!.trimEnd();
  return quoted.startsWith('"') ? quoted.slice(1, -1).replace(/\\(.)/g, "$1") : quoted.slice(1, -1).replace(/''/g, "'");
}

/** Signs that cannot start a plain value: YAML reads them as aliases, anchors, tags, block scalars, or keeps them. */
const RESERVED = /^[*&!|>@`%]/;

/** A plain value without the comment after it (` # …`). */
function withoutComment(value: string): string {
  const comment = value.search(/\s#/);
  return (comment === -1 ? value : value.slice(0, comment)).trimEnd();
}

/** A value in double quotes, as a fix for a line. */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * Reads the lines: the entries (by line), the lines inside a quoted value,
 * a flow collection or a block scalar that began on an earlier line, and
 * what looks wrong.
 */
function scan(
  lines: string[],
  firstLine: number,
): { entries: Map<number, Entry>; constructs: Set<number>; findings: Finding[] } {
  const entries = new Map<number, Entry>();
  const constructs = new Set<number>();
  const findings: Finding[] = [];
  let open: Open | undefined;
  /** Inside a block scalar (`|`, `>`): the column of its key; lines indented past it belong to it. */
  let block: number | undefined;
  let last: { entry: Entry; line: number } | undefined;

  const unclosed = (o: Open) =>
    findings.push({
      line: o.line,
      certain: true,
      key: o.quote
        ? o.quote === '"'
          ? "unclosedDoubleQuote"
          : "unclosedSingleQuote"
        : o.bracket === "["
          ? "unclosedList"
          : "unclosedBraces",
    });

  /**
   * Reads a value from `column` on, within `state` (a quote or brackets
   * left open by an earlier line, or none): returns what stays open at the
   * end of the line, and notes text after a closing quote or bracket.
   */
  const readValue = (i: number, column: number, state: Open): Open | undefined => {
    const line = lines[i]!;
    let quote = state.quote;
    const closers = [...state.closers];
    for (let j = column; j < line.length; j++) {
      const char = line[j]!;
      if (quote === '"') {
        if (char === "\\") j++;
        else if (char === '"') quote = undefined;
      } else if (quote === "'") {
        if (char === "'" && line[j + 1] === "'") j++;
        else if (char === "'") quote = undefined;
      } else if (char === "#" && (j === 0 || /\s/.test(line[j - 1]!))) {
        break;
      } else if ((char === '"' || char === "'") && (j === column || /[\s[{,:]/.test(line[j - 1]!))) {
        quote = char;
      } else if (closers.length > 0 && (char === "[" || char === "{")) {
        closers.push(char === "[" ? "]" : "}");
      } else if (closers.length > 0 && char === closers.at(-1)) {
        closers.pop();
      } else {
        continue;
      }
      if (quote === undefined && closers.length === 0) {
        // The value is complete: only a comment may follow.
        const rest = line.slice(j + 1);
        if (rest.trim() !== "" && !/^\s+#/.test(rest)) {
          findings.push(
            state.bracket
              ? { line: i, certain: true, key: "textAfterBracket", values: { closing: char, column: j + 1 } }
              : {
                  line: i,
                  certain: true,
                  key: char === '"' ? "textAfterDoubleQuote" : "textAfterSingleQuote",
                },
          );
        }
        return undefined;
      }
    }
    if (quote === undefined && closers.length === 0) return undefined;
    if (quote && closers.length > 0) {
      // A quote left open inside brackets: the quote is the mistake.
      findings.push({ line: i, certain: true, key: quote === '"' ? "unclosedDoubleQuote" : "unclosedSingleQuote" });
      return undefined;
    }
    return { ...state, quote, closers };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = /^ */.exec(line)![0].length;
    if (block !== undefined) {
      if (line.trim() === "" || indent > block) {
        constructs.add(i);
        continue;
      }
      block = undefined;
    }
    if (open) {
      const key = KEY.exec(line.slice(indent));
      if (key && indent <= open.indent && line.trim() !== "") {
        // A new entry while a quote or a bracket is still open: it was never closed.
        unclosed(open);
        open = undefined;
      } else {
        constructs.add(i);
        open = readValue(i, 0, open);
        continue;
      }
    }
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    if (/^[ \t]*\t/.test(line)) {
      findings.push({ line: i, certain: true, key: "tab" });
      continue;
    }
    // List items (`- `) hold values or entries of their own, further right.
    let column = indent;
    while (/^-(\s|$)/.test(line.slice(column))) column += /^-\s*/.exec(line.slice(column))![0].length;
    const item = column > indent;
    const rest = line.slice(column);
    const key = KEY.exec(rest);
    let valueColumn = column;
    if (key) {
      valueColumn = column + key[0].length;
      while (line[valueColumn] === " ") valueColumn++;
      const value = line.slice(valueColumn);
      const entry = { key: keyName(key), indent: column, hasValue: value !== "" && !value.startsWith("#") };
      entries.set(i, entry);
      last = { entry, line: i };
    } else if (!item) {
      const glued = /^([A-Za-z_][\w-]*):(?!\/\/)(\S.*)$/.exec(rest);
      if (glued) {
        findings.push({
          line: i,
          certain: false,
          key: "noSpaceAfterColon",
          values: { fixed: `${glued[1]}: ${glued[2]}` },
        });
      } else if (!last || indent <= last.entry.indent) {
        // Not a continuation of the value above (that would be indented past its key).
        findings.push(
          /^-[^\s-]/.test(rest)
            ? { line: i, certain: true, key: "noSpaceAfterDash", values: { fixed: `- ${rest.slice(1)}` } }
            : last
              ? {
                  line: i,
                  certain: true,
                  key: "withoutKey",
                  values: { key: last.entry.key, line: firstLine + last.line },
                }
              : { line: i, certain: true, key: "withoutKeyFirst" },
        );
      }
      continue;
    }
    const value = line.slice(valueColumn);
    if (value === "" || value.startsWith("#")) continue;
    const owner = key ? column : indent;
    if (value.startsWith('"') || value.startsWith("'") || value.startsWith("[") || value.startsWith("{")) {
      const bracket = value[0] === "[" || value[0] === "{" ? value[0] : undefined;
      const state: Open = {
        quote: bracket ? undefined : value[0],
        closers: bracket ? [bracket === "[" ? "]" : "}"] : [],
        line: i,
        indent: owner,
        bracket,
      };
      open = readValue(i, valueColumn + 1, state);
      continue;
    }
    const name = key ? keyName(key) : "-";
    const plain = withoutComment(value);
    const fixed = `${line.slice(indent, valueColumn)}${quoted(plain)}`;
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(value)) {
      block = owner;
    } else if (key && /^-(\s|$)/.test(value)) {
      const items = plain.slice(1).trim();
      findings.push({
        line: i,
        certain: true,
        key: "listOnKeyLine",
        values: { key: name, fixed: `${line.slice(indent, valueColumn)}[${items}]` },
      });
    } else if (RESERVED.test(value)) {
      // Aliases, anchors and tags are YAML; `@`, `` ` `` and `%` are kept, and `|`, `>` need a line break.
      findings.push({
        line: i,
        certain: /^[@`%|>]/.test(value),
        key: "reservedStart",
        values: { key: name, char: value[0]!, fixed },
      });
    } else if (/:(\s|$)/.test(plain)) {
      findings.push({ line: i, certain: true, key: "colonInValue", values: { key: name, fixed } });
    }
  }
  if (open) unclosed(open);
  return { entries, constructs, findings };
}

interface Diagnosis {
  /** 0-based, in the YAML text. */
  line: number;
  key: keyof Messages;
  values?: Record<string, string | number>;
}

/** What to tell the author of `error`, js-yaml's, in `text`. */
function diagnose(text: string, firstLine: number, error: yaml.YAMLException): Diagnosis {
  const lines = splitLines(text);
  const { entries, findings } = scan(lines, firstLine);
  findings.sort((a, b) => a.line - b.line);
  const mark = Math.min(error.mark?.line ?? 0, lines.length - 1);
  const reason = error.reason ?? "";
  // What looks wrong at or before the parser's stop, first: that is where it went wrong.
  const found = findings.find(
    (finding) => finding.line <= mark && (finding.certain || finding.line === mark || finding.line === mark - 1),
  );
  if (found) return found;
  if (/tab characters/.test(reason)) return { line: mark, key: "tab" };
  if (/duplicated mapping key/.test(reason)) return duplicate(lines, entries, mark, error.mark?.column ?? 0, firstLine);
  if (/unknown escape sequence|expected hexadecimal/.test(reason)) return { line: mark, key: "backslash" };
  if (/non-printable|null byte/.test(reason)) return { line: mark, key: "controlCharacter" };
  if (/bad indentation/.test(reason)) {
    const above = [...entries].filter(([line]) => line < mark).at(-1);
    const indent = /^ */.exec(lines[mark]!)![0].length;
    if (above && above[1].hasValue && indent > above[1].indent)
      return { line: mark, key: "indentDeeper", values: { key: above[1].key, line: firstLine + above[0] } };
    return { line: mark, key: "indentMismatch" };
  }
  return { line: mark, key: "unreadable" };
}

/** A key written twice: where the first one is, among the entries of the same block above. */
function duplicate(
  lines: string[],
  entries: Map<number, Entry>,
  mark: number,
  column: number,
  firstLine: number,
): Diagnosis {
  const written = KEY.exec(lines[mark]!.slice(column));
  if (!written) return { line: mark, key: "unreadable" };
  const key = keyName(written);
  const here = entries.get(mark);
  if (here && here.key === key) {
    for (let line = mark - 1; line >= 0; line--) {
      const entry = entries.get(line);
      if (!entry || entry.indent > here.indent) continue;
      if (entry.indent < here.indent) break;
      if (entry.key === key) return { line: mark, key: "duplicateKey", values: { key, first: firstLine + line } };
    }
  }
  return { line: mark, key: "duplicateKeyHere", values: { key } };
}
