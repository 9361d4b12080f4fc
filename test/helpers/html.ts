/**
 * Reading built pages: every HTML file of an output folder, parsed.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";

export async function listFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  return names
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

export async function htmlPages(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => file.endsWith(".html"));
}

export async function parsePage(dir: string, file: string): Promise<HTMLElement> {
  return parse(await readFile(path.join(dir, file), "utf8"));
}

/** The URL a built file answers at: `billets/a/index.html` → `/billets/a/`. */
export function urlOf(file: string): string {
  return "/" + file.replace(/(^|\/)index\.html$/, "$1");
}

/** Visible text with whitespace collapsed (no-break spaces kept). */
export function text(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? "").replace(/[ \t\n\r]+/g, " ").trim();
}
