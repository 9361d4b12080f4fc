/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
import type { Taxonomy, YearGroup } from "../../plugins/content/model.ts";
import { Base } from "../components/Base.tsx";
import type { SiteContext } from "../data.ts";
import { YearList } from "./YearList.tsx";

export interface ArchivePageProps {
  ctx: SiteContext;
  url: string;
  years: YearGroup[];
  categories: Taxonomy[];
  tags: Taxonomy[];
  total: number;
}

/** Every post by year, newest first, then the categories and tags with their counts. */
export function ArchivePage({ ctx, url, years, categories, tags, total }: ArchivePageProps): JSX.Element {
  const { i18n } = ctx;
  const { t } = i18n;
  const intro = i18n.plural(t.lists.archiveIntro, total);
  return (
    <Base ctx={ctx} meta={{ kind: "archive", url, title: t.lists.archiveTitle, description: intro }}>
      <header class="list-header">
        <h1>{t.lists.archiveTitle}</h1>
        <p class="list-header__intro">{intro}</p>
      </header>
      <YearList years={years} ctx={ctx} idPrefix="annee" />
      <section aria-labelledby="categories">
        <h2 id="categories">{t.lists.allCategories}</h2>
        <ul class="taxonomy-list">
          {categories.map(({ url, name, posts }) => (
            <li>
              <a href={url}>{name}</a> <span class="meta">({posts.length})</span>
            </li>
          ))}
        </ul>
      </section>
      {tags.length > 0 ? (
        <section aria-labelledby="etiquettes">
          <h2 id="etiquettes">{t.post.tags}</h2>
          <ul class="taxonomy-list">
            {tags.map(({ url, name, posts }) => (
              <li>
                <a href={url} rel="tag">
                  {name}
                </a>{" "}
                <span class="meta">({posts.length})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Base>
  );
}
