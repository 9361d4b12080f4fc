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
  // Tools: what validation, `npm run new`, `npm run check` and the WordPress import say to the author.
  tools: ToolWords;
}

// Tools: what validation, `npm run new`, `npm run check` and the WordPress import say to the author.
/**
 * What the tools say to the author. Templates are typeset by `Messages`
 * (plugins/i18n): in French, write plain spaces before : ; ! ? and inside
 * « »; straight quotes are left alone, since examples (`title: "Mon
 * billet"`) are to be copied as written. Field names, keys and values are
 * placeholders, shown as the author wrote them.
 */
export interface ToolWords {
  /** How every problem line reads, and what makes it up. */
  problems: {
    /** `{where}: {what}`: a file or a field, then what is wrong there. */
    at: string;
    /** `found {found}, expected {expected}`. */
    foundExpected: string;
    /** The same when nothing was written there: `found nothing, expected {expected}`. */
    missingExpected: string;
    /** A field that comes from an environment variable: `{field} (from {variable})`. */
    fromVariable: string;
    unknownKey: string;
    /** `one of {names}`. */
    oneOf: string;
    /** For an unknown key: `one of {names}`, the keys allowed there. */
    oneOfKeys: string;
    /** ` (did you mean {name}?)`, after what was expected. */
    didYouMean: string;
    /** A key that other tools use: `none here: {instead}`. */
    foreignKey: string;
    /** `{expected}`, for a table whose prototype was replaced by a `__proto__` key. */
    noProtoKey: string;
    trueOrFalse: string;
    /** A date in front matter and comment archives. */
    date: string;
    /** How the value found is described. */
    values: {
      nothing: string;
      null: string;
      /** `{json}`: the start of the list as JSON. */
      list: string;
      object: string;
      /** `{date}`: ISO 8601. */
      date: string;
      invalidDate: string;
      function: string;
      number: string;
      symbol: string;
      /** `{value}`: true or false. */
      boolean: string;
      bigint: string;
    };
    /** YAML that cannot be read: ` at line {line}, column {column}`, after « invalid YAML ». */
    yamlAt: string;
    invalidYaml: string;
    /** Headings of the lists of problems. */
    headings: {
      /** A build's: nothing was written. */
      content: Plural;
      /** `npm run check`'s, which writes nothing anyway. */
      contentChecked: Plural;
      /** Problems in site.config.ts alone. */
      config: Plural;
      /** Problems in site.config.ts and content/categories.yaml. */
      configuration: Plural;
    };
  };
  /** Front matter of posts and pages, and what the content's files must be (plugins/content). */
  frontMatter: {
    /** A problem with the whole front matter. */
    whole: string;
    title: string;
    updated: string;
    category: string;
    categoryOneOf: string;
    tags: string;
    description: string;
    author: string;
    authorOneOf: string;
    comments: string;
    commentKey: string;
    discussion: string;
    commentsOnly: string;
    image: string;
    imageAlt: string;
    imageAltNeeded: string;
    slug: string;
    permalink: string;
    form: string;
    syndication: string;
    /** Keys other tools use, with what to write instead. */
    foreignKeys: {
      permalink: string;
      layout: string;
      categories: string;
      tag: string;
      published: string;
      excerpt: string;
      summary: string;
      cover: string;
    };
    noSlugFound: string;
    noSlugExpected: string;
    /** `image {src} (line {line})`: where an image of the body is. */
    bodyImage: string;
    noAltFound: string;
    noAltExpected: string;
    /** `no file at {file}`. */
    noFile: string;
    imageBeside: string;
    jpegOrPng: string;
    badEscapeFound: string;
    badEscapeExpected: string;
    tagWithLetter: string;
    tagClashFound: string;
    tagClashExpected: string;
    addressTakenFound: string;
    addressTakenExpected: string;
    addressTakenPageExpected: string;
    /** `{owner}, which holds every address under {url},`. */
    folderOwner: string;
    /** What Billet writes at an address a post or page would take (`{name}`: a category's or tag's name, quoted). */
    owners: {
      homePage: string;
      homeListPage: string;
      categoryPage: string;
      tagPage: string;
      archivePage: string;
      notFoundPage: string;
      searchPage: string;
      searchIndex: string;
      feed: string;
      subscribePage: string;
      sitemap: string;
      robots: string;
      socialCards: string;
      assets: string;
      images: string;
      redirects: string;
    };
    discussionTakenFound: string;
    discussionTakenExpected: string;
    commentKeyTakenFound: string;
    commentKeyTakenExpected: string;
  };
  /** site.config.ts and content/categories.yaml (plugins/config and each section's schema). */
  config: {
    settings: string;
    title: string;
    description: string;
    url: string;
    timeZone: string;
    wholeNumber: string;
    footer: string;
    favicon: string;
    contactSuccessUrl: string;
    link: string;
    linkText: string;
    links: string;
    authorLinkUrl: string;
    navigationUrl: string;
    authors: string;
    atLeastOneAuthor: string;
    author: string;
    authorName: string;
    bio: string;
    avatar: string;
    github: string;
    fediverse: string;
    profile: string;
    profiles: string;
    categories: string;
    category: string;
    categoryName: string;
    categoryDescription: string;
    categorySlug: string;
    categoriesYaml: string;
    permalinks: string;
    pattern: string;
    patternTokens: string;
    patternSlug: string;
    patternPath: string;
    patternDots: string;
    patternPlain: string;
    comments: string;
    text: string;
    repo: string;
    theme: string;
    themes: string;
    listOf: string;
    hidden: string;
    blockedAuthors: string;
    moderation: string;
    feeds: string;
    search: string;
    searchFallback: string;
    unknownEngine: string;
    share: string;
    shareOnce: string;
  };
  /** Archived comments, `<post>.comments.yaml` (plugins/comments/archived.ts). */
  archives: {
    list: string;
    listOfComments: string;
    comment: string;
    /** `only {keys}`. */
    onlyKeys: string;
    neverPublished: string;
    id: string;
    author: string;
    authorName: string;
    authorUrl: string;
    authorKeys: string;
    body: string;
    parent: string;
    idTakenFound: string;
    idTakenExpected: string;
    parentMissing: string;
    parentLoopFound: string;
    parentLoopExpected: string;
    noPostFound: string;
    noPostExpected: string;
  };
  /** `npm run new` and what it writes in the new post's file. */
  newPost: {
    usage: string;
    emptySlug: string;
    exists: string;
    created: string;
    /** Written in the new file, commented out. */
    descriptionExample: string;
    categoriesComment: string;
    firstParagraph: string;
  };
  /** What a build says as it works, besides the problems that stop it (plugins/log). */
  build: {
    /** `{fields}`: the missing settings, each as `fieldOrVariable`. */
    widgetOff: string;
    /** `{field} (or {variable})`. */
    fieldOrVariable: string;
    /** `{used}` of `{rendered}` bodies. */
    markdownAhead: string;
    cardsDrawn: Plural;
    cardsReused: Plural;
    /** `{drawn}`: `cardsDrawn`; `{reused}`: `cardsReused`; `{seconds}`. */
    cards: string;
    /** `{error}`: what the file system said. */
    notKept: string;
    /** `{problem}`: what is wrong with a file of comments kept by earlier builds. */
    commentsCache: string;
    lostFetchedAgain: string;
    lostComesBack: string;
    /** `{failure}`: what GitHub or the network answered. */
    snapshotNotUpdated: string;
    /** `{taken}`: when the last snapshot was taken (UTC). */
    lastSnapshot: string;
    damagedSnapshot: string;
    noSnapshot: string;
    /** `{service}` (Mastodon, Bluesky), `{parts}`: what went wrong, joined by `separator`. */
    repliesFrom: string;
    separator: string;
    /** `{reason}`: the first post's failure. */
    unreadPosts: Plural;
    /** `{url}`: the first one. */
    gonePosts: Plural;
    /** `{limits}`: each server with `limitUntil`. */
    postponed: Plural;
    /** `{host}`, `{reset}`: when its rate limit ends. */
    limitUntil: string;
    /** A file of comments kept by earlier builds: `{file}`, `{code}` (the system's error). */
    cacheUnreadable: string;
    /** `{file}`, `{bytes}`. */
    cacheNotJson: string;
    /** `{file}`, `{issue}`: the first thing wrong in it. */
    cacheDamaged: string;
    /** `{file}`, `{entries}`: the first few. */
    snapshotEntries: Plural;
    repliesNotCache: string;
    repliesNotJson: string;
    /** `{file}`, `{entries}`: the first few. */
    repliesEntries: Plural;
  };
  /** `npm run check`. */
  check: {
    /** `{what}`: the files checked, as a list. */
    checked: string;
    archives: Plural;
    summary: string;
    posts: Plural;
    published: Plural;
    drafts: Plural;
    scheduled: Plural;
    pages: Plural;
  };
  /** The WordPress import's summary (scripts/wordpress/report.ts). */
  import: {
    usage: string;
    noExport: string;
    export: string;
    uploads: string;
    noUploads: string;
    noConfig: string;
    nothingWritten: string;
    title: string;
    titleOf: string;
    dryRun: string;
    total: string;
    published: string;
    scheduled: string;
    drafts: string;
    kept: string;
    posts: string;
    pages: string;
    comments: string;
    archived: Plural;
    leftOut: string;
    unreadable: string;
    reattached: Plural;
    inKeptFiles: string;
    redirects: string;
    categories: string;
    newCategories: Plural;
    images: string;
    imagesCount: string;
    warnings: string;
    inFile: string;
    alreadyInFile: string;
    wouldWrite: string;
    wouldOverwrite: string;
    wouldRemove: string;
    wouldMerge: string;
    wouldKeep: string;
    overwritten: string;
    removed: string;
    merged: string;
    keptFiles: string;
    written: Plural;
    notes: string;
    remoteImages: string;
    runAgain: string;
    next: string;
  };
}
