/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * « Un carnet tenu par Élise Marchal »: who writes the blog, on the home
 * page, with the author's portrait and the first sentence of the bio.
 */
import { initials } from "../../plugins/content/text.ts";
import { AVATAR_WIDTHS, pictureHtml } from "../../plugins/images/index.ts";
import type { ResolvedAuthor } from "../../plugins/config/site.ts";
import type { SiteContext } from "../data.ts";

export function Byline({ author, ctx }: { author: ResolvedAuthor; ctx: SiteContext }): JSX.Element {
  const { i18n, images } = ctx;
  const picture = author.avatar ? images.sitePicture(author.avatar, AVATAR_WIDTHS) : undefined;
  const sentence = firstSentence(author.bio);
  return (
    <div class="byline">
      {picture ? (
        { html: pictureHtml(picture, { alt: "", sizes: "44px", class: "byline__avatar" }) }
      ) : author.avatar ? (
        <img class="byline__avatar" src={author.avatar} alt="" width="44" height="44" decoding="async" />
      ) : (
        <span class="byline__avatar byline__avatar--initials" aria-hidden="true">
          {initials(author.name)}
        </span>
      )}
      <div>
        <p>{i18n.interpolate(i18n.t.byline, { name: <span class="byline__name">{author.name}</span> })}</p>
        {sentence ? <p class="meta">{i18n.typography(sentence)}</p> : null}
      </div>
    </div>
  );
}

/** The bio's first sentence: up to the first full stop followed by a space, or all of it. */
export function firstSentence(text: string): string {
  const match = /^.+?[.!?…](?=\s|$)/su.exec(text.trim());
  return (match ? match[0] : text).trim();
}
