/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * A post in a list: title, date, category, reading time and summary.
 */
import type { PostEntry } from "../../plugins/content/model.ts";
import type { I18n } from "../../plugins/i18n/index.ts";
import { readingTime } from "../data.ts";
import { PostDate } from "./PostDate.tsx";
import { StateBadge } from "./StateBadge.tsx";

export interface PostSummaryProps {
  post: PostEntry;
  i18n: I18n;
  /** Heading level of the title in this list. */
  level?: 2 | 3;
  /** Hide the category link on the category's own page. */
  showCategory?: boolean;
  /** Extra items for the meta line, from other plugins (comment counts). */
  meta?: JSX.Element;
}

export function PostSummary({ post, i18n, level = 2, showCategory = true, meta }: PostSummaryProps): JSX.Element {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article class="summary">
      <Heading class="summary__title">
        <a href={post.url}>{post.title}</a> <StateBadge state={post.state} i18n={i18n} />
      </Heading>
      <p class="summary__meta meta">
        <PostDate date={post.date} i18n={i18n} />
        {showCategory ? (
          <>
            {" · "}
            <a href={post.category.url}>{post.category.name}</a>
          </>
        ) : null}
        {" · "}
        {readingTime(i18n, post.readingMinutes)}
        {meta}
      </p>
      {post.summary ? <p class="summary__text">{post.summary}</p> : null}
    </article>
  );
}
