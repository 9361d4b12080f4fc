/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * What a page says about itself to social networks and search engines, at
 * the end of its <head>: Open Graph (Facebook, LinkedIn, Mastodon…),
 * Twitter/X's card, `fediverse:creator`, and JSON-LD structured data.
 * Everything comes from the page's `PageMeta`; text goes through
 * attributes, escaped by the renderer, and JSON-LD through
 * `serializeJsonLd`.
 */
import { absoluteUrl, type PageMeta, type SiteContext } from "../../layouts/data.ts";
import { postImage, siteImage, type SocialImage } from "./cards.ts";
import { authorProfiles, homeGraph, postGraph, serializeJsonLd, taxonomyGraph, type Graph } from "./structured-data.ts";

export function SocialHead({ ctx, meta }: { ctx: SiteContext; meta: PageMeta }): JSX.Element {
  const { site, i18n } = ctx;
  const url = absoluteUrl(meta.url, site);
  const title = meta.title ?? site.title;
  const description = meta.description ?? site.description;
  const post = meta.kind === "post" ? meta.post : undefined;
  const image: SocialImage = post ? postImage(post, site, i18n) : siteImage(site, i18n);
  const imageUrl = absoluteUrl(image.url, site);

  const properties: Array<[string, string | number | undefined]> = [
    ["og:site_name", site.title],
    ["og:locale", i18n.t.ogLocale],
    ["og:type", post ? "article" : "website"],
    ["og:title", title],
    ["og:description", description || undefined],
    ["og:url", url],
    ["og:image", imageUrl],
    ["og:image:type", image.type],
    ["og:image:width", image.width],
    ["og:image:height", image.height],
    ["og:image:alt", image.alt],
  ];
  if (post) {
    properties.push(
      ["article:published_time", i18n.isoDate(post.date)],
      ["article:modified_time", i18n.isoDate(post.updated ?? post.date)],
      ["article:author", authorProfiles(post.author)[0] ?? site.url + "/"],
      ["article:section", post.category.name],
      ...post.tags.map((tag): [string, string] => ["article:tag", tag.name]),
    );
  }
  // X reads the title, description and picture from Open Graph: only what
  // Open Graph cannot say is repeated for it.
  const names: Array<[string, string | undefined]> = [
    ["twitter:card", "summary_large_image"],
    ["twitter:image:alt", image.alt],
  ];
  if (post) {
    names.unshift(["author", post.author.name]);
    if (post.author.fediverse) names.push(["fediverse:creator", post.author.fediverse]);
  }

  const graph = structuredData(ctx, meta, image);
  return (
    <>
      {properties.map(([property, content]) =>
        content === undefined ? null : <meta property={property} content={String(content)} />,
      )}
      {names.map(([name, content]) => (content === undefined ? null : <meta name={name} content={content} />))}
      {graph ? <script type="application/ld+json">{{ html: serializeJsonLd(graph) }}</script> : null}
    </>
  );
}

function structuredData(ctx: SiteContext, meta: PageMeta, image: SocialImage): Graph | undefined {
  const { site, i18n } = ctx;
  switch (meta.kind) {
    case "post":
      return postGraph(meta.post, image, site, i18n);
    case "list":
      return meta.list.pageNumber === 1 ? homeGraph(site, i18n) : undefined;
    case "taxonomy":
      return taxonomyGraph(meta.taxonomy, site, i18n);
    default:
      return undefined;
  }
}
