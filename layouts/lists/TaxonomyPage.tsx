import type { ListPage } from "../../plugins/content/model.ts";
import { Base } from "../components/Base.tsx";
import type { SiteContext } from "../data.ts";
import { pageSuffix, PostList } from "./PostList.tsx";

/** The posts of one category or one tag. */
export function TaxonomyPage({ ctx, list }: { ctx: SiteContext; list: ListPage }): JSX.Element {
  const { i18n } = ctx;
  const { t } = i18n;
  const name = list.category?.name ?? list.tag?.name ?? "";
  const title = i18n.typography(
    i18n.format(list.kind === "category" ? t.lists.categoryTitle : t.lists.tagTitle, { name }),
  );
  const description = list.category?.description || undefined;
  return (
    <Base ctx={ctx} meta={{ kind: "list", list, url: list.url, title: title + pageSuffix(list, i18n), description }}>
      <header class="list-header">
        <h1>{title + pageSuffix(list, i18n)}</h1>
        {description && list.pageNumber === 1 ? <p class="list-header__intro">{i18n.typography(description)}</p> : null}
        <p class="meta">{i18n.plural(t.lists.postCount, list.totalPosts)}</p>
      </header>
      <PostList list={list} i18n={i18n} />
    </Base>
  );
}
