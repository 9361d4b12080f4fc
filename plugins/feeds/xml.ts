/**
 * Writing XML by hand, safely: text and attribute values escaped, and the
 * characters XML 1.0 forbids (control characters a title pasted from
 * elsewhere may carry) removed rather than producing a feed readers reject.
 */

// XML 1.0 allows tab, newline, carriage return and everything from U+0020
// but the surrogates on their own and U+FFFE/U+FFFF.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text or attribute value, escaped for XML. */
export function xml(text: string | number): string {
  return String(text)
    .replace(FORBIDDEN, "")
    .replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** `<name attr="…">text</name>`, or `<name attr="…"/>` without text. */
export function element(name: string, attributes: Record<string, string | undefined>, text?: string): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${xml(value!)}"`)
    .join("");
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${xml(text)}</${name}>`;
}
