/**
 * The `comments` section of site.config.ts: its documented type, its schema
 * (defaults included), and the environment variables that override it, so a
 * fork is configured in Netlify's settings without editing code. Mistakes
 * are reported by the site's configuration as
 * `site.config.ts: comments.field: found …, expected …`, naming the
 * variable a wrong value came from.
 */
import { z } from "zod";
import type { Messages } from "../i18n/index.ts";
import { quoted } from "../config/fields.ts";

export const MAPPINGS = ["specific", "pathname", "url"] as const;
export const LOADING_MODES = ["lazy", "consent"] as const;
export const INPUT_POSITIONS = ["bottom", "top"] as const;

/**
 * How giscus finds a post's discussion:
 * - `specific` (default): by the post's comment key, its slug unless front
 *   matter pins another (`comments: { key: "…" }`). Renaming the file or
 *   changing the address pattern keeps the thread.
 * - `pathname`: by the post's path without the leading slash
 *   (`billets/mon-billet/`), as giscus's own default does. A new address
 *   means a new, empty thread.
 * - `url`: by the post's full address.
 */
export type CommentsMapping = (typeof MAPPINGS)[number];

/**
 * Comments under each post, kept in GitHub Discussions and shown by giscus
 * (https://giscus.app). Take the four values from giscus.app's
 * configuration page once the giscus app is installed on the repository.
 * Each of `repo`, `repoId`, `category`, `categoryId`, `mapping` and `loading`
 * can also come from an environment variable (`GISCUS_REPO`,
 * `GISCUS_REPO_ID`, `GISCUS_CATEGORY`, `GISCUS_CATEGORY_ID`,
 * `GISCUS_MAPPING`, `GISCUS_LOADING`), which wins over this file.
 */
export interface CommentsConfig {
  /** `false` removes the comment section from every post. Default `true`. */
  enabled?: boolean;
  /** The public repository holding the discussions, as `owner/name`. */
  repo?: string;
  /** The repository's id (`R_kgDO…`), from giscus.app. Left empty, no widget is shown. */
  repoId?: string;
  /** The discussion category new threads go in (« Commentaires », "Announcements"…). */
  category?: string;
  /** The category's id (`DIC_kwDO…`), from giscus.app. Left empty, no widget is shown. */
  categoryId?: string;
  /** How a post finds its discussion. Default `specific`: see `CommentsMapping`. */
  mapping?: CommentsMapping;
  /**
   * Match discussions by a SHA-1 of the term that giscus writes in their
   * body, rather than by a title search that may pick a similar title.
   * Default `true`.
   */
  strict?: boolean;
  /** Reactions on the post itself, above the thread. Default `true`. */
  reactions?: boolean;
  /** Where the comment box sits in the widget: `bottom` (default) or `top`. */
  inputPosition?: (typeof INPUT_POSITIONS)[number];
  /**
   * When the widget loads: `lazy` (default) when the reader nears the
   * comments; `consent` only after the reader clicks « Afficher les
   * commentaires » (the choice is remembered). Nothing is asked of GitHub
   * or giscus before that.
   */
  loading?: (typeof LOADING_MODES)[number];
  /**
   * giscus themes for the site's light and dark themes, switched live with
   * the site's toggle. Default `light` and `dark`; any giscus theme name, or
   * the https:// address of a stylesheet.
   */
  themes?: { light?: string; dark?: string };
  /** Comments and people kept out of the threads the site shows. */
  moderation?: {
    /** Addresses of single comments to hide, whatever their source. Default none. */
    hidden?: string[];
    /** Authors whose comments are hidden: GitHub login, Mastodon account, Bluesky handle or DID. Default none. */
    blockedAuthors?: string[];
  };
}

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

const REPO_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const THEME_PATTERN = /^(?:[a-z0-9_]+|https:\/\/\S+)$/;

const oneOf = <const T extends readonly [string, ...string[]]>(allowed: T, m: Messages) =>
  z.enum(allowed, { error: m.format(m.t.problems.oneOf, { names: quoted(allowed, m) }) });
