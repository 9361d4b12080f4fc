/**
 * Comparing names as people write them: « Élise Marchal », « elise marchal »
 * and « ELISE  MARCHAL » are the same person; « Non classé » and
 * « non-classe » the same category.
 */
export function sameName(a: string, b: string): boolean {
  const left = normalizeName(a);
  return left !== "" && left === normalizeName(b);
}

export function normalizeName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
