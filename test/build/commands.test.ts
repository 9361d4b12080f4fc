/**
 * `npm run new` and `npm run check`, as an author runs them.
 */
import { execFile } from "node:child_process";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { french } from "../helpers/french.ts";
import { ROOT, tempDir } from "../helpers/project.ts";
import { rm } from "node:fs/promises";

const execFileAsync = promisify(execFile);

async function script(name: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts", name), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: "" },
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir("commands");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("npm run new", () => {
  it("writes a draft with valid front matter dated today in the site's zone, and refuses to overwrite it", async () => {
    const created = await script("new-post.ts", ["Mon nouveau billet", "--dir", dir]);
    expect(created.code).toBe(0);
    const file = path.join(dir, "posts", "mon-nouveau-billet.md");
    const source = await readFile(file, "utf8");
    const today = DateTime.now().setZone("Europe/Paris").toISODate();
    expect(source).toContain(`date: ${today}\n`);
    expect(source).toContain("title: Mon nouveau billet\n");
    expect(source).toContain("draft: true\n");

    // The file it wrote passes the same validation as the build.
    const check = await script("check.ts", [dir]);
    expect(check.output).toContain(
      french("Vérifiés : site.config.ts, 1 billet, 0 page et aucune archive de commentaires.\n"),
    );
    expect(check.output).toContain(french("Aucun problème : 1 billet (0 publié, 1 brouillon, 0 programmé) et 0 page."));
    expect(check.code).toBe(0);

    await writeFile(file, source + "\nUne phrase de l’autrice.\n");
    const again = await script("new-post.ts", ["Mon nouveau billet", "--dir", dir]);
    expect(again.code).toBe(1);
    expect(again.output).toContain(french("existe déjà ; rien n’a été écrit"));
    expect(await readFile(file, "utf8")).toContain("Une phrase de l’autrice.");
  });

  it("speaks French to a French site's author, in what it says and in the comments it writes", async () => {
    const created = await script("new-post.ts", ["Mon nouveau billet", "--dir", dir]);
    const file = path.join(dir, "posts", "mon-nouveau-billet.md");
    expect(created.output).toContain(french(`Billet créé : ${file}\nC’est un brouillon : il s’affiche dans npm start`));
    const source = await readFile(file, "utf8");
    expect(source).toContain('# description: "Une ou deux phrases pour les listes et les moteurs de recherche."\n');
    expect(source).toContain(french("# Catégories : opinion, strategie, pratique, enseignement\n"));
    expect(source).toContain("\nPremier paragraphe…\n");
    const again = await script("new-post.ts", ["Mon nouveau billet", "--dir", dir]);
    expect(again.output).toContain(french("existe déjà ; rien n’a été écrit."));
  });

  it("speaks English to an English site's author", async () => {
    const config = path.join(dir, "site.config.ts");
    await writeFile(
      config,
      'export default { title: "Notes", language: "en", authors: { a: { name: "A" } }, categories: { essays: { name: "Essays" }, notes: { name: "Notes" } } };\n',
    );
    const created = await script("new-post.ts", ["My new post", "--dir", dir, "--config", config]);
    expect(created.code).toBe(0);
    const file = path.join(dir, "posts", "my-new-post.md");
    expect(created.output).toContain(`Created ${file}\nIt is a draft: it shows in npm start`);
    const source = await readFile(file, "utf8");
    expect(source).toContain("category: essays\n");
    expect(source).toContain('# description: "One or two sentences for lists and search engines."\n');
    expect(source).toContain("# Categories: essays, notes\n");
    expect(source).toContain("\nFirst paragraph…\n");
    const wrong = await script("new-post.ts", ["Other", "--category", "esays", "--dir", dir, "--config", config]);
    expect(wrong.code).toBe(2);
    expect(wrong.output).toContain('--category: found "esays", expected one of essays, notes (did you mean "essays"?)');
    const usage = await script("new-post.ts", ["--dir", dir, "--config", config]);
    expect(usage.output).toContain('Usage: npm run new -- "Title of the post"');
  });

  it("quotes titles that YAML would misread", async () => {
    await script("new-post.ts", ["Pourquoi : « oui » #1", "--dir", dir]);
    const check = await script("check.ts", [dir]);
    expect(check.code).toBe(0);
    expect(await readFile(path.join(dir, "posts", "pourquoi-oui-1.md"), "utf8")).toContain(
      'title: "Pourquoi : « oui » #1"',
    );
  });

  it("explains how to call it", async () => {
    const result = await script("new-post.ts", ["--dir", dir]);
    expect(result.code).toBe(2);
    expect(result.output).toContain(french('Utilisation : npm run new -- "Titre du billet"'));
    const wrong = await script("new-post.ts", ["Titre", "--category", "opinon", "--dir", dir]);
    expect(wrong.code).toBe(2);
    expect(wrong.output).toContain(
      french(
        "--category : trouvé « opinon », attendu l’une des valeurs opinion, strategie, pratique, enseignement (vouliez-vous dire « opinion » ?)",
      ),
    );
  });
});

describe("npm run check", () => {
  it("passes on the project's content", async () => {
    const result = await script("check.ts", []);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(
      /^Vérifiés\u00A0: site\.config\.ts, \d+ billets, \d+ pages et \d+ archives de commentaires\.$/m,
    );
    expect(result.output).toMatch(/^Aucun problème\u00A0: \d+ billets \(\d+ publiés, /m);
  });

  it("speaks English to an English site's author", async () => {
    const config = path.join(dir, "site.config.ts");
    await writeFile(
      config,
      'export default { title: "Notes", language: "en", authors: { a: { name: "A" } }, categories: { essays: { name: "Essays" } } };\n',
    );
    await mkdir(path.join(dir, "content", "posts"), { recursive: true });
    const post = (title: string, extra = "") =>
      `---\ntitle: ${title}\ndate: 2024-01-0${title.length}\ncategory: essays\n${extra}---\nText.\n`;
    await writeFile(path.join(dir, "content", "posts", "a.md"), post("A"));
    await writeFile(path.join(dir, "content", "posts", "bb.md"), post("BB", "draft: true\n"));
    const content = path.join(dir, "content");
    const passed = await script("check.ts", [content, "--config", config]);
    expect(passed.code).toBe(0);
    expect(passed.output).toContain("Checked site.config.ts, 2 posts, 0 pages, and no comment archive.");
    expect(passed.output).toContain("No problems: 2 posts (1 published, 1 draft, 0 scheduled) and 0 pages.");

    await writeFile(
      path.join(dir, "content", "posts", "c.md"),
      "---\ntitel: C\ndate: 2026-13-45\ncategory: essays\n---\n",
    );
    const failed = await script("check.ts", [content, "--config", config]);
    expect(failed.code).toBe(1);
    expect(failed.output).toContain("The content has 3 problems:\n");
    expect(failed.output).toContain('posts/c.md: date: found "2026-13-45", expected a real date');
    expect(failed.output).toContain("posts/c.md: titel: found an unknown key, expected one of title,");
  });

  it("says what it checked, then the problems, without claiming to build, and exits 1", async () => {
    await mkdir(path.join(dir, "posts"), { recursive: true });
    await mkdir(path.join(dir, "pages"), { recursive: true });
    await writeFile(path.join(dir, "posts", "a.md"), "---\ntitle: A\ndate: 2024-13-01\ncategory: opinion\n---\n");
    await writeFile(
      path.join(dir, "posts", "b.md"),
      "---\ntitle: B\ndate: 2024-01-01\ncategory: opinion\n---\nTexte.\n",
    );
    await writeFile(path.join(dir, "posts", "b.comments.yaml"), "[]\n");
    await writeFile(path.join(dir, "pages", "c.md"), "---\ntitle: C\n---\nTexte.\n");
    const result = await script("check.ts", [dir]);
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      french("Vérifiés : site.config.ts, 2 billets, 1 page et 1 archive de commentaires.\n"),
    );
    // The project's site is French.
    expect(result.output).toContain(french("posts/a.md : date : trouvé « 2024-13-01 », attendu une date réelle"));
    expect(result.output).toContain(french("Le contenu a un problème :\n"));
    expect(result.output).not.toMatch(/construit|écrit|Aucun problème/);
    expect(result.output).not.toMatch(/^\s+at /m);
  });
});
