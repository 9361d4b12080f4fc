/**
 * Synthetic French blog content for the benchmark: N posts and 3 pages,
 * deterministic for a given seed (same seed, same bytes).
 */
import * as fr from "./french.ts";

/** mulberry32: a small, fast, seeded PRNG (good enough for test data). */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, count);
  }
}

export interface GeneratedFile {
  /** Path relative to the content folder: `posts/<slug>.md`, `pages/<slug>.md`. */
  path: string;
  text: string;
  words: number;
}

export interface GeneratedSite {
  posts: GeneratedFile[];
  pages: GeneratedFile[];
}

/** Posts are dated between these two days (both long before any run of this benchmark). */
const FIRST_DAY = Date.UTC(2018, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY = 86_400_000;

/** ASCII slug of a French title: lowercase words joined by dashes, at most `maxWords`. */
export function asciiSlug(text: string, maxWords = 7): string {
  return text
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, " ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join("-");
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** Words, not Markdown markers (`##`, `-`, `1.`, `>`). */
const countWords = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const yamlString = (s: string) => JSON.stringify(s);

class Writer {
  constructor(
    readonly random: Random,
    /** Slugs of all posts, for internal links. */
    readonly slugs: readonly string[],
    /** Index of the post being written (never linked to itself), or -1. */
    readonly self: number,
  ) {}

  sentence(): string {
    const r = this.random;
    if (r.chance(0.2)) return r.pick(fr.STANDALONE);
    let subject: string = r.pick(fr.SUBJECTS);
    let verb: string = r.pick(fr.VERBS);
    let complement: string = r.pick(fr.COMPLEMENTS);
    // Two draws, the second only when the first misses: one word in bold,
    // or else (sometimes) one in italics.
    const bold = r.chance(0.15);
    if (bold) verb = `**${verb}**`;
    else if (r.chance(0.15)) complement = `*${complement}*`;
    const connector = r.chance(0.35) ? r.pick(fr.CONNECTORS) : "";
    if (connector) subject = lowerFirst(subject);
    let text = `${connector}${subject} ${verb} ${complement}`;
    if (r.chance(0.1)) text += ` (${this.link()})`;
    return `${text}.`;
  }

  link(): string {
    const r = this.random;
    const others = this.slugs.length - (this.self >= 0 ? 1 : 0);
    if (others > 0 && r.chance(0.6)) {
      let i = r.int(0, others - 1);
      if (this.self >= 0 && i >= this.self) i++;
      return `[${r.pick(fr.LINK_TEXTS)}](/billets/${this.slugs[i]}/)`;
    }
    const site = r.pick(fr.EXTERNAL_SITES);
    return `[${r.pick(fr.EXTERNAL_TEXTS)}](${site}${asciiSlug(r.pick(fr.TITLE_THEMES), 4)}.html)`;
  }

  paragraph(): string {
    const count = this.random.int(3, 6);
    return Array.from({ length: count }, () => this.sentence()).join(" ");
  }

  bulletList(): string {
    const r = this.random;
    const labels = r.sample(fr.LIST_LABELS, r.int(3, 5));
    return labels
      .map((label) => `- **${label}** : ${r.pick(fr.LIST_TEXTS)} ;`)
      .join("\n")
      .replace(/ ;$/, ".");
  }

  numberedList(): string {
    const r = this.random;
    return r
      .sample(fr.STEPS, r.int(3, 5))
      .map((step, i) => `${i + 1}. ${step}.`)
      .join("\n");
  }

  quote(): string {
    return `> ${this.random.pick(fr.QUOTES)}`;
  }

  /** A body of `target` words or a little more (at most one block more). */
  body(target: number): string {
    const r = this.random;
    const blocks: string[] = [];
    let words = 0;
    const add = (...parts: string[]) => {
      for (const part of parts) {
        blocks.push(part);
        words += countWords(part);
      }
    };
    add(this.paragraph());
    if (r.chance(0.5)) add(this.paragraph());
    const headings = r.sample(fr.HEADINGS, fr.HEADINGS.length);
    let section = 0;
    // Each step adds one block (a heading always with its first paragraph),
    // and the body stops as soon as it is long enough.
    const steps: Array<() => void> = [
      () => add(`## ${headings[section++ % headings.length]}`, this.paragraph()),
      () => r.chance(0.4) && add(this.bulletList()),
      () => r.chance(0.35) && add(`### ${r.pick(fr.SUBHEADINGS)}`, this.paragraph()),
      () => r.chance(0.25) && add(this.numberedList()),
      () => r.chance(0.2) && add(this.quote()),
      () => r.chance(0.6) && add(this.paragraph()),
    ];
    for (let i = 0; words < target; i++) steps[i % steps.length]!();
    if (r.chance(0.5)) add(`Pour aller plus loin : ${this.link()} et ${this.link()}.`);
    return blocks.join("\n\n") + "\n";
  }
}

function title(random: Random): string {
  return `${random.pick(fr.TITLE_OPENINGS)} ${random.pick(fr.TITLE_THEMES)}`;
}

function description(random: Random): string {
  const w = new Writer(random, [], -1);
  let text = w.sentence().replace(/\*|\[|\]\([^)]*\)/g, "");
  if (random.chance(0.5)) text += ` ${random.pick(fr.STANDALONE)}`;
  return text.length <= 300 ? text : `${text.slice(0, 297)}…`;
}

/** Generates `count` posts and 3 pages. */
export function generateSite(count: number, seed: number): GeneratedSite {
  const random = new Random(seed);
  const titles = Array.from({ length: count }, () => title(random));
  // The index keeps slugs unique however many posts share a title.
  const slugs = titles.map((t, i) => `${asciiSlug(t, 6)}-${i + 1}`);

  const posts = titles.map((postTitle, i): GeneratedFile => {
    const slug = slugs[i]!;
    const date = FIRST_DAY + random.int(0, (LAST_DAY - FIRST_DAY) / DAY) * DAY;
    const lines = [
      "---",
      `title: ${yamlString(capitalize(postTitle))}`,
      `date: ${isoDay(date)}`,
      `category: ${random.pick(fr.CATEGORIES)}`,
      `tags: [${random.sample(fr.TAGS, random.int(2, 4)).map(yamlString).join(", ")}]`,
    ];
    if (random.chance(0.5)) lines.push(`description: ${yamlString(description(random))}`);
    if (random.chance(0.1)) lines.push(`updated: ${isoDay(Math.min(date + random.int(1, 200) * DAY, LAST_DAY))}`);
    lines.push("---", "");
    const body = new Writer(random, slugs, i).body(random.int(400, 780));
    return { path: `posts/${slug}.md`, text: `${lines.join("\n")}\n${body}`, words: countWords(body) };
  });

  const pageTitles: Array<[string, string]> = [
    ["a-propos", "À propos de ce carnet"],
    ["colophon", "Colophon"],
    ["ressources", "Ressources et lectures"],
  ];
  const pages = pageTitles.map(([slug, pageTitle]): GeneratedFile => {
    const body = new Writer(random, slugs, -1).body(random.int(200, 400));
    return {
      path: `pages/${slug}.md`,
      text: `---\ntitle: ${yamlString(pageTitle)}\n---\n\n${body}`,
      words: countWords(body),
    };
  });

  return { posts, pages };
}
