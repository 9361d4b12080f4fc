/**
 * The WordPress import, from an export file to Markdown files, archived
 * comments, categories and redirects in a content folder.
 *
 * 1. The export is read once and the plan made (plan.ts). A file that is
 *    not a WordPress export stops everything here: nothing is written.
 * 2. The export is read again, item by item: each post or page is converted
 *    and its files written to a staging folder inside the content folder.
 * 3. Only when every item is converted are the files moved into place and
 *    `categories.yaml` and `_redirects` merged. Any failure before that
 *    removes the staging folder: the content folder is left as it was.
 *
 * An existing file is never replaced without `force`; with `dryRun`
 * nothing at all is written.
 */
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import { pageSchema, postSchema, validate } from "../../plugins/content/schema.ts";
import { messages } from "../../plugins/i18n/index.ts";
import type { ResolvedSiteConfig } from "../../plugins/config/site.ts";
import { CATEGORIES_FILE } from "../../plugins/config/load.ts";
import { isBlockContent, unwrapBlocks } from "./blocks.ts";
import { mergeCategoriesFile } from "./categories.ts";
import { addCounts, archiveComments, commentsYaml, emptyCounts, type CommentCounts } from "./comments.ts";
import { cleanFields, markdownFile, type PageFields, type PostFields } from "./frontmatter.ts";
import { htmlToMarkdown, type MarkdownContext } from "./html-to-markdown.ts";
import { Kept, KEPT_LANGUAGE } from "./kept.ts";
import type { WxrChannel, WxrItem } from "./model.ts";
import { indexExport, linkKey, makePlan, type PlannedItem } from "./plan.ts";
import { readWxr } from "./reader.ts";
import { mergeRedirectsFile, redirectLines } from "./redirects.ts";
import { expandShortcodes } from "./shortcodes.ts";
import { htmlToText, truncate } from "./text.ts";
import { uploadPath } from "./uploads.ts";
import { wpautop } from "./wpautop.ts";

export const REDIRECTS_FILE = "_redirects";

/** Words the import writes into content, in the site's language. */
const CONTENT_WORDS = {
  fr: { imageWithoutAlt: "Image sans description", anonymous: "Anonyme" },
  en: { imageWithoutAlt: "Image without a description", anonymous: "Anonymous" },
} as const;

export interface ImportOptions {
  /** The WXR file. */
  file: string;
  /** The content folder written to. */
  out: string;
  /** The site's configuration, with the categories already in `categories.yaml`. */
  site: ResolvedSiteConfig;
  /** A copy of WordPress's `wp-content/uploads` folder. */
  uploads?: string;
  dryRun?: boolean;
  force?: boolean;
  /** Keep pingbacks and trackbacks as comments. */
  withPings?: boolean;
  /** Category for posts that were only in « Uncategorized ». */
  defaultCategory?: string;
  now?: DateTime;
  onProgress?: (phase: "reading" | "converting", done: number, total: number) => void;
}

export type ChangeKind = "new" | "overwritten" | "kept" | "merged" | "removed";

export interface FileChange {
  /** Relative to the content folder, with `/`. */
  file: string;
  kind: ChangeKind;
}

export interface ItemCounts {
  published: number;
  scheduled: number;
  drafts: number;
  /** Not written because files were there (and `force` was not given). */
  kept: number;
}

export interface ImportResult {
  channel: WxrChannel;
  file: string;
  out: string;
  dryRun: boolean;
  posts: ItemCounts;
  pages: ItemCounts;
  comments: CommentCounts;
  /** Archived comments in the existing files of posts and pages left as they were (not written again). */
  commentsInKeptFiles: number;
  redirects: number;
  categoriesAdded: string[];
  imagesCopied: number;
  remoteImages: Array<{ file: string; src: string }>;
  changes: FileChange[];
  warnings: string[];
  notes: string[];
}

function emptyItemCounts(): ItemCounts {
  return { published: 0, scheduled: 0, drafts: 0, kept: 0 };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Removes shortcodes and kept-piece tokens from text meant for a description. */
function plainText(html: string): string {
  return htmlToText(html.replace(/\[\/?[A-Za-z0-9_-]+(?:\s[^\]]*)?\]/g, " ").replace(/WPKEEP\w+?X\d+X/g, " "));
}

