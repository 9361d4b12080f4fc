/**
 * The shape every interface dictionary has. Adding a string here makes the
 * type checker point at each language that lacks it.
 *
 * Strings may hold `{name}` placeholders, filled by `I18n.format`. Counted
 * strings are `Plural` forms chosen with Intl.PluralRules; `zero` is used
 * for a count of 0 when given, since « Aucun commentaire » reads better
 * than « 0 commentaire ».
 */
export interface Plural {
  zero?: string;
  one: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export interface Dictionary {
  /** BCP 47 tag for `<html lang>` and Intl. */
  locale: string;
  /** Open Graph locale, e.g. fr_FR. */
  ogLocale: string;
  skipLink: string;
  mainNavigation: string;
  home: string;
  /** Accessible name of the scrolling region around a wide table in a post. */
  scrollableTable: string;
  theme: {
    /** Accessible name of the toggle. */
    toggle: string;
    dark: string;
    light: string;
  };
  footer: {
    copyright: string;
    poweredBy: string;
  };
  post: {
    publishedOn: string;
    updatedOn: string;
    readingTime: Plural;
    category: string;
    tags: string;
    previous: string;
    next: string;
    neighbours: string;
    publishedBy: string;
    draft: string;
    scheduled: string;
    draftNote: string;
    scheduledNote: string;
  };
  lists: {
    latest: string;
    pageOf: string;
    newer: string;
    older: string;
    pagination: string;
    postCount: Plural;
    categoryTitle: string;
    tagTitle: string;
    allCategories: string;
    archiveTitle: string;
    archiveIntro: Plural;
    yearCount: Plural;
    noPosts: string;
    readMore: string;
  };
  notFound: {
    title: string;
    text: string;
    backHome: string;
  };
  contactForm: {
    name: string;
    email: string;
    message: string;
    send: string;
    honeypot: string;
    required: string;
  };
  pageTitle: {
    /** `{page}` title suffix on paginated lists, e.g. « Page 2 ». */
    page: string;
  };
  search: {
    /** Title of the search page, and the header box's button. */
    title: string;
    /** Label of the search field. */
    label: string;
    /** One sentence under the search page's title. */
    intro: string;
    /** Counted results; `{query}` is the reader's words. */
    results: Plural;
    /** While the index loads or a search runs. */
    searching: string;
    /** The index could not be loaded. */
    failed: string;
    /** Button under the results when there are more. */
    more: string;
    /** Without JavaScript, when a search engine takes over; `{engine}` is its domain. */
    fallbackNote: string;
    /** Without JavaScript, when there is no search engine to take over. */
    needsJavaScript: string;
  };
}
