/**
 * The `comments` section of site.config.ts, resolved: defaults filled in,
 * each giscus setting overridable by its environment variable (so a fork is
 * configured in Netlify's settings without editing code), mistakes reported
 * as `site.config.ts: comments.field: found …, expected …`.
 */
import type { CommentsConfig, CommentsMapping } from "../site/config.ts";

export const MAPPINGS = ["specific", "pathname", "url"] as const;
export const LOADING_MODES = ["lazy", "consent"] as const;
export const INPUT_POSITIONS = ["bottom", "top"] as const;

/** Environment variables that win over site.config.ts, by field. */
export const COMMENTS_ENV = {
  repo: "GISCUS_REPO",
  repoId: "GISCUS_REPO_ID",
  category: "GISCUS_CATEGORY",
  categoryId: "GISCUS_CATEGORY_ID",
  mapping: "GISCUS_MAPPING",
  loading: "GISCUS_LOADING",
} as const;

/** What the widget needs and what is missing, or everything it needs. */
export type GiscusWidgetSettings =
  | { enabled: true; repo: string; repoId: string; category: string; categoryId: string }
  | { enabled: false; missing: string[] };

export interface ResolvedComments {
  /** False when site.config.ts says `comments: { enabled: false }`: no comment section anywhere. */
  enabled: boolean;
  /** `owner/name` of the repository holding the discussions, when known. */
  repo: string | undefined;
  /** Name of the discussion category, when known. */
  category: string | undefined;
  /** Id of the category, when known (lets the snapshot skip one look-up). */
  categoryId: string | undefined;
  mapping: CommentsMapping;
  strict: boolean;
  reactions: boolean;
  inputPosition: (typeof INPUT_POSITIONS)[number];
  loading: (typeof LOADING_MODES)[number];
  themes: { light: string; dark: string };
  widget: GiscusWidgetSettings;
  moderation: {
    /** Addresses of single comments left out of threads and counts (any source). */
    hidden: string[];
    /** GitHub logins, Mastodon accts, Bluesky handles or DIDs whose comments are left out. */
    blockedAuthors: string[];
  };
}

type Problem = (field: string, found: unknown, expected: string) => void;

const REPO_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const THEME_PATTERN = /^(?:[a-z0-9_]+|https:\/\/\S+)$/;

