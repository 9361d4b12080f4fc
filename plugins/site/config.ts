/**
 * The shape of `site.config.ts`, and the one place where its defaults are
 * filled in.
 *
 * A blogger edits `site.config.ts` only. `defineSiteConfig()` does nothing at
 * run time: it exists so that editors show the documentation below on every
 * field. `resolveSiteConfig()` turns what the blogger wrote into a
 * `ResolvedSiteConfig` where every field has a value, and reports mistakes
 * (an unknown language, a navigation link without a label…) in the same
 * `file: field: found …, expected …` form as content errors.
 */
import { resolveComments, type ResolvedComments } from "../comments/config.ts";
import { SHARE_NETWORKS, type ShareNetwork } from "../social/networks.ts";
import { ConfigError } from "./errors.ts";

/** Interface languages that ship with a complete dictionary. */
export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A link shown in the author box (« Mes prestations », « Me contacter »…). */
export interface AuthorLink {
  /** Text of the link, as readers see it. */
  label: string;
  /** Absolute URL (`https://…`) or a path on this site (`/prestations/`). */
  url: string;
}

export interface AuthorConfig {
  /** Full name, shown in the author box and in feeds. */
  name: string;
  /** A few sentences in the site's language, shown under « Publié par ». */
  bio?: string;
  /**
   * Portrait: a path on this site (a file in `content/`, e.g.
   * `/images/lea.jpg`) or an absolute URL. Left out, the box shows initials.
   */
  avatar?: string;
  /** The author's own pages, in order. */
  links?: AuthorLink[];
  /** GitHub login, used to mark this author's comments in threads. */
  github?: string;
  /**
   * Fediverse (Mastodon…) handle, `@lea@piaille.fr`: posts then name the
   * author in `fediverse:creator`, so Mastodon credits them under shared links.
   */
  fediverse?: string;
  /**
   * Addresses of the author's profiles on other sites (LinkedIn, a personal
   * site…): search engines read them as the same person (`sameAs`). The
   * GitHub and fediverse profiles are added for you.
   */
  profiles?: string[];
}

export interface NavigationItem {
  label: string;
  /** A path on this site (`/archives/`) or an absolute URL. */
  url: string;
}

export interface CategoryConfig {
  /** Name as readers see it (« Opinion »). */
  name: string;
  /** One sentence shown at the top of the category's page. */
  description?: string;
}

/**
 * URL patterns. `:slug` is the post's slug; `:year`, `:month` and `:day`
 * come from its date in the site's time zone. Patterns start and end with
 * `/`.
 */
export interface PermalinkConfig {
  /** Default `/billets/:slug/` (French) or `/posts/:slug/` (English). */
  post?: string;
  /** Category pages, default `/categories/:slug/`. */
  category?: string;
  /** Tag pages, default `/etiquettes/:slug/` or `/tags/:slug/`. */
  tag?: string;
  /** The archive by year, default `/archives/`. */
  archive?: string;
  /** The search page, default `/recherche/` (French) or `/search/` (English). */
  search?: string;
}

/**
 * A search engine that takes over when the reader's browser runs no
 * JavaScript: the search form is sent to `url` with the reader's words in
 * `q`, plus hidden `fields` that keep the results to this site.
 */
export interface SearchFallback {
  /** The engine's search address, e.g. `"https://www.qwant.com/"`. */
  url: string;
  /**
   * Hidden fields sent with the words; `{domain}` is replaced by the site's
   * domain. For DuckDuckGo: `{ sites: "{domain}" }`.
   */
  fields: Record<string, string>;
}

/**
 * Search on the site's own pages (Pagefind): a box in the header and a
 * search page. The index is built with the site; results show in the
 * reader's browser, with no request anywhere else.
 */
export interface SearchConfig {
  /**
   * Where the search form goes when the browser runs no JavaScript. Default
   * `"https://duckduckgo.com/"`, restricted to this site. A DuckDuckGo,
   * Google or Bing address is enough; another engine needs
   * `{ url, fields }`. `false`: without JavaScript, the search page just
   * says that search needs it. The engine's address must also be allowed by
   * `form-action` in netlify.toml.
   */
  fallback?: string | SearchFallback | false;
}

