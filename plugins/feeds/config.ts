/**
 * The `feeds` section of site.config.ts.
 */
import { z } from "zod";

/** Atom and JSON feeds (`/feed.xml`, `/feed.json`, and one per category). */
export interface FeedsConfig {
  /** How many of the latest posts each feed holds. Default 20. */
  entries?: number;
}

export const feedsSchema = z
  .strictObject(
    {
      entries: z
        .number({ error: "a whole number of at least 1" })
        .int({ error: "a whole number of at least 1" })
        .min(1, { error: "a whole number of at least 1" })
        .default(20),
    },
    { error: "the feeds' settings, e.g. { entries: 20 }" },
  )
  .prefault({});
