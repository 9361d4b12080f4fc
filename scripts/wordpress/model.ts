/**
 * What a WordPress export (WXR) holds, as the importer reads it.
 *
 * Only what the import uses is kept. A commenter's e-mail address and IP
 * address are never read into this model: the reader skips those elements,
 * so they cannot reach a written file by mistake.
 */

/** WXR versions written by WordPress since 2.1 (1.0), 3.1 (1.1) and 3.4 (1.2). */
export const WXR_VERSIONS = ["1.0", "1.1", "1.2"] as const;
export type WxrVersion = (typeof WXR_VERSIONS)[number];

export interface WxrChannel {
  version: WxrVersion;
  title: string;
  /** The site's address (`<link>`), e.g. `https://exemple.fr`. */
  link: string;
  language: string;
  /** `wp:base_site_url` and `wp:base_blog_url` (the blog may live in a sub-folder). */
  baseSiteUrl: string;
  baseBlogUrl: string;
  authors: WxrAuthor[];
  categories: WxrCategory[];
  tags: WxrTag[];
}

export interface WxrAuthor {
  /** WordPress user id (`wp:author_id`), as text; comments by this user carry it. */
  id: string;
  login: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrCategory {
  termId: string;
  /** `category_nicename`, percent-decoded. */
  slug: string;
  /** Slug of the parent category, or "". */
  parent: string;
  name: string;
  description: string;
}

export interface WxrTag {
  slug: string;
  name: string;
}

/** A term attached to an item: `<category domain="category|post_tag|…" nicename="…">Name</category>`. */
export interface WxrTerm {
  domain: string;
  slug: string;
  name: string;
}

export interface WxrComment {
  id: string;
  author: string;
  authorUrl: string;
  /** Site-local time, `YYYY-MM-DD HH:MM:SS`. */
  date: string;
  dateGmt: string;
  /** HTML as the commenter's text was stored (WordPress adds paragraphs on display). */
  content: string;
  /** "1" approved, "0" pending, "spam", "trash", "post-trashed". */
  approved: string;
  /** "" or "comment" for comments; "pingback", "trackback"… */
  type: string;
  /** Id of the comment answered, "0" for none. */
  parent: string;
  /** WordPress user id of a logged-in commenter, "0" otherwise. */
  userId: string;
}

export interface WxrItem {
  id: number;
  title: string;
  link: string;
  guid: string;
  /** Login of the author (`dc:creator`). */
  creator: string;
  /** `content:encoded`: the post's HTML as stored by WordPress. */
  content: string;
  /** `excerpt:encoded`. */
  excerpt: string;
  /** `wp:post_date`, site-local time. */
  postDate: string;
  postDateGmt: string;
  modified: string;
  modifiedGmt: string;
  /** `wp:post_name`, percent-decoded. */
  name: string;
  /** publish, future, draft, pending, private, trash, inherit, auto-draft. */
  status: string;
  parent: number;
  /** post, page, attachment, nav_menu_item, wp_block… */
  type: string;
  password: string;
  sticky: boolean;
  attachmentUrl: string;
  terms: WxrTerm[];
  /** `wp:postmeta` pairs; the last value wins for a repeated key. */
  meta: Record<string, string>;
  comments: WxrComment[];
}
