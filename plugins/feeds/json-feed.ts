/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
 */
import type { Feed, FeedAuthor } from "./model.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export interface JsonFeedAuthor {
  name: string;
  url?: string;
  avatar?: string;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  date_published: string;
  date_modified: string;
  authors: JsonFeedAuthor[];
  tags: string[];
  language: string;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language: string;
  authors: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

function author({ name, url, avatar }: FeedAuthor): JsonFeedAuthor {
  return { name, url, ...(avatar ? { avatar } : {}) };
}

export function jsonFeed(feed: Feed, content: Map<string, string>): JsonFeed {
  return {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.jsonUrl,
    ...(feed.description ? { description: feed.description } : {}),
    language: feed.language,
    authors: [author(feed.author)],
    items: feed.entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      content_html: content.get(entry.url) ?? "",
      ...(entry.summary ? { summary: entry.summary } : {}),
      date_published: entry.published,
      date_modified: entry.updated,
      authors: [author(entry.author)],
      tags: entry.categories.map((category) => category.label),
      language: feed.language,
    })),
  };
}
