/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * The pages Billet generates from the posts: the home page and its
 * following pages, one page (or more) per category and per tag, the archive
 * by year, and the 404 page. They are virtual templates: nothing to keep in
 * `content/`.
 */
import { ArchivePage } from "../../layouts/lists/ArchivePage.tsx";
import { HomePage } from "../../layouts/lists/HomePage.tsx";
import { NotFoundPage } from "../../layouts/lists/NotFoundPage.tsx";
import { TaxonomyPage } from "../../layouts/lists/TaxonomyPage.tsx";
import { siteContext } from "../../layouts/data.ts";
import type { GeneratedPages } from "../templates/generated.ts";
import type { Blog, GeneratedAddress, ListPage, Taxonomy } from "../content/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";

/** The addresses of the pages this plugin generates, for the build's checks. */
export function listAddresses(blog: Blog, site: ResolvedSiteConfig): GeneratedAddress[] {
  return [
    ...blog.homePages.map((list): GeneratedAddress => ({
      url: list.url,
      owner: list.pageNumber === 1 ? "homePage" : "homeListPage",
    })),
    ...blog.categories.map((taxonomy): GeneratedAddress => ({
      url: taxonomy.url,
      owner: "categoryPage",
      name: taxonomy.name,
    })),
    ...blog.tags.map((taxonomy): GeneratedAddress => ({ url: taxonomy.url, owner: "tagPage", name: taxonomy.name })),
    { url: site.permalinks.archive, owner: "archivePage" },
    { url: NOT_FOUND_URL, owner: "notFoundPage" },
  ];
}

/** Where Netlify finds the page it serves for unknown addresses. */
export const NOT_FOUND_URL = "/404.html";

/** Declares the list pages (plugins/templates/generated.ts). */
export function addListPages(pages: GeneratedPages, site: ResolvedSiteConfig): void {
  pages.each<"list", ListPage>("billet/home.11ty.tsx", "homePages", "list", (data) => (
    <HomePage ctx={siteContext(data)} list={data.list} />
  ));
  for (const source of ["categories", "tags"] as const) {
    pages.each<"taxonomy", Taxonomy>(`billet/${source}.11ty.tsx`, source, "taxonomy", (data) => (
      <TaxonomyPage ctx={siteContext(data)} taxonomy={data.taxonomy} />
    ));
  }
  pages.one("billet/archive.11ty.tsx", site.permalinks.archive, (data) => (
    <ArchivePage
      ctx={siteContext(data)}
      url={site.permalinks.archive}
      years={data.blog.years}
      categories={data.blog.categories}
      tags={data.blog.tags}
      total={data.blog.posts.length}
    />
  ));
  pages.one("billet/404.11ty.tsx", NOT_FOUND_URL, (data) => (
    <NotFoundPage ctx={siteContext(data)} latest={data.blog.posts.slice(0, 3)} />
  ));
}
