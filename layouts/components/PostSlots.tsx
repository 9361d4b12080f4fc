/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * Named places in the post layout for the features that sit under a post.
 * Each is filled by the plugin that owns the feature; until then it renders
 * nothing.
 */
import { CommentsSection, Syndication } from "../../plugins/comments/components/CommentsSection.tsx";
import type { PostEntry } from "../../plugins/content/model.ts";
import { ShareBlock } from "../../plugins/social/ShareBlock.tsx";
import type { SiteContext } from "../data.ts";

export interface PostSlotProps {
  post: PostEntry;
  ctx: SiteContext;
}

/** « Partager cet article sur les réseaux sociaux » (plugins/social). */
export function ShareSlot({ post, ctx }: PostSlotProps): JSX.Element {
  return <ShareBlock post={post} site={ctx.site} i18n={ctx.i18n} assets={ctx.assets} />;
}

/** « Aussi publié sur … », the comment thread and the giscus widget (plugins/comments). */
export function CommentsSlot({ post, ctx }: PostSlotProps): JSX.Element {
  return (
    <>
      <Syndication post={post} ctx={ctx} />
      <CommentsSection post={post} ctx={ctx} />
    </>
  );
}
