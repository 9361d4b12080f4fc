/**
 * Social cards: the picture a post shows when its link is shared (Open
 * Graph `og:image`), drawn at build time, cached by content.
 *
 * A card's file name carries a fingerprint of everything that changes the
 * picture: the words on it (its `CardSpec`), the layout's source, the font
 * files and the versions of satori and resvg. So:
 *
 * - the card's URL is known while the page renders, without drawing it;
 * - a card already in `.cache/social-cards/` is reused as it is: an
 *   unchanged post costs a file link on the next build, not a drawing;
 * - a new title gives a new address, so networks that keep pictures by
 *   address show the new one.
 *
 * Missing cards are drawn in worker threads, one per core, while Eleventy
 * renders the pages; the build waits for them at its end.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import type { imageSize as ImageSize } from "image-size";
import type { PostEntry } from "../content/model.ts";
import type { I18n } from "../i18n/index.ts";
import { isRelativeReference, publishedImagePath } from "../markdown/images.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { codeFingerprint } from "../build/fingerprint.ts";
import { linkFiles } from "../build/publish-files.ts";
import { startWorker } from "../build/worker.ts";
import { CARD_HEIGHT, CARD_WIDTH, type CardSpec } from "./card-layout.ts";
import { drawCard, FONT_FILES, fontPath } from "./card-render.ts";
import type { CardJob, CardJobResult } from "./card-worker.ts";

/** Folder of the published cards: `/cartes/<slug>.<fingerprint>.png`. */
export const CARDS_DIR = "cartes";

/** The picture that stands for a page when it is shared. */
export interface SocialImage {
  /** Path on the site (`/cartes/…`) or absolute URL. */
  url: string;
  width: number | undefined;
  height: number | undefined;
  type: string | undefined;
  alt: string;
}

/** A card this build publishes. */
export interface PlannedCard {
  spec: CardSpec;
  hash: string;
  /** Path on the site, `/cartes/<name>.<hash>.png`. */
  url: string;
}

// ---------------------------------------------------------------- fingerprints

/**
 * Everything that draws a card besides its words: the code (found from
 * card-render.ts's module graph), the fonts, the libraries' versions.
 * Worked out once per configuration (a configuration loaded anew under
 * `npm start` works it out again).
 */
const renderers = new WeakMap<ResolvedSiteConfig, string>();
function rendererFingerprint(site: ResolvedSiteConfig): string {
  let renderer = renderers.get(site);
  if (!renderer) {
    renderer = codeFingerprint(
      [new URL("./card-render.ts", import.meta.url)],
      FONT_FILES.map(({ file }) => fontPath(file)),
    );
    renderers.set(site, renderer);
  }
  return renderer;
}

export function cardHash(spec: CardSpec, site: ResolvedSiteConfig): string {
  return createHash("sha256").update(rendererFingerprint(site)).update(JSON.stringify(spec)).digest("hex").slice(0, 16);
}

// ---------------------------------------------------------------- what is on a card

/** Bottom right of a card: the site's name, or its host when the site bears the author's name. */
function siteLabel(site: ResolvedSiteConfig, author: string): string {
  return site.title.trim() === author.trim() ? new URL(site.url).host : site.title;
}

export function postCardSpec(post: PostEntry, site: ResolvedSiteConfig): CardSpec {
  return {
    eyebrow: post.category.name,
    title: post.title,
    description: "",
    author: post.author.name,
    site: siteLabel(site, post.author.name),
  };
}

export function siteCardSpec(site: ResolvedSiteConfig): CardSpec {
  const author = site.defaultAuthor.name;
  return {
    eyebrow: "",
    title: site.title,
    description: site.description,
    author,
    site: new URL(site.url).host,
  };
}

function planned(name: string, spec: CardSpec, site: ResolvedSiteConfig): PlannedCard {
  const hash = cardHash(spec, site);
  return { spec, hash, url: `/${CARDS_DIR}/${name}.${hash}.png` };
}

const postCards = new WeakMap<PostEntry, PlannedCard>();
const siteCards = new WeakMap<ResolvedSiteConfig, PlannedCard>();

/** The card drawn for a post (whether or not it has its own image). */
export function plannedPostCard(post: PostEntry, site: ResolvedSiteConfig): PlannedCard {
  let card = postCards.get(post);
  if (!card) postCards.set(post, (card = planned(post.slug, postCardSpec(post, site), site)));
  return card;
}

/** The card of the site itself: home page, lists and pages. */
export function plannedSiteCard(site: ResolvedSiteConfig): PlannedCard {
  let card = siteCards.get(site);
  if (!card) siteCards.set(site, (card = planned("site", siteCardSpec(site), site)));
  return card;
}

// ---------------------------------------------------------------- the image a page shows

const ownImages = new WeakMap<PostEntry, SocialImage>();

/** A post's picture: its own `image` (with `imageAlt`) when it has one, else its card. */
export function postImage(post: PostEntry, site: ResolvedSiteConfig, i18n: I18n): SocialImage {
  if (!post.image) {
    return {
      url: plannedPostCard(post, site).url,
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      type: "image/png",
      alt: i18n.format(i18n.t.social.cardAlt, { title: post.title, site: site.title }),
    };
  }
  let image = ownImages.get(post);
  if (!image) ownImages.set(post, (image = ownImage(post)));
  return image;
}

