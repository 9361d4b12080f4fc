/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * The search box in every page's header (plugins/search). Without
 * JavaScript it is a plain form sent to the fallback search engine,
 * restricted to the site; page.js (plugins/search/browser/search-box.ts) turns it into a form for the
 * site's own search page. With no fallback, it goes to the search page
 * directly and needs no script.
 */
import type { PageMeta, SiteContext } from "../data.ts";

export function SearchBox({ ctx, meta }: { ctx: SiteContext; meta: PageMeta }): JSX.Element {
  const { search } = ctx.site;
  // The search page has its own, larger form.
  if (!search.enabled || meta.kind === "search") return null;
  const { t } = ctx.i18n;
  return (
    <form
      class="site-search"
      role="search"
      method="get"
      action={search.fallback?.url ?? search.url}
      data-search-box={search.url}
    >
      <label class="visually-hidden" for="recherche-site">
        {t.search.label}
      </label>
      <input id="recherche-site" type="search" name="q" placeholder={t.search.title} required />
      <FallbackFields ctx={ctx} />
      <button type="submit" class="icon-button site-search__button">
        <span class="visually-hidden">{t.search.title}</span>
      </button>
    </form>
  );
}

/** The hidden fields that keep the fallback engine's results to this site. */
export function FallbackFields({ ctx }: { ctx: SiteContext }): JSX.Element {
  const { search } = ctx.site;
  if (!search.enabled || !search.fallback) return null;
  return (
    <>
      {Object.entries(search.fallback.fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} data-search-fallback />
      ))}
    </>
  );
}
