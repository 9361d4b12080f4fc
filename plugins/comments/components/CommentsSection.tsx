/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * Under each post with comments on: the section headed with the count and
 * the title (« 3 réflexions au sujet de « Titre » »), the thread as static
 * HTML (archived comments first, then GitHub's, replies nested under what
 * they answer), a link to the discussion on GitHub, and the place where the
 * giscus widget loads (browser/loader.ts, itself loaded when the reader
 * nears that place: layouts/scripts/scripts-near.ts).
 *
 * The markup is a contract shared with the WordPress import: the section is
 * `#commentaires.comments`, each comment carries `data-comment-id`, archived
 * ones `.comment--archived`, the post author's `.comment--by-author`.
 */
import type { SiteContext } from "../../../layouts/data.ts";
import type { PageEntry, PostEntry } from "../../content/model.ts";
import { initials } from "../../content/text.ts";
import { COMMENT_LINK_REL, isAllowedImage } from "../sanitize.ts";
import { widgetMapping } from "../term.ts";
import type { Thread, ThreadComment } from "../thread.ts";

export const SECTION_ID = "commentaires";
/** The thread's stylesheet (layouts/styles/comment-thread.css), registered by the comments plugin. */
export const THREAD_STYLES = "comment-thread.css";
const REACTION_EMOJI = {
  THUMBS_UP: "👍",
  THUMBS_DOWN: "👎",
  LAUGH: "😄",
  HOORAY: "🎉",
  CONFUSED: "😕",
  HEART: "❤️",
  ROCKET: "🚀",
  EYES: "👀",
} as const;

/** The stylesheet a page needs for its comments: the thread's, when it has comments to show. */
export function commentStyles(post: PostEntry | PageEntry, ctx: SiteContext): string[] {
  return (ctx.comments.thread(post)?.comments.length ?? 0) > 0 ? [THREAD_STYLES] : [];
}

/**
 * A post's comments, or a page's archived ones (pages have no GitHub
 * thread and no widget).
 */
export function CommentsSection({ post, ctx }: { post: PostEntry | PageEntry; ctx: SiteContext }): JSX.Element {
  const thread = ctx.comments.thread(post);
  if (!thread) return null;
  const { i18n } = ctx;
  const t = i18n.t.comments;
  const anchors = commentAnchors(thread);
  return (
    <section id={SECTION_ID} class="comments" aria-labelledby="commentaires-titre">
      <h2 id="commentaires-titre" class="comments__heading">
        {i18n.typography(i18n.plural(t.heading, thread.count, { title: post.title }))}
      </h2>
      {thread.comments.length > 0 ? (
        <ol class="comments__list">
          {thread.comments.map((comment) => (
            // GitHub's comments step aside when the widget shows them; archived ones stay.
            <li data-comments-snapshot={comment.source === "github"}>
              <Comment comment={comment} ctx={ctx} anchors={anchors} />
            </li>
          ))}
        </ol>
      ) : null}
      {post.kind === "post" ? <Widget post={post} ctx={ctx} link={ctx.comments.githubLink(post)} /> : null}
    </section>
  );
}

