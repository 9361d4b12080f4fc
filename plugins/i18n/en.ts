import type { Dictionary } from "./dictionary.ts";

/** Interface strings in English. */
export const en: Dictionary = {
  locale: "en",
  ogLocale: "en_US",
  skipLink: "Skip to content",
  mainNavigation: "Main navigation",
  scrollableTable: "Table",
  // Hostile input (several tables in one text): the name of each when there are several.
  scrollableTableOf: "Table {index} of {total}",
  home: "Home",
  theme: {
    toggle: "Dark theme",
    dark: "Switch to the dark theme",
    light: "Switch to the light theme",
  },
  footer: {
    copyright: "© {year} {title}",
    poweredBy: "Published with Billet",
  },
  post: {
    publishedOn: "Published on {date}",
    updatedOn: "updated on {date}",
    readingTime: { one: "{count} min read", other: "{count} min read" },
    category: "Category",
    tags: "Tags",
    previous: "Previous post",
    next: "Next post",
    neighbours: "More posts",
    publishedBy: "Published by",
    draft: "Draft",
    scheduled: "Scheduled",
    draftNote: "This post is a draft: it shows only on your machine and will not be published.",
    scheduledNote: "This post is scheduled: it will be published on {date}.",
  },
  lists: {
    latest: "Latest posts",
    pageOf: "Page {page} of {total}",
    newer: "Newer posts",
    older: "Older posts",
    pagination: "Pagination",
    postCount: { zero: "No posts", one: "{count} post", other: "{count} posts" },
    categoryTitle: "Category: {name}",
    tagTitle: "Tag: {name}",
    allCategories: "Categories",
    archiveTitle: "Archive",
    archiveIntro: {
      zero: "Nothing published yet.",
      one: "{count} post published.",
      other: "{count} posts published, newest first.",
    },
    yearCount: { one: "{count} post", other: "{count} posts" },
    noPosts: "No posts yet.",
    readMore: "Read the rest of “{title}”",
  },
  notFound: {
    title: "Page not found",
    text: "The page you are looking for does not exist, or no longer does. It may have moved.",
    backHome: "Back to the home page",
  },
  contactForm: {
    name: "Your name",
    email: "Your e-mail address",
    message: "Your message",
    send: "Send",
    honeypot: "Leave this field empty if you are human:",
    required: "required",
  },
  comments: {
    heading: {
      zero: "No comments yet",
      one: "{count} thought on “{title}”",
      other: "{count} thoughts on “{title}”",
    },
    count: { zero: "No comments", one: "{count} comment", other: "{count} comments" },
    archived: "archived",
    byPostAuthor: "wrote this post",
    inReplyTo: "in reply to {name}",
    deleted: "This comment was deleted.",
    minimized: "This comment was hidden by a moderator.",
    reactionNames: {
      THUMBS_UP: "thumbs up",
      THUMBS_DOWN: "thumbs down",
      LAUGH: "laugh",
      HOORAY: "hooray",
      CONFUSED: "confused",
      HEART: "heart",
      ROCKET: "rocket",
      EYES: "eyes",
    },
    upvotes: { one: "{count} upvote", other: "{count} upvotes" },
    leave: "Leave a comment",
    discussionOnGitHub: "Read and join the discussion on GitHub",
    commentOnGitHub: "Comment on GitHub",
    consent:
      "Comments are published on GitHub and shown by the giscus service: showing them sends a request to GitHub and giscus.app.",
    show: "Show the comments",
  },
  // Comments: replies from where a post was shared, sources, how to take part (plugins/comments).
  replies: {
    alsoOn: "Also published on {places}",
    sources: { github: "GitHub", mastodon: "Mastodon", bluesky: "Bluesky", linkedin: "LinkedIn" },
    via: "on {source}",
    replyOn: "Reply on {source}",
    contentWarning: "Content warning: {warning}",
    sensitiveImage: "sensitive image",
    withWidget:
      "To write here, sign in with your GitHub account in the frame below: your comment joins this post's discussion on GitHub.",
    onGitHub: "Comments are written in this post's discussion on GitHub, with a GitHub account.",
    startOnGitHub: "Nobody has started this post's discussion on GitHub yet: you can, with a GitHub account.",
    discussionLink: "Read and join the discussion on GitHub",
    startLink: "Start the discussion on GitHub",
    alsoShared:
      "You can also reply where this post was shared: public replies show here when the site is next updated.",
    onlyShared: "Reply where this post was shared: public replies show here when the site is next updated.",
    widgetFailed: "The comment frame could not load. You can read and write comments directly on GitHub.",
  },
  pageTitle: {
    page: "page {page}",
  },
  share: {
    heading: "Share this post on social media",
    on: "Share on {network}",
    email: "Send by e-mail",
    emailName: "E-mail",
    copy: "Copy the link",
    copied: "Link copied to the clipboard.",
    copyFailed: "Could not copy the link: copy the address from the browser’s address bar.",
    native: "Share with another app",
    nativeName: "Other apps",
    mastodon: {
      title: "Share on Mastodon",
      label: "Your Mastodon instance",
      hint: "Your server’s address, for example mastodon.social. It will be remembered on this device.",
      invalid: "This does not look like a server name: write for example mastodon.social.",
      submit: "Share",
      cancel: "Cancel",
      change: "Change instance ({instance})",
    },
  },
  social: {
    cardAlt: "{title} — {site}",
    siteCardAlt: "{site}",
  },
  feeds: {
    linkTitle: "{title} ({format})",
    categoryTitle: "{site} — {category}",
  },
  // Reader's side: the header's links, the "Subscribe" page, the home page's byline, the 404 page.
  header: {
    search: "Search",
    subscribe: "Subscribe",
    follow: "To read every new post as soon as it is out: {link}.",
    followLink: "subscribe to the feed",
  },
  subscribe: {
    title: "Subscribe",
    intro: "Get every new post in the app of your choice: no account, no ads, no algorithm.",
    whatHeading: "What is a feed?",
    what: "A feed is an address the blog keeps up to date: the list of its latest posts, in a format that feed readers understand (Feedly, Inoreader, NetNewsWire, Thunderbird…). You leave neither your name nor your e-mail address, and you unsubscribe in one click.",
    how: "Copy one of the addresses below and paste it into your feed reader, where it adds a subscription. New posts will arrive there on their own.",
    allHeading: "The whole blog",
    allText: "Every post, newest first.",
    categoriesHeading: "By category",
    categoriesText: "If only one topic interests you, subscribe to its category.",
    addressOf: "Address of the {format} feed: {title}",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Select the address and copy it.",
  },
  byline: "A notebook kept by {name}",
  notFoundCode: "Error 404",
  // End of the reader's side.
  search: {
    title: "Search",
    label: "Search this site",
    intro: "A few words are enough: the posts and pages about them show up as you type.",
    results: {
      zero: "No results for “{query}”",
      one: "{count} result for “{query}”",
      other: "{count} results for “{query}”",
    },
    searching: "Searching…",
    failed: "Search could not load. Reload the page to try again.",
    more: "Show more results",
    fallbackNote: "Your browser does not run JavaScript: the search will run on {engine}, limited to this site.",
    needsJavaScript: "Search on this site needs JavaScript, which your browser does not run.",
  },
  // The author's preview (`npm start`, plugins/preview).
  preview: {
    title: "To fix before the site can show",
    intro: {
      one: "The content or the configuration has a problem:",
      other: "The content or the configuration has {count} problems:",
    },
    next: "Fix and save: this page updates by itself, and the site comes back as soon as everything is right. The terminal shows the same lines.",
    problems: {
      one: "A problem; the pages show it until it is fixed:",
      other: "{count} problems; the pages show them until they are fixed:",
    },
    fixed: "Fixed: the pages are back.",
    updated: "Updated in {ms} ms",
    serving: "Preview at {url} (Ctrl+C to stop)",
  },
  // Front matter syntax (YAML)
  frontMatterSyntax: {
    unclosedDoubleQuote: 'the quote opened here (") is never closed; close it at the end of the value',
    unclosedSingleQuote: "the quote opened here (') is never closed; close it at the end of the value",
    textAfterDoubleQuote:
      'the value in quotes ends at the second ", and more text follows it on the line; inside double quotes, write \\" for a quote, or put the value in single quotes',
    textAfterSingleQuote:
      "the value in quotes ends at the second ', and more text follows it on the line; inside single quotes, write an apostrophe twice (''), or put the value in double quotes",
    unclosedList: "the [ opened here is never closed; end the list with ]",
    unclosedBraces: "the { opened here is never closed; end the value with }",
    textAfterBracket:
      "the value ends with the {closing} in column {column}, and more text follows it on the line; remove what follows, or put the whole value in quotes",
    tab: "a tab is used for indentation here, and YAML accepts only spaces; indent with spaces",
    duplicateKey: "the key {key} appears a second time here (first on line {first}); keep only one of them",
    duplicateKeyHere: "the key {key} appears a second time here; keep only one of them",
    colonInValue:
      "the value of {key} holds a colon followed by a space, which YAML reads as the start of another key; put the value in quotes: {fixed}",
    noSpaceAfterColon: "a space is missing after the colon; write: {fixed}",
    noSpaceAfterDash: "a space is missing after the dash of this list item; write: {fixed}",
    listOnKeyLine:
      "a list cannot begin on the line of its key; write {fixed}, or put each item (- …) on a line of its own under {key}:",
    reservedStart:
      "the value of {key} starts with {char}, a sign YAML reads as an instruction; put the value in quotes: {fixed}",
    backslash:
      "inside double quotes, a backslash starts a special sequence such as \\n; write \\\\ for a backslash, or put the value in single quotes",
    controlCharacter:
      "this line holds an invisible control character, which YAML refuses; delete it (typing the line again removes it)",
    withoutKey:
      "this line has no key; if it continues the value of {key} (line {line}), indent it under that value, otherwise write it as key: value",
    withoutKeyFirst: "this line has no key; write it as key: value",
    indentDeeper:
      "this line is indented more than {key} (line {line}), which already has its value; start it in the same column as the keys it goes with",
    indentMismatch:
      "the indentation of this line matches none of the lines above; start it in the same column as the keys it goes with",
    neverClosed: "the front matter opened here by --- is never closed; add a line with only --- after its last field",
    neverClosedBody:
      "the front matter opened by --- on line {open} is never closed, so this line and the following ones are read as front matter; add a line with only --- just before this one",
    closedLate:
      "the front matter opened by --- on line {open} is closed only on line {close}, so this line is read as front matter; add a line with only --- just before this one",
    notMapping: "the front matter is not a list of key: value lines; write each field as key: value",
    aliases: "aliases (*name) here expand to more than {max} values; write the values out instead",
    unreadable:
      "YAML cannot read this line; check its indentation, its quotes and brackets, and that it reads key: value",
  },
};
