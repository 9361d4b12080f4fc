/**
 * Listing the files under a folder, for the content and its companions.
 *
 * Node 20's recursive `readdir` that returns names stats every entry to know
 * whether it is a folder: some 4,000 stats for a blog of 4,000 posts, at
 * every build. Directory entries carry their own type, so this walk stats
 * only symbolic links (followed, as `readdir` follows them).
 */
import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

export interface WalkOptions {
  /** Leave out folders named `node_modules` (hidden files and folders are always left out). */
  skipNodeModules?: boolean;
}

/** Paths of the files under `root`, relative to it (with the platform's separator), in no particular order. */
export function filesUnder(root: string, options: WalkOptions = {}): string[] {
  const found: string[] = [];
  /** `real`: the folder's real path; `above`: the real paths of the folders it is in, to stop at a link back up (a loop). */
  const walk = (dir: string, real: string, prefix: string, above: ReadonlySet<string>): void => {
    const here = new Set(above).add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      let folder = entry.isDirectory();
      let target = path.join(real, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          folder = statSync(path.join(dir, entry.name)).isDirectory();
          if (folder) target = realpathSync(path.join(dir, entry.name));
        } catch {
          continue; // A link to nothing: nothing to read.
        }
      }
      if (folder) {
        if (options.skipNodeModules && entry.name === "node_modules") continue;
        // A link to a folder this one is in would list it again and again.
        if (!here.has(target)) walk(path.join(dir, entry.name), target, prefix + entry.name + path.sep, here);
      } else {
        found.push(prefix + entry.name);
      }
    }
  };
  walk(root, realpathSync(root), "", new Set());
  return found;
}
