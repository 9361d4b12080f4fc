/**
 * The default favicon: the first letter of the site's title on a rounded
 * square, as SVG. A blogger with a logo sets `favicon` in site.config.ts.
 * Declaring an icon also spares browsers a request for /favicon.ico.
 */
export function monogramFavicon(title: string, background = "#8a3b12"): string {
  const letter = [...title.trim()][0]?.toUpperCase() ?? "B";
  const escaped = letter.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="14" fill="${background}"/>` +
    `<text x="32" y="45" font-family="Georgia,serif" font-size="40" font-weight="700" text-anchor="middle" fill="#fff">${escaped}</text>` +
    `</svg>`
  );
}
