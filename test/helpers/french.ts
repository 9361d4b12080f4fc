/**
 * A message as French typesets it, written with plain spaces in a test: a
 * no-break space inside « » and before a colon that ends a word (` : `),
 * a narrow one before ? ; and !.
 */
export function french(line: string): string {
  return line
    .replace(/« /g, "«\u00A0")
    .replace(/ »/g, "\u00A0»")
    .replace(/«\u00A0»/g, "«\u00A0\u00A0»")
    .replace(/ :( |$)/gm, "\u00A0:$1")
    .replace(/ ([?;!])( |\)|$)/gm, "\u202F$1$2");
}
