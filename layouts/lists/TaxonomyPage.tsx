/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
import type { Taxonomy } from "../../plugins/content/model.ts";
import { Base } from "../components/Base.tsx";
import type { SiteContext } from "../data.ts";
import { YearList } from "./YearList.tsx";

/** Every post of one category or one tag, by year. */
export function TaxonomyPage({ ctx, taxonomy }: { ctx: SiteContext; taxonomy: Taxonomy }): JSX.Element {
  const { i18n } = ctx;
  const { t } = i18n;
  const title = i18n.typography(
    i18n.format(taxonomy.kind === "category" ? t.lists.categoryTitle : t.lists.tagTitle, { name: taxonomy.name }),
  );
  const description = taxonomy.description ? i18n.typography(taxonomy.description) : undefined;
  return (
    <Base ctx={ctx} meta={{ kind: "taxonomy", taxonomy, url: taxonomy.url, title, description }}>
      <header class="list-header">
        <h1>{title}</h1>
        {description ? <p class="list-header__intro">{description}</p> : null}
        <p class="meta">{i18n.plural(t.lists.postCount, taxonomy.posts.length)}</p>
      </header>
      {taxonomy.posts.length === 0 ? (
        <p class="empty">{t.lists.noPosts}</p>
      ) : (
        <YearList years={taxonomy.years} ctx={ctx} idPrefix="annee" />
      )}
    </Base>
  );
}
