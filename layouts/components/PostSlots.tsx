/**
 * Named places in the post layout for the features that sit under a post.
 * Each is filled by the plugin that owns the feature; until then it renders
 * nothing.
 */
import { CommentsSection } from "../../plugins/comments/components/CommentsSection.tsx";
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
export function CommentsSlot({ post, ctx }: PostSlotProps): JSX.Element {
  return <CommentsSection post={post} ctx={ctx} />;
}
