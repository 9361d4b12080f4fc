/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * The share block's icons: simplified shapes on a 24 × 24 grid, in the text
 * colour (`currentColor`), kept in one small SVG sprite file.
 */
import type { ShareNetwork } from "./networks.ts";

type Icon = { fill: string } | { stroke: string };

const ICONS: Record<ShareNetwork, Icon> = {
  linkedin: {
    fill: "M4 2h16a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm1.5 7.5V19h3V9.5zM7 4.5a1.75 1.75 0 1 0 0 3.5 1.75 1.75 0 0 0 0-3.5zm3.5 5V19h3v-5c0-1.4.6-2.3 1.8-2.3s1.7.8 1.7 2.3v5h3v-5.7c0-2.8-1.4-4-3.4-4-1.5 0-2.5.7-3.1 1.5V9.5z",
  },
  x: { fill: "M3 3h5.2l4.3 6.1L17.8 3h2.4l-6.6 7.6L21 21h-5.2l-4.6-6.5L5.5 21H3.1l7-8z" },
  facebook: {
    fill: "M12 2a10 10 0 0 0-1.6 19.9v-7H7.9V12h2.5V9.8c0-2.5 1.5-3.9 3.8-3.9 1.1 0 2.2.2 2.2.2v2.5h-1.3c-1.2 0-1.6.8-1.6 1.6V12h2.8l-.4 2.9h-2.3v7A10 10 0 0 0 12 2z",
  },
  bluesky: {
    fill: "M6.3 4.2C8.6 5.9 11 9.4 12 11.3c1-1.9 3.4-5.4 5.7-7.1 1.6-1.2 4.3-2.2 4.3.9 0 .6-.4 5.2-.6 5.9-.7 2.5-3.3 3.1-5.6 2.7 4 .7 5 2.9 2.8 5.2-4.2 4.3-6-1.1-6.5-2.5L12 16l-.1.4c-.5 1.4-2.3 6.8-6.5 2.5-2.2-2.3-1.2-4.5 2.8-5.2-2.3.4-4.9-.2-5.6-2.7C2.4 10.3 2 5.7 2 5.1c0-3.1 2.7-2.1 4.3-.9z",
  },
  mastodon: {
    fill: "M21.2 8.3c0-4.3-2.8-5.6-2.8-5.6C17 2 14.6 1.8 12 1.8h-.1c-2.6 0-5 .2-6.4.9 0 0-2.8 1.3-2.8 5.6v3.4c.1 4.3.8 8.5 4.8 9.6 1.8.5 3.4.6 4.7.5 2.3-.1 3.6-.8 3.6-.8l-.1-1.7s-1.6.5-3.4.5c-1.8-.1-3.7-.2-4-2.4v-.6s1.8.4 4 .5c1.4.1 2.6-.1 3.9-.2 2.5-.3 4.6-1.8 4.9-3.2.4-2.2.4-5.5.4-5.5zm-3.4 5.6h-2.1V8.7c0-1.1-.5-1.6-1.4-1.6-1 0-1.5.6-1.5 1.9v2.8h-2.1V9c0-1.3-.5-1.9-1.5-1.9-.9 0-1.4.5-1.4 1.6v5.2H5.7V8.5c0-1.1.3-2 .8-2.6.6-.6 1.3-1 2.2-1 1.1 0 1.9.4 2.4 1.2l.5.9.5-.9c.5-.8 1.3-1.2 2.4-1.2.9 0 1.7.3 2.2 1 .6.6.8 1.5.8 2.6z",
  },
  whatsapp: {
    stroke:
      "M3.5 20.5l1.2-4.3A8.5 8.5 0 1 1 8 19.4zM9 8c.5-.5 1-.3 1.2.2l.6 1.4-.8 1c.6 1.3 1.6 2.3 2.9 2.9l1-.8 1.4.6c.5.2.7.7.2 1.2-2.4 2.1-7-2.5-6.5-6.5z",
  },
  email: { stroke: "M5 5h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2zm-1.5 1.5 8.5 7 8.5-7" },
  copy: {
    stroke:
      "M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1",
  },
  native: {
    stroke: "M12 3v12M7.5 7.5 12 3l4.5 4.5M8 10H6a2 2 0 0 0-2 2v7a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-7a2 2 0 0 0-2-2h-2",
  },
};

/** A symbol's id in the sprite (a file of its own, so ids cannot clash with the page's). */
export const iconId = (network: ShareNetwork) => network;

/** The asset holding every icon as a `<symbol>`. */
export const ICONS_ASSET = "share-icons.svg";

/**
 * Every icon in one SVG file, served with the site's other assets: post
 * pages point at its symbols (`…/share-icons.<hash>.svg#share__icon-x`), so
 * the browser fetches it once and keeps it, instead of each page carrying it.
 */
export function iconSprite(): string {
  const symbols = Object.entries(ICONS).map(([network, icon]) => {
    const paint =
      "fill" in icon
        ? ` fill="currentColor"`
        : ` fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"`;
    const d = "fill" in icon ? icon.fill : icon.stroke;
    return `<symbol id="${iconId(network as ShareNetwork)}" viewBox="0 0 24 24"${paint}><path d="${d}"/></symbol>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join("")}</svg>\n`;
}

export function Icon({ network, sprite }: { network: ShareNetwork; sprite: string }): JSX.Element {
  return (
    <svg aria-hidden="true">
      <use href={`${sprite}#${iconId(network)}`} />
    </svg>
  );
}
