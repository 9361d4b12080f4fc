/**
 * The site's configuration as the build uses it: site.config.ts, plus the
 * categories listed in `content/categories.yaml` when that file exists.
 *
 * That file is where the WordPress import writes the categories it brings,
 * since it never edits site.config.ts behind the author's back; an author
 * may keep categories there by hand too. A category declared in both places
 * takes site.config.ts's name and description.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import {
  describe,
  resolveSiteConfig,
  type CategoryConfig,
  type ResolvedSiteConfig,
  type SiteConfig,
} from "./config.ts";
import { ConfigError } from "./errors.ts";

export const CATEGORIES_FILE = "categories.yaml";

export function loadSiteConfig(
  config: SiteConfig,
  contentDir: string,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedSiteConfig {
  const extra = readCategoriesFile(path.join(contentDir, CATEGORIES_FILE));
  return resolveSiteConfig(
    { ...config, categories: { ...config.categories, ...omit(extra, config.categories) } },
    { env },
  );
}

/** Reads and checks `categories.yaml`: `slug: { name, description? }` entries. */
export function readCategoriesFile(file: string): Record<string, CategoryConfig> {
  if (!existsSync(file)) return {};
  const shown = path.relative(process.cwd(), file) || file;
  let data: unknown;
  try {
    data = yaml.load(readFileSync(file, "utf8"), { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const mark = (error as yaml.YAMLException).mark;
    throw new ConfigError([
      `${shown}: found invalid YAML${mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : ""}, expected lines such as "opinion: { name: Opinion }"`,
    ]);
  }
  if (data === undefined || data === null) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new ConfigError([
      `${shown}: found ${describe(data)}, expected categories by slug, e.g. "opinion: { name: Opinion }"`,
    ]);
  }
  const problems: string[] = [];
  const categories: Record<string, CategoryConfig> = {};
  for (const [slug, value] of Object.entries(data)) {
    const entry = value as { name?: unknown; description?: unknown } | null;
    if (!entry || typeof entry !== "object" || typeof entry.name !== "string" || entry.name.trim() === "") {
      problems.push(
        `${shown}: ${slug}.name: found ${describe(entry?.name)}, expected the category's name as readers see it`,
      );
      continue;
    }
    if (entry.description !== undefined && typeof entry.description !== "string") {
      problems.push(
        `${shown}: ${slug}.description: found ${describe(entry.description)}, expected one sentence of text`,
      );
      continue;
    }
    const unknown = Object.keys(entry).filter((key) => key !== "name" && key !== "description");
    if (unknown.length > 0)
      problems.push(`${shown}: ${slug}.${unknown[0]}: found an unknown key, expected name and description only`);
    categories[slug] = { name: entry.name, ...(entry.description ? { description: entry.description } : {}) };
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return categories;
}

function omit<T>(from: Record<string, T>, keys: Record<string, unknown>): Record<string, T> {
  return Object.fromEntries(Object.entries(from).filter(([key]) => !(key in keys)));
}
