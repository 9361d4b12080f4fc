/**
 * Named places in the post layout for the features that sit under a post.
 * Each is filled by the plugin that owns the feature; until then it renders
 * nothing.
 */
import type { PostEntry } from "../../plugins/content/model.ts";
import type { SiteContext } from "../data.ts";

export interface PostSlotProps {
  post: PostEntry;
  ctx: SiteContext;
}

/** « Partager cet article sur les réseaux sociaux » (plugins/social). */
export function ShareSlot(_props: PostSlotProps): JSX.Element {
  return null;
}

/** The comment thread and the giscus widget (plugins/comments). */
export function CommentsSlot(_props: PostSlotProps): JSX.Element {
  return null;
}
