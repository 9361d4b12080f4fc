/**
 * Fingerprints of code, for what Billet keeps in `.cache/` (social cards,
 * what was read from each source): a cache is named by the code that made
 * it, so that a change to Billet's files or to a library's version starts it
 * afresh instead of reusing what the old code made.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A library's version, from the package.json above its entry point (not every library exports its own). */
export function libraryVersion(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      // Some libraries put a package.json of their own format in a subfolder: the library's has its name.
      if (manifest.name === name) return manifest.version ?? "";
    } catch {
      // No package.json here: look higher.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return "";
    dir = parent;
  }
}

const fingerprints = new Map<string, string>();

/** SHA-256 (hex) of these files' bytes and these libraries' versions, computed once per process. */
export function codeFingerprint(files: string[], libraries: string[]): string {
  const key = JSON.stringify([files, libraries]);
  let fingerprint = fingerprints.get(key);
  if (!fingerprint) {
    const hash = createHash("sha256");
    for (const name of libraries) hash.update(`${name}@${libraryVersion(name)}\n`);
    for (const file of files) hash.update(readFileSync(file));
    fingerprints.set(key, (fingerprint = hash.digest("hex")));
  }
  return fingerprint;
}
