/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * « Partager cet article sur les réseaux sociaux »: the share block under a
 * post, with its buttons in the order site.config.ts gives.
 *
 * Networks with a share address are plain links and work without
 * JavaScript. The copy, native share and Mastodon buttons need a script
 * (./share.ts): the page holds only an empty, hidden place for each, which
 * the script fills (its strings are built into it, see `shareScriptText`)
 * when the button can work. So a reader without JavaScript never meets a
 * button that does nothing, and every post page stays light.
 */
import { absoluteUrl } from "../../layouts/data.ts";
import type { Assets } from "../assets/index.ts";
import type { PostEntry } from "../content/model.ts";
import type { I18n } from "../i18n/index.ts";
import type { ResolvedSiteConfig } from "../config/site.ts";
import { memoizedBy } from "../templates/memo.ts";
import { Icon, ICONS_ASSET } from "./icons.tsx";
import { isLinkNetwork, NETWORK_NAMES, shareLink, type ShareNetwork, type SharedPage } from "./networks.ts";

/** The share script (./share.ts), registered by the plugin. */
export const SHARE_SCRIPT = "share.js";

/**
 * Share buttons that only exist with the share script: it is loaded only
 * for them, when the reader nears the block (layouts/scripts/scripts-near.ts).
 */
const SCRIPTED: ReadonlySet<ShareNetwork> = new Set(["copy", "native", "mastodon"]);

export interface ShareBlockProps {
  post: PostEntry;
  site: ResolvedSiteConfig;
  i18n: I18n;
  assets: Assets;
}

/** The page as it is shared: its title and absolute address. */
export function sharedPage(post: PostEntry, site: ResolvedSiteConfig): SharedPage {
  return { title: post.title, url: absoluteUrl(post.url, site) };
}

/** A button's names, the same on every post: made once by language. */
const names = memoizedBy((i18n: I18n, network: ShareNetwork) => namesOf(network, i18n));

function namesOf(network: ShareNetwork, i18n: I18n): { label: string; visible: string } {
  const t = i18n.t.share;
  if (network === "email") return { label: t.email, visible: t.emailName };
  if (network === "copy") return { label: t.copy, visible: t.copy };
  if (network === "native") return { label: t.native, visible: t.nativeName };
  const name = NETWORK_NAMES[network];
  return { label: i18n.format(t.on, { network: name }), visible: name };
}

/**
 * What the share script shows, by language: built into the script at
 * bundle time (plugins/assets `define`), instead of repeated in every page.
 */
export function shareScriptText(i18n: I18n) {
  const t = i18n.t.share;
  const button = (network: ShareNetwork) => names(i18n, network);
  return {
    copy: button("copy"),
    native: button("native"),
    mastodon: button("mastodon"),
    copied: t.copied,
    copyFailed: i18n.typography(t.copyFailed),
    dialog: {
      title: t.mastodon.title,
      label: t.mastodon.label,
      hint: i18n.typography(t.mastodon.hint),
      invalid: i18n.typography(t.mastodon.invalid),
      submit: t.mastodon.submit,
      cancel: t.mastodon.cancel,
      change: t.mastodon.change,
    },
  };
}

export type ShareScriptText = ReturnType<typeof shareScriptText>;

export function ShareBlock({ post, site, i18n, assets }: ShareBlockProps): JSX.Element {
  const networks = site.share;
  if (networks.length === 0) return null;
  const page = sharedPage(post, site);
  const sprite = assets.url(ICONS_ASSET);
  return (
    <section
      class="share"
      aria-labelledby="partager"
      data-share={sprite}
      data-script={networks.some((network) => SCRIPTED.has(network)) ? assets.url(SHARE_SCRIPT) : undefined}
    >
      <h2 id="partager" class="share__heading">
        {i18n.t.share.heading}
      </h2>
      <ul class="share__list">
        {networks.map((network) => {
          if (!isLinkNetwork(network)) return <li hidden data-share-action={network}></li>;
          const { label, visible } = names(i18n, network);
          const external = network !== "email";
          return (
            <li>
              <a
                class="share__button"
                href={shareLink(network, page)}
                aria-label={label}
                target={external ? "_blank" : undefined}
                rel={external ? "noreferrer" : undefined}
              >
                <Icon network={network} sprite={sprite} />
                {visible}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
