/**
 * Images from WordPress's uploads folder (`wp-content/uploads`), copied
 * beside the post that shows them when `--uploads` names a copy of that
 * folder. Without it, or when a file is missing, the image keeps its old
 * absolute address and the summary lists it.
 */
import path from "node:path";
import { slugify } from "../../plugins/content/slug.ts";

const UPLOADS = "/wp-content/uploads/";
const IMAGE = /\.(?:jpe?g|png|gif|webp|avif|svg)$/i;

/** `<img src>` values found in raw content, before any conversion. */
export function imageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!.trim());
}

/**
 * The file inside the uploads folder an address points to
 * (`2013/01/photo.jpg`), when it is an image of the old site's uploads.
 */
export function uploadPath(src: string, hosts: Set<string>): string | undefined {
  let url: URL;
  try {
    url = new URL(src, "http://relative.invalid");
  } catch {
    return undefined;
  }
  if (url.hostname !== "relative.invalid" && !hosts.has(url.hostname.replace(/^www\./, ""))) return undefined;
  const at = url.pathname.indexOf(UPLOADS);
  if (at === -1) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname.slice(at + UPLOADS.length));
  } catch {
    return undefined;
  }
  const normal = path.posix.normalize(relative);
  if (normal.startsWith("..") || normal.startsWith("/") || !IMAGE.test(normal)) return undefined;
  return normal;
}

/** A file name safe in a URL and in Markdown, unique among `taken` (`Photo été.JPG` → `photo-ete.jpg`). */
export function localName(file: string, taken: Set<string>): string {
  const ext = path.posix.extname(file).toLowerCase();
  const stem = slugify(path.posix.basename(file, path.posix.extname(file))) || "image";
  let name = `${stem}${ext}`;
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}${ext}`;
  taken.add(name);
  return name;
}