/**
 * How giscus finds a post's discussion:
 * - `specific` (default): by the post's comment key, its slug unless front
 *   matter pins another (`comments: { key: "…" }`). Renaming the file or
 *   changing the address pattern keeps the thread.
 * - `pathname`: by the post's path without the leading slash
 *   (`billets/mon-billet/`), as giscus's own default does. A new address
 *   means a new, empty thread.
 * - `url`: by the post's full address.
 */
export type CommentsMapping = "specific" | "pathname" | "url";

/**
 * Comments under each post, kept in GitHub Discussions and shown by giscus
 * (https://giscus.app). Take the four values from giscus.app's
 * configuration page once the giscus app is installed on the repository.
 * Each of `repo`, `repoId`, `category`, `categoryId`, `mapping` and `loading`
 * can also come from an environment variable (`GISCUS_REPO`,
 * `GISCUS_REPO_ID`, `GISCUS_CATEGORY`, `GISCUS_CATEGORY_ID`,
 * `GISCUS_MAPPING`, `GISCUS_LOADING`), which wins over this file.
 */
export interface CommentsConfig {
  /** `false` removes the comment section from every post. Default `true`. */
  enabled?: boolean;
  /** The public repository holding the discussions, as `owner/name`. */
  repo?: string;
  /** The repository's id (`R_kgDO…`), from giscus.app. Left empty, no widget is shown. */
  repoId?: string;
  /** The discussion category new threads go in (« Commentaires », "Announcements"…). */
  category?: string;
  /** The category's id (`DIC_kwDO…`), from giscus.app. Left empty, no widget is shown. */
  categoryId?: string;
  /** How a post finds its discussion. Default `specific`: see `CommentsMapping`. */
  mapping?: CommentsMapping;
  /**
   * Match discussions by a SHA-1 of the term that giscus writes in their
   * body, rather than by a title search that may pick a similar title.
   * Default `true`.
   */
  strict?: boolean;
  /** Reactions on the post itself, above the thread. Default `true`. */
  reactions?: boolean;
  /** Where the comment box sits in the widget: `bottom` (default) or `top`. */
  inputPosition?: "top" | "bottom";
  /**
   * When the widget loads: `lazy` (default) when the reader nears the
   * comments; `consent` only after the reader clicks « Afficher les
   * commentaires » (the choice is remembered). Nothing is asked of GitHub
   * or giscus before that.
   */
  loading?: "lazy" | "consent";
  /**
   * giscus themes for the site's light and dark themes, switched live with
   * the site's toggle. Default `light` and `dark`; any giscus theme name, or
   * the https:// address of a stylesheet.
   */
  themes?: { light?: string; dark?: string };
  /**
   * What the static thread leaves out, whatever the source: `hidden`, the
   * addresses of single comments (on GitHub, Mastodon or Bluesky);
   * `blockedAuthors`, GitHub logins, Mastodon accounts (`user@instance`)
   * and Bluesky handles or DIDs, all of whose comments are left out.
   */
  moderation?: { hidden?: string[]; blockedAuthors?: string[] };
}

export interface SiteConfig {
  /** The blog's name, in the header and in every page title. */
  title: string;
  /** One line under the title, and the home page's description. */
  description?: string;
  /**
   * Public address of the site, without a trailing slash. Used for canonical
   * links and feeds. Left out, Netlify's `URL` variable is used, then
   * `http://localhost:8080`.
   */
  url?: string;
  /** Interface language: `fr` (default) or `en`. Dates, plurals and typography follow it. */
  language?: Language;
  /** IANA time zone for dates and for deciding when a scheduled post goes out. Default `Europe/Paris`. */
  timeZone?: string;
  /** Authors by id. Posts name one with `author:`; the first is the default. */
  authors: Record<string, AuthorConfig>;
  /** Links in the header, in order. Default: home and archive. */
  navigation?: NavigationItem[];
  /**
   * Categories by slug (the value posts write in `category:`). A post whose
   * category is not listed here is a content error, so a typo cannot create
   * a new category by accident.
   */
  categories: Record<string, CategoryConfig>;
  /** Posts per page on the home page and on category and tag pages. Default 10. */
  postsPerPage?: number;
  permalinks?: PermalinkConfig;
  /** Text in the footer, after the copyright line. */
  footer?: string;
  /**
   * The site's icon: a path on this site (`/images/logo.svg`, a file in
   * `content/images/`). Left out, the first letter of the title is used.
   */
  favicon?: string;
  /**
   * Where the contact form (a page with `form: contact`) sends readers once
   * Netlify has their message. Default `/contact/merci/`: write that page.
   */
  contactSuccessUrl?: string;
  /** Comment threads under posts (giscus, GitHub Discussions). */
  comments?: CommentsConfig;
  /**
   * The buttons under each post, in this order: "linkedin", "x", "facebook",
   * "bluesky", "mastodon", "whatsapp", "email", "copy" (copies the address)
   * and "native" (the phone's own share menu). Default: all of them, in
   * that order. `[]` removes the share block.
   */
  share?: ShareNetwork[];
  /** Atom and JSON feeds (`/feed.xml`, `/feed.json`, and one per category). */
  feeds?: {
    /** How many of the latest posts each feed holds. Default 20. */
    entries?: number;
  };
  /** Site search: on by default; `false` removes the search box, the search page and the index. */
  search?: SearchConfig | false;
}

