/**
 * What the import tells the author: a progress bar while it works (on a
 * terminal only), then a summary table, the files written or that would be
 * (dry run), the warnings (each naming its file) and the notes.
 */
import path from "node:path";
import { CATEGORIES_FILE } from "../../plugins/config/load.ts";
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

export function formatSummary(result: ImportResult): string {
  const out = result.out.split(path.sep).join("/");
  const shown = (file: string) => `${out}/${file}`;
  const lines: string[] = [];
  // A file is named as written only when this run wrote (or would write) it.
  const touched = new Set(
    result.changes.filter((change) => change.kind === "new" || change.kind === "merged").map((change) => change.file),
  );
  const where = (file: string) => (touched.has(file) ? `, in ${shown(file)}` : `, already in ${shown(file)}`);
  const title = result.channel.title.trim();
  lines.push(
    `WordPress import${title ? ` of « ${title} »` : ""} (${path.basename(result.file)}, WXR ${result.channel.version}) into ${out}/`,
  );
  if (result.dryRun) lines.push("Dry run: nothing was written. This is what the import would do.");
  lines.push("");
  lines.push(
    ...table([
      ["", "total", "published", "scheduled", "drafts", "not written (files exist)"],
      ...(["posts", "pages"] as const).map((kind) => {
        const c = result[kind];
        const total = c.published + c.scheduled + c.drafts;
        return [kind === "posts" ? "Posts" : "Pages", total, c.published, c.scheduled, c.drafts, c.kept].map(String);
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
          "Comments",
          `${c.archived} archived` +
            (skipped > 0
              ? `; left out: ${c.spam} spam, ${c.pending} pending, ${c.trash} in the trash, ${c.pings} pingbacks and trackbacks` +
                (c.unreadable ? `, ${c.unreadable} unreadable` : "")
              : "") +
            (c.reattached
              ? `; ${c.reattached} ${c.reattached === 1 ? "reply now answers" : "replies now answer"} the comment above the one left out`
              : "") +
            (result.commentsInKeptFiles
              ? `; ${result.commentsInKeptFiles} already archived in files left as they were`
              : ""),
        ],
        ["Redirects", `${result.redirects}${result.redirects ? where(REDIRECTS_FILE) : ""}`],
        [
          "Categories",
          `${result.categoriesAdded.length} new${result.categoriesAdded.length ? where(CATEGORIES_FILE) : ""}`,
        ],
        [
          "Images",
          `${result.imagesCopied} copied beside their post, ${result.remoteImages.length} left at their old address`,
        ],
        ["Warnings", String(result.warnings.length)],
      ],
      false,
    ),
  );

  const byKind = (kind: string) => result.changes.filter((change) => change.kind === kind).map((change) => change.file);
  const listed: Array<[string, string[]]> = result.dryRun
    ? [
        ["Would write", byKind("new")],
        ["Would write over (--force)", byKind("overwritten")],
        ["Would remove (replaced by the other form of the same post)", byKind("removed")],
        ["Would merge", byKind("merged")],
        ["Would leave as they are (they exist; --force to replace them)", byKind("kept")],
      ]
    : [
        ["Written over (--force)", byKind("overwritten")],
        ["Removed (replaced by the other form of the same post)", byKind("removed")],
        ["Merged", byKind("merged")],
        ["Left as they were (they exist; --force to replace them)", byKind("kept")],
      ];
  if (!result.dryRun) {
    const written = byKind("new").length + byKind("overwritten").length + byKind("merged").length;
    lines.push("", `${written} ${written === 1 ? "file" : "files"} written.`);
  }
  for (const [heading, files] of listed) {
    if (files.length === 0) continue;
    lines.push("", `${heading}:`, ...files.map((file) => `  ${shown(file)}`));
  }
  if (result.warnings.length > 0) {
    lines.push("", "Warnings:", ...result.warnings.map((w) => `  - ${w.replace(/^(posts|pages)\//, `${out}/$1/`)}`));
  }
  if (result.notes.length > 0) lines.push("", "Notes:", ...result.notes.map((n) => `  - ${n}`));
  if (result.remoteImages.length > 0) {
    lines.push(
      "",
      "Images left at their old address:",
      ...result.remoteImages.map(({ file, src }) => `  ${shown(file)}: ${src}`),
    );
  }
  lines.push(
    "",
    result.dryRun
      ? "Run again without --dry-run to import."
      : "Next: npm run check, then npm start to read the imported posts; see « Migrating from WordPress » in the README.",
  );
  return lines.join("\n");
}
