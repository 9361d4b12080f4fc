/**
 * Builds the project's own content once, as `npm run build` would, into a
 * temporary folder shared by the output and browser tests.
 */
import type { TestProject } from "vitest/node";
import { takeLines, takeWarnings } from "./helpers/build-log.ts";
import { buildProject, removeSite, type BuiltSite } from "./helpers/project.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteOutput: string;
    /** What that build warned (kept, not printed: test/helpers/build-log.ts). */
    siteWarnings: string[];
  }
}

let site: BuiltSite | undefined;

export async function setup(project: TestProject): Promise<void> {
  site = await buildProject("build");
  project.provide("siteOutput", site.output);
  project.provide("siteWarnings", takeWarnings());
  takeLines();
}

export async function teardown(): Promise<void> {
  await removeSite(site);
}
