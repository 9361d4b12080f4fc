/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
import { CommentCount } from "../../plugins/comments/components/CommentsSection.tsx";
import type { YearGroup } from "../../plugins/content/model.ts";
import { PostDate } from "../components/PostDate.tsx";
import { StateBadge } from "../components/StateBadge.tsx";
import type { SiteContext } from "../data.ts";

/**
 * Posts by year, one line each (date, title): the archive, and the page of
 * each category and tag. Compact, so a list of hundreds stays one light page.
 */
export function YearList({
  years,
  ctx,
  idPrefix,
}: {
  years: YearGroup[];
  ctx: Pick<SiteContext, "i18n" | "comments">;
  idPrefix: string;
}): JSX.Element {
  const { i18n } = ctx;
  const { t } = i18n;
  return (
    <>
      {years.map(({ year, posts }) => (
        <section class="archive-year" aria-labelledby={`${idPrefix}-${year}`}>
          <h2 id={`${idPrefix}-${year}`}>
            {year} <span class="meta">({i18n.plural(t.lists.yearCount, posts.length)})</span>
          </h2>
          <ul class="archive-list">
            {posts.map((post) => (
              <li>
                <PostDate date={post.date} i18n={i18n} /> <a href={post.url}>{post.title}</a>
                <CommentCount post={post} ctx={ctx} hideZero />
                {post.state === "published" ? null : (
                  <>
                    {" "}
                    <StateBadge state={post.state} i18n={i18n} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
