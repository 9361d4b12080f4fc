/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * « Brouillon » / « Programmé »: only ever visible in preview (`npm start`),
 * since drafts and scheduled posts are not built otherwise.
 */
import type { PublicationState } from "../../plugins/content/publishing.ts";
import type { I18n } from "../../plugins/i18n/index.ts";

export function StateBadge({ state, i18n }: { state: PublicationState; i18n: I18n }): JSX.Element {
  if (state === "published") return null;
  return <span class={`badge badge--${state}`}>{state === "draft" ? i18n.t.post.draft : i18n.t.post.scheduled}</span>;
}
