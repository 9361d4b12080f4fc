/**
 * Streaming reader of WordPress exports (WXR 1.0 to 1.2).
 *
 * The file is read in chunks and fed to a real XML parser (saxes); each
 * `<item>` is handed over as soon as it is complete, then forgotten, so a
 * 100 MB export never sits in memory as one string. The channel's header
 * (authors, categories, tags) comes before the items in every export
 * WordPress writes, and is handed over before the first item.
 *
 * A file that is not XML, that is not a WordPress export, or whose WXR
 * version is unknown stops the reading with a `WxrError` whose message is
 * one line, with the line and column of the problem when there is one.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { SaxesParser, type SaxesTag } from "saxes";
import {
  WXR_VERSIONS,
  type WxrAuthor,
  type WxrCategory,
  type WxrChannel,
  type WxrComment,
  type WxrItem,
  type WxrTag,
  type WxrVersion,
} from "./model.ts";

export class WxrError extends Error {
  override name = "WxrError";
}

export interface ReadHandlers {
  onChannel?: (channel: WxrChannel) => void | Promise<void>;
  onItem: (item: WxrItem) => void | Promise<void>;
  /** Bytes read so far, out of the file's size. */
  onProgress?: (read: number, total: number) => void;
}

/**
 * A copy of `text` that shares no memory with the chunk it was cut from.
 * V8 keeps a whole chunk alive for as long as any slice of it lives: a
 * post's five-character date would keep the 256 kB around it in memory.
 */
export function detach(text: string): string {
  return text.length === 0 ? "" : Buffer.from(text, "utf8").toString("utf8");
}

/** `%e4%b8%ad` → `中`; text that is not valid percent-encoding stays as it is. */
export function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

type Setter<T> = (record: T, value: string) => void;

const CHANNEL_FIELDS: Record<string, Setter<Partial<WxrChannel> & { versionText?: string }>> = {
  title: (c, v) => (c.title = v),
  link: (c, v) => (c.link = v.trim()),
  language: (c, v) => (c.language = v.trim()),
  "wp:wxr_version": (c, v) => (c.versionText = v.trim()),
  "wp:base_site_url": (c, v) => (c.baseSiteUrl = v.trim()),
  "wp:base_blog_url": (c, v) => (c.baseBlogUrl = v.trim()),
};

const AUTHOR_FIELDS: Record<string, Setter<WxrAuthor>> = {
  "wp:author_id": (a, v) => (a.id = v.trim()),
  "wp:author_login": (a, v) => (a.login = v.trim()),
  "wp:author_display_name": (a, v) => (a.displayName = v.trim()),
  "wp:author_first_name": (a, v) => (a.firstName = v.trim()),
  "wp:author_last_name": (a, v) => (a.lastName = v.trim()),
  // wp:author_email is not read.
};

const CATEGORY_FIELDS: Record<string, Setter<WxrCategory>> = {
  "wp:term_id": (c, v) => (c.termId = v.trim()),
  "wp:category_nicename": (c, v) => (c.slug = percentDecode(v.trim())),
  "wp:category_parent": (c, v) => (c.parent = percentDecode(v.trim())),
  "wp:cat_name": (c, v) => (c.name = v.trim()),
  "wp:category_description": (c, v) => (c.description = v.trim()),
};

const TAG_FIELDS: Record<string, Setter<WxrTag>> = {
  "wp:tag_slug": (t, v) => (t.slug = percentDecode(v.trim())),
  "wp:tag_name": (t, v) => (t.name = v.trim()),
};

const ITEM_FIELDS: Record<string, Setter<WxrItem>> = {
  title: (i, v) => (i.title = v),
  link: (i, v) => (i.link = v.trim()),
  guid: (i, v) => (i.guid = v.trim()),
  "dc:creator": (i, v) => (i.creator = v.trim()),
  "content:encoded": (i, v) => (i.content = v),
  "excerpt:encoded": (i, v) => (i.excerpt = v),
  "wp:post_id": (i, v) => (i.id = Number(v.trim())),
  "wp:post_date": (i, v) => (i.postDate = v.trim()),
  "wp:post_date_gmt": (i, v) => (i.postDateGmt = v.trim()),
  "wp:post_modified": (i, v) => (i.modified = v.trim()),
  "wp:post_modified_gmt": (i, v) => (i.modifiedGmt = v.trim()),
  "wp:post_name": (i, v) => (i.name = percentDecode(v.trim())),
  "wp:status": (i, v) => (i.status = v.trim()),
  "wp:post_parent": (i, v) => (i.parent = Number(v.trim()) || 0),
  "wp:post_type": (i, v) => (i.type = v.trim()),
  "wp:post_password": (i, v) => (i.password = v),
  "wp:is_sticky": (i, v) => (i.sticky = v.trim() === "1"),
  "wp:attachment_url": (i, v) => (i.attachmentUrl = v.trim()),
};

