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
import { configLanguage } from "../plugins/config/schema.ts";
import { messages, type Messages } from "../plugins/i18n/index.ts";
import { hint } from "../plugins/problems/suggest.ts";
import { runCli, UsageError } from "./cli.ts";
import { importWordPress } from "./wordpress/importer.ts";
import { WxrError } from "./wordpress/reader.ts";
import { clearProgress, formatSummary, progressBar } from "./wordpress/report.ts";

/**
 * What the import says before the site's configuration is checked, in the
 * language that configuration asks for (French when it cannot be read).
 */
async function earlyMessages(configFile: string): Promise<Messages> {
  if (!existsSync(configFile)) return messages("fr");
  const config = ((await import(pathToFileURL(path.resolve(configFile)).href)) as { default: unknown }).default;
  return messages(configLanguage(config));
}

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
    const usage = (await earlyMessages("site.config.ts")).t.import.usage;
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  let m = await earlyMessages(values.config);
  const USAGE = m.t.import.usage;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const file = positionals[0]!;
  if (!existsSync(file) || !statSync(file).isFile()) {
    console.error(
      m.format(m.t.import.nothingWritten, { problem: m.at(file, m.problem(m.t.import.noExport, m.t.import.export)) }),
    );
    process.exitCode = 1;
    return;
  }
  if (values.uploads && !(existsSync(values.uploads) && statSync(values.uploads).isDirectory())) {
    throw new UsageError(
      m.at("--uploads", m.problem(m.format(m.t.import.noUploads, { folder: values.uploads }), m.t.import.uploads)),
    );
  }
  const configFile = path.resolve(values.config);
  if (!existsSync(configFile))
    throw new UsageError(
      m.at("--config", m.problem(m.format(m.t.import.noConfig, { file: values.config }), "site.config.ts")),
    );
  const config = ((await import(pathToFileURL(configFile).href)) as { default: SiteConfig }).default;
  const out = values.out;
  const site = loadSiteConfig(config, out);
  m = messages(site.language);

  const declared = Object.keys(config.categories ?? {});
  const defaultCategory = values["default-category"] ?? declared[0];
  if (values["default-category"] !== undefined && !site.categories.has(defaultCategory!)) {
    const known = [...site.categories.keys()];
    const expected = m.format(m.t.problems.oneOf, { names: known.join(", ") }) + hint(defaultCategory!, known, m);
    throw new UsageError(m.at("--default-category", m.problem(m.quote(defaultCategory!), expected)));
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
    console.log(formatSummary(result, m));
  } catch (error) {
    clearProgress(process.stderr);
    if (error instanceof WxrError) {
      console.error(m.format(m.t.import.nothingWritten, { problem: error.message }));
      process.exitCode = 1;
      return;
    }
    throw error;
  }
});
