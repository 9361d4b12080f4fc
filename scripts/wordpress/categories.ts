/**
 * WordPress categories and tags to Billet's one category and tags per post.
 *
 * - A post's category is its primary category (as chosen in Yoast SEO or
 *   Rank Math), else its first one; its other categories become tags, next
 *   to its WordPress tags.
 * - « Uncategorized » / « Non classé » (WordPress's default) is not a
 *   category anyone chose: posts that have only it get the default category
 *   (`--default-category`, else the first category of site.config.ts).
 * - A WordPress category is the Billet category with the same slug, else
 *   with the same name; otherwise it is a new category, written to
 *   `content/categories.yaml` (never to site.config.ts) with its name and
 *   description.
 */
import yaml from "js-yaml";
import { isDeepStrictEqual } from "node:util";
import { slugify } from "../../plugins/content/slug.ts";
import type { CategoryConfig, ResolvedSiteConfig } from "../../plugins/config/site.ts";
import type { WxrCategory, WxrTerm } from "./model.ts";
import { normalizeName, sameName } from "./names.ts";
import { htmlToText } from "./text.ts";

const DEFAULT_CATEGORY_NAMES = [
  "uncategorized",
  "non classe",
  "sans categorie",
  "sin categoria",
  "allgemein",
  "senza categoria",
];

export function isDefaultCategory(term: { slug: string; name: string }): boolean {
  return (
    DEFAULT_CATEGORY_NAMES.includes(normalizeName(term.slug)) ||
    DEFAULT_CATEGORY_NAMES.includes(normalizeName(term.name))
  );
}

export interface CategoryChoice {
  /** The Billet category slug. */
  category: string;
  /** WordPress categories that became tags (names). */
  extraTags: string[];
}

export class CategoryMapper {
  /** Billet slug by WordPress category slug. */
  readonly #bySlug = new Map<string, string>();
  /** Categories to add to categories.yaml, by Billet slug. */
  readonly added = new Map<string, CategoryConfig>();
  readonly #site: ResolvedSiteConfig;
  readonly #declared: Map<string, WxrCategory>;
  readonly defaultCategory: string | undefined;
  /** Posts that had no category but « Uncategorized » and were given the default one. */
  defaultUsed = 0;

  constructor(site: ResolvedSiteConfig, declared: WxrCategory[], defaultCategory: string | undefined) {
    this.#site = site;
    this.#declared = new Map(declared.map((c) => [c.slug, c]));
    this.defaultCategory = defaultCategory;
  }

  /** The Billet slug already given to a WordPress category, if any. */
  known(wpSlug: string): string | undefined {
    return this.#bySlug.get(wpSlug);
  }

  /** The Billet slug for a WordPress category, creating the category when Billet has none like it. */
  billetSlug(term: { slug: string; name: string }): string {
    const known = this.#bySlug.get(term.slug);
    if (known) return known;
    const declared = this.#declared.get(term.slug);
    const name = htmlToText(declared?.name || term.name) || term.slug;
    const candidate = slugify(term.slug, this.#site.language) || slugify(name, this.#site.language);
    let slug: string | undefined;
    if (candidate && this.#site.categories.has(candidate)) slug = candidate;
    slug ??= [...this.#site.categories.values()].find((c) => sameName(c.name, name))?.slug;
    if (!slug) {
      slug = candidate || `categorie-${declared?.termId || this.added.size + 1}`;
      while (this.#site.categories.has(slug) || (this.added.has(slug) && !sameName(this.added.get(slug)!.name, name))) {
        slug = `${slug}-2`;
      }
      const description = htmlToText(declared?.description ?? "");
      this.added.set(slug, { name: this.#distinctName(name, declared), ...(description ? { description } : {}) });
    }
    this.#bySlug.set(term.slug, slug);
    return slug;
  }

  /** Two WordPress categories may share a name under different parents: « Parent › Enfant » tells them apart. */
  #distinctName(name: string, declared: WxrCategory | undefined): string {
    const parent = declared?.parent ? this.#declared.get(declared.parent) : undefined;
    if (!parent) return name;
    const twins = [...this.#declared.values()].filter((c) => sameName(htmlToText(c.name), name)).length;
    const taken = [...this.#site.categories.values()].some((c) => sameName(c.name, name));
    return twins > 1 || taken ? `${htmlToText(parent.name)} › ${name}` : name;
  }

  /** A post's category and the categories that become tags. `primary` is a term id chosen in an SEO plugin. */
  choose(terms: WxrTerm[], primary: string | undefined): CategoryChoice {
    const categories = terms.filter((t) => t.domain === "category");
    const real = categories.filter((t) => !isDefaultCategory(t));
    const chosen = (primary ? real.find((t) => this.#declared.get(t.slug)?.termId === primary) : undefined) ?? real[0];
    if (!chosen) {
      if (this.defaultCategory) this.defaultUsed++;
      const fallback = this.defaultCategory ?? (categories[0] ? this.billetSlug(categories[0]) : undefined);
      return { category: fallback ?? this.billetSlug({ slug: "non-classe", name: "Non classé" }), extraTags: [] };
    }
    return {
      category: this.billetSlug(chosen),
      extraTags: real.filter((t) => t !== chosen).map((t) => htmlToText(t.name) || t.slug),
    };
  }
}

/**
 * `categories.yaml` with the new categories added and every existing entry
 * kept. The new entries are appended to the file's text, so the author's
 * comments and layout stay; if that would not read back as the union (a
 * file in flow style), the whole file is written out again.
 */
export function mergeCategoriesFile(existing: string | undefined, added: Map<string, CategoryConfig>): string {
  const current = existing?.trim()
    ? (yaml.load(existing, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown> | null)
    : null;
  const base = current && typeof current === "object" ? current : {};
  const fresh = Object.fromEntries([...added].filter(([slug]) => !Object.hasOwn(base, slug)));
  if (Object.keys(fresh).length === 0) return existing ?? "";
  const dumped = yaml.dump(fresh, { schema: yaml.CORE_SCHEMA, lineWidth: -1, quotingType: '"' });
  const header = "# Categories brought by the WordPress import (npm run import:wordpress).\n";
  if (!existing?.trim()) return header + dumped;
  const appended = `${existing.replace(/\s*$/, "\n")}${dumped}`;
  try {
    const reread = yaml.load(appended, { schema: yaml.CORE_SCHEMA });
    if (isDeepStrictEqual(reread, { ...base, ...fresh })) return appended;
  } catch {
    // Fall through to a full rewrite.
  }
  return yaml.dump({ ...base, ...fresh }, { schema: yaml.CORE_SCHEMA, lineWidth: -1, quotingType: '"' });
}
