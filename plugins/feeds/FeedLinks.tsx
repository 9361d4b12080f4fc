/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * `<link rel="alternate">` to the feeds, in every page's head, so that feed
 * readers and browser extensions find them: the blog's feeds everywhere,
 * and a category's own feeds first on its page.
 */
import type { PageMeta, SiteContext } from "../../layouts/data.ts";
import { feedPaths } from "./model.ts";

export function FeedLinks({ ctx, meta }: { ctx: SiteContext; meta: PageMeta }): JSX.Element {
  const { site, i18n } = ctx;
  const feeds: Array<{ baseUrl: string; title: string }> = [];
  if (meta.kind === "taxonomy" && meta.taxonomy.kind === "category") {
    feeds.push({
      baseUrl: meta.taxonomy.url,
      title: i18n.format(i18n.t.feeds.categoryTitle, { site: site.title, category: meta.taxonomy.name }),
    });
  }
  feeds.push({ baseUrl: "/", title: site.title });
  return (
    <>
      {feeds.map(({ baseUrl, title }) => {
        const paths = feedPaths(baseUrl);
        return (
          <>
            <link
              rel="alternate"
              type="application/atom+xml"
              href={paths.atom}
              title={i18n.format(i18n.t.feeds.linkTitle, { title, format: "Atom" })}
            />
            <link
              rel="alternate"
              type="application/feed+json"
              href={paths.json}
              title={i18n.format(i18n.t.feeds.linkTitle, { title, format: "JSON Feed" })}
            />
          </>
        );
      })}
    </>
  );
}
