/**
 * The publishing rule, in one place: what readers of the built site get.
 *
 * A draft is never published. A post dated in the future is scheduled: it
 * goes out with the first build after its date (Billet's daily build hook
 * exists for that). `npm start` shows both, badged; `npm run build` leaves
 * them out of every page, list, feed and sitemap.
 */
import type { DateTime } from "luxon";

export type PublicationState = "published" | "draft" | "scheduled";

export function publicationState(entry: { draft: boolean; date: DateTime }, now: DateTime): PublicationState {
  if (entry.draft) return "draft";
  if (entry.date > now) return "scheduled";
  return "published";
}

/** Whether a page in this state is built at all: everything in preview, only published work otherwise. */
export function isBuilt(state: PublicationState, preview: boolean): boolean {
  return preview || state === "published";
}