const flag = (m: Messages) => z.boolean({ error: m.t.problems.trueOrFalse });
/** Text that may be left empty (`""`, null or left out): undefined then. */
const optionalText = (m: Messages) =>
  z
    .string({ error: m.t.config.text })
    .nullish()
    .transform((value) => value?.trim() || undefined);
const theme = (fallback: string, m: Messages) =>
  z.string({ error: m.t.config.theme }).regex(THEME_PATTERN, { error: m.t.config.theme }).default(fallback);
const names = (expected: string, pattern: RegExp, m: Messages) =>
  z
    .array(z.string({ error: expected }).trim().regex(pattern, { error: expected }), {
      error: m.format(m.t.config.listOf, { items: expected }),
    })
    .default([]);

/** The section as written, checked, with every default filled in. */
export function commentsSchema(m: Messages) {
  const t = m.t.config;
  return z
    .strictObject(
      {
        repo: optionalText(m).refine((repo) => repo === undefined || REPO_PATTERN.test(repo), { error: t.repo }),
        repoId: optionalText(m),
        category: optionalText(m),
        categoryId: optionalText(m),
        mapping: oneOf(MAPPINGS, m).default("specific"),
        loading: oneOf(LOADING_MODES, m).default("lazy"),
        inputPosition: oneOf(INPUT_POSITIONS, m).default("bottom"),
        enabled: flag(m).default(true),
        strict: flag(m).default(true),
        reactions: flag(m).default(true),
        themes: z.strictObject({ light: theme("light", m), dark: theme("dark", m) }, { error: t.themes }).prefault({}),
        moderation: z
          .strictObject(
            {
              hidden: names(t.hidden, /^https?:\/\/\S+$/, m),
              blockedAuthors: names(t.blockedAuthors, /^@?[^\s@]+(@[^\s@]+)?$/, m),
            },
            { error: t.moderation },
          )
          .prefault({}),
      },
      { error: t.comments },
    )
    .prefault({})
    .transform(resolveComments);
}

/** From the checked section to what the build uses: the widget's settings, or what it misses. */
export function resolveComments(
  section: Omit<ResolvedComments, "widget"> & { repoId: string | undefined },
): ResolvedComments {
  const { repoId, ...rest } = section;
  const needed = { repo: section.repo, repoId, category: section.category, categoryId: section.categoryId };
  const missing = Object.entries(needed)
    .filter(([, value]) => value === undefined)
    .map(([key]) => key);
  const widget: GiscusWidgetSettings =
    missing.length === 0
      ? {
          enabled: true,
          repo: needed.repo!,
          repoId: repoId!,
          category: needed.category!,
          categoryId: needed.categoryId!,
        }
      : { enabled: false, missing };
  return { ...rest, widget };
}

/**
 * The section with the environment's values laid over it (an empty variable
 * counts as unset), and the variable each overridden field came from, for
 * messages.
 */
export function commentsWithEnv(
  given: unknown,
  env: NodeJS.ProcessEnv,
): { section: unknown; fromEnv: Map<string, string> } {
  const fromEnv = new Map<string, string>();
  if (given !== undefined && (given === null || typeof given !== "object" || Array.isArray(given)))
    return { section: given, fromEnv };
  const section: Record<string, unknown> = { ...(given as Record<string, unknown> | undefined) };
  for (const [field, variable] of Object.entries(COMMENTS_ENV)) {
    const value = env[variable];
    if (value === undefined || value.trim() === "") continue;
    section[field] = value.trim();
    fromEnv.set(field, variable);
  }
  return { section, fromEnv };
}

/** The one warning a build prints when comments are on but the widget cannot be shown, in the site's language. */
export function widgetWarning(comments: ResolvedComments, m: Messages): string | undefined {
  if (!comments.enabled || comments.widget.enabled) return undefined;
  const t = m.t.build;
  const fields = comments.widget.missing.map((key) =>
    m.format(t.fieldOrVariable, {
      field: `comments.${key}`,
      variable: COMMENTS_ENV[key as keyof typeof COMMENTS_ENV],
    }),
  );
  return m.format(t.widgetOff, { fields: fields.join(", ") });
}
