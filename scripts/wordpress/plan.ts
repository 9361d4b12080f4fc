/**
 * The first reading of the export and the plan drawn from it.
 *
 * The export is read once to learn what it holds (every item's address,
 * status, dates, terms, images, comment counts; attachments; reusable
 * blocks) without keeping any post's text, then every file the import will
 * write is decided: its path, the post's new address, its category, tags
 * and author, the images copied beside it, the redirects from its old
 * addresses, and what already exists. Only then is anything written (see
 * importer.ts), so a bad export writes nothing.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseDate } from "../../plugins/content/dates.ts";
import { slugify } from "../../plugins/content/slug.ts";
import { expandPermalink } from "../../plugins/content/urls.ts";
import type { ResolvedSiteConfig } from "../../plugins/config/site.ts";
import { mapAuthors, type AuthorMapping } from "./authors.ts";
import { CategoryMapper } from "./categories.ts";
import { commentFate } from "./comments.ts";
import { wpDate } from "./dates.ts";
import type { WxrChannel, WxrItem, WxrTerm } from "./model.ts";
import { detach, readWxr } from "./reader.ts";
import {
  applyStructure,
  basePath,
  learnStructure,
  redirectPath,
  samePath,
  SHORT_LINK_PREFIX,
  type Redirect,
} from "./redirects.ts";
import { decodeEntities, parseAttributes, type Attachment } from "./shortcodes.ts";
import { htmlToText, truncate } from "./text.ts";
import { imageSources, localName, uploadPath } from "./uploads.ts";

export type State = "published" | "scheduled" | "draft";
export type DraftReason = "draft" | "pending" | "private" | "password";

export interface IndexedItem {
  id: number;
  kind: "post" | "page";
  title: string;
  status: string;
  hasPassword: boolean;
  /** Front matter dates (see dates.ts). */
  date?: string;
  modified?: string;
  /** `wp:post_date` as stored, for the date parts of old permalinks. */
  localDate: string;
  wpSlug: string;
  parent: number;
  link: string;
  creator: string;
  categories: WxrTerm[];
  tags: string[];
  /** Terms of other taxonomies (post formats, custom ones), as `taxonomy:name`. */
  otherTerms: string[];
  /** Term id of the primary category chosen in Yoast SEO or Rank Math. */
  primaryCategory?: string;
  thumbnail?: number;
  images: string[];
  gallery: { ids: number[]; attached: boolean };
  comments: { kept: number; spam: number; pending: number; trash: number; pings: number };
  sticky: boolean;
}

