/**
 * Hostile input, through every entry point an author runs: `npm run check`,
 * `npm run build` and `npm run import:wordpress`, each a child process under
 * a time and a memory cap (./harness.ts), on a small site written for one
 * input. For each input:
 * - it succeeds, or fails with a clear error that names the file;
 * - it never prints a stack trace (no `    at ` lines, no Node `Error:`);
 * - after a failure, `_site` is as the last good build left it, and no
 *   command changes the author's `content/` except the import, on success.
 *
 * `CASES` pass today. `PENDING` fail today (their fixes are under way
 * elsewhere); each runs with `it.fails`, so the suite stays green and turns
 * red the moment one is fixed: then it moves to `CASES`.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubStandIn, giscusDiscussion, type StandIn } from "../helpers/github-stand-in.ts";
import { post, removeSite, ROOT, SMALL_CONFIG, writeSite, type BuiltSite } from "../helpers/project.ts";
import {
  complaints,
  excerpt,
  folderHash,
  LIMITS,
  runEntryPoint,
  writePreviousBuild,
  type EntryPoint,
  type Limits,
  type Run,
} from "./harness.ts";

type Site = BuiltSite & { config: string };

interface Case {
  name: string;
  /** The commands run on this input, each on a fresh copy of the site. */
  entries: EntryPoint[];
  /** Files under content/ (`posts/a.md`), as text or bytes. */
  files?: Record<string, string | Buffer>;
  /** site.config.ts, when not the small default (`npm run check` reads the project's own). */
  config?: Record<string, unknown>;
  /** Anything files cannot say: links, folders, a comment snapshot. */
  setup?: (site: Site) => Promise<void>;
  /** Arguments of the command (the export file for the import, relative to the site's folder). */
  args?: string[];
  env?: (site: Site) => Record<string, string | undefined>;
  outcome: "success" | "error" | "either";
  /** What the output must name: the file at fault (for a success, a warning's file). */
  names?: string[];
  maxOutput?: number;
  limits?: Partial<Limits>;
  /** What else must hold after the run. */
  after?: (site: Site, run: Run) => void | Promise<void>;
}

const FIXTURES = path.join(ROOT, "test/fixtures/wordpress");
/** Real exports from WordPress's importer tests, kept beside the project (not part of it: GPL-2.0). */
const REAL_EXPORTS = path.resolve(ROOT, "../shared/fixtures/wxr");
const HAS_REAL_EXPORTS = existsSync(REAL_EXPORTS);
if (!HAS_REAL_EXPORTS) {
  if (process.env.CI === "true")
    throw new Error(`${REAL_EXPORTS}: found no folder, expected the real WordPress exports`);
  console.warn(`[test] ${REAL_EXPORTS} is missing: the real WordPress exports are not imported`);
}

const good = (fields: Record<string, unknown> = {}, body?: string) =>
  post({ title: "Un billet ordinaire", date: "2024-03-01", category: "opinion", ...fields }, body);

/** Front matter whose value is tiny as YAML and 9⁹ strings once its aliases are followed. */
function aliasBomb(): string {
  const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return `---\n${lines.join("\n")}\ntitle: *a8\ndate: 2024-03-01\ncategory: opinion\n---\n\nTexte.\n`;
}

