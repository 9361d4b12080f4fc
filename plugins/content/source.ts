/**
 * What is read from a source file before validation (./sources.ts keeps it
 * from one build to the next).
 */
import { createHash } from "node:crypto";
import type { Language } from "../i18n/languages.ts";
import { findImageReferences, type ImageReference } from "../markdown/images.ts";
import { parseSource } from "./frontmatter.ts";
import { countWords, summarize } from "./text.ts";

/**
 * What the build needs to know of a source file, read once: its front
 * matter, and what is drawn from its body (word count, opening, images).
 * The body itself is not kept: it is cut from the file's bytes again when
 * its page is rendered (./sources.ts `body`).
 */
export interface SourceFacts {
  /** SHA-1 of the file's text: what caches keyed by content (the search index) compare. */
  digest: string;
  data: Record<string, unknown>;
  wordCount: number;
  /** The body's opening as plain text; only read when the front matter has no description. */
  opening: string;
  images: ImageReference[];
  /** 1-based line where the body starts, to point at an image's line. */
  bodyLine: number;
}

/** The `digest` of a source: the SHA-1 of its bytes. */
export function sourceDigest(bytes: Buffer): string {
  return createHash("sha1").update(bytes).digest("hex");
}

/** The facts of a source's text, and its body (problems said in `language`). */
export function readSource(
  text: string,
  renderInline: (markdown: string) => string,
  digest = sourceDigest(Buffer.from(text, "utf8")),
  language?: Language,
): { facts: SourceFacts; body: string } {
  const { data, body, bodyLine } = parseSource(text, language);
  const facts: SourceFacts = {
    digest,
    data,
    wordCount: countWords(body),
    opening: typeof data.description === "string" ? "" : summarize(body, renderInline),
    images: findImageReferences(body),
    bodyLine,
  };
  return { facts, body };
}
