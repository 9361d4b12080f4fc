/**
 * Draws a card: satori lays the element tree out and writes it as SVG
 * (text turned into shapes, with the fonts shipped in ./fonts), and resvg
 * turns the SVG into a PNG. No network, no system font.
 *
 * Both are loaded on first use only: a build whose cards are all in the
 * cache never loads them.
 */
import { readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CARD_HEIGHT, CARD_WIDTH, cardTree, EXTENDED, TEXT_FONT, TITLE_FONT, type CardSpec } from "./card-layout.ts";

const FONTS_DIR = fileURLToPath(new URL("./fonts/", import.meta.url));

/** The font files, in the order satori looks for a glyph: latin first, then latin-ext. */
export const FONT_FILES = [
  { name: TITLE_FONT, weight: 700, file: "source-serif-4-latin-700-normal.woff" },
  { name: `${TITLE_FONT}${EXTENDED}`, weight: 700, file: "source-serif-4-latin-ext-700-normal.woff" },
  { name: TEXT_FONT, weight: 400, file: "source-sans-3-latin-400-normal.woff" },
  { name: `${TEXT_FONT}${EXTENDED}`, weight: 400, file: "source-sans-3-latin-ext-400-normal.woff" },
  { name: TEXT_FONT, weight: 600, file: "source-sans-3-latin-600-normal.woff" },
  { name: `${TEXT_FONT}${EXTENDED}`, weight: 600, file: "source-sans-3-latin-ext-600-normal.woff" },
] as const;

export function fontPath(file: string): string {
  return path.join(FONTS_DIR, file);
}

type Fonts = Array<{ name: string; weight: 400 | 600 | 700; style: "normal"; data: Buffer }>;
let fonts: Fonts | undefined;

function loadFonts(): Fonts {
  fonts ??= FONT_FILES.map(({ name, weight, file }) => ({
    name,
    weight,
    style: "normal" as const,
    data: readFileSync(fontPath(file)),
  }));
  return fonts;
}

/** The card as SVG. */
export async function cardSvg(spec: CardSpec): Promise<string> {
  const { default: satori } = await import("satori");
  return satori(cardTree(spec), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
}

/** The card as a PNG, and its pixels for tests that look at it. */
export async function renderCard(spec: CardSpec): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const svg = await cardSvg(spec);
  return new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
}

/**
 * Draws a card into `file`, written whole or not at all (a build stopped
 * half-way never leaves a broken picture in the cache).
 */
export async function drawCard(spec: CardSpec, file: string): Promise<void> {
  const png = await renderCard(spec);
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  try {
    await writeFile(partial, png);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
