import type { ListPage } from "../../plugins/content/model.ts";
import type { I18n } from "../../plugins/i18n/index.ts";
import { Pagination } from "../components/Pagination.tsx";
import { PostSummary } from "../components/PostSummary.tsx";

/** One page of posts, with its pagination. */
export function PostList({ list, i18n }: { list: ListPage; i18n: I18n }): JSX.Element {
  return (
    <>
      {list.posts.length === 0 ? (
        <p class="empty">{i18n.t.lists.noPosts}</p>
      ) : (
        <ol class="post-list">
          {list.posts.map((post) => (
            <li>
              <PostSummary post={post} i18n={i18n} />
            </li>
          ))}
        </ol>
      )}
      <Pagination list={list} i18n={i18n} />
    </>
  );
}

/** « — page 2 » after a list's title, from page 2 on. */
export function pageSuffix(list: ListPage, i18n: I18n): string {
  return list.pageNumber > 1 ? ` — ${i18n.format(i18n.t.pageTitle.page, { page: list.pageNumber })}` : "";
}
