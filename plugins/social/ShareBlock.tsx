/**
 * « Partager cet article sur les réseaux sociaux »: the share block under a
 * post, with its buttons in the order site.config.ts gives.
 *
 * Networks with a share address are plain links and work without
 * JavaScript. The copy, native share and Mastodon buttons need a script
 * (./share.ts): they are rendered `hidden` and only shown by it, so a
 * reader without JavaScript never meets a button that does nothing.
 */
import type { Assets } from "../assets/index.ts";
import type { PostEntry } from "../content/model.ts";
import type { I18n } from "../i18n/index.ts";
import type { ResolvedSiteConfig } from "../site/config.ts";
import { renderToString } from "../templates/render.ts";
import { Icon, ICONS_ASSET } from "./icons.tsx";
import { isLinkNetwork, NETWORK_NAMES, shareLink, type ShareNetwork, type SharedPage } from "./networks.ts";

export interface ShareBlockProps {
  post: PostEntry;
  site: ResolvedSiteConfig;
  i18n: I18n;
  assets: Assets;
}

/** The page as it is shared: its title and absolute address. */
export function sharedPage(post: PostEntry, site: ResolvedSiteConfig): SharedPage {
  return { title: post.title, url: new URL(post.url, site.url + "/").href };
}

function names(network: ShareNetwork, i18n: I18n): { label: string; visible: string } {
  const t = i18n.t.share;
  if (network === "email") return { label: t.email, visible: t.emailName };
  if (network === "copy") return { label: t.copy, visible: t.copy };
  if (network === "native") return { label: t.native, visible: t.nativeName };
  const name = NETWORK_NAMES[network];
  return { label: i18n.format(t.on, { network: name }), visible: name };
}

export function ShareBlock({ post, site, i18n, assets }: ShareBlockProps): JSX.Element {
  const networks = site.share;
  if (networks.length === 0) return null;
  const page = sharedPage(post, site);
  const t = i18n.t.share;
  const sprite = assets.url(ICONS_ASSET);
  return (
    <section
      class="share"
      aria-labelledby="share__heading"
      data-share
      data-share-title={page.title}
      data-share-url={page.url}
    >
      <h2 id="share__heading" class="share__heading">
        {t.heading}
      </h2>
      <ul class="share__list">
        {networks.map((network) => {
          const { label, visible } = names(network, i18n);
          const content = (
            <>
              <Icon network={network} sprite={sprite} />
              <span>{visible}</span>
            </>
          );
          if (isLinkNetwork(network)) {
            const external = network !== "email";
            return (
              <li>
                <a
                  class="share__button"
                  href={shareLink(network, page)}
                  aria-label={label}
                  target={external ? "_blank" : undefined}
                  rel={external ? "noopener noreferrer" : undefined}
                >
                  {content}
                </a>
              </li>
            );
          }
          return (
            <li hidden>
              <button type="button" class="share__button" data-share-action={network} aria-label={label}>
                {content}
              </button>
              {network === "mastodon" ? (
                <button type="button" class="share__change" data-share-mastodon-change hidden>
                  {t.mastodon.change}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {{ html: sameOnEveryPost(i18n, networks.includes("mastodon")) }}
    </section>
  );
}

const rendered = new WeakMap<I18n, Map<boolean, string>>();

/** The status line and the Mastodon dialog: the same on every post, rendered once. */
function sameOnEveryPost(i18n: I18n, mastodon: boolean): string {
  const forLanguage = rendered.get(i18n) ?? rendered.set(i18n, new Map()).get(i18n)!;
  let html = forLanguage.get(mastodon);
  if (html === undefined) {
    const t = i18n.t.share;
    html = renderToString(
      <>
        <p
          class="share__status"
          role="status"
          data-share-status
          data-copied={t.copied}
          data-copy-failed={i18n.typography(t.copyFailed)}
        ></p>
        {mastodon ? <MastodonDialog i18n={i18n} /> : null}
      </>,
    ) as string;
    forLanguage.set(mastodon, html);
  }
  return html;
}

/** Asks the reader for their instance, once: the answer is kept in the browser. */
function MastodonDialog({ i18n }: { i18n: I18n }): JSX.Element {
  const t = i18n.t.share.mastodon;
  return (
    <dialog class="share-dialog" aria-labelledby="share__mastodon-title" data-share-dialog>
      <form class="share-dialog__form" method="dialog" novalidate>
        <h2 id="share__mastodon-title" class="share-dialog__title">
          {t.title}
        </h2>
        <label for="share__mastodon-instance">{t.label}</label>
        <p id="share__mastodon-hint" class="share-dialog__hint">
          {i18n.typography(t.hint)}
        </p>
        <input
          id="share__mastodon-instance"
          name="instance"
          type="text"
          inputmode="url"
          autocomplete="off"
          autocapitalize="none"
          spellcheck="false"
          aria-describedby="share__mastodon-hint share__mastodon-error"
          required
        />
        <p id="share__mastodon-error" class="share-dialog__error" data-invalid={i18n.typography(t.invalid)}></p>
        <p class="share-dialog__actions">
          <button type="submit">{t.submit}</button>
          <button type="button" data-share-cancel>
            {t.cancel}
          </button>
        </p>
      </form>
    </dialog>
  );
}
