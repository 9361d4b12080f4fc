/**
 * The site's configuration as the build uses it: site.config.ts, plus the
 * categories listed in `content/categories.yaml` when that file exists.
 *
 * That file is where the WordPress import writes the categories it brings,
 * since it never edits site.config.ts behind the author's back; an author
 * may keep categories there by hand too. A category declared in both places
 * takes site.config.ts's name and description. Problems in both files are
 * reported together, in the language site.config.ts asks for.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { messages, type Messages } from "../i18n/index.ts";
import { validate } from "../problems/issues.ts";
import { resolveSiteConfig } from "./resolve.ts";
import { categoriesSchema, configLanguage } from "./schema.ts";
import type { ResolvedCategory, ResolvedSiteConfig, SiteConfig } from "./site.ts";

export const CATEGORIES_FILE = "categories.yaml";

export function loadSiteConfig(
  config: SiteConfig,
  contentDir: string,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedSiteConfig {
  const file = path.join(contentDir, CATEGORIES_FILE);
  const categories = readCategories(file, messages(configLanguage(config)));
  return resolveSiteConfig(config, {
    env,
    moreCategories: categories.ok ? categories.value : undefined,
    problems: categories.ok ? [] : categories.problems,
  });
}

type Read = { ok: true; value: Map<string, ResolvedCategory> } | { ok: false; problems: string[] };

/** Reads and checks `categories.yaml`: `slug: { name, description? }` entries, in the file's order. */
function readCategories(file: string, m: Messages): Read {
  if (!existsSync(file)) return { ok: true, value: new Map() };
  const shown = path.relative(process.cwd(), file) || file;
  let data: unknown;
  try {
    data = yaml.load(readFileSync(file, "utf8"), { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const mark = (error as yaml.YAMLException).mark;
    return {
      ok: false,
      problems: [
        m.at(
          shown,
          m.problem(
            m.format(m.t.problems.invalidYaml, {
              at: mark ? m.format(m.t.problems.yamlAt, { line: mark.line + 1, column: mark.column + 1 }) : "",
            }),
            m.t.config.categoriesYaml,
          ),
        ),
      ],
    };
  }
  if (data === undefined || data === null) return { ok: true, value: new Map() };
  const result = validate(categoriesSchema(m), data, { messages: m });
  if (result.ok) return result;
  return { ok: false, problems: result.problems.map((problem) => m.at(shown, problem)) };
}
