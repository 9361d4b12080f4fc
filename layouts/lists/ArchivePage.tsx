import type { CategoryListing, TagListing } from "../../plugins/content/blog.ts";
import type { YearGroup } from "../../plugins/content/model.ts";
import { Base } from "../components/Base.tsx";
import { PostDate } from "../components/PostDate.tsx";
import { StateBadge } from "../components/StateBadge.tsx";
import type { SiteContext } from "../data.ts";

export interface ArchivePageProps {
  ctx: SiteContext;
  url: string;
  years: YearGroup[];
  categories: CategoryListing[];
  tags: TagListing[];
  total: number;
}

/** Every post by year, newest first, then the categories and tags with their counts. */
export function ArchivePage({ ctx, url, years, categories, tags, total }: ArchivePageProps): JSX.Element {
  const { i18n } = ctx;
  const { t } = i18n;
  return (
    <Base ctx={ctx} meta={{ kind: "archive", url, title: t.lists.archiveTitle }}>
      <header class="list-header">
        <h1>{t.lists.archiveTitle}</h1>
        <p class="list-header__intro">{i18n.plural(t.lists.archiveIntro, total)}</p>
      </header>
      {years.map(({ year, posts }) => (
        <section class="archive-year" aria-labelledby={`annee-${year}`}>
          <h2 id={`annee-${year}`}>
            {year} <span class="meta">({i18n.plural(t.lists.yearCount, posts.length)})</span>
          </h2>
          <ul class="archive-list">
            {posts.map((post) => (
              <li>
                <PostDate date={post.date} i18n={i18n} /> <a href={post.url}>{post.title}</a>{" "}
                <StateBadge state={post.state} i18n={i18n} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="categories">
        <h2 id="categories">{t.lists.allCategories}</h2>
        <ul class="taxonomy-list">
          {categories.map(({ category, posts }) => (
            <li>
              <a href={category.url}>{category.name}</a> <span class="meta">({posts.length})</span>
            </li>
          ))}
        </ul>
      </section>
      {tags.length > 0 ? (
        <section aria-labelledby="etiquettes">
          <h2 id="etiquettes">{t.post.tags}</h2>
          <ul class="taxonomy-list">
            {tags.map(({ tag, posts }) => (
              <li>
                <a href={tag.url} rel="tag">
                  {tag.name}
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
