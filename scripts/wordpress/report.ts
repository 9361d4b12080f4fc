/**
 * What the import tells the author: a progress bar while it works (on a
 * terminal only), then a summary table, the files written or that would be
 * (dry run), the warnings (each naming its file) and the notes, in the
 * site's language.
 */
import path from "node:path";
import { CATEGORIES_FILE } from "../../plugins/config/load.ts";
import type { Messages } from "../../plugins/i18n/index.ts";
import { REDIRECTS_FILE, type ImportResult } from "./importer.ts";

export function progressBar(stream: NodeJS.WriteStream): (phase: string, done: number, total: number) => void {
  if (!stream.isTTY) return () => {};
  let last = "";
  return (phase, done, total) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    const line = `  ${phase.padEnd(11)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%`;
    if (line === last) return;
    last = line;
    stream.write(`\r${line}`);
    if (ratio >= 1 && phase === "converting") stream.write("\r\x1b[K");
  };
}

export function clearProgress(stream: NodeJS.WriteStream): void {
  if (stream.isTTY) stream.write("\r\x1b[K");
}

function table(rows: string[][], numbers = true): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows.map(
    (row) =>
      "  " +
      row
        .map((cell, column) =>
          column === 0 || !numbers ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join("  ")
        .trimEnd(),
  );
}

export function formatSummary(result: ImportResult, m: Messages): string {
  const t = m.t.import;
  const out = result.out.split(path.sep).join("/");
  const shown = (file: string) => `${out}/${file}`;
  const lines: string[] = [];
  // A file is named as written only when this run wrote (or would write) it.
  const touched = new Set(
    result.changes.filter((change) => change.kind === "new" || change.kind === "merged").map((change) => change.file),
  );
  const where = (file: string) => m.format(touched.has(file) ? t.inFile : t.alreadyInFile, { file: shown(file) });
  const title = result.channel.title.trim();
  lines.push(
    m.format(t.title, {
      of: title ? m.format(t.titleOf, { title }) : "",
      file: path.basename(result.file),
      version: result.channel.version,
      out,
    }),
  );
  if (result.dryRun) lines.push(t.dryRun);
  lines.push("");
  lines.push(
    ...table([
      ["", t.total, t.published, t.scheduled, t.drafts, t.kept],
      ...(["posts", "pages"] as const).map((kind) => {
        const c = result[kind];
        const total = c.published + c.scheduled + c.drafts;
        return [kind === "posts" ? t.posts : t.pages, total, c.published, c.scheduled, c.drafts, c.kept].map(String);
      }),
    ]),
  );
  lines.push("");
  const c = result.comments;
  const skipped = c.spam + c.pending + c.trash + c.pings + c.unreadable;
  lines.push(
    ...table(
      [
        [
          t.comments,
          m.plural(t.archived, c.archived) +
            (skipped > 0
              ? m.format(t.leftOut, { spam: c.spam, pending: c.pending, trash: c.trash, pings: c.pings }) +
                (c.unreadable ? m.format(t.unreadable, { count: c.unreadable }) : "")
              : "") +
            (c.reattached ? m.plural(t.reattached, c.reattached) : "") +
            (result.commentsInKeptFiles ? m.format(t.inKeptFiles, { count: result.commentsInKeptFiles }) : ""),
        ],
        [t.redirects, `${result.redirects}${result.redirects ? where(REDIRECTS_FILE) : ""}`],
        [
          t.categories,
          m.plural(t.newCategories, result.categoriesAdded.length) +
            (result.categoriesAdded.length ? where(CATEGORIES_FILE) : ""),
        ],
        [t.images, m.format(t.imagesCount, { copied: result.imagesCopied, remote: result.remoteImages.length })],
        [t.warnings, String(result.warnings.length)],
      ],
      false,
    ),
  );

  const byKind = (kind: string) => result.changes.filter((change) => change.kind === kind).map((change) => change.file);
  const listed: Array<[string, string[]]> = result.dryRun
    ? [
        [t.wouldWrite, byKind("new")],
        [t.wouldOverwrite, byKind("overwritten")],
        [t.wouldRemove, byKind("removed")],
        [t.wouldMerge, byKind("merged")],
        [t.wouldKeep, byKind("kept")],
      ]
    : [
        [t.overwritten, byKind("overwritten")],
        [t.removed, byKind("removed")],
        [t.merged, byKind("merged")],
        [t.keptFiles, byKind("kept")],
      ];
  if (!result.dryRun) {
    const written = byKind("new").length + byKind("overwritten").length + byKind("merged").length;
    lines.push("", m.plural(t.written, written));
  }
  const heading = (text: string) => m.at(text, "").trimEnd();
  for (const [name, files] of listed) {
    if (files.length === 0) continue;
    lines.push("", heading(name), ...files.map((file) => `  ${shown(file)}`));
  }
  if (result.warnings.length > 0) {
    lines.push(
      "",
      heading(t.warnings),
      ...result.warnings.map((w) => `  - ${w.replace(/^(posts|pages)\//, `${out}/$1/`)}`),
    );
  }
  if (result.notes.length > 0) lines.push("", heading(t.notes), ...result.notes.map((n) => `  - ${n}`));
  if (result.remoteImages.length > 0) {
    lines.push(
      "",
      heading(t.remoteImages),
      ...result.remoteImages.map(({ file, src }) => `  ${m.at(shown(file), src)}`),
    );
  }
  lines.push("", result.dryRun ? t.runAgain : t.next);
  return lines.join("\n");
}
