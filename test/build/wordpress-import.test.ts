/**
 * `npm run import:wordpress`, as a blogger runs it on their export: the
 * imported site builds with Billet, passes the output checks, keeps every
 * approved comment as an archived thread, answers at the old addresses, and
 * never publishes a commenter's e-mail or IP address.
 */
import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSource } from "../../plugins/content/frontmatter.ts";
import { brokenReferences, htmlErrors, parsedPages } from "../helpers/checks.ts";
import { htmlPages, listFiles, parsePage, text } from "../helpers/html.ts";
import { french } from "../helpers/french.ts";
import { takeWarnings } from "../helpers/build-log.ts";
import { removeSite, ROOT, runEleventy, tempDir, writeSite, type BuiltSite } from "../helpers/project.ts";
import { serveSite, type RunningServer } from "../helpers/static-server.ts";

const execFileAsync = promisify(execFile);
const FIXTURES = path.join(ROOT, "test/fixtures/wordpress");
const EXPORT = path.join(FIXTURES, "carnet-export.xml");
const UPLOADS = path.join(FIXTURES, "uploads");
const ORIGIN = "https://carnet.example";

const CONFIG = {
  title: "Le carnet",
  url: ORIGIN,
  language: "fr",
  timeZone: "Europe/Paris",
  authors: { marie: { name: "Marie Schaller" }, paul: { name: "Paul K." } },
  categories: { opinion: { name: "Opinion" }, pratique: { name: "Pratique" } },
};

/**
 * A site just moved from WordPress has its archived comments and no giscus
 * yet: its build says so, once, and names what to fill in.
 */
function expectWidgetOff(): void {
  expect(takeWarnings()).toEqual([
    expect.stringMatching(
      /^\[billet\] Commentaires\u00A0: le widget giscus est éteint, car site\.config\.ts ne donne pas comments\.repo .*\u202F; les billets ne montrent que leurs commentaires archivés et gardés\./,
    ),
  ]);
}

const AUTHOR_REDIRECTS = "# Mes redirections\n/ancienne-page  /a-propos/  301\n";
const AUTHOR_CATEGORIES = "# Mes catégories, écrites à la main\nrandonnee:\n  name: Randonnée\n";

type Site = BuiltSite & { config: string };

async function importWordPress(
  site: Site,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(ROOT, "scripts/import-wordpress.ts"),
        ...args,
        "--out",
        path.join(site.dir, "content"),
        "--config",
        path.join(site.dir, "site.config.ts"),
      ],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const content = (site: Site, file: string) => readFile(path.join(site.dir, "content", file), "utf8");

async function frontMatter(site: Site, file: string): Promise<Record<string, unknown>> {
  return parseSource(await content(site, file)).data;
}

interface Archived {
  id: string;
  author: { name: string; url?: string };
  date: string;
  body: string;
  parent?: string;
  byPostAuthor?: boolean;
}

async function archived(site: Site, file: string): Promise<Archived[]> {
  return yaml.load(await content(site, file), { schema: yaml.CORE_SCHEMA }) as Archived[];
}

/** Every e-mail and IP address the export holds for authors and commenters. */
async function privateValues(): Promise<string[]> {
  const xml = await readFile(EXPORT, "utf8");
  const values = [
    ...xml.matchAll(/<wp:(?:comment_author_email|author_email|comment_author_IP)>(?:<!\[CDATA\[)?([^<\]]+)/g),
  ].map((m) => m[1]!.trim());
  return [...new Set(values.filter(Boolean))];
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await listFiles(dir)).map((file) => path.join(dir, file));
}

