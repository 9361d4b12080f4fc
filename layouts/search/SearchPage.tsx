/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * « Rechercher »: a search form whose results appear below it as the
 * reader types (search.js, on Pagefind's index), announced in a live
 * region. Without JavaScript the form goes to the fallback search engine
 * (or says that search needs JavaScript).
 */
import { Base } from "../components/Base.tsx";
import type { SiteContext } from "../data.ts";

/** What search.js needs to speak the site's language (data-strings on the form). */
export interface SearchStrings {
  locale: string;
  results: Record<string, string>;
  searching: string;
  failed: string;
}

export function SearchPage({
  ctx,
  empty = false,
}: {
  ctx: SiteContext;
  /** Nothing is published yet: every search finds nothing, without loading an index. */
  empty?: boolean;
}): JSX.Element {
  const { site, i18n } = ctx;
  const { t } = i18n;
  const search = site.search;
  if (!search.enabled) return null;
  const strings: SearchStrings = {
    locale: t.locale,
    results: Object.fromEntries(
      Object.entries(t.search.results).map(([form, text]: [string, string]) => [form, i18n.typography(text)]),
    ),
    searching: i18n.typography(t.search.searching),
    failed: i18n.typography(t.search.failed),
  };
  return (
    <Base
      ctx={ctx}
      meta={{ kind: "search", url: search.url, title: t.search.title, noindex: true }}
      scripts={["search.js"]}
    >
      <header class="list-header">
        <h1>{t.search.title}</h1>
        <p class="list-header__intro">{i18n.typography(t.search.intro)}</p>
      </header>
      <form
        class="search-form"
        role="search"
        method="get"
        action={search.fallback?.url ?? search.url}
        data-search-form
        data-strings={JSON.stringify(strings)}
        data-search-empty={empty}
      >
        <label for="recherche-mots">{t.search.label}</label>
        <div class="search-form__row">
          <input id="recherche-mots" type="search" name="q" autocomplete="off" spellcheck="false" />
          <FallbackFields ctx={ctx} />
          <button type="submit">{t.search.title}</button>
        </div>
      </form>
      <noscript>
        <p class="search-note">
          {search.fallback
            ? i18n.typography(i18n.format(t.search.fallbackNote, { engine: new URL(search.fallback.url).host }))
            : i18n.typography(t.search.needsJavaScript)}
        </p>
      </noscript>
      <p class="search-status" role="status" data-search-status></p>
      <ol class="post-list search-results" data-search-results></ol>
      <p class="search-more">
        <button type="button" data-search-more hidden>
          {t.search.more}
        </button>
      </p>
    </Base>
  );
}

/** The hidden fields that keep the fallback engine's results to this site; search.js turns them off. */
function FallbackFields({ ctx }: { ctx: SiteContext }): JSX.Element {
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
