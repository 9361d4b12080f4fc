/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
import { CommentCount } from "../../plugins/comments/components/CommentsSection.tsx";
import type { ListPage } from "../../plugins/content/model.ts";
import type { I18n } from "../../plugins/i18n/index.ts";
import { Pagination } from "../components/Pagination.tsx";
import { PostSummary } from "../components/PostSummary.tsx";
import type { SiteContext } from "../data.ts";

/** One page of posts, with its pagination. */
export function PostList({ list, ctx }: { list: ListPage; ctx: SiteContext }): JSX.Element {
  const { i18n } = ctx;
  return (
    <>
      {list.posts.length === 0 ? (
        <p class="empty">{i18n.t.lists.noPosts}</p>
      ) : (
        <ol class="post-list">
          {list.posts.map((post) => (
            <li>
              <PostSummary post={post} i18n={i18n} meta={<CommentMeta post={post} ctx={ctx} />} />
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

/**
 * « · 3 commentaires » on a post's line, for posts with comments on: a link
 * to the thread; « Aucun commentaire » is plain text, with nothing to lead to.
 */
export function CommentMeta({ post, ctx }: { post: ListPage["posts"][number]; ctx: SiteContext }): JSX.Element {
  const count = ctx.comments.count(post);
  if (count === undefined) return null;
  return (
    <>
      {" · "}
      {count === 0 ? ctx.i18n.plural(ctx.i18n.t.comments.count, 0) : <CommentCount post={post} ctx={ctx} />}
    </>
  );
}