describe("importing a WordPress export into a Billet site", () => {
  let site: Site;
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    site = await writeSite({
      config: CONFIG,
      files: { _redirects: AUTHOR_REDIRECTS, "categories.yaml": AUTHOR_CATEGORIES },
    });
    run = await importWordPress(site, EXPORT, "--uploads", UPLOADS);
    await runEleventy(site.config);
    expectWidgetOff();
  });
  afterAll(() => removeSite(site));

  it("prints a summary table, then warnings naming each post", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = run.stdout;
    // The site is French: so is the summary (the warnings and notes stay as the importer words them).
    expect(out).toContain(french("Import WordPress de « Le carnet de Marie » (carnet-export.xml, WXR 1.2)"));
    expect(out).toMatch(/Billets\s+10\s+5\s+1\s+4\s+0/);
    expect(out).toMatch(/Pages\s+3\s+2\s+0\s+1\s+0/);
    expect(out).toMatch(
      /Commentaires\s+9 archivés\u202F; laissés de côté\u00A0: indésirables 1, en attente 1, à la corbeille 1, pingbacks et trackbacks 1\u202F; 1 réponse répond désormais/,
    );
    expect(out).toMatch(/Images\s+copiées à côté de leur billet\u00A0: 4, laissées à leur ancienne adresse\u00A0: 2/);
    expect(out).toMatch(/posts\/photos-de-famille\.md: « Photos de famille » was protected by a password/);
    expect(out).toMatch(/posts\/notes-privees\.md: « Notes privées » was private/);
    expect(out).toMatch(
      /posts\/tarte-flambee-maison\/index\.md: kept as it was, to convert by hand: \[contact-form-7\], \[tooltip\], <script>/,
    );
    expect(out).toMatch(
      /posts\/le-col-du-donon-a-velo\/index\.md: kept as it was, to convert by hand: block wp:latest-posts/,
    );
    expect(out).toContain("authors: stagiaire (Léon Stagiaire) matches no author of site.config.ts");
    expect(out).toContain('add "stagiaire": { name: "Léon Stagiaire" } to authors in site.config.ts');
    expect(out).toMatch(
      /2 posts had several categories: the primary \(or first\) one is the category, the others became tags/,
    );
    expect(out).toContain('only in « Uncategorized » went to the category "opinion"');
    expect(out).toContain("https://ancien-carnet.example/wp-content/uploads/2020/03/pate.png");
    const warnings = Number(/Avertissements\s+(\d+)/.exec(out)![1]);
    expect(out.split("\nAvertissements\u00A0:\n")[1]!.split("\n\n")[0]!.split("\n")).toHaveLength(warnings);
  });

  it("writes each post with Billet's front matter: exact dates, category, tags, author, state", async () => {
    expect(await frontMatter(site, "posts/strasbourg-sous-la-neige/index.md")).toEqual({
      title: "Strasbourg sous la neige : « un matin d’hiver »",
      date: "2013-01-14T09:30:00+01:00",
      updated: "2013-03-02T10:00:00+01:00",
      slug: "strasbourg-sous-la-neige",
      category: "alsace",
      tags: ["Hiver", "Strasbourg", "Voyages"],
      description:
        "Ce matin, la ville s’est réveillée sous vingt centimètres de neige.\u00a0Les trams roulaient au pas, et les enfants glissaient déjà sur les quais. Une seconde ligne, dans le même paragraphe. Je suis sortie tôt avec mon appareil, avant que tout ne fonde.",
      author: "marie",
    });
    expect(await frontMatter(site, "posts/le-col-du-donon-a-velo/index.md")).toMatchObject({
      date: "2019-07-02T18:05:00+02:00",
      category: "pratique",
      tags: ["Vélo", "漢字", "Voyages"],
      author: "paul",
    });
    expect(await frontMatter(site, "posts/tarte-flambee-maison/index.md")).toMatchObject({
      category: "cuisine",
      description: "La recette de ma grand-mère, en vingt minutes.",
      author: "marie",
      image: "./tarte.png",
      imageAlt: "Une tarte flambée sur sa planche",
    });
    expect(await frontMatter(site, "posts/programme-de-lete.md")).toMatchObject({ date: "2099-06-01T08:00:00+02:00" });
    expect((await frontMatter(site, "posts/programme-de-lete.md")).draft).toBeUndefined();
    expect(await frontMatter(site, "posts/brouillon-idees-de-randonnees.md")).toMatchObject({
      date: "2021-05-01 10:00:00",
      category: "opinion",
      draft: true,
    });
    for (const file of ["billet-en-relecture.md", "photos-de-famille.md", "notes-privees.md"]) {
      expect(await frontMatter(site, `posts/${file}`)).toMatchObject({ draft: true });
    }
    // A title in a script with no Latin transliteration keeps its letters in the address.
    expect(await frontMatter(site, "posts/中文标题.md")).toMatchObject({ title: "中文标题 🎉", slug: "中文标题" });
    expect(await frontMatter(site, "pages/a-propos-mon-parcours.md")).toEqual({
      title: "Mon parcours",
      permalink: "/a-propos/mon-parcours/",
    });
    expect(await frontMatter(site, "pages/page-en-chantier.md")).toMatchObject({ draft: true });
  });

  it("converts the HTML to Markdown a person would have written", async () => {
    const snow = await content(site, "posts/strasbourg-sous-la-neige/index.md");
    expect(snow).toContain("vingt centimètres de neige.\u00a0Les trams");
    expect(snow).toContain(
      "Les trams roulaient au pas, et les enfants glissaient déjà sur les quais.\\\nUne seconde ligne",
    );
    expect(snow).toContain("## Le trajet\n\nDepuis la Krutenau");
    expect(snow).toContain("### Un détail");
    expect(snow).toContain(
      "1. le quai des Bateliers ;\n   - ses péniches figées,\n   - ses cygnes frileux ;\n2. la place du Château.",
    );
    expect(snow).toContain(
      "<figure>\n\n![La cathédrale au lever du jour](./cathedrale-300x200.png)\n\n<figcaption>\n\nLa cathédrale, vers 8 heures\n\n</figcaption>\n\n</figure>",
    );
    expect(snow).toContain("> La neige, c’est de l’eau qui a pris le temps de réfléchir.");
    expect(snow).toContain("[mon récit du col du Donon](/billets/le-col-du-donon-a-velo/)");
    expect(snow).toContain("| Heure | Température |\n| --- | --- |\n| 7 h | −6 °C |");
    expect(snow).toContain('```php\n<?php echo "Bonjour"; ?>\n```');
    expect(snow).not.toContain("<!--more-->");

    const donon = await content(site, "posts/le-col-du-donon-a-velo/index.md");
    expect(donon).not.toMatch(/wp:paragraph|wp:heading|wp:image/);
    expect(donon).toContain("![Au sommet du Donon, 1009 mètres](./col-du-donon.png)");
    expect(donon).toContain("![Le lac Blanc](./lac-blanc.png)");
    expect(donon).toContain(
      "[https://www.youtube.com/watch?v=dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
    );
    expect(donon).toContain("```bash\ngpx-outil --stats donon.gpx\n```");
    expect(donon).toContain("مرحبا بكم في الجبال — 欢迎来到山区 🚴‍♀️");
    expect(donon).toContain("Retrouvez tous mes itinéraires dans la rubrique Voyages.");
    expect(donon).toContain('```wordpress\n<!-- wp:latest-posts {"postsToShow":3} /-->\n```');

    const tart = await content(site, "posts/tarte-flambee-maison/index.md");
    expect(tart).toContain("```python\ndef cuisson(minutes):\n    return minutes > 8\n```");
    expect(tart).toContain('```wordpress\n[contact-form-7 id="42" title="Contact"]\n```');
    expect(tart).toContain('`[tooltip texte="chaud"]très importante[/tooltip]`');
    expect(tart).toContain('```wordpress\n<script>document.write("compteur");</script>\n```');
    expect(tart).toContain("Écrire \\[gallery\\] affiche le code du raccourci. On note aussi \\[sic\\] et \\[1\\].");
    expect(tart).toContain("![Pâte à tarte](https://ancien-carnet.example/wp-content/uploads/2020/03/pate.png)");

    const about = await content(site, "pages/a-propos.md");
    expect(about).toContain("[Strasbourg sous la neige](/billets/strasbourg-sous-la-neige/)");
    expect(about).toContain("[mon parcours](/a-propos/mon-parcours/)");
    expect(about).toContain("[ici](/billets/strasbourg-sous-la-neige/), et l’[accueil](/) reste à sa place.");
    expect(await content(site, "pages/a-propos-mon-parcours.md")).toContain(
      '[trois vélos](#velos) et une infinité de tartes.\n\n## Les débuts\n\nEn 2013, je publiais mon premier billet, au 1<sup>er</sup> étage d’un appartement de la <abbr title="Communauté urbaine de Strasbourg">CUS</abbr>.\n\n<span id="velos"></span>Mes vélos : un biclou, un vélo de route, un vélo cargo.',
    );
  });

  it("builds: every page valid, every internal link and image resolving", async () => {
    const pages = await htmlPages(site.output);
    expect(pages).toEqual(
      expect.arrayContaining([
        "billets/strasbourg-sous-la-neige/index.html",
        "billets/le-col-du-donon-a-velo/index.html",
        "billets/tarte-flambee-maison/index.html",
        "billets/un-billet-sans-categorie/index.html",
        "billets/中文标题/index.html",
        "etiquettes/漢字/index.html",
        "a-propos/index.html",
        "a-propos/mon-parcours/index.html",
        "categories/alsace/index.html",
        "categories/randonnee/index.html".replace("randonnee", "voyages"),
      ]),
    );
    // Drafts and the scheduled post are not published.
    for (const hidden of ["programme-de-lete", "photos-de-famille", "notes-privees", "billet-en-relecture"]) {
      expect(pages).not.toContain(`billets/${hidden}/index.html`);
    }
    const errors = (await Promise.all(pages.map((page) => htmlErrors(site.output, page)))).flat();
    expect(errors).toEqual([]);
    const { broken, checked } = brokenReferences(site.output, await parsedPages(site.output), ORIGIN);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);

    const snow = await parsePage(site.output, "billets/strasbourg-sous-la-neige/index.html");
    expect(text(snow.querySelector("h1"))).toBe("Strasbourg sous la neige\u00a0: «\u00a0un matin d’hiver\u00a0»");
    // Copied uploads are pictures like any image beside a post (the link check above finds their files).
    const figure = snow.querySelector("figure picture img");
    expect(figure?.getAttribute("alt")).toBe("La cathédrale au lever du jour");
    expect(figure?.getAttribute("src")).toMatch(/^\/img\/[\w-]+\.png$/);
    expect(text(snow.querySelector("figure figcaption"))).toBe("La cathédrale, vers 8 heures");
    const donon = await parsePage(site.output, "billets/le-col-du-donon-a-velo/index.html");
    expect(donon.querySelectorAll(".post__body picture")).toHaveLength(2);
  });

  it("archives approved comments beside their post, threads and authors kept", async () => {
    const snow = await archived(site, "posts/strasbourg-sous-la-neige/index.comments.yaml");
    expect(snow.map((c) => [c.id, c.parent ?? null, c.author.name, c.byPostAuthor ?? false])).toEqual([
      ["wp-1001", null, "Jeanne Roth", false],
      ["wp-1002", "wp-1001", "Marie Schaller", true],
      ["wp-1003", "wp-1002", "Jeanne Roth", false],
      ["wp-1004", "wp-1003", "Tomás Ünal", false],
      ["wp-1006", null, "Luc", false],
      ["wp-1010", null, "Paul Kieffer", false],
    ]);
    expect(snow[0]).toEqual({
      id: "wp-1001",
      author: { name: "Jeanne Roth", url: "https://jeanne-roth.example" },
      date: "2013-01-14T11:02:00+01:00",
      body:
        "Magnifique ! J’étais sur le quai ce matin-là, moi aussi.\n\n" +
        "Les photos de la neige sont là : [https://photos.exemple.org/neige-2013](https://photos.exemple.org/neige-2013).",
    });
    expect(snow[3]).toEqual({
      id: "wp-1004",
      author: { name: "Tomás Ünal" },
      date: "2013-01-15T08:05:00+01:00",
      body: "Et moi, le vélo orange ! **Quelle matinée.**",
      parent: "wp-1003",
    });
    expect(snow[2]!.body).toBe("Sûrement : j’avais un bonnet rouge 🧣");
    // Spam, pending, trashed comments and pingbacks are not written.
    const raw = await content(site, "posts/strasbourg-sous-la-neige/index.comments.yaml");
    for (const absent of ["Casino", "attente", "corbeille", "lu ce matin chez Marie"])
      expect(raw).not.toContain(absent);

    // On this post, Paul is the author: his reply is marked, Marie's comment is not.
    const donon = await archived(site, "posts/le-col-du-donon-a-velo/index.comments.yaml");
    expect(donon.map((c) => [c.id, c.parent ?? null, c.byPostAuthor ?? false])).toEqual([
      ["wp-2001", null, false],
      ["wp-2002", "wp-2001", true],
    ]);

    // Only the format's keys, in every file.
    const allowed = new Set(["id", "author", "date", "body", "parent", "byPostAuthor"]);
    const files = (await listFiles(path.join(site.dir, "content"))).filter((f) => f.endsWith(".comments.yaml"));
    expect(files).toEqual([
      "pages/a-propos-mon-parcours.comments.yaml",
      "posts/le-col-du-donon-a-velo/index.comments.yaml",
      "posts/strasbourg-sous-la-neige/index.comments.yaml",
    ]);
    for (const file of files) {
      const comments = await archived(site, file);
      const ids = new Set(comments.map((c) => c.id));
      for (const comment of comments) {
        expect([...Object.keys(comment)].every((key) => allowed.has(key))).toBe(true);
        expect(Object.keys(comment.author).every((key) => key === "name" || key === "url")).toBe(true);
        if (comment.parent) expect(ids.has(comment.parent)).toBe(true);
        expect(typeof comment.date).toBe("string");
      }
    }
  });

  it("shows the archived threads under their posts, replies inside the comment they answer", async () => {
    const page = await parsePage(site.output, "billets/strasbourg-sous-la-neige/index.html");
    const section = page.querySelector("section#commentaires.comments");
    expect(text(section?.querySelector("h2"))).toMatch(/^6 réflexions au sujet de /);
    const comment = (id: string) => section?.querySelector(`[data-comment-id="${id}"]`);
    for (const id of ["wp-1001", "wp-1002", "wp-1003", "wp-1004", "wp-1006", "wp-1010"]) {
      expect(comment(id)?.classList.contains("comment--archived")).toBe(true);
    }
    expect(comment("wp-1002")?.classList.contains("comment--by-author")).toBe(true);
    expect(comment("wp-1010")?.classList.contains("comment--by-author")).toBe(false);
    expect(
      comment("wp-1001")?.querySelector(
        '[data-comment-id="wp-1002"] [data-comment-id="wp-1003"] [data-comment-id="wp-1004"]',
      ),
    ).toBeTruthy();
    expect(comment("wp-1001")?.querySelector('[data-comment-id="wp-1006"]')).toBeFalsy();
    expect(comment("wp-1001")?.querySelector('a[href="https://jeanne-roth.example"]')?.getAttribute("rel")).toBe(
      "nofollow ugc noopener",
    );
    expect(text(section)).toContain("archivé");
    expect(text(section)).not.toContain("Gagnez vite");
  });

  it("shows a page's archived comments under the page", async () => {
    const page = await parsePage(site.output, "a-propos/mon-parcours/index.html");
    const section = page.querySelector("section#commentaires.comments");
    expect(section?.querySelectorAll(".comment--archived").length).toBeGreaterThan(0);
    // Pages have no GitHub thread: no widget there.
    expect(section?.querySelector(".comments__widget")).toBeNull();
  });

  it("never writes a commenter's e-mail or IP address, in the content or in the built site", async () => {
    const secrets = await privateValues();
    expect(secrets.length).toBeGreaterThanOrEqual(15);
    expect(secrets).toEqual(expect.arrayContaining(["jeanne.roth@courriel.example", "203.0.113.17", "2001:db8::4a"]));
    const files = [...(await filesUnder(path.join(site.dir, "content"))), ...(await filesUnder(site.output))];
    expect(files.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file, "latin1");
      for (const secret of secrets) if (bytes.includes(secret)) leaks.push(`${file}: ${secret}`);
    }
    expect(leaks).toEqual([]);
    expect(run.stdout).not.toMatch(/@courriel\.example|203\.0\.113/);
  });

  it("adds its categories to categories.yaml beside the author's", async () => {
    const file = await content(site, "categories.yaml");
    expect(file.startsWith(AUTHOR_CATEGORIES)).toBe(true);
    expect(yaml.load(file, { schema: yaml.CORE_SCHEMA })).toEqual({
      randonnee: { name: "Randonnée" },
      alsace: { name: "Alsace" },
      cuisine: { name: "Cuisine & recettes", description: "Ce qui mijote dans ma cuisine." },
      voyages: { name: "Voyages", description: "Carnets de route, à pied et à vélo." },
    });
    const page = await parsePage(site.output, "categories/cuisine/index.html");
    expect(text(page.querySelector("h1"))).toContain("Cuisine & recettes");
  });

  it("leads old addresses to the new pages: permalinks, ?p= and ?page_id= links, category archives", async () => {
    const redirects = await content(site, "_redirects");
    expect(redirects.startsWith(AUTHOR_REDIRECTS)).toBe(true);
    expect(await readFile(path.join(site.output, "_redirects"), "utf8")).toBe(redirects);
    expect(redirects).toMatch(/^\/\s+p=:id\s+\/wp-id\/:id\/\s+301!$/m);
    expect(redirects).toMatch(
      /^\/2013\/01\/strasbourg-sous-la-neige\/\s+\/billets\/strasbourg-sous-la-neige\/\s+301$/m,
    );
    expect(redirects).toMatch(/^\/wp-id\/10\/\s+\/billets\/strasbourg-sous-la-neige\/\s+301$/m);
    // Drafts had no public address: nothing leads to them.
    expect(redirects).not.toMatch(/photos-de-famille|wp-id\/43\//);
    const count = Number(/Redirections\s+(\d+)/.exec(run.stdout)![1]);
    const block = redirects.split("# BEGIN WordPress import")[1]!.split("# END WordPress import")[0]!;
    // One line per old address, plus the percent-encoded twin of those outside ASCII.
    const lines = block.trim().split("\n").slice(1);
    const twins = lines.filter((line) => /%[0-9A-F]{2}/.test(line.split(/\s+/)[0]!));
    expect(twins.length).toBeGreaterThan(0);
    expect(lines.length - twins.length).toBe(count);

    let server: RunningServer | undefined;
    try {
      server = await serveSite(site.output);
      const visit = async (address: string) => {
        const response = await fetch(`${server!.url}${address}`);
        return { status: response.status, path: new URL(response.url).pathname, html: await response.text() };
      };
      const cases: Array<[string, string]> = [
        ["/2013/01/strasbourg-sous-la-neige/", "/billets/strasbourg-sous-la-neige/"],
        ["/2013/01/strasbourg-sous-la-neige", "/billets/strasbourg-sous-la-neige/"],
        ["/?p=20", "/billets/le-col-du-donon-a-velo/"],
        ["/?page_id=60", "/a-propos/"],
        ["/?p=61", "/a-propos/mon-parcours/"],
        ["/2016/04/%E4%B8%AD%E6%96%87%E6%A0%87%E9%A2%98/", "/billets/%E4%B8%AD%E6%96%87%E6%A0%87%E9%A2%98/"],
        ["/2015/02/un-billet-sans-categorie/", "/billets/un-billet-sans-categorie/"],
        ["/category/alsace/", "/categories/alsace/"],
        ["/tag/velo/", "/etiquettes/velo/"],
        ["/ancienne-page", "/a-propos/"],
      ];
      for (const [old, now] of cases) {
        const result = await visit(old);
        expect([old, result.status, result.path]).toEqual([old, 200, now]);
      }
      expect((await visit("/?p=10")).html).toContain("Strasbourg sous la neige");
      // The home page still answers at /, and an unknown id is not sent anywhere.
      expect((await visit("/")).path).toBe("/");
      expect((await visit("/?p=999")).status).toBe(404);
    } finally {
      await server?.close();
    }
  });

  it("never writes over a file without --force, and says what --force wrote over", async () => {
    const file = path.join(site.dir, "content/posts/un-billet-sans-categorie.md");
    const edited = `${await readFile(file, "utf8")}\nUne phrase ajoutée après l’import.\n`;
    await writeFile(file, edited);

    const again = await importWordPress(site, EXPORT, "--uploads", UPLOADS);
    expect(again.code).toBe(0);
    expect(await readFile(file, "utf8")).toBe(edited);
    expect(again.stdout).toContain("0 fichier écrit.");
    // The comments are there, in the files left as they were; _redirects and categories.yaml were not written.
    expect(again.stdout).toMatch(
      /Commentaires\s+0 archivé\u202F; déjà archivés dans des fichiers laissés tels quels\u00A0: 9\n/,
    );
    expect(again.stdout).toMatch(/Redirections\s+\d+, déjà dans .*content\/_redirects\n/);
    expect(again.stdout).toMatch(/Catégories\s+0 nouvelle\n/);
    expect(again.stdout).toMatch(
      /Laissés tels quels \(ils existent\u202F; --force pour les remplacer\)\u00A0:\n(?:.*\n)*.*posts\/un-billet-sans-categorie\.md/,
    );
    expect(again.stdout).toMatch(/Billets\s+10\s+5\s+1\s+4\s+10/);
    const redirects = await content(site, "_redirects");
    expect(redirects.match(/# BEGIN WordPress import/g)).toHaveLength(1);
    expect(redirects.startsWith(AUTHOR_REDIRECTS)).toBe(true);
    expect((await content(site, "categories.yaml")).match(/^alsace:/gm)).toHaveLength(1);

    const forced = await importWordPress(site, EXPORT, "--uploads", UPLOADS, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(
      /Écrits par-dessus \(--force\)\u00A0:\n(?:.*\n)*.*posts\/un-billet-sans-categorie\.md/,
    );
    expect(forced.stdout).toMatch(/Commentaires\s+9 archivés\u202F; laissés de côté/);
    expect(forced.stdout).not.toContain("déjà archivés");
    const overwritten = /Écrits par-dessus \(--force\)\u00A0:\n((?: {2}.*\n)+)/
      .exec(forced.stdout)![1]!
      .trim()
      .split("\n").length;
    expect(forced.stdout).toContain(`\n${overwritten} fichiers écrits.`);
    expect(await readFile(file, "utf8")).not.toContain("Une phrase ajoutée");
    // No staging folder is left behind.
    expect((await readdir(path.join(site.dir, "content"))).filter((name) => name.startsWith("."))).toEqual([]);
  });
});

describe("a dry run", () => {
  let site: Site;
  beforeAll(async () => {
    site = await writeSite({ config: CONFIG, files: {} });
  });
  afterAll(() => removeSite(site));

  it("prints the plan and writes nothing", async () => {
    const before = await listFiles(site.dir);
    const run = await importWordPress(site, EXPORT, "--dry-run");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(french("Essai à blanc : rien n’a été écrit."));
    expect(run.stdout).toMatch(/Écrirait\u00A0:\n(?:.*\n)*.*content\/posts\/strasbourg-sous-la-neige\.md\n/);
    expect(run.stdout).toMatch(/content\/_redirects/);
    expect(await listFiles(site.dir)).toEqual(before);
  });

  it("without --uploads, leaves images at their old address and lists them", async () => {
    const run = await importWordPress(site, EXPORT, "--dry-run");
    expect(run.stdout).toMatch(
      /Images\s+copiées à côté de leur billet\u00A0: 0, laissées à leur ancienne adresse\u00A0: 6/,
    );
    expect(run.stdout).toContain("import again with --uploads");
    expect(run.stdout).toContain(
      french(
        "content/posts/strasbourg-sous-la-neige.md : https://ancien-carnet.example/wp-content/uploads/2013/01/cathedrale-300x200.png",
      ),
    );
  });
});

describe("an English site's import", () => {
  let site: Site;
  beforeAll(async () => {
    site = await writeSite({ config: { ...CONFIG, language: "en" }, files: {} });
  });
  afterAll(() => removeSite(site));

  it("prints its summary in English", async () => {
    const run = await importWordPress(site, EXPORT, "--dry-run");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("WordPress import of « Le carnet de Marie » (carnet-export.xml, WXR 1.2)");
    expect(run.stdout).toContain("Dry run: nothing was written. This is what the import would do.");
    expect(run.stdout).toMatch(/Posts\s+10\s+5\s+1\s+4\s+0/);
    expect(run.stdout).toMatch(
      /Comments\s+9 archived; left out: 1 spam, 1 pending, 1 in the trash, 1 pingbacks and trackbacks; 1 reply now answers/,
    );
    expect(run.stdout).toMatch(/Images\s+0 copied beside their post, 6 left at their old address/);
    expect(run.stdout).toMatch(/Would write:\n(?:.*\n)*.*content\/posts\/strasbourg-sous-la-neige\.md\n/);
    expect(run.stdout).toContain("\nWarnings:\n");
    expect(run.stdout).toContain("Run again without --dry-run to import.");
  });
});

describe("an import into the project's own content folder", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("import-check");
  });
  afterAll(() => removeSite({ dir, output: dir }));

  it("passes npm run check with the project's site.config.ts", async () => {
    const { stdout: imported } = await execFileAsync(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts/import-wordpress.ts"), EXPORT, "--out", dir, "--uploads", UPLOADS],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" } },
    );
    expect(imported).toContain("posts are credited to Élise Marchal");
    const { stdout } = await execFileAsync(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts/check.ts"), dir],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: "" },
      },
    );
    expect(stdout).toContain(
      french(
        `Vérifiés : site.config.ts, ${path.join(dir, "categories.yaml")}, 10 billets, 3 pages et 3 archives de commentaires.\n`,
      ),
    );
    expect(stdout).toContain(french("Aucun problème : 10 billets (5 publiés, 4 brouillons, 1 programmé) et 3 pages."));
  });
});

