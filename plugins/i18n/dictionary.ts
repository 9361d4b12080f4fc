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
  // Hostile input (several tables in one text).
  /** The same, numbered, when a text has several tables: `{index}` of `{total}`. */
  scrollableTableOf: string;
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
  comments: {
    /** Heading of the thread: `{count}`, `{title}`; `zero` for « Aucun commentaire pour l’instant ». */
    heading: Plural;
    /** A post's count in lists. */
    count: Plural;
    /** Badge on comments that come from an archive (an earlier blog). */
    archived: string;
    /** Badge on the post author's comments. */
    byPostAuthor: string;
    /** `{name}`: the author of the comment answered. */
    inReplyTo: string;
    deleted: string;
    minimized: string;
    reactionNames: {
      THUMBS_UP: string;
      THUMBS_DOWN: string;
      LAUGH: string;
      HOORAY: string;
      CONFUSED: string;
      HEART: string;
      ROCKET: string;
      EYES: string;
    };
    upvotes: Plural;
    /** Heading above the giscus box. */
    leave: string;
    /** Link to the discussion on GitHub (readers without JavaScript). */
    discussionOnGitHub: string;
    /** Link to the repository's discussions when the post's is not known yet. */
    commentOnGitHub: string;
    /** Said before the button in consent mode: what clicking will contact. */
    consent: string;
    /** The consent button. */
    show: string;
  };
  /** Comments: replies from where a post was shared, sources, and how to take part (plugins/comments). */
  replies: {
    /** Under the post: `{places}`, « Mastodon, Bluesky et LinkedIn ». */
    alsoOn: string;
    /** Names of the places a comment comes from or a post was shared. */
    sources: { github: string; mastodon: string; bluesky: string; linkedin: string };
    /** In a comment's header, linking to where it was written: `{source}`. */
    via: string;
    /** A link to answer where the post was shared: `{source}`. */
    replyOn: string;
    /** Heading of a folded reply: `{warning}`, the author's content warning. */
    contentWarning: string;
    /** A sensitive image, offered as a link. */
    sensitiveImage: string;
    /** What happens with the widget: sign in with GitHub. */
    withWidget: string;
    /** Without the widget: the discussion on GitHub. */
    onGitHub: string;
    /** Without the widget and before any discussion exists. */
    startOnGitHub: string;
    /** Link to this post's discussion. */
    discussionLink: string;
    /** Link to GitHub's form that starts this post's discussion. */
    startLink: string;
    /** Also answering where the post was shared (after a GitHub sentence). */
    alsoShared: string;
    /** Answering where the post was shared, when there is no GitHub thread. */
    onlyShared: string;
    /** Instead of the widget when it cannot load. */
    widgetFailed: string;
  };
  pageTitle: {
    /** `{page}` title suffix on paginated lists, e.g. « Page 2 ». */
    page: string;
  };
  /** The share block under each post (plugins/social). */
  share: {
    heading: string;
    /** Accessible name of a network's link: « Partager sur {network} ». */
    on: string;
    /** E-mail: accessible name, then the short visible name. */
    email: string;
    emailName: string;
    copy: string;
    copied: string;
    copyFailed: string;
    /** The system's share sheet: accessible name, then the short visible name. */
    native: string;
    nativeName: string;
    mastodon: {
      /** Heading of the dialog that asks for the reader's instance. */
      title: string;
      label: string;
      hint: string;
      invalid: string;
      submit: string;
      cancel: string;
      /** Button shown once an instance is remembered; `{instance}` is its host. */
      change: string;
    };
  };
  /** Social cards, structured data (plugins/social). */
  social: {
    /** Alternative text of a post's generated card: `{title}`, `{site}`. */
    cardAlt: string;
    /** Alternative text of the site's card. */
    siteCardAlt: string;
  };
  /** Atom and JSON feeds (plugins/feeds). */
  feeds: {
    /** Title of a `<link rel="alternate">`: `{title}` is the feed's title, `{format}` Atom or JSON Feed. */
    linkTitle: string;
    /** A category's feed title: `{site}`, `{category}`. */
    categoryTitle: string;
  };
  // Reader's side: the header's links, the « S'abonner » page, the home page's byline, the 404 page.
  /** The links of every page's header and footer. */
  header: {
    /** The header's link to the search page (an icon; this is its name). */
    search: string;
    /** The header's link to the subscribe page. */
    subscribe: string;
    /** The footer's sentence about following the blog: `{link}` is the subscribe link. */
    follow: string;
    followLink: string;
  };
  /** The « S'abonner » page (plugins/feeds). */
  subscribe: {
    title: string;
    /** One sentence under the title. */
    intro: string;
    /** « Qu'est-ce qu'un flux ? » and its paragraphs. */
    whatHeading: string;
    what: string;
    how: string;
    /** The whole blog's feeds. */
    allHeading: string;
    allText: string;
    /** One feed per category. */
    categoriesHeading: string;
    categoriesText: string;
    /** The address box's label: `{format}` is Atom or JSON Feed, `{title}` the feed's. */
    addressOf: string;
    /** The copy button, and what it says once done or when it could not copy. */
    copy: string;
    copied: string;
    copyFailed: string;
  };
  /** The line under the home page's title that says who writes: `{name}`. */
  byline: string;
  /** Above the 404 page's title. */
  notFoundCode: string;
  // End of the reader's side.
  search: {
    /** Title of the search page. */
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
  // The author's preview (`npm start`, plugins/preview).
  preview: {
    /** The page shown instead of every page while there are problems. */
    title: string;
    intro: Plural;
    /** Under the list: what happens next. */
    next: string;
    /** Terminal lines. */
    problems: Plural;
    fixed: string;
    updated: string;
    serving: string;
  };
  // Front matter syntax (YAML): what the build says of a front matter it cannot read
  // (plugins/content/yaml-problems.ts). Each follows `file:line: `; `{key}` is a key as written.
  frontMatterSyntax: {
    unclosedDoubleQuote: string;
    unclosedSingleQuote: string;
    /** A closing quote followed by more text on its line. */
    textAfterDoubleQuote: string;
    textAfterSingleQuote: string;
    unclosedList: string;
    unclosedBraces: string;
    /** `{closing}`: `]` or `}`; `{column}`: where it is. */
    textAfterBracket: string;
    tab: string;
    /** `{first}`: the line of the first one. */
    duplicateKey: string;
    duplicateKeyHere: string;
    /** `{fixed}`: the line as it should be written. */
    colonInValue: string;
    noSpaceAfterColon: string;
    noSpaceAfterDash: string;
    /** `tags: - seo`: `{fixed}` is the list written on the key's line. */
    listOnKeyLine: string;
    /** `{char}`: the sign the value starts with. */
    reservedStart: string;
    backslash: string;
    controlCharacter: string;
    /** `{key}`, `{line}`: the entry above, which the line may continue. */
    withoutKey: string;
    withoutKeyFirst: string;
    indentDeeper: string;
    indentMismatch: string;
    neverClosed: string;
    /** `{open}`: the line of the opening `---`. */
    neverClosedBody: string;
    /** `{close}`: the line of the `---` that closes it. */
    closedLate: string;
    notMapping: string;
    /** `{max}`: how many values are allowed. */
    aliases: string;
    /** Anything else YAML cannot read. */
    unreadable: string;
  };
}