export function siteImage(site: ResolvedSiteConfig, i18n: I18n): SocialImage {
  return {
    url: plannedSiteCard(site).url,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    type: "image/png",
    alt: i18n.format(i18n.t.social.siteCardAlt, { site: site.title }),
  };
}

const IMAGE_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
  svg: "image/svg+xml",
};

/** image-size (two dozen modules), loaded for the first post that has an image of its own. */
let imageSizeModule: typeof ImageSize | undefined;
function imageSizeOf(file: string): { width?: number; height?: number; type?: string } {
  imageSizeModule ??= (createRequire(import.meta.url)("image-size") as { imageSize: typeof ImageSize }).imageSize;
  return imageSizeModule(file);
}

function ownImage(post: PostEntry): SocialImage {
  const src = post.image!;
  const relative = isRelativeReference(src);
  const url = relative ? encodeURI(publishedImagePath(post.url, src)) : src;
  let size: { width?: number; height?: number; type?: string } = {};
  if (relative) {
    try {
      size = imageSizeOf(ownImageSource(post)!);
    } catch {
      // An image whose size cannot be read is still shown; networks measure it themselves.
    }
  }
  return {
    url,
    width: size.width,
    height: size.height,
    type: size.type ? IMAGE_TYPES[size.type] : undefined,
    alt: post.imageAlt ?? "",
  };
}

/** The source file of a post's own image beside it, if it is one. */
export function ownImageSource(post: PostEntry): string | undefined {
  if (!post.image || !isRelativeReference(post.image)) return undefined;
  return path.join(path.dirname(post.inputPath), decodeURI(post.image.split(/[?#]/)[0]!));
}

// ---------------------------------------------------------------- drawing and publishing

export interface CardReport {
  drawn: number;
  reused: number;
  seconds: number;
}

/** Draws cards into the cache: each job's spec into its file. */
export type DrawCards = (jobs: Array<{ spec: CardSpec; file: string }>) => Promise<void>;

export class CardMaker {
  readonly cacheDir: string;
  #draw: DrawCards;

  constructor(cacheDir: string, draw: DrawCards = drawCards) {
    this.cacheDir = cacheDir;
    this.#draw = draw;
  }

  cacheFile(card: PlannedCard): string {
    return path.join(this.cacheDir, `${card.hash}.png`);
  }

  /** Draws the cards that are not in the cache yet. */
  async make(cards: PlannedCard[]): Promise<CardReport> {
    const started = performance.now();
    // Synchronous, like the start of publishing: Eleventy's thread gives the
    // event loop no turn while it renders, and these steps would otherwise
    // wait for the end of the build to begin linking files.
    let cached: Set<string>;
    try {
      cached = new Set(readdirSync(this.cacheDir));
    } catch {
      cached = new Set();
    }
    const missing = new Map<string, PlannedCard>();
    for (const card of cards) if (!cached.has(`${card.hash}.png`)) missing.set(card.hash, card);
    if (missing.size > 0) {
      await mkdir(this.cacheDir, { recursive: true });
      await this.#draw([...missing.values()].map((card) => ({ spec: card.spec, file: this.cacheFile(card) })));
    }
    return {
      drawn: missing.size,
      reused: new Set(cards.map((card) => card.hash)).size - missing.size,
      seconds: (performance.now() - started) / 1000,
    };
  }

  /**
   * Puts the cards into the output folder (hard links to the cache, copies
   * where links are not possible) and removes cards of earlier builds.
   */
  async publish(cards: PlannedCard[], outputDir: string): Promise<void> {
    const dir = path.join(outputDir, CARDS_DIR);
    mkdirSync(dir, { recursive: true });
    const wanted = new Map(cards.map((card) => [path.posix.basename(card.url), card]));
    const present = new Set(readdirSync(dir));
    await inBatches(
      [...present].filter((name) => !wanted.has(name)),
      (name) => rm(path.join(dir, name), { force: true }),
    );
    linkFiles(
      [...wanted]
        .filter(([name]) => !present.has(name))
        .map(([name, card]): [string, string] => [this.cacheFile(card), path.join(dir, name)]),
    );
  }
}

async function inBatches<T>(items: T[], run: (item: T) => Promise<unknown>, size = 256): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** Below this many cards, they are drawn on the main thread (a worker takes a moment to start). */
const WORKER_THRESHOLD = 8;

/** Draws cards on every core, or on the main thread when there are few. */
export const drawCards: DrawCards = async (jobs) => {
  if (jobs.length < WORKER_THRESHOLD) {
    for (const job of jobs) await drawCard(job.spec, job.file);
    return;
  }
  const threads = Math.max(1, Math.min(os.availableParallelism(), Math.ceil(jobs.length / WORKER_THRESHOLD)));
  let next = 0;
  const workers: Worker[] = [];
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = startWorker(new URL("./card-worker.ts", import.meta.url));
      workers.push(worker);
      const send = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const id = next++;
        worker.postMessage({ id, ...jobs[id]! } satisfies CardJob);
      };
      worker.on("message", (result: CardJobResult) => {
        if (result.error) {
          void worker.terminate();
          reject(new Error(`Could not draw the social card ${jobs[result.id]!.file}: ${result.error}`));
        } else send();
      });
      worker.on("error", reject);
      worker.on("online", send);
    });
  try {
    await Promise.all(Array.from({ length: threads }, run));
  } catch (error) {
    // One card failed: the build stops, without waiting for the others.
    next = jobs.length;
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
};
