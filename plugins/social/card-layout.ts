/**
 * What a social card looks like: a 1200 × 630 picture in the site's
 * colours, with the category above the title, and the author and the site
 * at the bottom. Described as the element tree satori lays out (flexbox,
 * like a tiny web page), from a `CardSpec` that holds every word on it.
 *
 * The title's size shrinks as it grows, and it is clamped to a number of
 * lines that fits its box, ending with « … »: a long French title wraps and
 * never runs over the footer or off the edge; a word longer than a line
 * is broken.
 *
 * Any change to this file (or to ../content/text.ts, whose `initials` it
 * draws) changes every card's fingerprint (see ./cards.ts), so cards drawn
 * by an older layout are never reused.
 */
import { initials } from "../content/text.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Everything written on a card. Two cards with the same spec are the same picture. */
export interface CardSpec {
  /** Small capitals above the title: the post's category (empty on the site's card). */
  eyebrow: string;
  title: string;
  /** A line under the title (the site's card shows the site's description). */
  description: string;
  author: string;
  /** Bottom right: the site's name, or its host name when the site is named after the author. */
  site: string;
}

/**
 * The light theme of layouts/styles/main.css (its `light-dark()` first
 * values). test/unit/cards.test.ts checks they still match.
 */
export const CARD_COLOURS = {
  background: "#fbfaf7",
  surface: "#f2efe8",
  text: "#1d1e20",
  muted: "#5d6066",
  line: "#dcd8d0",
  accent: "#0b6270",
  onAccent: "#ffffff",
} as const;

/**
 * Font families as the layout names them; the files are in ./fonts (see
 * ./card-render.ts), each in two subsets: latin (French, English…) and
 * latin-ext (the rest of the Latin alphabets, « Łódź », « Ştefan »).
 */
export const TITLE_FONT = "Source Serif 4";
export const TEXT_FONT = "Source Sans 3";
export const EXTENDED = " Ext";
const TITLE_FAMILY = `"${TITLE_FONT}", "${TITLE_FONT}${EXTENDED}"`;
const TEXT_FAMILY = `"${TEXT_FONT}", "${TEXT_FONT}${EXTENDED}"`;

/**
 * The characters the shipped fonts draw (the union of the two subsets'
 * ranges). Anything else (emoji, other scripts) would show as an empty box
 * on the card: it is left out of the card's text instead.
 */
const DRAWN =
  // The combining accents listed are drawn on their own, after the letter they follow.
  // eslint-disable-next-line no-misleading-character-class
  /[\u0000-\u02ff\u0304\u0308\u0329\u1d00-\u1dbf\u1e00-\u1eff\u2000-\u206f\u20a0-\u20c4\u2113\u2122\u2191\u2193\u2212\u2215\u2c60-\u2c7f\ua720-\ua7ff]/u;

/** Text as the card can draw it: composed accents, characters without a glyph left out. */
export function drawable(text: string): string {
  let kept = "";
  for (const char of text.normalize("NFC")) if (DRAWN.test(char)) kept += char;
  return kept
    .replace(/\s{2,}/g, " ")
    .replace(/ ([,.])/g, "$1")
    .trim();
}

/** Title size and the lines that fit at that size, by length. */
const TITLE_STEPS = [
  { upTo: 45, size: 80, lines: 3 },
  { upTo: 80, size: 68, lines: 4 },
  { upTo: 120, size: 58, lines: 5 },
  { upTo: 170, size: 50, lines: 5 },
  { upTo: Infinity, size: 44, lines: 6 },
] as const;
const TITLE_LINE_HEIGHT = 1.14;

export function titleStyle(title: string, withDescription: boolean): { size: number; lines: number } {
  const length = [...title].length;
  const step = TITLE_STEPS.find((s) => length <= s.upTo)!;
  // The site's card gives two lines to its description.
  return { size: step.size, lines: withDescription ? Math.max(2, step.lines - 2) : step.lines };
}

/** A node of satori's element tree (the shape React elements have). */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | CardNode | Array<string | CardNode> };
}

function h(type: string, style: Record<string, string | number>, ...children: Array<string | CardNode>): CardNode {
  return { type, props: { style, children: children.length === 1 ? children[0] : children } };
}

export function cardTree(spec: CardSpec): CardNode {
  const c = CARD_COLOURS;
  spec = {
    eyebrow: drawable(spec.eyebrow),
    title: drawable(spec.title),
    description: drawable(spec.description),
    author: drawable(spec.author),
    site: drawable(spec.site),
  };
  const title = titleStyle(spec.title, spec.description !== "");
  const lineHeight = Math.round(title.size * TITLE_LINE_HEIGHT);
  const text = { fontFamily: TEXT_FAMILY, fontWeight: 400 };

  const main: Array<string | CardNode> = [
    h(
      "div",
      {
        display: "block",
        fontFamily: TITLE_FAMILY,
        fontWeight: 700,
        fontSize: title.size,
        lineHeight: `${lineHeight}px`,
        maxHeight: lineHeight * title.lines,
        overflow: "hidden",
        lineClamp: title.lines,
        wordBreak: "break-word",
        color: c.text,
      },
      spec.title,
    ),
  ];
  if (spec.description) {
    main.push(
      h(
        "div",
        {
          ...text,
          display: "block",
          marginTop: 24,
          fontSize: 34,
          lineHeight: "44px",
          maxHeight: 88,
          overflow: "hidden",
          lineClamp: 2,
          wordBreak: "break-word",
          color: c.muted,
        },
        spec.description,
      ),
    );
  }

  return h(
    "div",
    { display: "flex", width: CARD_WIDTH, height: CARD_HEIGHT, background: c.background, color: c.text },
    h("div", { display: "flex", flexShrink: 0, width: 24, height: CARD_HEIGHT, background: c.accent }),
    h(
      "div",
      {
        display: "flex",
        flexDirection: "column",
        flexGrow: 1,
        width: CARD_WIDTH - 24,
        padding: "60px 80px 52px 72px",
      },
      h(
        "div",
        {
          ...text,
          display: "flex",
          height: 36,
          fontWeight: 600,
          fontSize: 28,
          letterSpacing: 3,
          textTransform: "uppercase",
          color: c.accent,
          overflow: "hidden",
        },
        spec.eyebrow,
      ),
      h(
        "div",
        { display: "flex", flexDirection: "column", justifyContent: "center", flexGrow: 1, overflow: "hidden" },
        ...main,
      ),
      h(
        "div",
        {
          ...text,
          display: "flex",
          alignItems: "center",
          flexShrink: 0,
          height: 92,
          paddingTop: 28,
          borderTop: `2px solid ${c.line}`,
          fontSize: 30,
        },
        h(
          "div",
          {
            display: "flex",
            flexShrink: 0,
            alignItems: "center",
            justifyContent: "center",
            width: 60,
            height: 60,
            marginRight: 20,
            borderRadius: 30,
            background: c.accent,
            color: c.onAccent,
            fontWeight: 600,
            fontSize: 26,
          },
          initials(spec.author),
        ),
        h("div", { display: "flex", flexGrow: 1, fontWeight: 600, overflow: "hidden" }, spec.author),
        h("div", { display: "flex", flexShrink: 0, marginLeft: 24, color: c.muted }, spec.site),
      ),
    ),
  );
}
