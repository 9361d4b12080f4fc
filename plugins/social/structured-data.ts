/**
 * Structured data (JSON-LD, schema.org) as typed objects, and their safe
 * serialisation into a `<script type="application/ld+json">`.
 *
 * A post is a BlogPosting by a Person (with `sameAs` links to the author's
 * profiles elsewhere) with a BreadcrumbList (home › category › post); the
 * home page is the WebSite and its Blog; category and tag pages have their
 * breadcrumb.
 */
import { absoluteUrl } from "../../layouts/data.ts";
import type { PostEntry, Taxonomy } from "../content/model.ts";
import type { I18n } from "../i18n/index.ts";
import type { ResolvedAuthor, ResolvedSiteConfig } from "../config/site.ts";
import type { SocialImage } from "./cards.ts";

export interface Person {
  "@type": "Person";
  "@id": string;
  name: string;
  url: string;
  image?: string;
  description?: string;
  sameAs?: string[];
}

export interface ImageObject {
  "@type": "ImageObject";
  url: string;
  width?: number;
  height?: number;
}

export interface BlogPosting {
  "@type": "BlogPosting";
  "@id": string;
  headline: string;
  description: string;
  url: string;
  mainEntityOfPage: string;
  datePublished: string;
  dateModified: string;
  inLanguage: string;
  articleSection: string;
  keywords?: string[];
  wordCount: number;
  image: ImageObject;
  author: Person;
  publisher: { "@id": string };
  isPartOf: { "@id": string };
}

export interface ListItem {
  "@type": "ListItem";
  position: number;
  name: string;
  item: string;
}

export interface BreadcrumbList {
  "@type": "BreadcrumbList";
  itemListElement: ListItem[];
}

export interface WebSite {
  "@type": "WebSite";
  "@id": string;
  url: string;
  name: string;
  description?: string;
  inLanguage: string;
  publisher: Person;
}

export interface Blog {
  "@type": "Blog";
  "@id": string;
  url: string;
  name: string;
  description?: string;
  inLanguage: string;
  author: { "@id": string };
  isPartOf: { "@id": string };
}

export type Thing = BlogPosting | BreadcrumbList | WebSite | Blog | Person;

export interface Graph {
  "@context": "https://schema.org";
  "@graph": Thing[];
}

/** The profiles that say who the author is elsewhere: their own list, GitHub and fediverse. */
export function authorProfiles(author: ResolvedAuthor): string[] {
  const profiles = [...author.profiles];
  if (author.github) profiles.push(`https://github.com/${author.github}`);
  if (author.fediverse) {
    const [, name, host] = author.fediverse.split("@");
    profiles.push(`https://${host}/@${name}`);
  }
  return [...new Set(profiles)];
}

export function person(author: ResolvedAuthor, site: ResolvedSiteConfig): Person {
  const sameAs = authorProfiles(author);
  return {
    "@type": "Person",
    "@id": `${site.url}/#${author.id}`,
    name: author.name,
    url: site.url + "/",
    ...(author.avatar ? { image: absoluteUrl(author.avatar, site) } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
  };
}

const siteId = (site: ResolvedSiteConfig) => `${site.url}/#site`;
const blogId = (site: ResolvedSiteConfig) => `${site.url}/#blog`;

export function postGraph(post: PostEntry, image: SocialImage, site: ResolvedSiteConfig, i18n: I18n): Graph {
  const url = absoluteUrl(post.url, site);
  const author = person(post.author, site);
  return {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "BlogPosting",
        "@id": `${url}#article`,
        headline: post.title,
        description: post.summary,
        url,
        mainEntityOfPage: url,
        datePublished: i18n.isoDate(post.date),
        dateModified: i18n.isoDate(post.updated ?? post.date),
        inLanguage: i18n.t.locale,
        articleSection: post.category.name,
        ...(post.tags.length > 0 ? { keywords: post.tags.map((tag) => tag.name) } : {}),
        wordCount: post.wordCount,
        image: {
          "@type": "ImageObject",
          url: absoluteUrl(image.url, site),
          ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
        },
        author,
        publisher: { "@id": author["@id"] },
        isPartOf: { "@id": blogId(site) },
      },
      breadcrumb(site, i18n, [
        { name: post.category.name, url: post.category.url },
        { name: post.title, url: post.url },
      ]),
    ],
  };
}

export function homeGraph(site: ResolvedSiteConfig, i18n: I18n): Graph {
  const url = site.url + "/";
  const author = person(site.defaultAuthor, site);
  const description = site.description ? { description: site.description } : {};
  return {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "WebSite",
        "@id": siteId(site),
        url,
        name: site.title,
        ...description,
        inLanguage: i18n.t.locale,
        publisher: author,
      },
      {
        "@type": "Blog",
        "@id": blogId(site),
        url,
        name: site.title,
        ...description,
        inLanguage: i18n.t.locale,
        author: { "@id": author["@id"] },
        isPartOf: { "@id": siteId(site) },
      },
    ],
  };
}

export function taxonomyGraph(taxonomy: Taxonomy, site: ResolvedSiteConfig, i18n: I18n): Graph {
  return {
    "@context": "https://schema.org",
    "@graph": [breadcrumb(site, i18n, [{ name: taxonomy.name, url: taxonomy.url }])],
  };
}

function breadcrumb(site: ResolvedSiteConfig, i18n: I18n, trail: Array<{ name: string; url: string }>): BreadcrumbList {
  return {
    "@type": "BreadcrumbList",
    itemListElement: [{ name: i18n.t.home, url: "/" }, ...trail].map(({ name, url }, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name,
      item: absoluteUrl(url, site),
    })),
  };
}

/**
 * JSON for a `<script>` element: `<`, `>` and `&` are written as `\u003c`,
 * `\u003e` and `\u0026`, so no text (a title holding `</script>` or
 * `<!--`) can end the element or change how the HTML around it is read;
 * U+2028 and U+2029 are escaped too. The JSON means exactly the same.
 */
export function serializeJsonLd(value: Graph): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