export async function importWordPress(options: ImportOptions): Promise<ImportResult> {
  const { site, out } = options;
  const dryRun = options.dryRun ?? false;
  const force = options.force ?? false;
  const withPings = options.withPings ?? false;
  const words = CONTENT_WORDS[site.language];
  const now = (options.now ?? DateTime.now()).setZone(site.timeZone);

  const index = await indexExport(options.file, {
    withPings,
    onProgress: (read, total) => options.onProgress?.("reading", read, total),
  });
  const plan = makePlan(index, {
    site,
    out,
    uploads: options.uploads,
    force,
    defaultCategory: options.defaultCategory,
    now: now.toFormat("yyyy-LL-dd HH:mm"),
  });

  const warnings = [...plan.warnings];
  const notes: string[] = [];
  const changes: FileChange[] = [];
  const comments = emptyCounts();
  let commentsInKeptFiles = 0;
  let imagesCopied = 0;
  let embeds = 0;
  let oldSiteLinks = 0;
  let multiPage = 0;
  const posts = emptyItemCounts();
  const pages = emptyItemCounts();

  // Validation by Billet's own schemas, with the categories the import adds.
  const allCategories = new Map(site.categories);
  for (const [slug, category] of plan.categories.added) {
    allCategories.set(slug, { slug, name: category.name, description: category.description ?? "" });
  }
  const checkedSite: ResolvedSiteConfig = { ...site, categories: allCategories };
  const postRules = postSchema(checkedSite);
  const pageRules = pageSchema(checkedSite);

  const rewriteLink = (href: string): string | undefined => {
    let url: URL;
    try {
      url = new URL(href, plan.origin || "http://old.invalid");
    } catch {
      return undefined;
    }
    const relative = !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//");
    if (href.startsWith("#") || (href.startsWith("?") && !/[?&](?:p|page_id)=\d/.test(href))) return undefined;
    if (!relative && !plan.hosts.has(url.hostname.replace(/^www\./, ""))) return undefined;
    const key = linkKey(url.href, url.origin);
    const target = key ? plan.links.get(key) : undefined;
    // WordPress's comment anchors (#comment-12, #respond) have no match on the new page.
    if (target) return target + (/^#(?:comment-\d+|comments|respond)$/.test(url.hash) ? "" : url.hash);
    if (relative && href.startsWith("/") && plan.origin) {
      // A link written relative to the old site: it cannot lead anywhere on the new one.
      oldSiteLinks++;
      return url.href;
    }
    if (!relative) oldSiteLinks++;
    return undefined;
  };

  // Categories created for a post's category (those that only became tags are not categories).
  const usedCategories = new Set(plan.items.map((p) => p.category).filter(Boolean));
  const added = new Map([...plan.categories.added].filter(([slug]) => usedCategories.has(slug)));

  const staging = dryRun ? undefined : await prepareStaging(out);
  const staged: Array<{ planned: PlannedItem; files: string[] }> = [];

  try {
    let converted = 0;
    const toConvert = plan.items.filter((p) => p.action !== "keep").length;
    await readWxr(options.file, {
      onItem: async (item: WxrItem) => {
        const planned = plan.byId.get(item.id);
        if (!planned || planned.action === "keep" || (item.type !== "post" && item.type !== "page")) return;
        const result = convertItem(item, planned);
        converted++;
        options.onProgress?.("converting", converted, toConvert);
        if (staging) {
          const files: string[] = [];
          const write = async (file: string, text: string) => {
            await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
            await writeFile(path.join(staging, file), text);
            files.push(file);
          };
          await write(planned.file, result.markdown);
          if (result.comments) await write(planned.commentsFile, result.comments);
          for (const image of planned.images.values()) {
            const file = path.posix.join(path.posix.dirname(planned.file), image.name);
            await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
            await copyFile(image.source, path.join(staging, file));
            files.push(file);
          }
          staged.push({ planned, files });
        } else {
          const files = [planned.file, ...(result.comments ? [planned.commentsFile] : [])];
          for (const image of planned.images.values())
            files.push(path.posix.join(path.posix.dirname(planned.file), image.name));
          staged.push({ planned, files });
        }
      },
    });

    // What categories.yaml and _redirects will hold, decided before anything moves.
    const merged: Array<{ file: string; text: string; existed: boolean }> = [];
    if (added.size > 0) {
      const existing = await readFile(path.join(out, CATEGORIES_FILE), "utf8").catch(() => undefined);
      const text = mergeCategoriesFile(existing, added);
      if (text !== (existing ?? "")) merged.push({ file: CATEGORIES_FILE, text, existed: existing !== undefined });
    }
    if (plan.redirects.length > 0) {
      const existing = await readFile(path.join(out, REDIRECTS_FILE), "utf8").catch(() => undefined);
      const text = mergeRedirectsFile(existing, redirectLines(plan.redirects));
      if (text !== existing) merged.push({ file: REDIRECTS_FILE, text, existed: existing !== undefined });
    }

    // Everything is converted: the files go into place.
    for (const { planned, files } of staged) {
      for (const file of files) {
        if (staging) {
          await mkdir(path.dirname(path.join(out, file)), { recursive: true });
          await rename(path.join(staging, file), path.join(out, file));
        }
        changes.push({ file, kind: planned.existing.includes(file) ? "overwritten" : "new" });
        if (file.match(/\.(?:jpe?g|png|gif|webp|avif|svg)$/i)) imagesCopied++;
      }
      // The other form of the same post (`a.md` ↔ `a/index.md`) would give it twice.
      for (const file of planned.existing.filter((f) => !files.includes(f))) {
        if (staging) await rm(path.join(out, file), { force: true });
        changes.push({ file, kind: "removed" });
      }
    }
    for (const planned of plan.items.filter((p) => p.action === "keep")) {
      for (const file of planned.existing) {
        changes.push({ file, kind: "kept" });
        if (file.endsWith(".comments.yaml")) commentsInKeptFiles += await countArchived(path.join(out, file));
      }
    }

    // categories.yaml and _redirects: merged, never replaced.
    for (const { file, text, existed } of merged) {
      if (staging) await writeFile(path.join(out, file), text);
      changes.push({ file, kind: existed ? "merged" : "new" });
    }
    if (added.size > 0)
      notes.push(
        `${plural(added.size, "category", "categories")} added to ${CATEGORIES_FILE}: ${[...added.keys()].join(", ")}`,
      );
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }

  // Counts, warnings and notes for the summary.
  for (const planned of plan.items) {
    const counts = planned.item.kind === "post" ? posts : pages;
    if (planned.action === "keep") counts.kept++;
    if (planned.state === "published") counts.published++;
    else if (planned.state === "scheduled") counts.scheduled++;
    else counts.drafts++;
    const file = planned.file;
    if (planned.draftReason === "password") {
      warnings.push(
        `${file}: « ${planned.title} » was protected by a password on WordPress; imported as a draft (a static site cannot ask for a password); its text is in the file, so delete it if the repository is public`,
      );
    } else if (planned.draftReason === "private") {
      warnings.push(
        `${file}: « ${planned.title} » was private on WordPress; imported as a draft (its text is in the file, so delete it if the repository is public)`,
      );
    }
  }
  if (plan.authors.unmatched.length > 0) {
    const who = plan.authors.unmatched.map((a) =>
      a.displayName && a.displayName !== a.login ? `${a.login} (${a.displayName})` : a.login,
    );
    const example = plan.authors.unmatched[0]!;
    warnings.push(
      `authors: ${who.join(", ")} ${who.length === 1 ? "matches" : "match"} no author of site.config.ts; ${who.length === 1 ? "their" : "those"} posts are credited to ${site.defaultAuthor.name}. ` +
        `To credit them, add ${JSON.stringify(example.login.toLowerCase().replace(/[^a-z0-9_-]/g, "") || "id")}: { name: ${JSON.stringify(example.displayName || example.login)} } to authors in site.config.ts and import again with --force`,
    );
  }
  for (const { file, tag } of plan.droppedTags) {
    warnings.push(`${file}: tag « ${tag} » left out: its name gives no address (it has no letter or digit)`);
  }

  if (plan.categoriesAsTags > 0) {
    notes.push(
      `${plural(plan.categoriesAsTags, "post")} had several categories: the primary (or first) one is the category, the others became tags`,
    );
  }
  if (plan.categories.defaultUsed > 0) {
    notes.push(
      `${plural(plan.categories.defaultUsed, "post")} only in « Uncategorized » went to the category "${plan.categories.defaultCategory}" (--default-category to choose another)`,
    );
  }
  if (embeds > 0)
    notes.push(`${plural(embeds, "embedded player")} became links (a static site does not load other sites' players)`);
  if (oldSiteLinks > 0) {
    const one = oldSiteLinks === 1;
    notes.push(
      `${plural(oldSiteLinks, "link")} to the old site left as ${one ? "it was" : "they were"} (no imported post or page behind ${one ? "it" : "them"})`,
    );
  }
  if (multiPage > 0)
    notes.push(`${plural(multiPage, "post")} split in pages (<!--nextpage-->) now show all their pages at once`);
  const sticky = plan.items.filter((p) => p.item.sticky).length;
  if (sticky > 0) notes.push(`${plural(sticky, "sticky post")}: Billet lists posts newest first, without pinning`);
  const otherTerms = new Map<string, number>();
  for (const p of plan.items)
    for (const term of p.item.otherTerms) otherTerms.set(term, (otherTerms.get(term) ?? 0) + 1);
  if (otherTerms.size > 0) {
    notes.push(
      `terms of other taxonomies not kept: ${[...otherTerms].map(([term, n]) => `${term} (${n})`).join(", ")}`,
    );
  }
  if (index.otherTypes.size > 0) {
    notes.push(`items not imported: ${[...index.otherTypes].map(([type, n]) => `${plural(n, type)}`).join(", ")}`);
  }
  if (index.leftOut.size > 0) {
    const names: Record<string, string> = {
      trash: "in the trash",
      "auto-draft": "automatic drafts",
      inherit: "revisions",
    };
    notes.push(
      `posts and pages left out: ${[...index.leftOut].map(([status, n]) => `${n} ${Object.hasOwn(names, status) ? names[status] : status}`).join(", ")}`,
    );
  }
  if (plan.remoteImages.length > 0) {
    notes.push(
      `${plural(plan.remoteImages.length, "image")} left at ${plan.remoteImages.length === 1 ? "its" : "their"} old address` +
        (options.uploads
          ? " (not found in the uploads folder, or not from the old site)"
          : ": the site's Content-Security-Policy only shows its own images; import again with --uploads path/to/wp-content/uploads to copy them"),
    );
  }

  return {
    channel: index.channel,
    file: options.file,
    out,
    dryRun,
    posts,
    pages,
    comments,
    commentsInKeptFiles,
    redirects: plan.redirects.length,
    categoriesAdded: [...added.keys()],
    imagesCopied,
    remoteImages: plan.remoteImages,
    changes,
    warnings,
    notes,
  };

  /** One post or page: its Markdown file and its archived comments. */
  function convertItem(item: WxrItem, planned: PlannedItem): { markdown: string; comments?: string } {
    const file = planned.file;
    const kept = new Kept();
    const unconverted = new Set<string>();
    let imagesWithoutAlt = 0;

    let html = unwrapBlocks(item.content, {
      kept,
      reusable: (id) => index.reusable.get(id),
      onKept: (name) => unconverted.add(`block wp:${name}`),
    });
    const more = /<!--more(?:\s[^>]*)?-->/.exec(html);
    const teaser = more ? html.slice(0, more.index) : undefined;
    if (more) html = `${html.slice(0, more.index)}\n\n${html.slice(more.index + more[0].length)}`;
    html = html.replace(/<!--noteaser-->/g, "");
    if (html.includes("<!--nextpage-->")) {
      multiPage++;
      html = html.replace(/<!--nextpage-->/g, "\n\n");
    }
    html = expandShortcodes(html, {
      kept,
      attachment: (id) => index.attachments.get(id),
      attachedImages: () => [...index.attachments.values()].filter((a) => a.parent === item.id),
      onKept: (name) => unconverted.add(`[${name}]`),
      onEmbed: () => embeds++,
    });
    if (!isBlockContent(item.content)) html = wpautop(html);

    const imageCopy = (src: string) => {
      const image = planned.images.get(src);
      return image ? `./${image.name}` : undefined;
    };
    const context: MarkdownContext = {
      kept,
      language: site.language,
      fallbackAlt: words.imageWithoutAlt,
      rewriteLink,
      rewriteImage: imageCopy,
      isImageLink: (href) =>
        uploadPath(href, plan.hosts) !== undefined || /[?&]attachment_id=\d+|\/attachment\//.test(href),
      onEmbed: () => embeds++,
      onUnconverted: (what) => unconverted.add(`<${what}>`),
      onImageWithoutAlt: () => imagesWithoutAlt++,
    };
    const body = htmlToMarkdown(html, context);

    if (unconverted.size > 0) {
      warnings.push(
        `${file}: kept as it was, to convert by hand: ${[...unconverted].join(", ")} (look for the \`\`\`${KEPT_LANGUAGE} blocks)`,
      );
    }
    if (imagesWithoutAlt > 0) {
      warnings.push(
        `${file}: ${plural(imagesWithoutAlt, "image")} without a description now ${imagesWithoutAlt === 1 ? "says" : "say"} « ${words.imageWithoutAlt} »: describe ${imagesWithoutAlt === 1 ? "it" : "them"}`,
      );
    }

    let description = plainText(item.excerpt) || (teaser !== undefined ? plainText(teaser) : "");
    if ([...description].length > 300) {
      description = truncate(description, 300);
      warnings.push(
        `${file}: description shortened to 300 characters (Billet's limit); the full excerpt was: « ${plainText(item.excerpt) || plainText(teaser ?? "")} »`,
      );
    }

    let fields: Record<string, unknown>;
    if (item.type === "post") {
      const post: PostFields = {
        title: planned.title,
        date: planned.date,
        updated: planned.updated,
        slug: planned.slug,
        category: planned.category!,
        tags: planned.tags,
        description: description || undefined,
        author: planned.author,
        draft: planned.state === "draft" ? true : undefined,
        image: planned.featured ? `./${planned.featured.name}` : undefined,
        imageAlt: planned.featured?.alt,
      };
      fields = cleanFields(post);
    } else {
      const page: PageFields = {
        title: planned.title,
        description: description || undefined,
        slug: planned.permalink ? undefined : planned.slug,
        permalink: planned.permalink,
        updated: planned.updated,
        draft: planned.state === "draft" ? true : undefined,
      };
      fields = cleanFields(page);
    }
    const check = validate(item.type === "post" ? postRules : pageRules, fields, messages(site.language));
    if (!check.ok) {
      for (const problem of check.problems) warnings.push(`${file}: ${problem} (npm run check will report it)`);
    }

    const author = index.channel.authors.find((a) => a.login === item.creator);
    const archived = archiveComments(item.comments, {
      withPings,
      postAuthorUserId: author?.id,
      anonymous: words.anonymous,
      toMarkdown: (content) =>
        htmlToMarkdown(wpautop(content), {
          kept: new Kept(),
          language: site.language,
          fallbackAlt: words.imageWithoutAlt,
          rewriteLink,
          clickable: true,
        }),
    });
    addCounts(comments, archived.counts);
    if (archived.counts.unreadable > 0) {
      warnings.push(`${file}: ${plural(archived.counts.unreadable, "approved comment")} left out: no text or no date`);
    }

    return {
      markdown: markdownFile(fields, body),
      comments: archived.entries.length > 0 ? commentsYaml(archived.entries) : undefined,
    };
  }
}

/** How many comments an existing archive holds (0 when it cannot be read: `npm run check` reports it). */
async function countArchived(file: string): Promise<number> {
  try {
    const entries = yaml.load(await readFile(file, "utf8"), { schema: yaml.CORE_SCHEMA });
    return Array.isArray(entries) ? entries.length : 0;
  } catch {
    return 0;
  }
}

/** A hidden folder inside the content folder (same disk, so files move in one step). */
async function prepareStaging(out: string): Promise<string> {
  await mkdir(out, { recursive: true });
  return mkdtemp(path.join(out, ".wordpress-import-"));
}