/** Bytes that are no text at all: a fixed pseudo-random sequence with NULs. */
function junk(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x2545f491;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/** A minimal WordPress export (WXR 1.2) with one post, `doctype` and `title` as given. */
function wxr({ doctype = "", title = "Un billet importé", body = "<p>Du texte.</p>" } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${doctype}
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Vieux blog</title>
  <link>https://vieux.example</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>https://vieux.example</wp:base_site_url>
  <wp:base_blog_url>https://vieux.example</wp:base_blog_url>
  <item>
    <title>${title}</title>
    <link>https://vieux.example/2020/01/un-billet/</link>
    <dc:creator><![CDATA[admin]]></dc:creator>
    <content:encoded>${body}</content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>1</wp:post_id>
    <wp:post_date>2020-01-15 10:00:00</wp:post_date>
    <wp:post_date_gmt>2020-01-15 09:00:00</wp:post_date_gmt>
    <wp:post_name>un-billet</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <category domain="category" nicename="opinion"><![CDATA[Opinion]]></category>
  </item>
</channel>
</rss>
`;
}

const SECRET = "SECRET-DU-SERVEUR-4242";

/** Every file under a folder, by path relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A tag page's links to posts, by address. */
async function postLinks(site: Site, page: string): Promise<string[]> {
  const html = await readFile(path.join(site.output, page), "utf8");
  return [...html.matchAll(/<li><time[^>]*>.*?<\/time>\s*<a href="(\/billets\/[^"]+)"/g)].map((match) => match[1]!);
}

/** The comment snapshot of a small site whose posts have threads on the GitHub stand-in. */
const COMMENTS_CONFIG = {
  ...SMALL_CONFIG,
  comments: {
    repo: "elise-marchal/carnet",
    repoId: "R_kgDOstandin",
    category: "Commentaires",
    categoryId: "DIC_kwDOcomments",
  },
};
const COMMENTED = {
  "posts/premier.md": post({ title: "Premier billet", date: "2024-01-10", category: "opinion" }),
};
let github: StandIn;
let snapshot = "";
const SNAPSHOT = ".cache/comments/snapshot.json";
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

async function writeSnapshot(site: Site, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(site.dir, SNAPSHOT)), { recursive: true });
  await writeFile(path.join(site.dir, SNAPSHOT), text);
}

/** The snapshot with one discussion's comments turned into something else than a list. */
function wrongTypeSnapshot(): string {
  const data = JSON.parse(snapshot) as { discussions: Record<string, Record<string, unknown>> };
  const [id] = Object.keys(data.discussions);
  const discussion = data.discussions[id!]!;
  for (const key of Object.keys(discussion)) {
    if (Array.isArray(discussion[key]) || (discussion[key] && typeof discussion[key] === "object")) {
      discussion[key] = 42;
    }
  }
  return JSON.stringify(data);
}

const withGitHub = () => ({ GITHUB_TOKEN: github.token, GITHUB_GRAPHQL_URL: github.url, GITHUB_TIMEOUT: "2" });

const SYMLINK_LOOP: Pick<Case, "files" | "setup" | "outcome" | "after"> = {
  files: { "posts/ordinaire.md": good() },
  setup: async (site) => {
    await symlink("..", path.join(site.dir, "content/posts/boucle"));
    await symlink("boucle-b", path.join(site.dir, "content/posts/boucle-a"));
    await symlink("boucle-a", path.join(site.dir, "content/posts/boucle-b"));
  },
  outcome: "either",
  after: (_site, run) => {
    // Followed once at most: a loop is not a tree of copies.
    expect(run.output).not.toContain("boucle/posts/boucle");
  },
};

/** Two tags of one post that give one address. */
const COLLIDING_TAGS: Pick<Case, "files" | "outcome" | "names"> = {
  files: { "posts/ete.md": good({ title: "L’été", tags: ["Été", "ete"] }) },
  outcome: "either",
  names: ["posts/ete.md"],
};

const CASES: Case[] = [
  {
    name: "an ordinary post (the harness itself)",
    entries: ["check", "build"],
    files: { "posts/ordinaire.md": good() },
    outcome: "success",
    after: async (site, run) => {
      if (run.entry === "build") expect(await listFiles(site.output)).toContain("billets/ordinaire/index.html");
    },
  },
  {
    name: "an empty file",
    entries: ["check", "build"],
    files: { "posts/ordinaire.md": good(), "posts/vide.md": "" },
    outcome: "error",
    names: ["posts/vide.md"],
  },
  {
    name: "a file that begins with a byte-order mark",
    entries: ["check", "build"],
    files: { "posts/bom.md": `\ufeff${good({ title: "Avec une marque d’ordre" })}` },
    outcome: "success",
    after: async (site, run) => {
      if (run.entry !== "build") return;
      const html = await readFile(path.join(site.output, "billets/bom/index.html"), "utf8");
      expect(html).toContain("Avec une marque d’ordre");
    },
  },
  {
    name: "Windows line ends (CRLF)",
    entries: ["check", "build"],
    files: { "posts/crlf.md": good({ title: "Fins de ligne" }, "Un.\n\nDeux.").replace(/\n/g, "\r\n") },
    outcome: "success",
    after: async (site, run) => {
      if (run.entry !== "build") return;
      const html = await readFile(path.join(site.output, "billets/crlf/index.html"), "utf8");
      expect(html).toContain("<title>Fins de ligne");
      expect(html).not.toContain("\r");
    },
  },
  {
    name: "binary junk in a post",
    entries: ["check", "build"],
    files: { "posts/ordinaire.md": good(), "posts/binaire.md": junk(4096) },
    outcome: "error",
    names: ["posts/binaire.md"],
  },
  {
    name: "a directory named like a post",
    entries: ["check", "build"],
    files: { "posts/ordinaire.md": good() },
    setup: async (site) => {
      await mkdir(path.join(site.dir, "content/posts/dossier.md/sous-dossier"), { recursive: true });
    },
    outcome: "either",
    names: ["posts/dossier.md"],
  },
  {
    name: "a post whose category is named like a member of Object.prototype",
    entries: ["check", "build"],
    files: { "posts/proto.md": good({ category: "toString" }) },
    outcome: "error",
    names: ["posts/proto.md"],
    after: (_site, run) => {
      expect(run.output).not.toMatch(/\[native code\]|\[object Object\]/);
    },
  },
  {
    name: "a post whose author is named like a member of Object.prototype",
    entries: ["check", "build"],
    files: { "posts/proto.md": good({ author: "constructor" }) },
    outcome: "error",
    names: ["posts/proto.md"],
    after: (_site, run) => {
      expect(run.output).not.toMatch(/\[native code\]|\[object Object\]/);
    },
  },
  {
    name: "two tags of one post whose slugs collide",
    entries: ["check"],
    ...COLLIDING_TAGS,
  },
  {
    name: "an export cut short in the middle of a post",
    entries: ["import"],
    setup: async (site) => {
      const full = await readFile(path.join(FIXTURES, "carnet-export.xml"), "utf8");
      await writeFile(path.join(site.dir, "coupe.xml"), full.slice(0, Math.floor(full.length * 0.6)));
    },
    args: ["coupe.xml"],
    outcome: "error",
    names: ["coupe.xml"],
  },
  {
    name: "an export with an XML entity bomb (billion laughs)",
    entries: ["import"],
    setup: async (site) => {
      const entities = ['<!ENTITY lol "lol">'];
      for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
      const doctype = `<!DOCTYPE rss [\n${entities.join("\n")}\n]>`;
      await writeFile(path.join(site.dir, "bombe.xml"), wxr({ doctype, title: "&lol9;" }));
    },
    args: ["bombe.xml"],
    outcome: "either",
    names: ["bombe.xml"],
    maxOutput: 20_000,
  },
  {
    name: "an export with an external entity pointing at a local file",
    entries: ["import"],
    setup: async (site) => {
      await writeFile(path.join(site.dir, "secret.txt"), SECRET);
      const doctype = `<!DOCTYPE rss [<!ENTITY secret SYSTEM "file://${path.join(site.dir, "secret.txt")}">]>`;
      await writeFile(path.join(site.dir, "externe.xml"), wxr({ doctype, body: "<p>&secret;</p>" }));
    },
    args: ["externe.xml"],
    outcome: "either",
    names: ["externe.xml"],
    after: async (site, run) => {
      expect(run.output).not.toContain(SECRET);
      for (const file of await listFiles(path.join(site.dir, "content"))) {
        expect(await readFile(path.join(site.dir, "content", file), "utf8")).not.toContain(SECRET);
      }
    },
  },
  {
    name: "an export that is not XML at all (binary junk)",
    entries: ["import"],
    setup: async (site) => writeFile(path.join(site.dir, "junk.xml"), junk(8192)),
    args: ["junk.xml"],
    outcome: "error",
    names: ["junk.xml"],
  },
  {
    name: "an empty export file",
    entries: ["import"],
    setup: async (site) => writeFile(path.join(site.dir, "vide.xml"), ""),
    args: ["vide.xml"],
    outcome: "error",
    names: ["vide.xml"],
  },
  ...(HAS_REAL_EXPORTS
    ? ["small-export.xml", "valid-wxr-1.1.xml", "wxr-comprehensive.xml", "wxr-utf-8-challenges.xml"]
    : []
  ).map((file): Case => ({
    name: `a real WordPress export (${file}), imported then built`,
    entries: ["import"],
    args: [path.join(REAL_EXPORTS, file)],
    outcome: "success",
    after: async (site) => {
      // Hard line breaks are backslashes: an editor that trims trailing spaces cannot lose them.
      for (const file of (await listFiles(path.join(site.dir, "content"))).filter((f) => f.endsWith(".md"))) {
        const text = await readFile(path.join(site.dir, "content", file), "utf8");
        expect(
          text.split("\n").filter((line) => / $/.test(line)),
          file,
        ).toEqual([]);
      }
      const build = await runEntryPoint("build", site.dir);
      expect(complaints(build, { outcome: "success", names: [] }), excerpt(build)).toEqual([]);
      expect((await listFiles(site.output)).filter((f) => f.startsWith("billets/")).length).toBeGreaterThan(0);
    },
  })),
  {
    name: "a huge front matter (a 2 MB description)",
    entries: ["check", "build"],
    files: { "posts/enorme.md": good({ description: "Très long. ".repeat(200_000) }) },
    outcome: "error",
    names: ["posts/enorme.md"],
    // The problem shows the start of the value, not 2 MB of it.
    maxOutput: 20_000,
  },
  {
    name: "binary junk after a valid front matter",
    entries: ["check", "build"],
    files: { "posts/ordinaire.md": good(), "posts/binaire.md": Buffer.concat([Buffer.from(good()), junk(4096)]) },
    outcome: "error",
    names: ["posts/binaire.md"],
  },
  {
    name: "a page at the address of a tag page",
    entries: ["check", "build"],
    files: {
      "posts/ordinaire.md": good({ tags: ["voyage"] }),
      "pages/intrus.md": post({ title: "Intrus", permalink: "/etiquettes/voyage/" }),
    },
    outcome: "error",
    names: ["pages/intrus.md"],
  },
  {
    name: "a page at the address of the 404 page",
    entries: ["check", "build"],
    files: { "posts/ordinaire.md": good(), "pages/intrus.md": post({ title: "Intrus", permalink: "/404.html" }) },
    outcome: "error",
    names: ["pages/intrus.md"],
  },
  {
    name: "a YAML alias bomb in a front matter",
    entries: ["check", "build"],
    files: { "posts/bombe.md": aliasBomb() },
    outcome: "error",
    names: ["posts/bombe.md"],
    limits: { timeoutMs: 30_000 },
  },
  {
    name: "a post in Latin-1, not UTF-8",
    entries: ["check", "build"],
    files: {
      "posts/latin1.md": Buffer.from(good({ title: "Été à Sélestat" }, "Un café, déjà ?"), "latin1"),
    },
    outcome: "error",
    names: ["posts/latin1.md"],
  },
  {
    name: "front matter keys named like members of Object.prototype",
    entries: ["check", "build"],
    files: { "posts/proto.md": `${good().replace("\n---\n", "\nconstructor: 1\ntoString: 2\n__proto__: 3\n---\n")}` },
    outcome: "error",
    names: ["posts/proto.md"],
    after: (_site, run) => {
      expect(run.output).not.toMatch(/\[native code\]|\[object Object\]/);
    },
  },
  {
    name: "tags, a category and a slug named like members of Object.prototype",
    entries: ["check", "build"],
    files: {
      "categories.yaml": "constructor:\n  name: Constructeur\n",
      "posts/proto.md": good({
        category: "constructor",
        tags: ["constructor", "__proto__", "toString"],
        slug: "constructor",
      }),
      "posts/autre.md": good({ title: "Un autre", category: "constructor", tags: ["hasOwnProperty"] }),
    },
    outcome: "success",
    after: async (site, run) => {
      expect(run.output).not.toMatch(/\[native code\]|\[object Object\]/);
      if (run.entry !== "build") return;
      const files = await listFiles(site.output);
      for (const page of [
        "billets/constructor/index.html",
        "categories/constructor/index.html",
        "etiquettes/proto/index.html",
        "etiquettes/constructor/index.html",
        "etiquettes/tostring/index.html",
        "etiquettes/hasownproperty/index.html",
      ])
        expect(files).toContain(page);
      const html = await readFile(path.join(site.output, "categories/constructor/index.html"), "utf8");
      expect(html).toContain("Constructeur");
    },
  },
  {
    name: "two tags of one post whose slugs collide",
    entries: ["build"],
    ...COLLIDING_TAGS,
    after: async (site, run) => {
      if (run.entry !== "build") return;
      if (run.code !== 0) {
        expect(run.output).toMatch(/Été/);
        expect(run.output).toMatch(/"ete"|« ete »|\bete\b/);
      } else {
        expect(await postLinks(site, "etiquettes/ete/index.html")).toEqual(["/billets/ete/"]);
      }
    },
  },
  {
    name: "a navigation link that a browser resolves to another host",
    entries: ["build"],
    config: { ...SMALL_CONFIG, navigation: [{ label: "Ailleurs", url: "/\\evil.example/" }] },
    files: { "posts/ordinaire.md": good() },
    outcome: "error",
    names: ["site.config.ts", "navigation[0].url"],
  },
  {
    name: "a contactSuccessUrl that a browser resolves to another host",
    entries: ["build"],
    config: { ...SMALL_CONFIG, contactSuccessUrl: "/\t/evil.example/" },
    files: { "posts/ordinaire.md": good() },
    outcome: "error",
    names: ["site.config.ts", "contactSuccessUrl"],
  },
  {
    name: "an author link that a browser resolves to another host",
    entries: ["build"],
    config: {
      ...SMALL_CONFIG,
      authors: { claire: { name: "Claire Dupont", links: [{ label: "Moi", url: "/\\/evil.example" }] } },
    },
    files: { "posts/ordinaire.md": good() },
    outcome: "error",
    names: ["site.config.ts", "authors.claire.links[0].url"],
  },
  {
    name: "a page permalink with dot segments",
    entries: ["check", "build"],
    files: {
      "posts/ordinaire.md": good(),
      "pages/points.md": post({ title: "Points", permalink: "/a/../../hors-du-site/" }),
    },
    outcome: "error",
    names: ["pages/points.md"],
    after: async (site) => {
      expect(await readdir(site.dir)).not.toContain("hors-du-site");
    },
  },
  {
    name: "a comment snapshot cut short",
    entries: ["build"],
    config: COMMENTS_CONFIG,
    files: COMMENTED,
    setup: (site) => writeSnapshot(site, snapshot.slice(0, Math.floor(snapshot.length / 2))),
    outcome: "success",
    names: ["snapshot.json"],
  },
  {
    name: "a comment snapshot with a field of the wrong type",
    entries: ["build"],
    config: COMMENTS_CONFIG,
    files: COMMENTED,
    setup: (site) => writeSnapshot(site, wrongTypeSnapshot()),
    env: withGitHub,
    outcome: "success",
    names: ["snapshot.json"],
    after: async (site, run) => {
      if (run.code !== 0) return;
      const html = await readFile(path.join(site.output, "billets/premier/index.html"), "utf8");
      expect(html).toContain("Un commentaire du stand-in.");
    },
  },
  {
    name: "a comment snapshot that is not JSON",
    entries: ["build"],
    config: COMMENTS_CONFIG,
    files: COMMENTED,
    setup: (site) => writeSnapshot(site, "\u0000\u0001 pas du JSON"),
    // GitHub does not answer: the build says what it kept.
    env: () => ({ ...withGitHub(), GITHUB_GRAPHQL_URL: "http://127.0.0.1:9/graphql", GITHUB_TIMEOUT: "1" }),
    outcome: "success",
    names: ["snapshot.json"],
    after: (_site, run) => {
      expect(run.output).toContain("Commentaires\u00A0: l’instantané n’a pas pu être mis à jour depuis GitHub");
      expect(run.output).not.toContain("Il n’y a pas d’instantané plus ancien");
    },
  },
  {
    name: "an image whose address has a malformed percent-escape",
    entries: ["check", "build"],
    files: {
      "posts/ordinaire.md": good(),
      "posts/image.md": good({ title: "Une image" }, "![Une vue](./vue-%E0%A4.png)"),
    },
    outcome: "error",
    names: ["posts/image.md"],
  },
  {
    name: "a symbolic link loop in the content folder",
    entries: ["check", "build"],
    ...SYMLINK_LOOP,
  },
];

const PENDING: Case[] = [];

/** Writes the case's site, runs one command on it, and returns what an author would object to. */
async function attempt(entry: EntryPoint, spec: Case): Promise<{ problems: string[]; run: Run; site: Site }> {
  const site = await writeSite({ config: spec.config ?? SMALL_CONFIG, files: spec.files ?? {} });
  try {
    await spec.setup?.(site);
    await writePreviousBuild(site.output);
    const content = path.join(site.dir, "content");
    const before = { site: await folderHash(site.output), content: await folderHash(content) };
    const run = await runEntryPoint(entry, site.dir, {
      args: spec.args?.map((arg) => (path.isAbsolute(arg) ? arg : path.join(site.dir, arg))),
      env: spec.env?.(site),
      limits: { ...LIMITS, ...spec.limits },
    });
    const problems = complaints(run, { outcome: spec.outcome, names: spec.names ?? [], maxOutput: spec.maxOutput });
    const after = { site: await folderHash(site.output), content: await folderHash(content) };
    const failed = run.code !== 0;
    if ((failed || entry !== "build") && after.site !== before.site)
      problems.push(`${entry}: _site changed${failed ? " after a failure" : ", though this command does not build"}`);
    if ((failed || entry !== "import") && after.content !== before.content)
      problems.push(`${entry}: content/ changed${failed ? " after a failure" : ""}`);
    if (problems.length === 0 && spec.after) {
      try {
        await spec.after(site, run);
      } catch (error) {
        problems.push(`${entry}: ${(error as Error).message.split("\n")[0]}`);
      }
    }
    return { problems, run, site };
  } catch (error) {
    await removeSite(site);
    throw error;
  }
}

async function expectBehaves(entry: EntryPoint, spec: Case): Promise<void> {
  const { problems, run, site } = await attempt(entry, spec);
  // HOSTILE_VERBOSE=1 prints what each run objected to and what it printed (the pending cases' state).
  if (process.env.HOSTILE_VERBOSE && problems.length > 0)
    console.log(`--- ${entry}: ${spec.name}\n${problems.join("\n")}\n${excerpt(run, 600)}\n`);
  try {
    expect(problems, `${spec.name}\n${excerpt(run)}`).toEqual([]);
  } finally {
    await removeSite(site);
  }
}

/** At most this many commands at once: each case is a process of its own, and the machine is shared. */
const AT_ONCE = 3;
let running = 0;
const waiting: Array<() => void> = [];
async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  // A finished task hands its turn to the next one waiting.
  if (running >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

// The caps are the harness's, on each process; a test also waits for its turn, hence the test's own long limit.
const timeoutOf = (spec: Case) => (spec.limits?.timeoutMs ?? LIMITS.timeoutMs) * 2 + 600_000;

describe("hostile input", () => {
  beforeAll(async () => {
    // A real snapshot, taken by a build against the GitHub stand-in, for the cases that damage it.
    github = await startGitHubStandIn({
      discussions: [
        giscusDiscussion("premier", sha1("premier"), {
          number: 3,
          createdAt: "2024-01-10T10:00:00Z",
          updatedAt: "2024-02-01T10:00:00Z",
          comments: [
            { author: "lecteur", body: "<p>Un commentaire du stand-in.</p>", createdAt: "2024-01-11T09:00:00Z" },
          ],
        }),
      ],
    });
    const site = await writeSite({ config: COMMENTS_CONFIG, files: COMMENTED });
    try {
      const run = await runEntryPoint("build", site.dir, { env: withGitHub() });
      if (run.code !== 0) throw new Error(`the build that takes the snapshot failed:\n${excerpt(run)}`);
      snapshot = await readFile(path.join(site.dir, SNAPSHOT), "utf8");
      const html = await readFile(path.join(site.output, "billets/premier/index.html"), "utf8");
      if (!html.includes("Un commentaire du stand-in.")) throw new Error("the snapshot's thread is not on the page");
    } finally {
      await removeSite(site);
    }
  });
  afterAll(() => github?.close());

  describe("behaves", () => {
    for (const spec of CASES) {
      for (const entry of spec.entries) {
        it.concurrent(`${entry}: ${spec.name}`, () => inTurn(() => expectBehaves(entry, spec)), timeoutOf(spec));
      }
    }
  });

  // Inputs not handled yet, if any: expected to fail, so the day one is fixed the suite says so.
  if (PENDING.length > 0)
    describe("pending: fails today", () => {
      for (const spec of PENDING) {
        for (const entry of spec.entries) {
          it.concurrent.fails(
            `${entry}: ${spec.name}`,
            () => inTurn(() => expectBehaves(entry, spec)),
            timeoutOf(spec),
          );
        }
      }
    });

  it("catches what it is meant to catch: a stack trace, a changed _site, a file not named", async () => {
    const { complaints: judge, stackTraceLine } = await import("./harness.ts");
    const crash: Run = {
      entry: "build",
      code: 1,
      signal: null,
      timedOut: false,
      stdout: "",
      stderr: "TypeError: Cannot read properties of undefined\n    at render (file:///x.ts:1:1)",
      output: "TypeError: Cannot read properties of undefined\n    at render (file:///x.ts:1:1)",
      ms: 10,
    };
    expect(stackTraceLine(crash.output)).toBe("TypeError: Cannot read properties of undefined");
    expect(judge(crash, { outcome: "error", names: ["posts/a.md"] })).toEqual([
      "build (exit 1, 10 ms): the output does not name posts/a.md",
      "build (exit 1, 10 ms): a stack trace: TypeError: Cannot read properties of undefined",
    ]);
    const clean: Run = { ...crash, stderr: "content/posts/a.md: title: found nothing, expected a title", stdout: "" };
    clean.output = clean.stderr;
    expect(judge(clean, { outcome: "error", names: ["posts/a.md"] })).toEqual([]);
    expect(judge({ ...clean, code: 0 }, { outcome: "error", names: [] })).toEqual([
      "build (exit 0, 10 ms): succeeded, expected an error",
    ]);
    expect(
      judge({ ...clean, code: null, signal: "SIGKILL", timedOut: true }, { outcome: "either", names: [] }),
    ).toEqual(["build (exit SIGKILL, 10 ms): still running after the time cap, killed"]);
    const eleventy =
      "[11ty] Problem writing Eleventy templates:\n[11ty] x is not a function (via TypeError)\n[11ty]     at f (/a.ts:1:1)";
    expect(stackTraceLine(eleventy)).toBe("[11ty]     at f (/a.ts:1:1)");
    const site = await writeSite({ files: {} });
    try {
      await writePreviousBuild(site.output);
      const before = await folderHash(site.output);
      await rm(path.join(site.output, "billets"), { recursive: true });
      expect(await folderHash(site.output)).not.toBe(before);
    } finally {
      await removeSite(site);
    }
  });
});