describe("importing again, with the uploads this time", () => {
  let site: Site;
  beforeAll(async () => {
    site = await writeSite({ config: CONFIG, files: {} });
  });
  afterAll(() => removeSite(site));

  it("moves a post into its own folder only with --force, leaving one copy of it", async () => {
    expect((await importWordPress(site, EXPORT)).code).toBe(0);
    expect(await listFiles(path.join(site.dir, "content/posts"))).toContain("strasbourg-sous-la-neige.md");

    const kept = await importWordPress(site, EXPORT, "--uploads", UPLOADS);
    expect(kept.stdout).toMatch(/Laissés tels quels[^\n]*\n(?:.*\n)*.*posts\/strasbourg-sous-la-neige\.md/);
    expect(await listFiles(path.join(site.dir, "content/posts"))).not.toContain("strasbourg-sous-la-neige/index.md");

    const forced = await importWordPress(site, EXPORT, "--uploads", UPLOADS, "--force");
    expect(forced.stdout).toMatch(
      /Supprimés \(remplacés par l’autre forme du même billet\)\u00A0:\n(?:.*\n)*.*posts\/strasbourg-sous-la-neige\.md/,
    );
    const posts = await listFiles(path.join(site.dir, "content/posts"));
    expect(posts).toContain("strasbourg-sous-la-neige/index.md");
    expect(posts).toContain("strasbourg-sous-la-neige/index.comments.yaml");
    expect(posts).not.toContain("strasbourg-sous-la-neige.md");
    expect(posts).not.toContain("strasbourg-sous-la-neige.comments.yaml");
    await runEleventy(site.config);
    expectWidgetOff();
    const page = await parsePage(site.output, "billets/strasbourg-sous-la-neige/index.html");
    expect(page.querySelector("figure picture img")?.getAttribute("alt")).toBe("La cathédrale au lever du jour");
  });
});

