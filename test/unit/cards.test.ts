/**
 * Social cards: what is on them, how they are cached, and how they look
 * with the longest titles (pixels read back from the rendered picture).
 */
import { readFile } from "node:fs/promises";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  CARD_COLOURS,
  CARD_HEIGHT,
  CARD_WIDTH,
  drawable,
  titleStyle,
  type CardSpec,
} from "../../plugins/social/card-layout.ts";
import { cardSvg } from "../../plugins/social/card-render.ts";
import { CardMaker, cardHash, drawCards, type PlannedCard } from "../../plugins/social/cards.ts";
import type { ResolvedSiteConfig } from "../../plugins/config/site.ts";
import { ROOT } from "../helpers/project.ts";

const LONGEST_SAMPLE =
  "Concours « Démarches en clair » : quand des étudiants réécrivent nos formulaires, l’administration ferait bien de les lire";

const spec = (title: string): CardSpec => ({
  eyebrow: "Opinion",
  title,
  description: "",
  author: "Élise Marchal",
  site: "elise-marchal.example",
});

/** The card's pixels, RGBA. */
async function pixels(card: CardSpec): Promise<{ data: Buffer; at(x: number, y: number): string }> {
  const image = new Resvg(await cardSvg(card), { fitTo: { mode: "original" } }).render();
  expect([image.width, image.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  const data = image.pixels;
  return {
    data,
    at: (x, y) => {
      const i = (y * CARD_WIDTH + x) * 4;
      return `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
    },
  };
}

/** First row (from the top) where the footer's rule crosses the middle of the card. */
function ruleRow(card: { at(x: number, y: number): string }): number {
  for (let y = CARD_HEIGHT - 1; y > 0; y--) if (card.at(CARD_WIDTH / 2, y) === CARD_COLOURS.line) return y;
  return -1;
}

describe("card layout", () => {
  it("uses the light colours of the site's stylesheet", async () => {
    const css = await readFile(path.join(ROOT, "layouts/styles/main.css"), "utf8");
    const light = (name: string) => new RegExp(`--${name}: light-dark\\((#[0-9a-f]+),`).exec(css)?.[1];
    expect({
      background: light("bg"),
      text: light("text"),
      muted: light("muted"),
      line: light("line"),
      accent: light("accent"),
    }).toEqual({
      background: CARD_COLOURS.background,
      text: CARD_COLOURS.text,
      muted: CARD_COLOURS.muted,
      line: CARD_COLOURS.line,
      accent: CARD_COLOURS.accent,
    });
  });

  it("keeps every Latin letter and leaves out what the fonts cannot draw", () => {
    expect(drawable("Łódź, Ştefan, l’œuvre « été » — 20\u202F% ?")).toBe("Łódź, Ştefan, l’œuvre « été » — 20\u202F% ?");
    expect(drawable("Ete\u0301 🎉 à Pékin 北京, enfin")).toBe("Eté à Pékin, enfin");
  });

  it("makes long titles smaller, with more lines", () => {
    const short = titleStyle("Un titre court", false);
    const long = titleStyle(LONGEST_SAMPLE, false);
    expect(long.size).toBeLessThan(short.size);
    expect(long.lines).toBeGreaterThan(short.lines);
  });

  describe("with the longest sample title and a pathological one", () => {
    const pathological = `${"Anticonstitutionnellement".repeat(12)} ${"« Ça déborde ? » ".repeat(30)}`;
    let short: Awaited<ReturnType<typeof pixels>>;
    beforeAll(async () => {
      short = await pixels(spec("Court"));
    }, 30_000);

    it.each([
      ["the longest sample title", LONGEST_SAMPLE],
      ["a 500-character title with a word longer than a line", pathological],
    ])(
      "keeps %s inside its box: margins empty, footer untouched",
      async (_name, title) => {
        const card = await pixels(spec(title));
        // The right margin (the last 70 columns) holds nothing but the background.
        for (let y = 0; y < CARD_HEIGHT; y += 2) {
          for (let x = CARD_WIDTH - 70; x < CARD_WIDTH; x += 3) expect(card.at(x, y)).toBe(CARD_COLOURS.background);
        }
        // The footer (author, site) sits where it does under a one-word title, pixel for pixel.
        const rule = ruleRow(short);
        expect(rule).toBeGreaterThan(CARD_HEIGHT / 2);
        expect(ruleRow(card)).toBe(rule);
        const from = (rule - 1) * CARD_WIDTH * 4;
        expect(card.data.subarray(from).equals(short.data.subarray(from))).toBe(true);
        // And the title is there: dark text in the middle of the card.
        let ink = 0;
        for (let y = 150; y < rule - 10; y += 2)
          for (let x = 100; x < 1100; x += 4) if (card.at(x, y) === CARD_COLOURS.text) ink++;
        expect(ink).toBeGreaterThan(500);
      },
      30_000,
    );

    it("draws French accents and « » from the shipped fonts", async () => {
      // The same title with and without accents differs: the accented glyphs exist.
      const svg = await cardSvg(spec("Élève à l’école « été »"));
      const plain = await cardSvg(spec("Eleve a l'ecole < ete >"));
      expect(svg).not.toBe(plain);
      expect(svg).not.toContain("<text"); // Text is drawn as shapes, no font needed to view it.
    });
  });
});

describe("card cache", () => {
  // The renderer's fingerprint is worked out once per configuration: any object stands for one here.
  const site = {} as ResolvedSiteConfig;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "billet-cards-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const planned = (title: string): PlannedCard => {
    const s = spec(title);
    const hash = cardHash(s, site);
    return { spec: s, hash, url: `/cartes/x.${hash}.png` };
  };

  it("names a card by everything on it", () => {
    expect(cardHash(spec("Un titre"), site)).toBe(cardHash(spec("Un titre"), site));
    expect(cardHash(spec("Un titre"), site)).not.toBe(cardHash(spec("Un autre titre"), site));
    expect(cardHash(spec("Un titre"), site)).not.toBe(cardHash({ ...spec("Un titre"), author: "Léa" }, site));
  });

  it("draws only the cards it does not have, and nothing at all the second time", async () => {
    const draw = vi.fn(drawCards);
    const maker = new CardMaker(dir, draw);
    const cards = [planned("Premier"), planned("Second"), planned("Premier")];
    expect(await maker.make(cards)).toMatchObject({ drawn: 2, reused: 0 });
    expect(draw).toHaveBeenCalledTimes(1);
    expect(draw.mock.calls[0]![0].map((job) => job.spec.title)).toEqual(["Premier", "Second"]);

    draw.mockClear();
    expect(await new CardMaker(dir, draw).make(cards)).toMatchObject({ drawn: 0, reused: 2 });
    expect(draw).not.toHaveBeenCalled();

    expect(await maker.make([...cards, planned("Troisième")])).toMatchObject({ drawn: 1, reused: 2 });
    expect(draw.mock.calls[0]![0].map((job) => job.spec.title)).toEqual(["Troisième"]);
  }, 30_000);

  it("draws many cards in worker threads, each a 1200 × 630 PNG", async () => {
    const cards = Array.from({ length: 10 }, (_, i) => planned(`Billet en parallèle numéro ${i}`));
    const maker = new CardMaker(path.join(dir, "parallel"));
    expect(await maker.make(cards)).toMatchObject({ drawn: 10 });
    for (const card of cards) {
      const png = await readFile(maker.cacheFile(card));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  }, 60_000);
});
