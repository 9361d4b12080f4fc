/**
 * `npm run new -- "Mon nouveau billet"`: writes content/posts/<slug>.md with
 * front matter that passes validation: today's date in the site's time
 * zone, the first category, `draft: true`. Never overwrites a file. What it
 * says, and the comments it writes in the file, are in the site's language.
 *
 * Options: --category <slug>, --dir <content folder> (default content),
 * --config <file> (default site.config.ts).
 */
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import { hint } from "../plugins/problems/suggest.ts";
import { slugify } from "../plugins/content/slug.ts";
import { loadSiteConfig } from "../plugins/config/load.ts";
import { configLanguage } from "../plugins/config/schema.ts";
import type { SiteConfig } from "../plugins/config/site.ts";
import { messages } from "../plugins/i18n/index.ts";
import { runCli, UsageError } from "./cli.ts";

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      category: { type: "string" },
      dir: { type: "string", default: "content" },
      config: { type: "string", default: "site.config.ts" },
    },
  });
  const config = ((await import(pathToFileURL(path.resolve(values.config)).href)) as { default: SiteConfig }).default;
  // Before the config is checked, its own problems need a language too.
  let m = messages(configLanguage(config));
  const title = positionals.join(" ").trim();
  if (!title) throw new UsageError(m.t.newPost.usage);

  const site = loadSiteConfig(config, values.dir);
  m = messages(site.language);
  const t = m.t.newPost;
  const categories = [...site.categories.keys()];
  const category = values.category ?? categories[0];
  if (!category || !site.categories.has(category)) {
    const expected =
      m.format(m.t.problems.oneOf, { names: categories.join(", ") }) + (category ? hint(category, categories, m) : "");
    throw new UsageError(m.at("--category", m.problem(m.quote(category ?? ""), expected)));
  }

  const slug = slugify(title, site.language);
  if (!slug) throw new UsageError(m.format(t.emptySlug, { title: m.quote(title) }));
  const postsDir = path.join(values.dir, "posts");
  const file = path.join(postsDir, `${slug}.md`);
  for (const existing of [file, path.join(postsDir, slug, "index.md")]) {
    if (
      await access(existing).then(
        () => true,
        () => false,
      )
    ) {
      console.error(m.format(t.exists, { file: existing }));
      process.exitCode = 1;
      return;
    }
  }

  const today = DateTime.now().setZone(site.timeZone).toISODate();
  const frontMatter = yaml.dump(
    { title, date: today, category, tags: [], draft: true },
    { schema: yaml.CORE_SCHEMA, lineWidth: -1, flowLevel: 1, quotingType: '"' },
  );
  const body = [
    "---",
    frontMatter.trimEnd(),
    `# description: ${JSON.stringify(t.descriptionExample)}`,
    `# ${m.format(t.categoriesComment, { names: categories.join(", ") })}`,
    "---",
    "",
    t.firstParagraph,
    "",
  ].join("\n");
  await mkdir(postsDir, { recursive: true });
  await writeFile(file, body, { flag: "wx" });
  console.log(m.format(t.created, { file }));
});
