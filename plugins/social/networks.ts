/**
 * Where a reader can share a post, and the plain address that does it.
 *
 * Every network but Mastodon has one share address that takes the post's
 * title and URL in its query string: a plain link, no script, no request
 * before the reader clicks. Mastodon has one per instance (asked once in
 * the browser, see ./share.ts). `copy` and `native` are buttons that only
 * exist with JavaScript (the clipboard, the system's share sheet).
 */

/** Every button the share block knows, in the default order. */
export const SHARE_NETWORKS = [
  "linkedin",
  "x",
  "facebook",
  "bluesky",
  "mastodon",
  "whatsapp",
  "email",
  "copy",
  "native",
] as const;

export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

/** What is shared: the post's title as readers see it, and its absolute URL. */
export interface SharedPage {
  title: string;
  url: string;
}

const encode = encodeURIComponent;

/** Plain links, by network. */
const LINKS = {
  linkedin: ({ url }: SharedPage) => `https://www.linkedin.com/sharing/share-offsite/?url=${encode(url)}`,
  x: ({ title, url }: SharedPage) => `https://x.com/intent/post?text=${encode(title)}&url=${encode(url)}`,
  facebook: ({ url }: SharedPage) => `https://www.facebook.com/sharer/sharer.php?u=${encode(url)}`,
  bluesky: ({ title, url }: SharedPage) => `https://bsky.app/intent/compose?text=${encode(`${title} ${url}`)}`,
  whatsapp: ({ title, url }: SharedPage) => `https://wa.me/?text=${encode(`${title} ${url}`)}`,
  email: ({ title, url }: SharedPage) => `mailto:?subject=${encode(title)}&body=${encode(url)}`,
} satisfies Partial<Record<ShareNetwork, (page: SharedPage) => string>>;

export type LinkNetwork = keyof typeof LINKS;

export function isLinkNetwork(network: ShareNetwork): network is LinkNetwork {
  return network in LINKS;
}

/** The share address of `page` on a network that has one. */
export function shareLink(network: LinkNetwork, page: SharedPage): string {
  return LINKS[network](page);
}

/** Names as readers know them; e-mail, copy and native share are labelled by the dictionary. */
export const NETWORK_NAMES: Record<Exclude<ShareNetwork, "email" | "copy" | "native">, string> = {
  linkedin: "LinkedIn",
  x: "X",
  facebook: "Facebook",
  bluesky: "Bluesky",
  mastodon: "Mastodon",
  whatsapp: "WhatsApp",
};

/**
 * An instance's share page: `https://<instance>/share?text=…` (the form
 * every Mastodon server answers, as do most servers that copy its API).
 */
export function mastodonShareUrl(instance: string, page: SharedPage): string {
  return `https://${instance}/share?text=${encode(`${page.title} ${page.url}`)}`;
}

/**
 * What a reader typed as their instance, as a host name: `piaille.fr`
 * from `https://piaille.fr/`, `@lea@piaille.fr` or `PIAILLE.FR`. Returns
 * undefined for anything that does not look like a host name.
 */
export function instanceHost(typed: string): string | undefined {
  let host = typed.trim().toLowerCase();
  // An address (https://piaille.fr/@lea): its host.
  if (/^[a-z]+:\/\//.test(host)) host = host.replace(/^[a-z]+:\/\//, "").replace(/[/?#].*$/, "");
  // A full handle (@lea@piaille.fr): the instance is after the last @.
  if (host.includes("@")) host = host.slice(host.lastIndexOf("@") + 1);
  host = host.replace(/[/?#].*$/, "").replace(/\.$/, "");
  const label = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  const valid = new RegExp(`^(?:${label}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);
  return host.length <= 253 && valid.test(host) ? host : undefined;
}
