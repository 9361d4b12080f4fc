/**
 * Atom 1.0 (RFC 4287), plain XML for feed readers. People are told what a
 * feed is on the « S'abonner » page (./SubscribePage.tsx), not by a
 * stylesheet in the feed: browsers are removing XSLT.
 */
import type { Feed } from "./model.ts";
import { element, xml } from "./xml.ts";

export const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

/** `content` holds each entry's full HTML, by post URL. */
export function atomFeed(feed: Feed, content: Map<string, string>): string {
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="${ATOM_NAMESPACE}" xml:lang="${xml(feed.language)}">`,
    element("id", {}, feed.homeUrl),
    element("title", { type: "text" }, feed.title),
    ...(feed.description ? [element("subtitle", { type: "text" }, feed.description)] : []),
    element("link", { rel: "self", type: "application/atom+xml", href: feed.atomUrl }),
    element("link", { rel: "alternate", type: "text/html", href: feed.homeUrl }),
    element("link", { rel: "alternate", type: "application/feed+json", href: feed.jsonUrl }),
    element("updated", {}, feed.updated),
    `<author>${element("name", {}, feed.author.name)}${element("uri", {}, feed.author.url)}</author>`,
    element("generator", {}, "Billet"),
  ];
  for (const entry of feed.entries) {
    lines.push(
      "<entry>",
      element("id", {}, entry.url),
      element("title", { type: "text" }, entry.title),
      element("link", { rel: "alternate", type: "text/html", href: entry.url }),
      element("published", {}, entry.published),
      element("updated", {}, entry.updated),
      `<author>${element("name", {}, entry.author.name)}${element("uri", {}, entry.author.url)}</author>`,
      ...entry.categories.map((category) =>
        element("category", { term: category.term, label: category.label, scheme: category.scheme }),
      ),
      ...(entry.summary ? [element("summary", { type: "text" }, entry.summary)] : []),
      element("content", { type: "html", "xml:base": entry.url }, content.get(entry.url) ?? ""),
      "</entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
