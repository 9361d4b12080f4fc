/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * A named place at the end of every page's <head>, for what other plugins
 * derive from the page's description: feed links (plugins/feeds), social
 * metadata and structured data (plugins/social).
 */
import { FeedLinks } from "../../plugins/feeds/FeedLinks.tsx";
import { SocialHead } from "../../plugins/social/SocialHead.tsx";
import type { PageMeta, SiteContext } from "../data.ts";

export function HeadSlot({ ctx, meta }: { ctx: SiteContext; meta: PageMeta }): JSX.Element {
  return (
    <>
      <FeedLinks ctx={ctx} meta={meta} />
      <SocialHead ctx={ctx} meta={meta} />
    </>
  );
}
