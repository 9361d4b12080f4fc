/**
 * « did you mean "title"? »: the known name closest to what was written,
 * when it is close enough to be a typo.
 */
import { distance } from "fastest-levenshtein";
import type { Messages } from "../i18n/index.ts";

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

/** ` (did you mean "x"?)` in the site's language, or nothing. */
export function hint(value: string, candidates: Iterable<string>, m: Messages): string {
  const best = suggest(value, candidates);
  return best === undefined ? "" : m.format(m.t.problems.didYouMean, { name: m.quote(best) });
}