export interface ExportIndex {
  channel: WxrChannel;
  items: IndexedItem[];
  attachments: Map<number, Attachment>;
  reusable: Map<number, string>;
  /** Items of types the import does not bring (menus, products…), by type. */
  otherTypes: Map<string, number>;
  /** Posts and pages left out for their status (trash, auto-draft, revision), by status. */
  leftOut: Map<string, number>;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Reads the export once and keeps what the plan needs (no post text). */
export async function indexExport(
  file: string,
  options: { withPings: boolean; onProgress?: (read: number, total: number) => void },
): Promise<ExportIndex> {
  const items: IndexedItem[] = [];
  const attachments = new Map<number, Attachment>();
  const reusable = new Map<number, string>();
  const otherTypes = new Map<string, number>();
  const leftOut = new Map<string, number>();
  const channel = await readWxr(file, {
    onProgress: options.onProgress,
    onItem: (item: WxrItem) => {
      if (item.type === "attachment") {
        attachments.set(item.id, {
          id: item.id,
          url: item.attachmentUrl || item.guid,
          alt: htmlToText(item.meta._wp_attachment_image_alt ?? ""),
          caption: htmlToText(item.excerpt),
          title: htmlToText(item.title),
          parent: item.parent,
        });
        return;
      }
      if (item.type === "wp_block") {
        reusable.set(item.id, item.content);
        return;
      }
      if (item.type !== "post" && item.type !== "page") {
        increment(otherTypes, item.type || "unknown");
        return;
      }
      if (["trash", "auto-draft", "inherit"].includes(item.status)) {
        increment(leftOut, item.status);
        return;
      }
      const comments = { kept: 0, spam: 0, pending: 0, trash: 0, pings: 0 };
      for (const comment of item.comments) comments[commentFate(comment, options.withPings)]++;
      const galleries = [...item.content.matchAll(/(?<!\[)\[gallery\b([^\]]*)\]/gi)].map((m) =>
        parseAttributes(m[1] ?? ""),
      );
      const ids = galleries.flatMap((g) =>
        (g.named.ids ?? g.named.include ?? "")
          .split(",")
          .map((id) => Number(id.trim()))
          .filter((id) => Number.isInteger(id) && id > 0),
      );
      items.push({
        id: item.id,
        kind: item.type,
        title: htmlToText(item.title),
        status: item.status,
        hasPassword: item.password !== "",
        date: wpDate(item.postDate, item.postDateGmt),
        modified: wpDate(item.modified, item.modifiedGmt),
        localDate: item.postDate,
        wpSlug: item.name,
        parent: item.parent,
        link: item.link,
        creator: item.creator,
        categories: item.terms.filter((t) => t.domain === "category"),
        tags: item.terms.filter((t) => t.domain === "post_tag").map((t) => htmlToText(t.name) || t.slug),
        otherTerms: item.terms
          .filter((t) => t.domain !== "category" && t.domain !== "post_tag")
          .map((t) => `${t.domain}:${htmlToText(t.name) || t.slug}`),
        primaryCategory: item.meta._yoast_wpseo_primary_category || item.meta.rank_math_primary_category || undefined,
        thumbnail: Number(item.meta._thumbnail_id) || undefined,
        images: imageSources(item.content).map((src) => detach(decodeEntities(src))),
        gallery: { ids, attached: galleries.some((g) => !g.named.ids && !g.named.include) },
        comments,
        sticky: item.sticky,
      });
    },
  });
  return { channel, items, attachments, reusable, otherTypes, leftOut };
}

export interface PlannedImage {
  /** The file in the uploads folder. */
  source: string;
  /** Its name beside the post. */
  name: string;
}

export interface PlannedItem {
  item: IndexedItem;
  state: State;
  draftReason?: DraftReason;
  title: string;
  date: string;
  updated?: string;
  slug: string;
  /** A child page keeps its nested address. */
  permalink?: string;
  url: string;
  /** Paths relative to the content folder, with `/`. */
  file: string;
  commentsFile: string;
  category?: string;
  tags: string[];
  author?: string;
  /** Image address as written in the post → its copy. */
  images: Map<string, PlannedImage>;
  featured?: { name: string; alt: string };
  /** What happens to the files: written, written over (--force), or left alone because they exist. */
  action: "write" | "overwrite" | "keep";
  /** Existing files that are in the way (written over with --force, else the reason to keep). */
  existing: string[];
}

export interface PlanOptions {
  site: ResolvedSiteConfig;
  /** The content folder. */
  out: string;
  uploads?: string;
  force: boolean;
  defaultCategory?: string;
  /** Moment used when an item has no date at all. */
  now: string;
}

export interface Plan {
  items: PlannedItem[];
  byId: Map<number, PlannedItem>;
  authors: AuthorMapping;
  categories: CategoryMapper;
  redirects: Redirect[];
  /** Old address (normalised path, or `?p=ID`) → new address, for published items. */
  links: Map<string, string>;
  /** Host names of the old site. */
  hosts: Set<string>;
  /** The old site's origin, for its links written relative. */
  origin: string;
  /** Images that stay at their old address, with the file of the post showing them. */
  remoteImages: Array<{ file: string; src: string }>;
  /** Tags left out because they give no address (names in scripts with no Latin transliteration). */
  droppedTags: Array<{ file: string; tag: string }>;
  /** Posts whose other categories became tags. */
  categoriesAsTags: number;
  warnings: string[];
}

/** Normalised key for an old address: decoded path without trailing slash, or `?p=ID`. */
export function linkKey(url: string, base: string): string | undefined {
  const found = redirectPath(url, base);
  if (!found) return undefined;
  const query = new URLSearchParams(found.search);
  const id = query.get("p") ?? query.get("page_id");
  if (id && /^\d+$/.test(id)) return `?p=${id}`;
  if (found.search) return undefined;
  return found.path.length > 1 ? found.path.replace(/\/+$/, "") : found.path;
}

function hostsOf(channel: WxrChannel): Set<string> {
  const hosts = new Set<string>();
  for (const url of [channel.link, channel.baseSiteUrl, channel.baseBlogUrl]) {
    try {
      if (url) hosts.add(new URL(url).hostname.replace(/^www\./, ""));
    } catch {
      // Not an address.
    }
  }
  return hosts;
}

function stateOf(item: IndexedItem): { state: State; reason?: DraftReason } {
  if (item.hasPassword) return { state: "draft", reason: "password" };
  if (item.status === "publish") return { state: "published" };
  if (item.status === "future") return { state: "scheduled" };
  if (item.status === "private") return { state: "draft", reason: "private" };
  if (item.status === "pending") return { state: "draft", reason: "pending" };
  return { state: "draft", reason: "draft" };
}

/** The date parts of a WordPress local date, for permalink structures. */
function dateParts(local: string): { year: string; month: string; day: string } {
  const [year = "", month = "", day = ""] = local.slice(0, 10).split("-");
  return { year, month, day };
}

export function makePlan(index: ExportIndex, options: PlanOptions): Plan {
  const { site, out } = options;
  const warnings: string[] = [];
  const { channel } = index;
  const hosts = hostsOf(channel);
  const origin = (() => {
    try {
      return new URL(channel.baseSiteUrl || channel.link).origin;
    } catch {
      return "";
    }
  })();
  const base = basePath(channel.baseBlogUrl);
  const authors = mapAuthors(channel.authors, index.items.map((i) => i.creator).filter(Boolean), site);
  const categories = new CategoryMapper(site, channel.categories, options.defaultCategory);
  const exists = (file: string) => existsSync(path.join(out, file));

  const byId = new Map(index.items.map((i) => [i.id, i]));
  const planned: PlannedItem[] = [];
  const takenPostSlugs = new Set<string>();
  const takenPageFiles = new Set<string>();
  const reserved = reservedPrefixes(site);
  const remoteImages: Plan["remoteImages"] = [];
  const droppedTags: Plan["droppedTags"] = [];
  let categoriesAsTags = 0;

  const pageSegments = new Map<number, string>();
  const segmentOf = (item: IndexedItem): string => {
    let segment = pageSegments.get(item.id);
    if (!segment) {
      segment = slugify(item.wpSlug, site.language) || slugify(item.title, site.language) || `page-${item.id}`;
      pageSegments.set(item.id, segment);
    }
    return segment;
  };

  for (const item of index.items) {
    const { state, reason } = stateOf(item);
    const title = item.title || truncate(item.wpSlug.replace(/-/g, " "), 60) || `WordPress ${item.id}`;
    if (!item.title) {
      warnings.push(`${item.kind} ${item.id}: no title in WordPress; titled « ${title} », to change`);
    }
    let date = item.date ?? item.modified;
    if (!date) {
      date = options.now;
      warnings.push(`${item.kind} ${item.id} « ${title} »: no date in the export; dated ${options.now}, to correct`);
    }
    const updated = laterByADay(item.modified, date, site.timeZone) ? item.modified : undefined;

    let slug: string;
    let permalink: string | undefined;
    let url: string;
    let stem: string;
    if (item.kind === "post") {
      slug = slugify(item.wpSlug, site.language) || slugify(item.title, site.language) || `wp-${item.id}`;
      while (takenPostSlugs.has(slug)) slug = `${slug}-${item.id}`;
      takenPostSlugs.add(slug);
      url = expandPermalink(site.permalinks.post, { slug, date: parseDate(date, site.timeZone) ?? undefined });
      stem = `posts/${slug}`;
    } else {
      const segments: string[] = [];
      const seen = new Set<number>();
      for (let current: IndexedItem | undefined = item; current && !seen.has(current.id);) {
        seen.add(current.id);
        segments.unshift(segmentOf(current));
        const parent: IndexedItem | undefined = current.parent ? byId.get(current.parent) : undefined;
        current = parent?.kind === "page" ? parent : undefined;
      }
      slug = segments.join("-");
      let candidate = `/${segments.join("/")}/`;
      while (
        takenPageFiles.has(slug) ||
        reserved.some((prefix) => candidate === prefix || candidate.startsWith(prefix))
      ) {
        slug = `${slug}-${item.id}`;
        segments[segments.length - 1] = `${segments[segments.length - 1]}-${item.id}`;
        candidate = `/${segments.join("/")}/`;
      }
      takenPageFiles.add(slug);
      url = candidate;
      if (segments.length > 1) permalink = url;
      stem = `pages/${slug}`;
    }

    // Category, tags and author (posts only: Billet's pages have none).
    let category: string | undefined;
    const tags: string[] = [];
    let author: string | undefined;
    const dropped: string[] = [];
    if (item.kind === "post") {
      const choice = categories.choose(item.categories, item.primaryCategory);
      category = choice.category;
      if (choice.extraTags.length > 0) categoriesAsTags++;
      const slugs = new Set<string>();
      for (const tag of [...item.tags, ...choice.extraTags]) {
        const tagSlug = slugify(tag, site.language);
        if (!tagSlug) {
          dropped.push(tag);
          continue;
        }
        if (slugs.has(tagSlug)) continue;
        slugs.add(tagSlug);
        tags.push(tag);
      }
      author = item.creator ? authors.byLogin.get(item.creator) : undefined;
    }

    // Images copied beside the post, when the uploads folder is given.
    const images = new Map<string, PlannedImage>();
    const names = new Set<string>();
    const sources = [...item.images];
    const galleryAttachments = [
      ...item.gallery.ids.map((id) => index.attachments.get(id)),
      ...(item.gallery.attached ? [...index.attachments.values()].filter((a) => a.parent === item.id) : []),
    ].filter((a): a is Attachment => a !== undefined);
    sources.push(...galleryAttachments.map((a) => a.url));
    const shownInBody = new Set(sources);
    const thumbnail = item.thumbnail ? index.attachments.get(item.thumbnail) : undefined;
    if (item.kind === "post" && thumbnail) sources.push(thumbnail.url);
    let featured: PlannedItem["featured"];
    const remote: string[] = [];
    for (const src of new Set(sources)) {
      const relative = options.uploads ? uploadPath(src, hosts) : undefined;
      const source = relative ? path.join(options.uploads!, relative) : undefined;
      if (source && existsSync(source)) {
        images.set(src, { source, name: localName(relative!, names) });
      } else if (shownInBody.has(src)) {
        remote.push(src);
      }
    }
    if (thumbnail && images.has(thumbnail.url)) {
      featured = { name: images.get(thumbnail.url)!.name, alt: thumbnail.alt || thumbnail.title || title };
    }

    const folder = images.size > 0;
    const file = folder ? `${stem}/index.md` : `${stem}.md`;
    const commentsFile = folder ? `${stem}/index.comments.yaml` : `${stem}.comments.yaml`;
    for (const tag of dropped) droppedTags.push({ file, tag });
    for (const src of remote) remoteImages.push({ file, src });
    const mine = [
      file,
      ...(item.comments.kept > 0 ? [commentsFile] : []),
      ...[...images.values()].map((i) => `${stem}/${i.name}`),
    ];
    const other = folder
      ? [`${stem}.md`, `${stem}.comments.yaml`]
      : [`${stem}/index.md`, `${stem}/index.comments.yaml`];
    const existing = [...new Set([...mine, ...other])].filter(exists);
    const action = existing.length === 0 ? "write" : options.force ? "overwrite" : "keep";

    planned.push({
      item,
      state,
      draftReason: reason,
      title,
      date,
      updated,
      slug,
      permalink,
      url,
      file,
      commentsFile,
      category,
      tags,
      author,
      images,
      featured,
      action,
      existing,
    });
  }

  const plannedById = new Map(planned.map((p) => [p.item.id, p]));

  // Old addresses → new ones: links inside posts, and redirects.
  const links = new Map<string, string>();
  const redirects: Redirect[] = [];
  const fromSeen = new Set<string>();
  const addRedirect = (redirect: Redirect) => {
    const key = `${redirect.from} ${redirect.query ?? ""}`;
    if (fromSeen.has(key)) return;
    fromSeen.add(key);
    redirects.push(redirect);
  };
  const structure = learnStructure(
    planned
      .filter((p) => p.item.kind === "post")
      .flatMap((p) => {
        const found = p.item.link ? redirectPath(p.item.link) : undefined;
        return found && !found.search
          ? [{ path: found.path, name: p.item.wpSlug, date: dateParts(p.item.localDate) }]
          : [];
      }),
  );
  // The old home page is the new one.
  links.set(linkKey(base, "http://old.invalid")!, "/");
  const shortLinks: Redirect[] = [];
  for (const p of planned) {
    if (p.state === "draft") continue;
    const oldPaths: string[] = [];
    const found = p.item.link ? redirectPath(p.item.link) : undefined;
    if (found && !found.search) oldPaths.push(found.path);
    else if (structure && p.item.kind === "post" && p.state === "published" && p.item.wpSlug) {
      oldPaths.push(applyStructure(structure, p.item.wpSlug, dateParts(p.item.localDate)));
    }
    for (const oldPath of oldPaths) {
      if (p.state === "published") links.set(linkKey(oldPath, "http://old.invalid")!, p.url);
      if (!samePath(oldPath, p.url)) addRedirect({ from: oldPath, to: p.url });
    }
    if (p.state === "published") links.set(`?p=${p.item.id}`, p.url);
    shortLinks.push({ from: `${SHORT_LINK_PREFIX}${p.item.id}/`, to: p.url });
  }
  if (shortLinks.length > 0) {
    const bases = new Set([base, basePath(channel.baseSiteUrl)]);
    const queryRules: Redirect[] = [];
    for (const from of bases) {
      queryRules.push({ from, query: "p=:id", to: `${SHORT_LINK_PREFIX}:id/`, force: true });
      queryRules.push({ from, query: "page_id=:id", to: `${SHORT_LINK_PREFIX}:id/`, force: true });
    }
    redirects.unshift(...queryRules);
    redirects.push(...shortLinks);
  }

  // Old category and tag archives lead to the new category and tag pages.
  const publishedCategories = new Map<string, string>();
  const publishedTags = new Map<string, string>();
  for (const p of planned) {
    if (p.state !== "published" || p.item.kind !== "post") continue;
    for (const term of p.item.categories) {
      const billet = categories.known(term.slug);
      if (billet && billet === p.category) publishedCategories.set(term.slug, billet);
    }
    for (const tag of p.tags) publishedTags.set(slugify(tag, site.language), tag);
  }
  for (const [wpSlug, billet] of publishedCategories) {
    addRedirect({
      from: `${base}category/${wpSlug}/`,
      to: expandPermalink(site.permalinks.category, { slug: billet }),
    });
  }
  const allTerms = new Map(index.items.flatMap((i) => i.categories).map((t) => [t.slug, t]));
  for (const term of allTerms.values()) {
    // A category that only became tags leads to the tag's page.
    const tagSlug = slugify(htmlToText(term.name) || term.slug, site.language);
    if (!publishedCategories.has(term.slug) && publishedTags.has(tagSlug)) {
      addRedirect({
        from: `${base}category/${term.slug}/`,
        to: expandPermalink(site.permalinks.tag, { slug: tagSlug }),
      });
    }
  }
  const wpTagSlugs = new Map(channel.tags.map((t) => [slugify(htmlToText(t.name) || t.slug, site.language), t.slug]));
  for (const tagSlug of publishedTags.keys()) {
    const wpSlug = wpTagSlugs.get(tagSlug);
    if (wpSlug)
      addRedirect({ from: `${base}tag/${wpSlug}/`, to: expandPermalink(site.permalinks.tag, { slug: tagSlug }) });
  }

  return {
    items: planned,
    byId: plannedById,
    authors,
    categories,
    redirects,
    links,
    hosts,
    origin,
    remoteImages,
    droppedTags,
    categoriesAsTags,
    warnings,
  };
}

/** Addresses Billet gives to its own pages, which an imported page must not take. */
function reservedPrefixes(site: ResolvedSiteConfig): string[] {
  const prefix = (pattern: string) => pattern.split(":slug")[0]!;
  return [
    site.permalinks.archive,
    prefix(site.permalinks.category),
    prefix(site.permalinks.tag),
    "/page/",
    "/assets/",
    "/images/",
  ].filter((p) => p !== "/");
}

/** True when `modified` is more than a day after `date`: a real later change, not the save at publication. */
function laterByADay(modified: string | undefined, date: string, zone: string): boolean {
  if (!modified) return false;
  const a = parseDate(date, zone);
  const b = parseDate(modified, zone);
  return !!a && !!b && b.diff(a, "hours").hours > 24;
}