export interface ResolvedAuthor {
  id: string;
  name: string;
  bio: string;
  avatar: string | undefined;
  links: AuthorLink[];
  github: string | undefined;
  /** `@name@host`, checked. */
  fediverse: string | undefined;
  profiles: string[];
}

export interface ResolvedCategory {
  slug: string;
  name: string;
  description: string;
}

export interface ResolvedSiteConfig {
  title: string;
  description: string;
  url: string;
  language: Language;
  timeZone: string;
  authors: Map<string, ResolvedAuthor>;
  defaultAuthor: ResolvedAuthor;
  navigation: NavigationItem[];
  categories: Map<string, ResolvedCategory>;
  postsPerPage: number;
  permalinks: Required<PermalinkConfig>;
  footer: string;
  favicon: string | undefined;
  contactSuccessUrl: string;
  comments: ResolvedComments;
  share: ShareNetwork[];
  feeds: { entries: number };
  search: ResolvedSearch;
}

/** The fallback form: its action and the hidden fields that keep results to this site. */
export interface ResolvedSearchFallback {
  url: string;
  fields: Record<string, string>;
}

export type ResolvedSearch =
  { enabled: true; url: string; fallback: ResolvedSearchFallback | undefined } | { enabled: false };

/** Identity function that gives `site.config.ts` its types and documentation. */
export function defineSiteConfig(config: SiteConfig): SiteConfig {
  return config;
}

const DEFAULT_PERMALINKS: Record<Language, Required<PermalinkConfig>> = {
  fr: {
    post: "/billets/:slug/",
    category: "/categories/:slug/",
    tag: "/etiquettes/:slug/",
    archive: "/archives/",
    search: "/recherche/",
  },
  en: {
    post: "/posts/:slug/",
    category: "/categories/:slug/",
    tag: "/tags/:slug/",
    archive: "/archives/",
    search: "/search/",
  },
};

/** Pages Billet generates once, whose pattern holds no :slug. */
const SINGLE_PAGES: ReadonlySet<string> = new Set(["archive", "search"]);

/** Search engines whose way of keeping results to one site is known. */
const KNOWN_FALLBACKS: Array<{ host: RegExp; fields: Record<string, string> }> = [
  { host: /(^|\.)duckduckgo\.com$/, fields: { sites: "{domain}" } },
  { host: /(^|\.)google\.[a-z.]+$/, fields: { as_sitesearch: "{domain}" } },
  { host: /(^|\.)bing\.com$/, fields: { q1: "site:{domain}" } },
];

const DEFAULT_SEARCH_FALLBACK = "https://duckduckgo.com/";

const PERMALINK_TOKENS: ReadonlySet<string> = new Set([":slug", ":year", ":month", ":day"]);

/**
 * Fills in defaults and checks what cannot be typed. `env` is passed in (not
 * read from `process.env` here) so that tests can resolve a config as
 * Netlify would see it.
 */
