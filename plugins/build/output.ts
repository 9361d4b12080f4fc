/**
 * A production build never leaves a half-written or empty site: it writes
 * into a fresh folder beside the output folder (`_site.building-<pid>-…`),
 * and only once everything is written is that folder put in the output
 * folder's place. A build that fails, whatever the cause (a problem in the
 * content, a page that cannot render, a full disk, a killed process),
 * leaves the previous `_site/` as it was.
 *
 * The previous site is set aside (`_site.previous-<pid>-…`) rather than
 * deleted at the end of the build, which would cost a large blog half a
 * second: the next build deletes it in the background while it works.
 *
 * Two builds at once (one on save in an editor, one in a terminal) each
 * write their own folder and swap it in whole: the last to finish wins,
 * and `_site/` is always one build's complete site. The caches they share
 * are written under unique temporary names and renamed into place.
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

const MARK = ".building-";

export class StagedOutput {
  /** The folder the site is published in (`_site`). */
  readonly output: string;
  /** The folder this build writes into, relative like `output`. */
  readonly staging: string;
  #published = false;
  readonly #discard = () => this.discard();
  /** Earlier builds' leftovers being deleted, beside this build's work. */
  readonly #cleaning: Promise<unknown>;

  constructor(output: string) {
    this.output = output;
    this.staging = `${output}${MARK}${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.#cleaning = removeAbandoned(output);
    // A process that ends before publishing takes its folder with it.
    process.once("exit", this.#discard);
  }

  /** Puts the staging folder in the output folder's place; the previous site is set aside for the next build to delete. */
  async publish(): Promise<void> {
    if (this.#published) return;
    if (!existsSync(this.staging)) throw new Error(`The build's folder ${this.staging} has disappeared`);
    const previous = `${this.output}.previous-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    // Another build may publish at the same moment: each rename is whole, so try until ours is in place.
    for (let attempt = 0; ; attempt++) {
      try {
        if (existsSync(this.output)) renameSync(this.output, previous);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      try {
        renameSync(this.staging, this.output);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if ((code !== "ENOTEMPTY" && code !== "EEXIST") || attempt >= 10) throw error;
      }
    }
    this.#published = true;
    process.off("exit", this.#discard);
    await this.#cleaning;
  }

  /** Removes the staging folder of a build that did not publish. */
  discard(): void {
    if (!this.#published) rmSync(this.staging, { recursive: true, force: true });
    process.off("exit", this.#discard);
  }
}

/** Deletes the previous sites set aside by earlier builds, and the staging folders of builds killed half-way. */
async function removeAbandoned(output: string): Promise<void> {
  const dir = path.dirname(path.resolve(output));
  const base = path.basename(output);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const pattern = new RegExp(`^${escape(base)}\\.(?:building|previous)-(\\d+)-`);
  await Promise.all(
    names
      .filter((name) => {
        const match = pattern.exec(name);
        return match && (name.includes(".previous-") || !isAlive(Number(match[1])));
      })
      .map((name) => rm(path.join(dir, name), { recursive: true, force: true })),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
