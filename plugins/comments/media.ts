/**
 * Commenters' avatars and the images in comments, downloaded once when the
 * threads are brought up to date and kept in `.cache/comments/media/`, so
 * that pages show them from this site (through the image pipeline,
 * plugins/images: sized as drawn, and twice that for dense screens) and a
 * reader's browser never asks GitHub, Mastodon or Bluesky for anything.
 *
 * Each address is tried once; one that fails (gone, not an image, too
 * large, a time-out) is remembered and tried again a week later, and the
 * page shows initials or a link in its place meanwhile. JPEG and PNG files
 * are kept as they are; GIF, WebP and AVIF are turned into PNG (their first
 * frame), which the image pipeline takes.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";

/** Larger downloads are refused: no avatar or comment image needs more. */
export const MEDIA_MAX_BYTES = 8 * 1024 * 1024;
/** A failed download is tried again after this long. */
export const MEDIA_RETRY_MS = 7 * 24 * 3600 * 1000;
const PARALLEL = 6;
const INDEX_FILE = "media.json";
const INDEX_VERSION = 1;

const INDEX = z.object({
  version: z.literal(INDEX_VERSION),
  files: z.record(
    z.string(),
    z.object({
      file: z
        .string()
        .regex(/^[0-9a-f]{64}\.(?:png|jpg)$/)
        .nullable(),
      at: z.string(),
    }),
  ),
});
type Index = z.infer<typeof INDEX>;

/** An address the build may download: https, or plain http on a loopback address (tests' stand-ins). */
export function isDownloadable(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  if (parsed.username || parsed.password) return false;
  return (
    parsed.protocol === "https:" ||
    (parsed.protocol === "http:" && /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(parsed.hostname))
  );
}

/** The kind of image a file's first bytes say it is. */
export function imageKind(bytes: Uint8Array): "png" | "jpg" | "gif" | "webp" | "avif" | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0x89 && ascii(1, 4) === "PNG") return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpg";
  if (ascii(0, 4) === "GIF8") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(4, 8) === "ftyp" && /^avi[fs]$/.test(ascii(8, 12))) return "avif";
  return undefined;
}

type Sharp = typeof import("sharp");
let sharp: Sharp | undefined;
/** sharp, the image pipeline's own (eleventy-img's dependency), loaded when a GIF or WebP comes. */
function loadSharp(): Sharp {
  const require = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy-img"));
  return (sharp ??= require("sharp") as Sharp);
}

export interface MediaReport {
  downloaded: number;
  failed: number;
}

export class MediaCache {
  readonly dir: string;
  #index: Index = { version: INDEX_VERSION, files: {} };
  #read = false;

  constructor(cacheDir: string) {
    this.dir = cacheDir;
  }

  /** The cached file of an address, if it was downloaded. */
  file(url: string): string | undefined {
    const name = this.#index.files[url]?.file;
    if (!name) return undefined;
    const file = path.join(this.dir, "media", name);
    return existsSync(file) ? file : undefined;
  }

  async load(): Promise<void> {
    if (this.#read) return;
    this.#read = true;
    try {
      const parsed = INDEX.safeParse(JSON.parse(await readFile(path.join(this.dir, INDEX_FILE), "utf8")));
      // A damaged index only costs downloads: the files are named by their address.
      if (parsed.success) this.#index = parsed.data;
    } catch {
      // No index yet.
    }
  }

  /**
   * Downloads the addresses not yet cached (and those that failed more than
   * a week ago), a few at a time. Never throws: a failure is remembered.
   */
  async fetch(urls: Iterable<string>, { now, timeoutMs }: { now: Date; timeoutMs: number }): Promise<MediaReport> {
    await this.load();
    const wanted = [...new Set(urls)].filter((url) => {
      if (!isDownloadable(url)) return false;
      const known = this.#index.files[url];
      if (!known) return true;
      if (known.file) return !existsSync(path.join(this.dir, "media", known.file));
      return now.valueOf() - Date.parse(known.at) > MEDIA_RETRY_MS;
    });
    const report: MediaReport = { downloaded: 0, failed: 0 };
    if (wanted.length === 0) return report;
    await mkdir(path.join(this.dir, "media"), { recursive: true });
    let next = 0;
    const worker = async () => {
      while (next < wanted.length) {
        const url = wanted[next++]!;
        const name = await this.#download(url, timeoutMs);
        this.#index.files[url] = { file: name ?? null, at: now.toISOString() };
        if (name) report.downloaded++;
        else report.failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, wanted.length) }, worker));
    const file = path.join(this.dir, INDEX_FILE);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.#index));
    await rename(temporary, file);
    return report;
  }

  async #download(url: string, timeoutMs: number): Promise<string | undefined> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(url, {
        signal: controller.signal,
        redirect: "follow",
        headers: { Accept: "image/png,image/jpeg,image/webp,image/gif,image/avif", "User-Agent": "billet-comments" },
      });
      if (!response.ok || !isDownloadable(response.url || url)) return undefined;
      if (Number(response.headers.get("content-length") ?? 0) > MEDIA_MAX_BYTES) return undefined;
      const bytes = await readLimited(response, MEDIA_MAX_BYTES);
      if (!bytes) return undefined;
      const kind = imageKind(bytes);
      if (!kind) return undefined;
      const hash = createHash("sha256").update(url).digest("hex");
      let data: Uint8Array = bytes;
      let extension: "png" | "jpg";
      if (kind === "png" || kind === "jpg") {
        extension = kind;
        // The pipeline reads the header; a file sharp cannot open would stop the build later.
        const meta = await loadSharp()(bytes).metadata();
        if (!meta.width || !meta.height) return undefined;
      } else {
        extension = "png";
        data = await loadSharp()(bytes, { animated: false }).png().toBuffer();
      }
      const name = `${hash}.${extension}`;
      const target = path.join(this.dir, "media", name);
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, data);
      await rename(temporary, target);
      return name;
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The body of a response, or undefined past `limit` bytes. */
async function readLimited(response: Response, limit: number): Promise<Uint8Array | undefined> {
  if (!response.body) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
