/**
 * The author's preview (`npm start`): the site as it is on disk, on
 * localhost, drafts and scheduled posts included, pages rendered as they
 * are asked for, open pages reloaded when they change, problems shown in
 * the browser. (./session.ts renders, ./server.ts serves, ./supervisor.ts
 * starts a new preview when code or configuration changes.)
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { I18n } from "../i18n/index.ts";
import { ProblemListError } from "../problems/errors.ts";
import { startPreviewServer } from "./server.ts";
import type { PreviewSession } from "./session.ts";

/** What a configuration file's default export offers the preview (eleventy.config.ts's `billet()`). */
interface BilletConfigExport {
  billet?: () => { i18n: I18n; input: string; preview(): PreviewSession };
}

export async function runPreview({ configPath, port }: { configPath: string; port: number }): Promise<void> {
  const say = (message: string) => console.log(`[billet] ${message}`);
  let session: PreviewSession | undefined;
  let i18n: I18n | undefined;
  let inputDir: string | undefined;
  let problems: string[] = [];
  try {
    const module = (await import(pathToFileURL(path.resolve(configPath)).href)) as { default?: BilletConfigExport };
    const create = module.default?.billet;
    if (typeof create !== "function") {
      problems = [`${configPath}: found no Billet site, expected \`export default billet(siteConfig)\``];
    } else {
      const site = create();
      i18n = site.i18n;
      inputDir = site.input;
      session = site.preview();
    }
  } catch (error) {
    problems = setUpProblems(error);
  }
  // Until the site's own language is known, the preview speaks the default one.
  i18n ??= new I18n("fr", "Europe/Paris");
  await startPreviewServer({ port, session, i18n, inputDir, problems, say });
}

/** What stopped the site from being set up, as lines naming the file (no stack). */
function setUpProblems(error: unknown): string[] {
  if (error instanceof ProblemListError) return error.problems;
  // esbuild's (through tsx), for a file that is not valid TypeScript: "file:line:column: ERROR: text" lines.
  const message = (error as Error).message ?? String(error);
  const located = [...message.matchAll(/^(.+?):(\d+):\d+: ERROR: (.*)$/gm)];
  if (located.length > 0) {
    return located.map(([, file, line, text]) => `${path.relative(process.cwd(), file!)}:${line}: ${text}`);
  }
  return [message];
}
