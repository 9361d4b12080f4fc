/**
 * Typography rules per language, applied to text as readers see it (titles,
 * and every text run of the Markdown body). They only touch plain text:
 * markup, URLs and code never reach them.
 *
 * French (after the Lexique des règles typographiques de l'Imprimerie
 * nationale): a no-break space inside « » and before the colon, a narrow
 * no-break space before ; ! ? and after a number before %. Spaces the author typed (any
 * width: a thin space U+2009 breaks a line as a plain one does) are replaced;
 * where the author typed none, one is added only where it cannot be part of
 * something else (never before a colon, which also appears in times and
 * URLs).
 */
export const NBSP = "\u00A0";
export const NNBSP = "\u202F";

export type Typography = (text: string) => string;

/**
 * Straight quotes and apostrophes to typographic ones: a double quote that
 * follows a space, an opening bracket or the start of the text opens « ;
 * any other closes ».
 */
function frenchQuotes(text: string): string {
  return text
    .replace(/(\p{L})'(?=\p{L})/gu, "$1’")
    .replace(/"/g, (_quote, offset: number, whole: string) =>
      offset === 0 || /[\s([{\u00A0]/.test(whole[offset - 1]!) ? "«" : "»",
    );
}

/**
 * Quotes inside quotes: French nests “ ” inside « » (« Il a dit “ non ” » is
 * written « Il a dit “non” »), so the chevrons met inside a quotation, as a
 * quoted title gets when a sentence quotes it, become English-style quotes
 * without the spaces. A closing chevron with no opening one stays as it is.
 */
function nestQuotes(text: string): string {
  if (text.indexOf("«") === text.lastIndexOf("«")) return text;
  let depth = 0;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "«") {
      if (depth > 0) {
        out += "“";
        while (SPACE.test(text[i + 1] ?? "")) i++;
      } else out += char;
      depth++;
    } else if (char === "»" && depth > 1) {
      out = out.replace(/[ \t\u00A0\u202F]+$/, "") + "”";
      depth--;
    } else {
      if (char === "»") depth = 0;
      out += char;
    }
  }
  return out;
}
const SPACE = /^[ \t\u00A0\u202F]$/;

/**
 * French spaces alone: inside « », before : ; ! ? and %, with straight quotes
 * left as they are. The tools' messages use it, since the examples they give
 * (`title: "Mon billet"`) are to be copied as written.
 */
export const frenchSpacing: Typography = (input) =>
  input
    .replace(/«[\t\p{Zs}]*/gu, `«${NBSP}`)
    .replace(/[\t\p{Zs}]*»/gu, `${NBSP}»`)
    .replace(/[\t\p{Zs}]+:/gu, `${NBSP}:`)
    .replace(/[\t\p{Zs}]+([;!?])/gu, `${NNBSP}$1`)
    .replace(/(\d)[\t\p{Zs}]+%/gu, `$1${NNBSP}%`)
    // « Vraiment! » → « Vraiment ! », but not inside "page?id" or "a;b".
    .replace(/([\p{L}\p{N}»)])([;!?]+)(?=$|[\s»).,…])/gu, `$1${NNBSP}$2`);

export const frenchTypography: Typography = (input) => {
  if (!/[«»:;!?"'%]/.test(input)) return input;
  return nestQuotes(frenchSpacing(frenchQuotes(input)));
};

export const englishTypography: Typography = (input) => {
  if (!/["']/.test(input)) return input;
  return input
    .replace(/(\p{L})'(?=\p{L})/gu, "$1’")
    .replace(/(^|[\s([{])"/g, "$1“")
    .replace(/"/g, "”")
    .replace(/(^|[\s([{])'/g, "$1‘")
    .replace(/'/g, "’");
};
