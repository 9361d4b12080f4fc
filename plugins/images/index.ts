/**
 * Images: the JPEG and PNG files of posts (and raster author portraits) are
 * published as a <picture> with AVIF and WebP sources and a JPEG or PNG
 * fallback, each in several widths, with the size written in the page so
 * nothing shifts as they load. Processing is @11ty/eleventy-img 6.
 *
 * Markdown is rendered synchronously, so the renderer asks for a picture's
 * description (`picture()`: sizes and addresses, read from the file's
 * header without processing it, as eleventy-img's `statsByDimensionsSync`
 * allows) and the work is queued; after the build, each queued image is
 * processed once, a few at a time, and the files are linked into the site
 * under `/img/`, named by a hash of the source (a changed image gets new
 * names, so browsers may keep them forever).
 *
 * Processed files are kept in `.cache/images/` (eleventy-img's output
 * folder): an image already there costs nothing on the next build, even
 * in a new process (Netlify keeps `.cache/` between builds). Files are
 * written to a temporary folder first and moved into the cache when
 * complete, so an interrupted build never leaves a half-written file there.
 *
 * SVG, GIF, WebP and remote images are left as they are.
 */
import type EleventyImage from "@11ty/eleventy-img";
import type { ImageOptions, ImageStat } from "@11ty/eleventy-img";
import { existsSync, statSync } from "node:fs";
import { copyFile, link, mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { BuildBasics, Hooks } from "../build/lifecycle.ts";
import { ProblemListError } from "../problems/errors.ts";

export class ImageError extends ProblemListError {
  override name = "ImageError";
  constructor(problems: string[]) {
    super(`${problems.length === 1 ? "An image" : `${problems.length} images`} could not be processed:`, problems);
  }
}

/** Widths for images in the text column (40rem): phones, the column, and both at twice the density. */
export const CONTENT_WIDTHS = [320, 640, 960, 1280];
/** How wide images in the text are drawn: the column, or the screen less the page's margins. */
export const CONTENT_SIZES = "(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)";
/** The author's portrait is drawn at 96 px. */
export const AVATAR_WIDTHS = [96, 192];

/**
 * eleventy-img (and sharp under it) is loaded the first time an image needs
 * it, so a blog without JPEG or PNG images never pays for loading it.
 * (It is a CommonJS module: `require` loads it synchronously, as the
 * Markdown renderer needs.)
 */
let eleventyImage: typeof EleventyImage | undefined;
const Image = (): typeof EleventyImage =>
  (eleventyImage ??= createRequire(import.meta.url)("@11ty/eleventy-img") as typeof EleventyImage);

/**
 * What is wrong with a file named as a JPEG or PNG whose header cannot be
 * read (so that it is reported with the other content problems, before
 * anything is built); undefined for a readable image or another kind of file.
 */
export function unreadableImage(file: string): string | undefined {
  if (!ImagePipeline.handles(file)) return undefined;
  try {
    const { width, height } = Image().ImageSize(file);
    return width && height ? undefined : "a file without dimensions";
  } catch (error) {
    return `a file that cannot be read as an image (${(error as Error).message.replace(/\s*\(file: [^)]*\)$/, "")})`;
  }
}

/** Files published into the site at the same time. */
const COPY_BATCH = 64;

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/**
 * Puts a cached file into the site: a hard link (no copy; files in the
 * cache are never written over, only replaced), or a copy where the two
 * folders are on different disks.
 */
async function publish(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    await copyFile(from, to);
  }
}

/** Where processed images are published. */
export const IMAGE_URL_PATH = "/img/";

export interface PictureSource {
  type: string;
  srcset: string;
}

/** What a page needs to show a processed image. */
export interface Picture {
  /** Modern formats, best first. */
  sources: PictureSource[];
  /** The widest JPEG or PNG: the <img> itself. */
  fallback: { src: string; srcset: string; type: string; width: number; height: number };
}

