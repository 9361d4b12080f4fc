/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * Under each post with comments on: the section headed with the count and
 * the title (« 3 réflexions au sujet de « Titre » »), the thread as static
 * HTML (archived comments, GitHub's, and the replies from where the post
 * was shared, in date order, replies nested under what they answer, each
 * marked with where it was written), then « Laisser un commentaire »: what
 * happens, where to answer, and the place where the giscus widget loads
 * (browser/loader.ts, itself loaded when the reader nears that place:
 * layouts/scripts/scripts-near.ts), or a link to the post's discussion.
 * Avatars and images are this site's copies (plugins/comments/media.ts).
 *
 * The markup is a contract shared with the WordPress import: the section is
 * `#commentaires.comments`, each comment carries `data-comment-id`, archived
 * ones `.comment--archived`, the post author's `.comment--by-author`.
 */
import type { SiteContext } from "../../../layouts/data.ts";
import type { PageEntry, PostEntry } from "../../content/model.ts";
import { initials } from "../../content/text.ts";
import { pictureHtml } from "../../images/index.ts";
import { COMMENT_LINK_REL } from "../sanitize.ts";
import type { SyndicationTarget } from "../social/targets.ts";
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
      {post.kind === "post" ? <Ending post={post} ctx={ctx} /> : null}
    </section>
  );
}

/** A place's name: a known service's, else its host. */
export function placeName(target: SyndicationTarget, ctx: Pick<SiteContext, "i18n">): string {
  return target.service === "other" ? target.host : ctx.i18n.t.replies.sources[target.service];
}

/**
 * « Aussi publié sur Mastodon, Bluesky et LinkedIn » under a post: where it
 * was shared (front matter `syndication`), as IndieWeb `u-syndication` links.
 */
export function Syndication({ post, ctx }: { post: PostEntry; ctx: SiteContext }): JSX.Element {
  const targets = ctx.comments.shares(post);
  if (targets.length === 0) return null;
  const { i18n } = ctx;
  const parts = new Intl.ListFormat(i18n.language, { type: "conjunction" }).formatToParts(
    targets.map((target) => placeName(target, ctx)),
  );
  let index = 0;
  const places = (
    <>
      {parts.map((part) =>
        part.type === "element" ? (
          <a class="u-syndication" rel="syndication" href={targets[index++]!.url}>
            {part.value}
          </a>
        ) : (
          part.value
        ),
      )}
    </>
  );
  return <p class="syndication meta">{i18n.interpolate(i18n.t.replies.alsoOn, { places })}</p>;
}

/**
 * The end of every post's thread: « Laisser un commentaire », what happens
 * (sign in with GitHub, or reply where the post was shared), the places to
 * answer, and the widget (or its consent button). Without the widget, or
 * when it cannot load, a link to this post's own discussion (or to GitHub's
 * form that starts it) and a sentence stand in its place.
 */
function Ending({ post, ctx }: { post: PostEntry; ctx: SiteContext }): JSX.Element {
  const { i18n, site, assets } = ctx;
  const t = i18n.t.comments;
  const r = i18n.t.replies;
  const settings = ctx.comments.settings;
  const lookup = ctx.comments.lookup(post);
  const link = ctx.comments.githubLink(post);
  const start = link?.discussion ? undefined : ctx.comments.newDiscussionUrl(post);
  const github = link?.discussion ? link.url : (start ?? link?.url);
  const shared = ctx.comments.shares(post).filter((target) => target.service !== "other");
  const widget = settings.widget.enabled && lookup ? widgetMapping(lookup) : undefined;
  if (!github && shared.length === 0) return null;
  const sentences = [
    github ? (widget ? r.withWidget : link?.discussion ? r.onGitHub : r.startOnGitHub) : undefined,
    shared.length > 0 ? (github ? r.alsoShared : r.onlyShared) : undefined,
  ].filter((sentence): sentence is string => sentence !== undefined);
  return (
    <div class="comments__form">
      <h3 class="comments__leave">{t.leave}</h3>
      <p class="comments__how">{i18n.typography(sentences.join(" "))}</p>
      <ul class="comments__places">
        {github ? (
          // Hidden once the widget shows the thread; shown again if it cannot load.
          <li data-comments-fallback={widget ? true : undefined}>
            <a href={github}>{link?.discussion || !start ? r.discussionLink : r.startLink}</a>
          </li>
        ) : null}
        {shared.map((target) => (
          <li>
            <a href={target.url}>{i18n.format(r.replyOn, { source: placeName(target, ctx) })}</a>
          </li>
        ))}
      </ul>
      {widget && settings.widget.enabled ? (
        <div
          class="comments__widget"
          data-script={assets.url("comments.js")}
          data-giscus={assets.url("giscus.js")}
          data-loading={settings.loading}
          data-repo={settings.widget.repo}
          data-repo-id={settings.widget.repoId}
          data-category={settings.widget.category}
          data-category-id={settings.widget.categoryId}
          data-mapping={widget.mapping}
          data-term={widget.term}
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
          <p class="comments__failed" data-comments-failed hidden>
            {i18n.typography(r.widgetFailed)}
          </p>
        </div>
      ) : null}
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
  const avatar = ctx.comments.avatar(author.avatar, ctx.images);
  const r = i18n.t.replies;
  const reactions = comment.reactions;
  return (
    <article
      id={anchor}
      class={{
        comment: true,
        "comment--archived": comment.source === "archive",
        [`comment--${comment.source}`]: comment.source !== "archive",
        "comment--by-author": comment.byPostAuthor,
        "comment--gone": comment.state !== "visible",
      }}
      data-comment-id={comment.id}
    >
      <header class="comment__header">
        {avatar ? (
          <span class="comment__avatar">{{ html: pictureHtml(avatar, { alt: "", sizes: "40px" }) }}</span>
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
          {comment.source !== "archive" && comment.url && /^https?:\/\//i.test(comment.url) ? (
            <>
              {" · "}
              <a class="comment__source" href={comment.url} rel={COMMENT_LINK_REL}>
                {i18n.format(r.via, { source: r.sources[comment.source] })}
              </a>
            </>
          ) : null}
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
        <div class="comment__body">{{ html: ctx.comments.bodyHtml(comment, ctx.images) }}</div>
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
