/**
 * The moments of a build that Billet's capabilities hook into, in order:
 *
 * 0. `begin`: a build starts. Capabilities forget the last build's work
 *    and start what can run beside the reading (Markdown rendered ahead,
 *    styles and scripts bundled).
 * 1. `checks`: the posts and pages are read and valid, the blog's lists are
 *    made. Each capability checks what it owns (archived comments beside
 *    the posts) and names the addresses it will write (a tag page, the
 *    feed); what they return decides whether the build goes on. Nothing has
 *    been written yet. `npm run check` runs the build up to here.
 * 2. `ready`: every check passed and the output folder is ready. Work that
 *    puts files of its own into the site begins (social cards, the search
 *    index), beside Eleventy's rendering.
 * 3. `done`: Eleventy has written every page. What was begun at `ready` is
 *    awaited; a failure there fails the build.
 *
 * One instance per Billet configuration; handlers are called in the order
 * they were added, and each moment waits for all of them. Only the content
 * plugin, which drives the build, listens to Eleventy's own events.
 */
import type { ToolWords } from "../i18n/dictionary.ts";

/** What every moment of any build is told; the content plugin's context adds the blog. */
export interface BuildBasics {
  /** The content folder. */
  inputDir: string;
  /** Where this build writes the site. */
  outputDir: string;
  /** A preview (`npm start`): drafts and scheduled posts are built. */
  preview: boolean;
  /** A dev server shows the pages as soon as they are written (`npm start`, not a plain watch). */
  serving: boolean;
}

/** What a capability answers at `checks`: problems (one line each) and addresses it will write. */
export interface CheckResult {
  problems?: string[];
  /** Addresses this capability writes (`/etiquettes/seo/`), each with what it is, for messages. */
  addresses?: GeneratedAddress[];
}

/** An address Billet writes besides the posts and pages, and what writes it. */
export interface GeneratedAddress {
  url: string;
  /** What is there, named in the site's language in messages (« la page de l’étiquette « seo » »). */
  owner: keyof ToolWords["frontMatter"]["owners"];
  /** The category's or tag's name, for their pages. */
  name?: string;
  /** The whole folder below `url` is Billet's (`/cartes/`). */
  folder?: boolean;
}

export interface Moments<Context> {
  begin: (context: Context) => void | Promise<void>;
  checks: (context: Context) => CheckResult | Promise<CheckResult> | void;
  ready: (context: Context) => void | Promise<void>;
  done: (context: Context) => void | Promise<void>;
}

/** What a capability needs of a lifecycle: adding handlers (any build's, for those that need only `BuildBasics`). */
export interface Hooks<Context> {
  on<M extends keyof Moments<Context>>(moment: M, handler: Moments<Context>[M]): void;
}

export class Lifecycle<Context> implements Hooks<Context> {
  readonly #handlers: { [M in keyof Moments<Context>]: Array<Moments<Context>[M]> } = {
    begin: [],
    checks: [],
    ready: [],
    done: [],
  };

  on<M extends keyof Moments<Context>>(moment: M, handler: Moments<Context>[M]): void {
    this.#handlers[moment].push(handler);
  }

  /** Runs every `checks` handler and gathers what they found. */
  async checks(context: Context): Promise<Required<CheckResult>> {
    const results = await Promise.all(this.#handlers.checks.map(async (handler) => handler(context)));
    return {
      problems: results.flatMap((result) => result?.problems ?? []),
      addresses: results.flatMap((result) => result?.addresses ?? []),
    };
  }

  async run(moment: "begin" | "ready" | "done", context: Context): Promise<void> {
    await Promise.all(this.#handlers[moment].map(async (handler) => handler(context)));
  }
}