export interface PictureAttributes {
  alt: string;
  title?: string | undefined;
  sizes: string;
  /** The first image near the top of a post loads at once; the others when the reader gets near. */
  priority?: boolean;
  class?: string;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The <picture> element for a processed image. */
export function pictureHtml(picture: Picture, attributes: PictureAttributes): string {
  const { fallback } = picture;
  const sizes = escapeAttribute(attributes.sizes);
  const sources = picture.sources
    .map((source) => `<source type="${source.type}" srcset="${escapeAttribute(source.srcset)}" sizes="${sizes}">`)
    .join("");
  const img = [
    `src="${escapeAttribute(fallback.src)}"`,
    fallback.srcset.includes(",") ? `srcset="${escapeAttribute(fallback.srcset)}" sizes="${sizes}"` : "",
    `alt="${escapeAttribute(attributes.alt)}"`,
    attributes.title ? `title="${escapeAttribute(attributes.title)}"` : "",
    attributes.class ? `class="${escapeAttribute(attributes.class)}"` : "",
    `width="${fallback.width}" height="${fallback.height}"`,
    attributes.priority ? `loading="eager" fetchpriority="high"` : `loading="lazy"`,
    `decoding="async"`,
  ]
    .filter(Boolean)
    .join(" ");
  return `<picture>${sources}<img ${img}></picture>`;
}

/**
 * The widths to make of an image `original` pixels wide: each of `wanted`
 * narrower than the original, and the original itself when it is narrower
 * than the widest wanted (never enlarged).
 */
export function widthsFor(original: number, wanted: readonly number[]): number[] {
  const widest = Math.max(...wanted);
  const widths = new Set(wanted.filter((width) => width < original));
  widths.add(Math.min(original, widest));
  return [...widths].sort((a, b) => a - b);
}

/** The formats made of a source: AVIF and WebP, and the source's own kind as the fallback. */
export function formatsFor(type: "jpeg" | "png"): string[] {
  return ["avif", "webp", type];
}

interface Described {
  /** mtime and size of the source when described. */
  version: string;
  picture: Picture;
  /** Files to make: name in the cache folder (= in /img/). */
  files: string[];
  options: ImageOptions;
}

export interface ImagesReport {
  /** Images processed by this build. */
  processed: number;
  /** Images whose files were all in the cache. */
  reused: number;
}

export interface ImagePipelineOptions {
  /** Folder kept between builds: processed files go in `<cacheDir>/images/`. */
  cacheDir: string;
  /** The content folder, where a path on the site such as `/images/lea.jpg` is found (`content/images/`). */
  contentDir?: string;
  /** Images processed at the same time. Default: one per processor. */
  concurrency?: number;
}

export class ImagePipeline {
  readonly cacheDir: string;
  readonly #contentDir: string | undefined;
  readonly #concurrency: number;
  /** Described sources, kept across watch-mode builds while the file is unchanged. */
  #described = new Map<string, Described>();
  /** Sources used by the build under way. */
  #queued = new Map<string, Described>();

  constructor({ cacheDir, contentDir, concurrency = os.availableParallelism() }: ImagePipelineOptions) {
    this.cacheDir = path.resolve(cacheDir, "images");
    this.#contentDir = contentDir;
    this.#concurrency = Math.max(1, concurrency);
  }

  /** Whether a file is one this pipeline makes pictures of (by its name; its content is checked when described). */
  static handles(file: string): boolean {
    return /\.(jpe?g|png)$/i.test(file);
  }

  /**
   * The picture of a local JPEG or PNG file, its processing queued for
   * this build; undefined for any other file, which is left as it is.
   * Synchronous: reads the file's header and hashes it, once per version.
   */
  picture(file: string, widths: readonly number[] = CONTENT_WIDTHS): Picture | undefined {
    if (!ImagePipeline.handles(file)) return undefined;
    const key = `${path.resolve(file)}\n${widths.join(",")}`;
    const info = statSync(file);
    const version = `${info.mtimeMs}:${info.size}`;
    let described = this.#described.get(key);
    if (described?.version !== version) {
      described = this.#describe(file, widths, version);
      if (!described) return undefined;
      this.#described.set(key, described);
    }
    this.#queued.set(key, described);
    return described.picture;
  }

