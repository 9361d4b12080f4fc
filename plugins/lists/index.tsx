/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * The pages Billet generates from the posts: the home page and its
 * following pages, one page (or more) per category and per tag, the archive
 * by year, and the 404 page. They are virtual templates: nothing to keep in
 * `content/`.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import { ArchivePage } from "../../layouts/lists/ArchivePage.tsx";
import { HomePage } from "../../layouts/lists/HomePage.tsx";
import { NotFoundPage } from "../../layouts/lists/NotFoundPage.tsx";
import { TaxonomyPage } from "../../layouts/lists/TaxonomyPage.tsx";
import { siteContext, type TemplateData } from "../../layouts/data.ts";
import type { Blog, GeneratedAddress, ListPage, Taxonomy } from "../content/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";

type ListData = TemplateData & { list: ListPage };
type TaxonomyData = TemplateData & { taxonomy: Taxonomy };

/** One output page per element of `blog.<source>`, named `alias` in the data. */
function pagesOf<D extends TemplateData, A extends string & keyof D>(
  source: "homePages" | "categories" | "tags",
  alias: A,
  render: (data: D) => JSX.Element,
) {
  return {
    data: {
      pagination: { data: `blog.${source}`, size: 1, alias },
      permalink: (data: D) => (data[alias] as { url: string }).url,
      eleventyExcludeFromCollections: true,
    },
    render,
  };
}

/** The addresses of the pages this plugin generates, for the build's checks. */
export function listAddresses(blog: Blog, site: ResolvedSiteConfig): GeneratedAddress[] {
  return [
    ...blog.homePages.map((list) => ({
      url: list.url,
      owner: list.pageNumber === 1 ? "the home page" : "a page of the home page's list",
    })),
    ...blog.categories.map((taxonomy) => ({
      url: taxonomy.url,
      owner: `the page of category ${JSON.stringify(taxonomy.name)}`,
    })),
    ...blog.tags.map((taxonomy) => ({ url: taxonomy.url, owner: `the page of tag ${JSON.stringify(taxonomy.name)}` })),
    { url: site.permalinks.archive, owner: "the archive page" },
    { url: NOT_FOUND_URL, owner: "the 404 page" },
  ];
}

/** Where Netlify finds the page it serves for unknown addresses. */
const NOT_FOUND_URL = "/404.html";

export default function listsPlugin(eleventyConfig: EleventyConfig, { site }: { site: ResolvedSiteConfig }): void {
  eleventyConfig.addTemplate(
    "billet/home.11ty.tsx",
    pagesOf<ListData, "list">("homePages", "list", (data) => <HomePage ctx={siteContext(data)} list={data.list} />),
  );
  eleventyConfig.addTemplate(
    "billet/categories.11ty.tsx",
    pagesOf<TaxonomyData, "taxonomy">("categories", "taxonomy", (data) => (
      <TaxonomyPage ctx={siteContext(data)} taxonomy={data.taxonomy} />
    )),
  );
  eleventyConfig.addTemplate(
    "billet/tags.11ty.tsx",
    pagesOf<TaxonomyData, "taxonomy">("tags", "taxonomy", (data) => (
      <TaxonomyPage ctx={siteContext(data)} taxonomy={data.taxonomy} />
    )),
  );
  eleventyConfig.addTemplate("billet/archive.11ty.tsx", {
    data: { permalink: site.permalinks.archive, eleventyExcludeFromCollections: true },
    render: (data: TemplateData) => (
      <ArchivePage
        ctx={siteContext(data)}
        url={site.permalinks.archive}
        years={data.blog.years}
        categories={data.blog.categories}
        tags={data.blog.tags}
        total={data.blog.posts.length}
      />
    ),
  });
  eleventyConfig.addTemplate("billet/404.11ty.tsx", {
    data: { permalink: NOT_FOUND_URL, eleventyExcludeFromCollections: true },
    render: (data: TemplateData) => <NotFoundPage ctx={siteContext(data)} latest={data.blog.posts.slice(0, 3)} />,
  });
}
