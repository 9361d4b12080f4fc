/**
 * Archived comments: comments that come from elsewhere (the WordPress
 * import writes them; an author may write them by hand), kept beside the
 * post in `<post>.comments.yaml`:
 *
 *   content/posts/mon-billet.md        → content/posts/mon-billet.comments.yaml
 *   content/posts/mon-billet/index.md  → content/posts/mon-billet/index.comments.yaml
 *
 * A YAML list, oldest first, of `{ id, author: { name, url? }, date, body,
 * parent?, byPostAuthor? }` and nothing else: no e-mail or IP address has a
 * place in it. Read with the CORE schema like front matter, so dates stay
 * text and are read in the site's time zone.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import type { DateTime } from "luxon";
import { parseDate } from "../content/dates.ts";
import type { Messages } from "../i18n/index.ts";
import { hint } from "../problems/suggest.ts";
import { describe } from "../problems/describe.ts";
import { filesUnder } from "../build/walk.ts";

export const ARCHIVE_SUFFIX = ".comments.yaml";

export interface ArchivedComment {
  id: string;
  /** Id of the comment this one answers, in the same file. */
  parent: string | undefined;
  author: { name: string; url: string | undefined };
  date: DateTime;
  /** Markdown (HTML allowed), rendered then sanitized like GitHub comments. */
  body: string;
  byPostAuthor: boolean;
}

const KEYS = ["id", "author", "date", "body", "parent", "byPostAuthor"];
const AUTHOR_KEYS = ["name", "url"];
/** Keys that would publish what a commenter never agreed to show. */
const PERSONAL = /mail|^ip$|ip_?address|phone|^tel/i;

/** `content/posts/a.md` → `content/posts/a.comments.yaml`. */
export function archiveFileOf(postFile: string): string {
  return postFile.replace(/\.md$/, ARCHIVE_SUFFIX);
}

/**
 * Reads and checks one archive's text. Returns the comments, or one line per
 * problem in the form `[2].date: found "…", expected …`, in the words of `m`
 * (the caller adds the file name).
 */
export function parseArchive(
  text: string,
  timeZone: string,
  m: Messages,
): { ok: true; comments: ArchivedComment[] } | { ok: false; problems: string[] } {
  const t = m.t.archives;
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const mark = (error as yaml.YAMLException).mark;
    const at = mark ? m.format(m.t.problems.yamlAt, { line: mark.line + 1, column: mark.column + 1 }) : "";
    return { ok: false, problems: [m.problem(m.format(m.t.problems.invalidYaml, { at }), t.list)] };
  }
  if (data === null || data === undefined) return { ok: true, comments: [] };
  if (!Array.isArray(data)) {
    return {
      ok: false,
      problems: [m.problem(describe(data, m), t.listOfComments)],
    };
  }

  const problems: string[] = [];
  const comments: ArchivedComment[] = [];
  data.forEach((item: unknown, index) => {
    const at = (field: string) => `[${index}]${field ? `.${field}` : ""}`;
    const problem = (field: string, found: unknown, expected: string) =>
      problems.push(m.at(at(field), m.problem(describe(found, m), expected)));
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      problem("", item, t.comment);
      return;
    }
    const entry = item as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (KEYS.includes(key)) continue;
      const close = PERSONAL.test(key) ? "" : hint(key, KEYS, m);
      const expected = m.format(t.onlyKeys, { keys: KEYS.join(", ") }) + (close || t.neverPublished);
      problems.push(m.at(at(key), m.problem(m.t.problems.unknownKey, expected)));
    }
    let ok = true;
    const id = typeof entry.id === "number" ? String(entry.id) : entry.id;
    if (typeof id !== "string" || id.trim() === "") {
      problem("id", entry.id, t.id);
      ok = false;
    }
    const author = entry.author as Record<string, unknown> | undefined;
    let authorUrl: string | undefined;
    if (author === null || typeof author !== "object" || Array.isArray(author)) {
      problem("author", author, t.author);
      ok = false;
    } else {
      if (typeof author.name !== "string" || author.name.trim() === "") {
        problem("author.name", author.name, t.authorName);
        ok = false;
      }
      if (author.url !== undefined && author.url !== null && author.url !== "") {
        if (typeof author.url === "string" && /^https?:\/\/[^\s/]+\S*$/i.test(author.url)) authorUrl = author.url;
        else {
          problem("author.url", author.url, t.authorUrl);
          ok = false;
        }
      }
      for (const key of Object.keys(author)) {
        if (!AUTHOR_KEYS.includes(key)) {
          problems.push(m.at(at(`author.${key}`), m.problem(m.t.problems.unknownKey, t.authorKeys)));
        }
      }
    }
    const date = typeof entry.date === "string" ? parseDate(entry.date, timeZone) : null;
    if (!date) {
      problem("date", entry.date, m.t.problems.date);
      ok = false;
    }
    if (typeof entry.body !== "string" || entry.body.trim() === "") {
      problem("body", entry.body, t.body);
      ok = false;
    }
    const parent = typeof entry.parent === "number" ? String(entry.parent) : entry.parent;
    if (parent !== undefined && parent !== null && (typeof parent !== "string" || parent.trim() === "")) {
      problem("parent", entry.parent, t.parent);
      ok = false;
    }
    if (entry.byPostAuthor !== undefined && typeof entry.byPostAuthor !== "boolean") {
      problem("byPostAuthor", entry.byPostAuthor, m.t.problems.trueOrFalse);
      ok = false;
    }
    if (!ok) return;
    comments.push({
      id: (id as string).trim(),
      parent: typeof parent === "string" ? parent.trim() : undefined,
      author: { name: (author!.name as string).trim(), url: authorUrl },
      date: date!,
      body: entry.body as string,
      byPostAuthor: entry.byPostAuthor === true,
    });
  });

  // Ids are unique; parents exist, and no chain of parents loops.
  const byId = new Map<string, number>();
  data.forEach((item: unknown, index) => {
    const raw = (item as { id?: unknown } | null)?.id;
    const id = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : undefined;
    if (id === undefined || id === "") return;
    const first = byId.get(id);
    if (first !== undefined) {
      const found = m.format(t.idTakenFound, { id: m.quote(id), first });
      problems.push(m.at(`[${index}].id`, m.problem(found, t.idTakenExpected)));
    } else byId.set(id, index);
  });
  const parents = new Map(comments.map((c) => [c.id, c.parent]));
  for (const comment of comments) {
    const index = byId.get(comment.id)!;
    if (comment.parent === undefined) continue;
    if (!parents.has(comment.parent)) {
      problems.push(m.at(`[${index}].parent`, m.problem(m.quote(comment.parent), t.parentMissing)));
      continue;
    }
    const seen = new Set([comment.id]);
    for (let up: string | undefined = comment.parent; up !== undefined; up = parents.get(up)) {
      if (seen.has(up)) {
        const found = m.format(t.parentLoopFound, { parent: m.quote(comment.parent) });
        problems.push(m.at(`[${index}].parent`, m.problem(found, t.parentLoopExpected)));
        break;
      }
      seen.add(up);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, comments };
}

