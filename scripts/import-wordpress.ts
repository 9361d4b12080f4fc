/**
 * `npm run import:wordpress -- export.xml [options]`: brings a WordPress
 * export (Tools › Export › All content) into the content folder: posts,
 * pages, their approved comments (archived beside each post), categories,
 * tags, and redirects from the old addresses. See « Migrating from
 * WordPress » in the README, and scripts/wordpress/ for how.
 *
 * Exit codes: 0 imported (warnings included), 1 the export or the site has
 * a problem and nothing was written, 2 the command was misused.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { SiteConfig } from "../plugins/config/site.ts";
import { loadSiteConfig } from "../plugins/config/load.ts";
import { suggest } from "../plugins/problems/suggest.ts";
import { runCli, UsageError } from "./cli.ts";
import { importWordPress } from "./wordpress/importer.ts";
import { WxrError } from "./wordpress/reader.ts";
import { clearProgress, formatSummary, progressBar } from "./wordpress/report.ts";

const USAGE = `Usage: npm run import:wordpress -- export.xml [options]

  --out <folder>              content folder to write to (default: content)
  --uploads <folder>          a copy of wp-content/uploads: images are copied beside their post
  --dry-run                   write nothing; print what would be written
  --force                     write over files that already exist (and list them)
  --with-pings                keep pingbacks and trackbacks with the comments
  --default-category <slug>   category for posts only in « Uncategorized » (default: the first of site.config.ts)
  --config <file>             the site's configuration (default: site.config.ts)`;

await runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: "string", default: "content" },
        uploads: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        "with-pings": { type: "boolean", default: false },
        "default-category": { type: "string" },
        config: { type: "string", default: "site.config.ts" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const file = positionals[0]!;
  if (!existsSync(file) || !statSync(file).isFile()) {
    console.error(
      `${file}: found no file, expected a WordPress export (Tools › Export in WordPress); nothing was written`,
    );
    process.exitCode = 1;
    return;
  }
  if (values.uploads && !(existsSync(values.uploads) && statSync(values.uploads).isDirectory())) {
    throw new UsageError(`--uploads: found no folder at ${values.uploads}, expected a copy of wp-content/uploads`);
  }
  const configFile = path.resolve(values.config);
  if (!existsSync(configFile))
    throw new UsageError(`--config: found no file at ${values.config}, expected site.config.ts`);
  const config = ((await import(pathToFileURL(configFile).href)) as { default: SiteConfig }).default;
  const out = values.out;
  const site = loadSiteConfig(config, out);

  const declared = Object.keys(config.categories ?? {});
  const defaultCategory = values["default-category"] ?? declared[0];
  if (values["default-category"] !== undefined && !site.categories.has(defaultCategory!)) {
    const known = [...site.categories.keys()];
    const hint = suggest(defaultCategory!, known);
    throw new UsageError(
      `--default-category: found "${defaultCategory}", expected one of ${known.join(", ")}${hint ? ` (did you mean "${hint}"?)` : ""}`,
    );
  }

  try {
    const result = await importWordPress({
      file,
      out,
      site,
      uploads: values.uploads,
      dryRun: values["dry-run"],
      force: values.force,
      withPings: values["with-pings"],
      defaultCategory,
      onProgress: progressBar(process.stderr),
    });
    clearProgress(process.stderr);
    console.log(formatSummary(result));
  } catch (error) {
    clearProgress(process.stderr);
    if (error instanceof WxrError) {
      console.error(`${error.message}; nothing was written`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
});
