/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * Layout of a post, top to bottom: category, title, date and reading time,
 * body, tags; then the share block, the author box, the neighbouring posts
 * and the comment thread.
 */
import { commentStyles } from "../plugins/comments/components/CommentsSection.tsx";
import { AuthorBox } from "./components/AuthorBox.tsx";
import { Base } from "./components/Base.tsx";
import { PostDate } from "./components/PostDate.tsx";
import { CommentsSlot, ShareSlot } from "./components/PostSlots.tsx";
import { StateBadge } from "./components/StateBadge.tsx";
import { readingTime, siteContext, type TemplateData } from "./data.ts";

export default function PostLayout(data: TemplateData): JSX.Element {
  const ctx = siteContext(data);
  const { i18n } = ctx;
  const { t } = i18n;
  const post = data.blog.post(data.page.inputPath);
  return (
    <Base
      ctx={ctx}
      meta={{ kind: "post", post, url: post.url, title: post.title, description: post.summary }}
      styles={commentStyles(post, ctx)}
    >
      <article class="post">
        <header class="post__header">
          {post.state !== "published" ? (
            <p class="post__notice">
              <StateBadge state={post.state} i18n={i18n} />{" "}
              {post.state === "draft"
                ? t.post.draftNote
                : i18n.interpolate(t.post.scheduledNote, { date: <PostDate date={post.date} i18n={i18n} /> })}
            </p>
          ) : null}
          <p class="post__category">
            <a href={post.category.url}>{post.category.name}</a>
          </p>
          <h1 class="post__title">{post.title}</h1>
          <p class="post__meta meta">
            {i18n.interpolate(t.post.publishedOn, {
              date: <PostDate date={post.date} i18n={i18n} />,
            })}
            {post.updated && post.updated.toISODate() !== post.date.toISODate() ? (
              <>
                {", "}
                {i18n.interpolate(t.post.updatedOn, { date: <PostDate date={post.updated} i18n={i18n} /> })}
              </>
            ) : null}
            {" · "}
            {readingTime(i18n, post.readingMinutes)}
          </p>
        </header>
        <div class="post__body prose">{{ html: data.content }}</div>
        {post.tags.length > 0 ? (
          <footer class="post__footer">
            <h2 class="visually-hidden">{t.post.tags}</h2>
            <ul class="tags">
              {post.tags.map((tag) => (
                <li>
                  <a href={tag.url} rel="tag">
                    {tag.name}
                  </a>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
      <ShareSlot post={post} ctx={ctx} />
      <AuthorBox author={post.author} i18n={i18n} images={ctx.images} />
      {post.previous || post.next ? (
        <nav class="neighbours" aria-label={t.post.neighbours}>
          {post.previous ? (
            <a class="neighbours__previous" href={post.previous.url} rel="prev">
              <span class="neighbours__label">{t.post.previous}</span>
              <span class="neighbours__title">{post.previous.title}</span>
            </a>
          ) : null}
          {post.next ? (
            <a class="neighbours__next" href={post.next.url} rel="next">
              <span class="neighbours__label">{t.post.next}</span>
              <span class="neighbours__title">{post.next.title}</span>
            </a>
          ) : null}
        </nav>
      ) : null}
      <CommentsSlot post={post} ctx={ctx} />
    </Base>
  );
}