/** Parsed archives by file, reused while a file does not change (watch mode). */
export class ArchiveReader {
  #cache = new Map<string, { mtimeMs: number; size: number; result: ReturnType<typeof parseArchive> }>();
  readonly #timeZone: string;
  readonly #messages: Messages;

  constructor(timeZone: string, m: Messages) {
    this.#timeZone = timeZone;
    this.#messages = m;
  }

  /**
   * Reads every archive under `contentDir`, for the posts given by their
   * display path (`content/posts/a.md`). Returns comments by post file, and
   * problems (an archive with no post beside it is one: its comments would
   * be lost).
   */
  async read(
    contentDir: string,
    postFiles: Iterable<string>,
  ): Promise<{ byPost: Map<string, ArchivedComment[]>; problems: string[] }> {
    const byArchive = new Map<string, string>();
    for (const file of postFiles) byArchive.set(path.resolve(archiveFileOf(file)), file);
    let names: string[] = [];
    try {
      names = filesUnder(contentDir);
    } catch {
      // No content folder: no archives.
    }
    const archives = names
      .filter((name) => name.endsWith(ARCHIVE_SUFFIX))
      .map((name) => path.join(contentDir, name))
      .sort();
    const byPost = new Map<string, ArchivedComment[]>();
    const present = new Set<string>();
    const found = await Promise.all(
      archives.map(async (archive): Promise<string[]> => {
        const shown = displayPath(archive);
        const post = byArchive.get(path.resolve(archive));
        if (!post) {
          const m = this.#messages;
          const expected = m.format(m.t.archives.noPostExpected, {
            post: `${shown.slice(0, -ARCHIVE_SUFFIX.length)}.md`,
          });
          return [m.at(shown, m.problem(m.t.archives.noPostFound, expected))];
        }
        present.add(archive);
        const result = await this.#parse(archive);
        if (!result.ok) return result.problems.map((p) => this.#messages.at(shown, p));
        byPost.set(post, result.comments);
        return [];
      }),
    );
    for (const file of this.#cache.keys()) if (!present.has(file)) this.#cache.delete(file);
    return { byPost, problems: found.flat() };
  }

  async #parse(file: string): Promise<ReturnType<typeof parseArchive>> {
    const info = await stat(file);
    const cached = this.#cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.result;
    const result = parseArchive(await readFile(file, "utf8"), this.#timeZone, this.#messages);
    this.#cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, result });
    return result;
  }
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return (relative.startsWith("..") ? path.resolve(file) : relative).split(path.sep).join("/");
}
