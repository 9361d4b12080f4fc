/**
 * The one place where site.config.ts becomes the configuration the build
 * uses: checked against its schema, every default filled in, every problem
 * reported at once as `site.config.ts: field: found …, expected …`.
 */
import { commentsWithEnv } from "../comments/config.ts";
import { messages } from "../i18n/index.ts";
import type { Language } from "../i18n/languages.ts";
import { ConfigError } from "../problems/errors.ts";
import { problemsOf } from "../problems/issues.ts";
import { resolveSearch } from "../search/config.ts";
import { configLanguage, siteConfigSchema } from "./schema.ts";
import type { CategoryConfig, PermalinkConfig, ResolvedCategory, ResolvedSiteConfig, SiteConfig } from "./site.ts";

const DEFAULT_PERMALINKS: Record<Language, Required<PermalinkConfig>> = {
  fr: {
    post: "/billets/:slug/",
    category: "/categories/:slug/",
    tag: "/etiquettes/:slug/",
    archive: "/archives/",
    search: "/recherche/",
  },
  en: {
    post: "/posts/:slug/",
    category: "/categories/:slug/",
    tag: "/tags/:slug/",
    archive: "/archives/",
    search: "/search/",
  },
};

export interface ResolveOptions {
  /** The file the config came from, as messages name it. */
  file?: string;
  /**
   * The environment, passed in (not read from `process.env` here) so that
   * tests can resolve a config as Netlify would see it.
   */
  env?: NodeJS.ProcessEnv;
  /** Categories from content/categories.yaml, already checked: added after site.config.ts's own. */
  moreCategories?: ReadonlyMap<string, CategoryConfig & { description: string }>;
  /** Problems found elsewhere (content/categories.yaml) that must be reported with these. */
  problems?: readonly string[];
}

/**
 * Checks `config` and fills in its defaults; throws a ConfigError listing
 * every problem, in the site's language (French while `language` itself is
 * not valid).
 */
export function resolveSiteConfig(
  config: SiteConfig,
  { file = "site.config.ts", env = process.env, moreCategories, problems: earlier = [] }: ResolveOptions = {},
): ResolvedSiteConfig {
  const input = inputWithEnv(config, env);
  const m = messages(configLanguage(config));
  const schema = siteConfigSchema(m);
  const result = schema.safeParse(input.config);
  if (!result.success) {
    const problems = problemsOf(schema, input.config, result.error.issues, {
      messages: m,
      name: (field) => {
        const variable = input.fromEnv.get(field);
        return variable ? m.format(m.t.problems.fromVariable, { field, variable }) : field;
      },
    });
    throw new ConfigError([...earlier, ...problems.map((problem) => m.at(file, problem))], m);
  }
  if (earlier.length > 0) throw new ConfigError([...earlier], m);

  const site = result.data;
  const categories = new Map<string, ResolvedCategory>(site.categories);
  for (const [slug, category] of moreCategories ?? []) {
    if (!categories.has(slug)) categories.set(slug, { slug, ...category });
  }
  const defaults = DEFAULT_PERMALINKS[site.language];
  const permalinks: Required<PermalinkConfig> = {
    post: site.permalinks.post ?? defaults.post,
    category: site.permalinks.category ?? defaults.category,
    tag: site.permalinks.tag ?? defaults.tag,
    archive: site.permalinks.archive ?? defaults.archive,
    search: site.permalinks.search ?? defaults.search,
  };
  return {
    title: site.title,
    description: site.description,
    url: site.url,
    language: site.language,
    timeZone: site.timeZone,
    authors: site.authors,
    defaultAuthor: site.authors.values().next().value!,
    navigation: site.navigation,
    categories,
    postsPerPage: site.postsPerPage,
    permalinks,
    footer: site.footer,
    favicon: site.favicon,
    contactSuccessUrl: site.contactSuccessUrl,
    comments: site.comments,
    share: site.share,
    feeds: site.feeds,
    search: resolveSearch(site.search, site.url, permalinks.search),
  };
}

/**
 * The config with what the environment gives laid over it: GISCUS_*
 * variables win over the comments section, Netlify's URL fills a missing
 * address (then the schema's default, http://localhost:8080). Fields that came from a variable are remembered, so that a
 * problem names it.
 */
function inputWithEnv(config: unknown, env: NodeJS.ProcessEnv): { config: unknown; fromEnv: Map<string, string> } {
  const fromEnv = new Map<string, string>();
  if (config === null || typeof config !== "object" || Array.isArray(config)) return { config, fromEnv };
  const given = config as Record<string, unknown>;
  const result: Record<string, unknown> = { ...given };
  if (given.url === undefined && env.URL !== undefined) {
    result.url = env.URL;
    fromEnv.set("url", "URL");
  }
  const comments = commentsWithEnv(given.comments, env);
  if (comments.section !== undefined) result.comments = comments.section;
  for (const [field, variable] of comments.fromEnv) fromEnv.set(`comments.${field}`, variable);
  return { config: result, fromEnv };
}