export function resolveComments(
  config: CommentsConfig | undefined,
  env: NodeJS.ProcessEnv,
  problem: Problem,
): ResolvedComments {
  const given = config ?? {};
  // An environment variable set to an empty string counts as not set.
  const pick = <K extends keyof typeof COMMENTS_ENV>(key: K): { value: unknown; field: string } => {
    const fromEnv = env[COMMENTS_ENV[key]];
    if (fromEnv !== undefined && fromEnv.trim() !== "")
      return { value: fromEnv.trim(), field: `comments.${key} (from ${COMMENTS_ENV[key]})` };
    return { value: given[key], field: `comments.${key}` };
  };
  const optionalText = (key: "repo" | "repoId" | "category" | "categoryId"): string | undefined => {
    const { value, field } = pick(key);
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") {
      problem(field, value, "text");
      return undefined;
    }
    return value.trim() || undefined;
  };
  const oneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[], fallback: T): T => {
    if (value === undefined) return fallback;
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    problem(field, value, `one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
    return fallback;
  };
  const flag = (field: string, value: unknown, fallback: boolean): boolean => {
    if (value === undefined) return fallback;
    if (typeof value === "boolean") return value;
    problem(field, value, "true or false");
    return fallback;
  };

  if (config !== undefined && (config === null || typeof config !== "object" || Array.isArray(config))) {
    problem("comments", config, 'the comment settings, e.g. { repo: "moi/mon-blog", category: "Commentaires" }');
  }

  const repo = optionalText("repo");
  if (repo !== undefined && !REPO_PATTERN.test(repo)) {
    problem(pick("repo").field, repo, 'a GitHub repository as "owner/name"');
  }
  const repoId = optionalText("repoId");
  const category = optionalText("category");
  const categoryId = optionalText("categoryId");
  const mappingPick = pick("mapping");
  const mapping = oneOf(mappingPick.field, mappingPick.value, MAPPINGS, "specific");
  const loadingPick = pick("loading");
  const loading = oneOf(loadingPick.field, loadingPick.value, LOADING_MODES, "lazy");
  const inputPosition = oneOf("comments.inputPosition", given.inputPosition, INPUT_POSITIONS, "bottom");
  const enabled = flag("comments.enabled", given.enabled, true);
  const strict = flag("comments.strict", given.strict, true);
  const reactions = flag("comments.reactions", given.reactions, true);

  const themes = { light: "light", dark: "dark" };
  for (const scheme of ["light", "dark"] as const) {
    const value = given.themes?.[scheme];
    if (value === undefined) continue;
    if (typeof value === "string" && THEME_PATTERN.test(value)) themes[scheme] = value;
    else
      problem(`comments.themes.${scheme}`, value, 'a giscus theme name such as "noborder_light", or an https:// URL');
  }

  const moderation = { hidden: [] as string[], blockedAuthors: [] as string[] };
  const givenModeration: unknown = given.moderation;
  if (givenModeration !== undefined) {
    if (givenModeration === null || typeof givenModeration !== "object" || Array.isArray(givenModeration)) {
      problem("comments.moderation", givenModeration, "{ hidden: [addresses], blockedAuthors: [names] }");
    } else {
      const lists = givenModeration as Record<string, unknown>;
      for (const key of Object.keys(lists))
        if (key !== "hidden" && key !== "blockedAuthors")
          problem(`comments.moderation.${key}`, lists[key], "only hidden and blockedAuthors");
      const list = (key: "hidden" | "blockedAuthors", expected: string, valid: (item: string) => boolean) => {
        const value = lists[key];
        if (value === undefined) return;
        if (!Array.isArray(value)) return problem(`comments.moderation.${key}`, value, `a list of ${expected}`);
        value.forEach((item: unknown, index) => {
          if (typeof item === "string" && valid(item.trim())) moderation[key].push(item.trim());
          else problem(`comments.moderation.${key}[${index}]`, item, expected);
        });
      };
      list("hidden", "addresses of comments (https://…)", (item) => /^https?:\/\/\S+$/.test(item));
      list("blockedAuthors", "a GitHub login, a Mastodon account (user@instance) or a Bluesky handle or DID", (item) =>
        /^@?[^\s@]+(@[^\s@]+)?$/.test(item),
      );
    }
  }

  const needed = { repo, repoId, category, categoryId };
  const missing = Object.entries(needed)
    .filter(([, value]) => value === undefined)
    .map(([key]) => key);
  const widget: GiscusWidgetSettings =
    missing.length === 0 && repo && REPO_PATTERN.test(repo)
      ? { enabled: true, repo, repoId: repoId!, category: category!, categoryId: categoryId! }
      : { enabled: false, missing };

  return {
    enabled,
    repo,
    category,
    categoryId,
    mapping,
    strict,
    reactions,
    inputPosition,
    loading,
    themes,
    widget,
    moderation,
  };
}

/** The one warning a build prints when comments are on but the widget cannot be shown. */
export function widgetWarning(comments: ResolvedComments): string | undefined {
  if (!comments.enabled || comments.widget.enabled) return undefined;
  const fields = comments.widget.missing.map(
    (key) => `comments.${key} (or ${COMMENTS_ENV[key as keyof typeof COMMENTS_ENV]})`,
  );
  return (
    `Comments: the giscus widget is off because site.config.ts leaves ${fields.join(", ")} empty; ` +
    "posts show their archived and cached comments only. The values are given at https://giscus.app."
  );
}
