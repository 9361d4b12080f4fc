/**
 * Pieces of schema that the sections of site.config.ts share (./schema.ts
 * and each capability's own section: comments, feeds, share buttons). They
 * import no section, so that a section can use them without a cycle.
 */
import { z } from "zod";
import type { Messages } from "../i18n/index.ts";

/** `"a", "b"` or « a », « b »: values an author may write. */
export const quoted = (names: readonly string[], m: Messages) => names.map((name) => m.quote(name)).join(", ");

/** A whole number of at least 1, `fallback` when left out. */
export const wholeNumber = (fallback: number, m: Messages) => {
  const expected = m.t.config.wholeNumber;
  return z.number({ error: expected }).int({ error: expected }).min(1, { error: expected }).default(fallback);
};