  /**
   * The picture of an image given by its address on the site
   * (`/images/lea.jpg`, a file in the content folder), at `widths`;
   * undefined for an SVG, a remote image or a missing file, shown as they are.
   */
  sitePicture(url: string, widths: readonly number[]): Picture | undefined {
    if (!this.#contentDir || !/^\/(?!\/)/.test(url) || !ImagePipeline.handles(url)) return undefined;
    const file = path.join(this.#contentDir, decodeURI(url.split(/[?#]/)[0]!));
    return existsSync(file) ? this.picture(file, widths) : undefined;
  }

  #describe(file: string, wanted: readonly number[], version: string): Described | undefined {
    let size: ReturnType<typeof EleventyImage.ImageSize>;
    try {
      size = Image().ImageSize(file);
    } catch (error) {
      throw new ImageError([`${file}: found a file that cannot be read as an image (${(error as Error).message})`]);
    }
    const type = size.type === "jpg" ? "jpeg" : size.type === "png" ? "png" : undefined;
    if (!type || !size.width || !size.height) return undefined;
    // EXIF orientations 5 to 8 turn the picture by a quarter: the displayed
    // width is the stored height (eleventy-img turns it when processing).
    const [width, height] = (size.orientation ?? 1) >= 5 ? [size.height, size.width] : [size.width, size.height];
    const options: ImageOptions = {
      widths: widthsFor(width, wanted),
      formats: formatsFor(type),
      // Formats are chosen here, so that the description and the processing agree.
      formatFiltering: [],
      outputDir: this.cacheDir,
      urlPath: IMAGE_URL_PATH,
      // Billet keeps its own cache (the files in the cache folder), checked before processing.
      useCache: false,
      // AVIF's default effort takes twice as long for files of the same size.
      sharpAvifOptions: { effort: 2 },
    };
    const stats = Image().statsByDimensionsSync(file, width, height, options);
    const list = (format: string): ImageStat[] => stats[format] ?? [];
    const srcset = (entries: ImageStat[]) => entries.map((entry) => entry.srcset).join(", ");
    const fallbackEntries = list(type);
    const widest = fallbackEntries.at(-1)!;
    return {
      version,
      options,
      files: Object.values(stats).flatMap((entries) => entries.map((entry) => entry.filename!)),
      picture: {
        sources: ["avif", "webp"].map((format) => ({
          type: `image/${format}`,
          srcset: srcset(list(format)),
        })),
        fallback: {
          src: widest.url,
          srcset: srcset(fallbackEntries),
          type: widest.sourceType,
          width: widest.width,
          height: widest.height,
        },
      },
    };
  }

  /** Forgets the previous build's queue. */
  reset(): void {
    this.#queued.clear();
  }

  /**
   * Processes the queued images missing from the cache, then publishes every
   * queued image's files into `<outputDir>/img/`. With `prune`, files of
   * images no longer used are removed from the cache (a complete build).
   */
  async write(outputDir: string, { prune = false } = {}): Promise<ImagesReport> {
    // Two sources with the same content make the same files: one is enough.
    const queued = [...new Map([...this.#queued].map((entry) => [entry[1].files.join("\n"), entry])).values()];
    const missing = await this.#process(queued);

    const target = path.join(outputDir, IMAGE_URL_PATH);
    const used = new Set(queued.flatMap(([, d]) => d.files));
    if (used.size > 0) await mkdir(target, { recursive: true });
    // A few files at a time: a large blog publishes thousands.
    const names = [...used];
    for (let i = 0; i < names.length; i += COPY_BATCH) {
      await Promise.all(
        names.slice(i, i + COPY_BATCH).map(async (name) => {
          const to = path.join(target, name);
          // Names come from the content: a file already there is the same file.
          if (await exists(to)) return;
          await publish(path.join(this.cacheDir, name), to);
        }),
      );
    }
    if (prune) {
      const stale = (await readdir(this.cacheDir).catch(() => [] as string[])).filter(
        (name) => !used.has(name) && !name.startsWith("."),
      );
      await Promise.all(stale.map((name) => rm(path.join(this.cacheDir, name), { force: true })));
    }
    return { processed: missing.length, reused: queued.length - missing.length };
  }

  /** Processes the queued images among `queued` missing from the cache; returns those. */
  async #process(queued: Array<[string, Described]>): Promise<Array<[string, Described]>> {
    const missing = queued.filter(([, d]) => d.files.some((name) => !existsSync(path.join(this.cacheDir, name))));
    const problems: string[] = [];
    if (missing.length > 0) {
      await mkdir(this.cacheDir, { recursive: true });
      const work = await mkdtemp(path.join(this.cacheDir, ".new-"));
      try {
        let next = 0;
        const worker = async () => {
          while (next < missing.length) {
            const [key, described] = missing[next++]!;
            const file = key.slice(0, key.indexOf("\n"));
            try {
              const job = await mkdtemp(path.join(work, "job-"));
              await Image()(file, { ...described.options, outputDir: job });
              await Promise.all(
                described.files.map((name) => rename(path.join(job, name), path.join(this.cacheDir, name))),
              );
            } catch (error) {
              problems.push(`${path.relative(process.cwd(), file)}: ${(error as Error).message}`);
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(this.#concurrency, missing.length) }, worker));
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    }
    if (problems.length > 0) throw new ImageError(problems);
    return missing;
  }

  /**
   * The file in the cache of an image published as `name` by a page
   * rendered since `reset`, processed now if it is not in the cache yet (the
   * preview serves images as they are asked for); undefined if no page
   * asked for it.
   */
  async file(name: string): Promise<string | undefined> {
    const entry = [...this.#queued].find(([, described]) => described.files.includes(name));
    if (!entry) return undefined;
    await this.#process([entry]);
    return path.join(this.cacheDir, name);
  }
}

/** Processes and publishes the images each build asked for. */
export function publishImages(images: ImagePipeline, lifecycle: Hooks<BuildBasics>): void {
  lifecycle.on("begin", () => images.reset());
  lifecycle.on("done", async ({ preview, outputDir }) => {
    await images.write(outputDir, { prune: !preview });
  });
}
