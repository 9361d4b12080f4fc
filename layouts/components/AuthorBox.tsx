/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * « Publié par »: the author's name, portrait, bio and own pages.
 */
import { initials } from "../../plugins/content/text.ts";
import type { I18n } from "../../plugins/i18n/index.ts";
import { AVATAR_WIDTHS, pictureHtml, type ImagePipeline } from "../../plugins/images/index.ts";
import type { ResolvedAuthor } from "../../plugins/config/site.ts";

export function AuthorBox({
  author,
  i18n,
  images,
}: {
  author: ResolvedAuthor;
  i18n: I18n;
  /** Makes a picture of a JPEG or PNG portrait; an SVG or a remote portrait is shown as it is. */
  images?: ImagePipeline;
}): JSX.Element {
  const picture = author.avatar ? images?.sitePicture(author.avatar, AVATAR_WIDTHS) : undefined;
  return (
    <section class="author-box" aria-labelledby="publie-par">
      <h2 id="publie-par" class="author-box__heading">
        {i18n.t.post.publishedBy}
      </h2>
      <div class="author-box__body">
        {picture ? (
          { html: pictureHtml(picture, { alt: "", sizes: "96px", class: "author-box__avatar" }) }
        ) : author.avatar ? (
          <img
            class="author-box__avatar"
            src={author.avatar}
            alt=""
            width="96"
            height="96"
            loading="lazy"
            decoding="async"
          />
        ) : (
          <span class="author-box__avatar author-box__avatar--initials" aria-hidden="true">
            {initials(author.name)}
          </span>
        )}
        <div class="author-box__text">
          <p class="author-box__name">{author.name}</p>
          {author.bio ? <p class="author-box__bio">{i18n.typography(author.bio)}</p> : null}
          {author.links.length > 0 ? (
            <ul class="author-box__links">
              {author.links.map((link) => (
                <li>
                  <a href={link.url}>{link.label}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </section>
  );
}
