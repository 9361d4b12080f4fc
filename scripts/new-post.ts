/**
 * `npm run new -- "Mon nouveau billet"`: writes content/posts/<slug>.md with
 * front matter that passes validation: today's date in the site's time
 * zone, the first category, `draft: true`. Never overwrites a file.
 *
 * Options: --category <slug>, --dir <content folder> (default content).
 */
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import siteConfig from "../site.config.ts";
import { suggest } from "../plugins/problems/suggest.ts";
import { slugify } from "../plugins/content/slug.ts";
import { loadSiteConfig } from "../plugins/config/load.ts";
import { runCli, UsageError } from "./cli.ts";

const USAGE = 'Usage: npm run new -- "Titre du billet" [--category <slug>]';

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { category: { type: "string" }, dir: { type: "string", default: "content" } },
  });
  const title = positionals.join(" ").trim();
  if (!title) throw new UsageError(USAGE);

  const site = loadSiteConfig(siteConfig, values.dir);
  const categories = [...site.categories.keys()];
  const category = values.category ?? categories[0];
  if (!category || !site.categories.has(category)) {
    const hint = category ? suggest(category, categories) : undefined;
    throw new UsageError(
      `--category: found "${category ?? ""}", expected one of ${categories.join(", ")}${hint ? ` (did you mean "${hint}"?)` : ""}`,
    );
  }

  const slug = slugify(title, site.language);
  if (!slug) throw new UsageError(`The title "${title}" gives an empty address; use letters or digits.`);
  const postsDir = path.join(values.dir, "posts");
  const file = path.join(postsDir, `${slug}.md`);
  for (const existing of [file, path.join(postsDir, slug, "index.md")]) {
    if (
      await access(existing).then(
        () => true,
        () => false,
      )
    ) {
      console.error(`${existing} already exists; nothing was written. Choose another title, or edit that file.`);
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
    `# description: "One or two sentences for lists and search engines."`,
    `# Categories: ${categories.join(", ")}`,
    "---",
    "",
    "Premier paragraphe…",
    "",
  ].join("\n");
  await mkdir(postsDir, { recursive: true });
  await writeFile(file, body, { flag: "wx" });
  console.log(`Created ${file}\nIt is a draft: it shows in npm start, and is published once you remove draft: true.`);
});
