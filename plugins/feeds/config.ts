/**
 * The `feeds` section of site.config.ts.
 */
import { z } from "zod";
import type { Messages } from "../i18n/index.ts";
import { wholeNumber } from "../config/fields.ts";

/** Atom and JSON feeds (`/feed.xml`, `/feed.json`, and one per category). */
export interface FeedsConfig {
  /** How many of the latest posts each feed holds. Default 20. */
  entries?: number;
}

export function feedsSchema(m: Messages) {
  return z.strictObject({ entries: wholeNumber(20, m) }, { error: m.t.config.feeds }).prefault({});
}