const COMMENT_FIELDS: Record<string, Setter<WxrComment>> = {
  "wp:comment_id": (c, v) => (c.id = v.trim()),
  "wp:comment_author": (c, v) => (c.author = v.trim()),
  "wp:comment_author_url": (c, v) => (c.authorUrl = v.trim()),
  "wp:comment_date": (c, v) => (c.date = v.trim()),
  "wp:comment_date_gmt": (c, v) => (c.dateGmt = v.trim()),
  "wp:comment_content": (c, v) => (c.content = v),
  "wp:comment_approved": (c, v) => (c.approved = v.trim()),
  "wp:comment_type": (c, v) => (c.type = v.trim()),
  "wp:comment_parent": (c, v) => (c.parent = v.trim()),
  "wp:comment_user_id": (c, v) => (c.userId = v.trim()),
  // wp:comment_author_email and wp:comment_author_IP are never read.
};

function emptyItem(): WxrItem {
  return {
    id: 0,
    title: "",
    link: "",
    guid: "",
    creator: "",
    content: "",
    excerpt: "",
    postDate: "",
    postDateGmt: "",
    modified: "",
    modifiedGmt: "",
    name: "",
    status: "",
    parent: 0,
    type: "",
    password: "",
    sticky: false,
    attachmentUrl: "",
    terms: [],
    meta: {},
    comments: [],
  };
}

function emptyComment(): WxrComment {
  return {
    id: "",
    author: "",
    authorUrl: "",
    date: "",
    dateGmt: "",
    content: "",
    approved: "",
    type: "",
    parent: "0",
    userId: "0",
  };
}

/**
 * Reads `file`, calling `onChannel` once with the header, then `onItem` for
 * each item in order. Resolves with the channel once the whole file has been
 * read and found well-formed.
 */