export function resolveSiteConfig(
  config: SiteConfig,
  { file = "site.config.ts", env = process.env }: { file?: string; env?: NodeJS.ProcessEnv } = {},
): ResolvedSiteConfig {
  const problems: string[] = [];
  const problem = (field: string, found: unknown, expected: string) =>
    problems.push(`${file}: ${field}: found ${describe(found)}, expected ${expected}`);

  if (typeof config.title !== "string" || config.title.trim() === "") {
    problem("title", config.title, "the blog's name as a non-empty string");
  }

  const language = config.language ?? "fr";
  if (!LANGUAGES.includes(language)) {
    problem("language", language, `one of ${LANGUAGES.map((l) => `"${l}"`).join(", ")}`);
  }

  const timeZone = config.timeZone ?? "Europe/Paris";
  if (!isValidTimeZone(timeZone)) {
    problem("timeZone", timeZone, 'an IANA time zone such as "Europe/Paris"');
  }

  const rawUrl = config.url ?? env.URL ?? "http://localhost:8080";
  let url = rawUrl.replace(/\/+$/, "");
  if (!/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(url)) {
    problem("url", rawUrl, 'an absolute address such as "https://example.org"');
    url = "http://localhost:8080";
  }

  const authors = new Map<string, ResolvedAuthor>();
  for (const [id, author] of Object.entries(config.authors ?? {})) {
    if (!author || typeof author.name !== "string" || author.name.trim() === "") {
      problem(`authors.${id}.name`, author?.name, "the author's name as a non-empty string");
      continue;
    }
    (author.links ?? []).forEach((link, i) => {
      if (!link.label) problem(`authors.${id}.links[${i}].label`, link.label, "the link's text");
      if (!isLinkTarget(link.url))
        problem(`authors.${id}.links[${i}].url`, link.url, 'a path ("/contact/") or an absolute URL');
    });
    if (author.fediverse !== undefined && !FEDIVERSE_HANDLE.test(author.fediverse)) {
      problem(`authors.${id}.fediverse`, author.fediverse, 'a handle such as "@lea@piaille.fr"');
    }
    (author.profiles ?? []).forEach((profile, i) => {
      if (typeof profile !== "string" || !/^https?:\/\/[^/\s]+/.test(profile))
        problem(
          `authors.${id}.profiles[${i}]`,
          profile,
          'an absolute address such as "https://www.linkedin.com/in/lea"',
        );
    });
    authors.set(id, {
      id,
      name: author.name,
      bio: author.bio ?? "",
      avatar: author.avatar,
      links: author.links ?? [],
      github: author.github,
      fediverse: author.fediverse,
      profiles: author.profiles ?? [],
    });
  }
  const defaultAuthor = authors.values().next().value;
  if (!defaultAuthor) problem("authors", config.authors, 'at least one author, e.g. { lea: { name: "Léa" } }');

  const categories = new Map<string, ResolvedCategory>();
  for (const [slug, category] of Object.entries(config.categories ?? {})) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
      problem(`categories.${slug}`, slug, "a slug of lowercase letters, digits and dashes as the key");
    }
    if (!category || typeof category.name !== "string" || category.name.trim() === "") {
      problem(`categories.${slug}.name`, category?.name, "the category's name as readers see it");
      continue;
    }
    categories.set(slug, { slug, name: category.name, description: category.description ?? "" });
  }

  const postsPerPage = config.postsPerPage ?? 10;
  if (!Number.isInteger(postsPerPage) || postsPerPage < 1) {
    problem("postsPerPage", postsPerPage, "a whole number of at least 1");
  }

  const permalinks = { ...DEFAULT_PERMALINKS[LANGUAGES.includes(language) ? language : "fr"], ...config.permalinks };
  for (const [key, pattern] of Object.entries(permalinks)) {
    const tokens: string[] = pattern.match(/:[a-z]+/g) ?? [];
    const unknown = tokens.filter((t) => !PERMALINK_TOKENS.has(t));
    if (!pattern.startsWith("/") || !pattern.endsWith("/")) {
      problem(`permalinks.${key}`, pattern, 'a pattern that starts and ends with "/"');
    } else if (unknown.length > 0) {
      problem(`permalinks.${key}`, pattern, `only the tokens ${[...PERMALINK_TOKENS].join(", ")}`);
    } else if (!SINGLE_PAGES.has(key) && !tokens.includes(":slug")) {
      problem(`permalinks.${key}`, pattern, "a pattern that contains :slug");
    }
  }

  const navigation = config.navigation ?? [];
  navigation.forEach((item, i) => {
    if (!item.label) problem(`navigation[${i}].label`, item.label, "the link's text");
    if (!isLinkTarget(item.url)) problem(`navigation[${i}].url`, item.url, 'a path ("/archives/") or an absolute URL');
  });

  if (config.favicon !== undefined && !/^\/(?!\/)/.test(config.favicon)) {
    problem("favicon", config.favicon, 'a path on this site, e.g. "/images/logo.svg"');
  }
  if (config.contactSuccessUrl !== undefined && !isLinkTarget(config.contactSuccessUrl)) {
    problem("contactSuccessUrl", config.contactSuccessUrl, 'a path on this site, e.g. "/contact/merci/"');
  }

  const comments = resolveComments(config.comments, env, problem);
  const share = config.share ?? [...SHARE_NETWORKS];
  if (!Array.isArray(share)) {
    problem("share", share, `a list of buttons among ${SHARE_NETWORKS.map((n) => `"${n}"`).join(", ")}`);
  } else {
    share.forEach((network, i) => {
      if (!SHARE_NETWORKS.includes(network)) {
        problem(`share[${i}]`, network, `one of ${SHARE_NETWORKS.map((n) => `"${n}"`).join(", ")}`);
      } else if (share.indexOf(network) !== i) {
        problem(`share[${i}]`, network, "each button once");
      }
    });
  }

  const feedEntries = config.feeds?.entries ?? 20;
  if (!Number.isInteger(feedEntries) || feedEntries < 1) {
    problem("feeds.entries", feedEntries, "a whole number of at least 1");
  }
  const search = resolveSearch(config.search, url, permalinks.search, problem);

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    title: config.title,
    description: config.description ?? "",
    url,
    language,
    timeZone,
    authors,
    defaultAuthor: defaultAuthor!,
    navigation,
    categories,
    postsPerPage,
    permalinks,
    footer: config.footer ?? "",
    favicon: config.favicon,
    contactSuccessUrl: config.contactSuccessUrl ?? "/contact/merci/",
    comments,
    share,
    feeds: { entries: feedEntries },
    search,
  };
}

