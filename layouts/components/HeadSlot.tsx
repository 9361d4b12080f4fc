/**
 * A named place at the end of every page's <head>, for what other plugins
 * derive from the page's description: social metadata, structured data,
 * feed links (plugins/social). Until then it renders nothing.
 */
import type { PageMeta, SiteContext } from "../data.ts";

export function HeadSlot(_props: { ctx: SiteContext; meta: PageMeta }): JSX.Element {
  return null;
}