function Widget({
  post,
  ctx,
  link,
}: {
  post: PostEntry;
  ctx: SiteContext;
  link: { url: string; discussion: boolean } | undefined;
}): JSX.Element {
  const { i18n, site, assets } = ctx;
  const t = i18n.t.comments;
  const settings = ctx.comments.settings;
  const lookup = ctx.comments.lookup(post);
  const fallback = link ? (
    <p class="comments__github" data-comments-fallback>
      <a href={link.url}>{link.discussion ? t.discussionOnGitHub : t.commentOnGitHub}</a>
    </p>
  ) : null;
  if (!settings.widget.enabled || !lookup) {
    return fallback;
  }
  const { mapping, term } = widgetMapping(lookup);
  return (
    <div class="comments__form">
      <h3 class="comments__leave">{t.leave}</h3>
      {fallback}
      <div
        class="comments__widget"
        data-script={assets.url("comments.js")}
        data-giscus={assets.url("giscus.js")}
        data-loading={settings.loading}
        data-repo={settings.widget.repo}
        data-repo-id={settings.widget.repoId}
        data-category={settings.widget.category}
        data-category-id={settings.widget.categoryId}
        data-mapping={mapping}
        data-term={term}
        data-strict={settings.strict ? "1" : "0"}
        data-reactions={settings.reactions ? "1" : "0"}
        data-input-position={settings.inputPosition}
        data-lang={site.language}
        data-theme-light={settings.themes.light}
        data-theme-dark={settings.themes.dark}
        data-backlink={new URL(post.url, site.url + "/").href}
      >
        {settings.loading === "consent" ? (
          <div class="comments__consent" data-comments-consent hidden>
            <p>{i18n.typography(t.consent)}</p>
            <button type="button" class="comments__show">
              {t.show}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** An id for each comment's element, unique on the page, from its own id. */
function commentAnchors(thread: Thread): Map<ThreadComment, string> {
  const anchors = new Map<ThreadComment, string>();
  const used = new Set<string>();
  const visit = (comments: ThreadComment[]) => {
    for (const comment of comments) {
      const base = `commentaire-${comment.source === "archive" ? "archive-" : ""}${comment.id.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
      let anchor = base;
      for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
      used.add(anchor);
      anchors.set(comment, anchor);
      visit(comment.replies);
    }
  };
  visit(thread.comments);
  return anchors;
}

/** Names written by people get the language's typography (L’équipe); GitHub logins stay as they are. */
function displayName(comment: ThreadComment, ctx: SiteContext): string {
  return comment.source === "archive" ? ctx.i18n.typography(comment.author.name) : comment.author.name;
}

function Comment({
  comment,
  ctx,
  anchors,
}: {
  comment: ThreadComment;
  ctx: SiteContext;
  anchors: Map<ThreadComment, string>;
}): JSX.Element {
  const { i18n } = ctx;
  const t = i18n.t.comments;
  const anchor = anchors.get(comment)!;
  const { author } = comment;
  const authorUrl = author.url && /^https?:\/\/[^\s/]/i.test(author.url) ? author.url : undefined;
  const avatar =
    ctx.comments.remoteImages && author.avatar && isAllowedImage(author.avatar) ? author.avatar : undefined;
  const reactions = comment.reactions;
  return (
    <article
      id={anchor}
      class={{
        comment: true,
        "comment--archived": comment.source === "archive",
        "comment--by-author": comment.byPostAuthor,
        "comment--gone": comment.state !== "visible",
      }}
      data-comment-id={comment.id}
    >
      <header class="comment__header">
        {avatar ? (
          <img
            class="comment__avatar"
            src={avatar}
            alt=""
            width="40"
            height="40"
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
          />
        ) : (
          <span class="comment__avatar comment__avatar--initials" aria-hidden="true">
            {initials(author.name)}
          </span>
        )}
        <p class="comment__author">
          {authorUrl ? (
            <a href={authorUrl} rel={COMMENT_LINK_REL}>
              {displayName(comment, ctx)}
            </a>
          ) : (
            <span>{displayName(comment, ctx)}</span>
          )}
          {comment.byPostAuthor ? (
            <>
              {" "}
              <span class="comment__badge comment__badge--author">{t.byPostAuthor}</span>
            </>
          ) : null}
          {comment.source === "archive" ? (
            <>
              {" "}
              <span class="comment__badge">{t.archived}</span>
            </>
          ) : null}
        </p>
        <p class="comment__meta meta">
          <a href={`#${anchor}`}>
            <time datetime={i18n.isoDate(comment.date)}>{i18n.date(comment.date)}</time>
          </a>
          {comment.parent ? (
            <>
              {" · "}
              {i18n.interpolate(t.inReplyTo, {
                name: <a href={`#${anchors.get(comment.parent)}`}>{displayName(comment.parent, ctx)}</a>,
              })}
            </>
          ) : null}
        </p>
      </header>
      {comment.state === "visible" ? (
        <div class="comment__body">{{ html: ctx.comments.bodyHtml(comment) }}</div>
      ) : (
        <p class="comment__body comment__body--gone">{comment.state === "deleted" ? t.deleted : t.minimized}</p>
      )}
      {reactions.length > 0 || comment.upvotes > 0 ? (
        <ul class="comment__reactions meta">
          {reactions.map(({ content, count }) => (
            <li title={t.reactionNames[content]}>
              <span aria-hidden="true">{REACTION_EMOJI[content]}</span> {count}
              <span class="visually-hidden"> {t.reactionNames[content]}</span>
            </li>
          ))}
          {comment.upvotes > 0 ? <li>{i18n.plural(t.upvotes, comment.upvotes)}</li> : null}
        </ul>
      ) : null}
      {comment.replies.length > 0 ? (
        <ol class="comment__replies">
          {comment.replies.map((reply) => (
            <li>
              <Comment comment={reply} ctx={ctx} anchors={anchors} />
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}

/** A post's comment count on list pages, linking to its thread. */
export function CommentCount({
  post,
  ctx,
  hideZero = false,
}: {
  post: PostEntry;
  ctx: Pick<SiteContext, "i18n" | "comments">;
  hideZero?: boolean;
}): JSX.Element {
  const count = ctx.comments.count(post);
  if (count === undefined || (hideZero && count === 0)) return null;
  return (
    <a class="comment-count" href={`${post.url}#${SECTION_ID}`}>
      {ctx.i18n.plural(ctx.i18n.t.comments.count, count)}
    </a>
  );
}