describe("an export the import cannot read", () => {
  let site: Site;
  let dir: string;
  beforeAll(async () => {
    // An English site: these tests are about what is refused, told in English.
    site = await writeSite({ config: { ...CONFIG, language: "en" }, files: {} });
    dir = await tempDir("bad-exports");
  });
  afterAll(async () => {
    await removeSite(site);
    await removeSite({ dir, output: dir });
  });

  it.each([
    [
      "broken.xml",
      `<?xml version="1.0"?>\n<rss version="2.0">\n  <channel>\n    <title>Oups</titel>\n  </channel>\n</rss>\n`,
      /^broken\.xml: not well-formed XML at line 4, column \d+: .+; nothing was written$/,
    ],
    [
      "page.html",
      "<!DOCTYPE html><html><body></body></html>",
      /^page\.html: not a WordPress export: .+; nothing was written$/,
    ],
    [
      "feed.xml",
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Flux</title><item><title>A</title></item></channel></rss>`,
      /^feed\.xml: not a WordPress export: found an RSS file without wp:wxr_version.+; nothing was written$/,
    ],
    [
      "v3.xml",
      `<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/3.0/"><channel><wp:wxr_version>3.0</wp:wxr_version><item><title>A</title></item></channel></rss>`,
      /^v3\.xml: unknown WXR version: found "3\.0", expected 1\.0, 1\.1, 1\.2; nothing was written$/,
    ],
  ])("%s: one line, exit code 1, nothing written", async (name, xml, message) => {
    const file = path.join(dir, name);
    await writeFile(file, xml);
    const before = await listFiles(site.dir);
    const run = await importWordPress(site, file);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toBe("");
    expect(await listFiles(site.dir)).toEqual(before);
  });

  it("explains how to call it", async () => {
    const none = await importWordPress(site);
    // In French for a French site.
    const french = await writeSite({ config: CONFIG, files: {} });
    const usage = await importWordPress(french, "--default-category", "opinon");
    await removeSite(french);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Utilisation\u00A0: npm run import:wordpress -- export.xml [options]");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: npm run import:wordpress -- export.xml [options]");
    const wrong = await importWordPress(site, EXPORT, "--default-category", "opinon");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      '--default-category: found "opinon", expected one of opinion, pratique (did you mean "opinion"?)',
    );
  });
});
