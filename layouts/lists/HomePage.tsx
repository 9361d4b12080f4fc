/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
import type { ListPage } from "../../plugins/content/model.ts";
import { Base } from "../components/Base.tsx";
import { Byline } from "../components/Byline.tsx";
import type { SiteContext } from "../data.ts";
import { pageSuffix, PostList } from "./PostList.tsx";

/** The home page and its following pages: the latest posts; the first page says who writes. */
export function HomePage({ ctx, list }: { ctx: SiteContext; list: ListPage }): JSX.Element {
  const { i18n, site } = ctx;
  const heading = i18n.t.lists.latest + pageSuffix(list, i18n);
  return (
    <Base
      ctx={ctx}
      meta={{
        kind: "list",
        list,
        url: list.url,
        title: list.pageNumber > 1 ? heading : undefined,
        description: site.description,
      }}
    >
      <header class="list-header">
        <h1>{heading}</h1>
        {list.pageNumber === 1 && site.description ? (
          <p class="list-header__intro">{i18n.typography(site.description)}</p>
        ) : null}
        {list.pageNumber === 1 ? <Byline author={site.defaultAuthor} ctx={ctx} /> : null}
      </header>
      <PostList list={list} ctx={ctx} />
    </Base>
  );
}
