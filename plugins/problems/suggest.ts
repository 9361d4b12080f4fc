/**
 * « did you mean "title"? »: the known name closest to what was written,
 * when it is close enough to be a typo.
 */
import { distance } from "fastest-levenshtein";

export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** ` (did you mean "x"?)`, or nothing. */
export function hint(value: string, candidates: Iterable<string>): string {
  const best = suggest(value, candidates);
  return best === undefined ? "" : ` (did you mean "${best}"?)`;
}