export async function readWxr(file: string, handlers: ReadHandlers): Promise<WxrChannel> {
  const name = path.basename(file);
  const total = (await stat(file)).size;
  const parser = new SaxesParser({ position: true });

  const stack: string[] = [];
  let collecting: { depth: number; parts: string[]; assign: (value: string) => void } | undefined;
  const channel: Partial<WxrChannel> & { versionText?: string } = { authors: [], categories: [], tags: [] };
  let channelReady: WxrChannel | undefined;
  let author: WxrAuthor | undefined;
  let category: WxrCategory | undefined;
  let tag: WxrTag | undefined;
  let item: WxrItem | undefined;
  let meta: { key: string; value: string } | undefined;
  let comment: WxrComment | undefined;
  let term: { domain: string; slug: string } | undefined;
  const ready: WxrItem[] = [];
  let pendingChannel = false;

  const fail = (message: string): never => {
    throw new WxrError(`${name}: ${message}`);
  };

  /** Checks the header once it is complete: at the first item, or at the end of the channel. */
  const finishHeader = () => {
    if (channelReady) return;
    const version = channel.versionText;
    if (version === undefined) {
      fail("not a WordPress export: found an RSS file without wp:wxr_version, expected a WXR file from Tools › Export");
    }
    if (!WXR_VERSIONS.includes(version as WxrVersion)) {
      fail(`unknown WXR version: found "${version}", expected ${WXR_VERSIONS.join(", ")}`);
    }
    channelReady = {
      version: version as WxrVersion,
      title: channel.title ?? "",
      link: channel.link ?? "",
      language: channel.language ?? "",
      baseSiteUrl: channel.baseSiteUrl || channel.link || "",
      baseBlogUrl: channel.baseBlogUrl || channel.baseSiteUrl || channel.link || "",
      authors: channel.authors!,
      categories: channel.categories!,
      tags: channel.tags!,
    };
    pendingChannel = true;
  };

  const collect = (assign: (value: string) => void) => {
    collecting = { depth: stack.length, parts: [], assign };
  };

  parser.on("error", (error) => {
    const reason = error.message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, "").replace(/\.$/, "");
    fail(`not well-formed XML at line ${parser.line}, column ${parser.column + 1}: ${reason}`);
  });

  parser.on("opentag", (tag_: SaxesTag) => {
    const tagName = tag_.name;
    stack.push(tagName);
    const depth = stack.length;
    if (depth === 1) {
      if (tagName !== "rss") fail(`not a WordPress export: found <${tagName}>, expected an <rss> WXR file`);
      return;
    }
    const parent = stack[depth - 2];
    if (depth === 2) {
      if (tagName !== "channel") return;
      return;
    }
    if (parent === "channel" && depth === 3) {
      if (tagName === "item") {
        finishHeader();
        item = emptyItem();
      } else if (tagName === "wp:author") author = { id: "", login: "", displayName: "", firstName: "", lastName: "" };
      else if (tagName === "wp:category") category = { termId: "", slug: "", parent: "", name: "", description: "" };
      else if (tagName === "wp:tag") tag = { slug: "", name: "" };
      else if (CHANNEL_FIELDS[tagName]) collect((v) => CHANNEL_FIELDS[tagName]!(channel, v));
      return;
    }
    if (collecting) return;
    if (parent === "wp:author" && author && AUTHOR_FIELDS[tagName]) {
      const target = author;
      collect((v) => AUTHOR_FIELDS[tagName]!(target, v));
    } else if (parent === "wp:category" && category && CATEGORY_FIELDS[tagName]) {
      const target = category;
      collect((v) => CATEGORY_FIELDS[tagName]!(target, v));
    } else if (parent === "wp:tag" && tag && TAG_FIELDS[tagName]) {
      const target = tag;
      collect((v) => TAG_FIELDS[tagName]!(target, v));
    } else if (parent === "item" && item) {
      const target = item;
      if (tagName === "wp:postmeta") meta = { key: "", value: "" };
      else if (tagName === "wp:comment") comment = emptyComment();
      else if (tagName === "category") {
        const attrs = tag_.attributes as Record<string, string>;
        term = { domain: detach(attrs.domain ?? "category"), slug: detach(percentDecode(attrs.nicename ?? "")) };
        collect((v) => target.terms.push({ domain: term!.domain, slug: term!.slug, name: v.trim() }));
      } else if (ITEM_FIELDS[tagName]) collect((v) => ITEM_FIELDS[tagName]!(target, v));
    } else if (parent === "wp:postmeta" && meta) {
      const target = meta;
      if (tagName === "wp:meta_key") collect((v) => (target.key = v.trim()));
      else if (tagName === "wp:meta_value") collect((v) => (target.value = v));
    } else if (parent === "wp:comment" && comment && COMMENT_FIELDS[tagName]) {
      const target = comment;
      collect((v) => COMMENT_FIELDS[tagName]!(target, v));
    }
  });

  const append = (text: string) => {
    if (collecting) collecting.parts.push(text);
  };
  parser.on("text", append);
  parser.on("cdata", append);

  parser.on("closetag", (closed) => {
    const depth = stack.length;
    if (collecting && collecting.depth === depth) {
      collecting.assign(detach(collecting.parts.join("")));
      collecting = undefined;
    }
    stack.pop();
    const tagName = closed.name;
    if (tagName === "item" && item && depth === 3) {
      ready.push(item);
      item = undefined;
    } else if (tagName === "wp:author" && author && depth === 3) {
      channel.authors!.push(author);
      author = undefined;
    } else if (tagName === "wp:category" && category && depth === 3) {
      channel.categories!.push(category);
      category = undefined;
    } else if (tagName === "wp:tag" && tag && depth === 3) {
      channel.tags!.push(tag);
      tag = undefined;
    } else if (tagName === "wp:postmeta" && meta && item) {
      if (meta.key) item.meta[meta.key] = meta.value;
      meta = undefined;
    } else if (tagName === "wp:comment" && comment && item) {
      item.comments.push(comment);
      comment = undefined;
    } else if (tagName === "category") {
      term = undefined;
    } else if (tagName === "channel" && depth === 2) {
      finishHeader();
    }
  });

  const drain = async () => {
    if (pendingChannel && channelReady) {
      pendingChannel = false;
      await handlers.onChannel?.(channelReady);
    }
    while (ready.length > 0) await handlers.onItem(ready.shift()!);
  };

  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      await drain();
      handlers.onProgress?.(stream.bytesRead, total);
    }
    parser.close();
    await drain();
  } finally {
    stream.destroy();
  }
  if (!channelReady) {
    fail(
      stack.length === 0 && total === 0
        ? "not a WordPress export: the file is empty"
        : "not a WordPress export: found no <channel>, expected a WXR file from Tools › Export",
    );
  }
  return channelReady!;
}
