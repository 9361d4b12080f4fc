/**
 * The shape of `site.config.ts`, as a blogger writes it and as the build
 * reads it once resolved.
 *
 * A blogger edits `site.config.ts` only. `defineSiteConfig()` does nothing at
 * run time: it exists so that editors show the documentation below on every
 * field. The interfaces here are checked against the schema that validates
 * the file (./schema.ts, tested in test/unit/config.test.ts); each
 * capability's section (comments, search, share buttons, feeds) is declared
 * beside the code that uses it.
 */
import type { CommentsConfig, ResolvedComments } from "../comments/config.ts";
import type { FeedsConfig } from "../feeds/config.ts";
import type { Language } from "../i18n/languages.ts";
import type { ResolvedSearch, SearchConfig } from "../search/config.ts";
import type { ShareConfig } from "../social/config.ts";
import type { ShareNetwork } from "../social/networks.ts";

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
  /** Text of the link in the header. */
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
 * come from its date in the site's time zone. Patterns are paths on the
 * site that start and end with `/`, without `.` or `..` segments.
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
   * category is not listed here (or in `content/categories.yaml`) is a
   * content error, so a typo cannot create a new category by accident.
   */
  categories: Record<string, CategoryConfig>;
  /** Posts per page on the home page and on category and tag pages. Default 10. */
  postsPerPage?: number;
  /** Addresses of posts, categories, tags, the archive and the search page. */
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
   * Netlify has their message: a path on this site. Default
   * `/contact/merci/`: write that page.
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
  share?: ShareConfig;
  /** Atom and JSON feeds (`/feed.xml`, `/feed.json`, and one per category). */
  feeds?: FeedsConfig;
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

/** Identity function that gives `site.config.ts` its types and documentation. */
export function defineSiteConfig(config: SiteConfig): SiteConfig {
  return config;
}