/** `@name@host.tld`, as Mastodon writes a handle. */
const FEDIVERSE_HANDLE = /^@[a-z0-9_.-]+@(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}$/i;

function resolveSearch(
  search: SearchConfig | false | undefined,
  siteUrl: string,
  pageUrl: string,
  problem: (field: string, found: unknown, expected: string) => void,
): ResolvedSearch {
  if (search === false) return { enabled: false };
  if (search !== undefined && (typeof search !== "object" || search === null || Array.isArray(search))) {
    problem("search", search, "false, or settings such as { fallback: false }");
    return { enabled: false };
  }
  const fallback = search?.fallback === undefined ? DEFAULT_SEARCH_FALLBACK : search.fallback;
  if (fallback === false) return { enabled: true, url: pageUrl, fallback: undefined };
  const domain = new URL(siteUrl).host;
  const expected = 'a search engine\'s address such as "https://duckduckgo.com/", { url, fields }, or false';
  let resolved: ResolvedSearchFallback | undefined;
  if (typeof fallback === "string") {
    const host = /^https:\/\/([^/?#\s]+)/.exec(fallback)?.[1];
    const known = host && KNOWN_FALLBACKS.find((engine) => engine.host.test(host));
    if (!host) problem("search.fallback", fallback, expected);
    else if (!known)
      problem(
        "search.fallback",
        fallback,
        `the address of DuckDuckGo, Google or Bing, or { url, fields } naming the hidden fields that keep this engine's results to the site`,
      );
    else resolved = { url: fallback, fields: known.fields };
  } else if (
    typeof fallback === "object" &&
    fallback !== null &&
    typeof fallback.url === "string" &&
    /^https:\/\/[^/?#\s]+/.test(fallback.url) &&
    typeof fallback.fields === "object" &&
    fallback.fields !== null &&
    Object.values(fallback.fields).every((value) => typeof value === "string")
  ) {
    resolved = { url: fallback.url, fields: fallback.fields };
  } else {
    problem("search.fallback", fallback, expected);
  }
  if (!resolved) return { enabled: true, url: pageUrl, fallback: undefined };
  const fields = Object.fromEntries(
    Object.entries(resolved.fields).map(([name, value]) => [name, value.replaceAll("{domain}", domain)]),
  );
  return { enabled: true, url: pageUrl, fallback: { url: resolved.url, fields } };
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isLinkTarget(url: unknown): boolean {
  return typeof url === "string" && (/^\/(?!\/)/.test(url) || /^(https?:|mailto:)/.test(url));
}

/** How a found value is quoted in error messages. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null (an empty value)";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === "object") return `an object (${JSON.stringify(value).slice(0, 60)})`;
  return `${typeof value === "number" ? "the number" : typeof value} ${String(value)}`;
}
