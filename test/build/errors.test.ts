/**
 * A mistake in front matter stops the build before anything is written, with
 * every problem listed on its own line, and no stack trace.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { french } from "../helpers/french.ts";
import { post, removeSite, ROOT, SMALL_CONFIG, writeSite, type BuiltSite } from "../helpers/project.ts";

const run = promisify(execFile);

/** Runs the build command the way `npm run build` does, on a test site. */
async function cliBuild(config: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, "scripts/run.mjs"), `--config=${config}`], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let site: (BuiltSite & { config: string }) | undefined;
afterEach(() => removeSite(site));

describe("content errors", () => {
  it("lists every problem at once, one line each, exits non-zero, and leaves _site as it was", async () => {
    site = await writeSite({
      files: {
        "posts/bon.md": post({ title: "Bon", date: "2024-01-01", category: "opinion" }),
        "posts/mauvais.md": post(
          { titel: "Oups", date: "2024-02-30", category: "opnion", tags: 5 },
          "![](./absente.png)",
        ),
        "posts/double.md": post({ title: "Double", date: "2024-01-02", category: "opinion", slug: "bon" }),
        "posts/yaml.md": "---\ntitle: [pas fermé\n---\nx\n",
      },
    });
    await mkdir(site.output, { recursive: true });
    await writeFile(path.join(site.output, "index.html"), "previous build");

    const { code, stdout, stderr } = await cliBuild(site.config);
    const output = stdout + stderr;
    expect(code).not.toBe(0);
    // The site is French: so is what the build says, fields and values as written.
    const expected = [
      "content/posts/mauvais.md : title : absent, attendu le titre en texte",
      "content/posts/mauvais.md : date : trouvé « 2024-02-30 », attendu une date réelle",
      "content/posts/mauvais.md : category : trouvé « opnion », attendu l’une des catégories déclarées dans site.config.ts : opinion, pratique (vouliez-vous dire « opinion » ?)",
      "content/posts/mauvais.md : tags : trouvé le nombre 5, attendu une liste d’étiquettes",
      "content/posts/mauvais.md : titel : trouvé une clé inconnue, attendu l’une des clés title, date, updated, category, tags, description, author, draft, comments, image, imageAlt, slug, syndication (vouliez-vous dire « title » ?)",
      "content/posts/mauvais.md : image ./absente.png (ligne 8) : trouvé aucune description",
      "content/posts/mauvais.md : image ./absente.png (ligne 8) : trouvé aucun fichier à",
      "content/posts/double.md : slug : trouvé l’adresse /billets/bon/, que",
    ];
    for (const line of expected) expect(output).toContain(french(line));
    expect(output).toContain(
      french("content/posts/yaml.md:2: le crochet [ ouvert ici n’est jamais fermé ; terminez la liste par ]"),
    );
    expect(output).toContain(french("Le contenu a 9 problèmes ; rien n’a été écrit :"));
    expect(output).toMatch(/content\/posts\/double\.md\u00A0: slug\u00A0: .*content\/posts\/bon\.md utilise déjà/);
    expect(output).not.toMatch(/^\s+at /m);
    // Reported once, not once by Eleventy and again by the command.
    expect(output.match(/Le contenu a/g)).toHaveLength(1);
    expect(await readFile(path.join(site.output, "index.html"), "utf8")).toBe("previous build");
  });

  it("prints only Billet's list: no heading or wrapper of Eleventy's, no count of files written", async () => {
    site = await writeSite({
      files: {
        "posts/a.md": post({ title: "A", date: "2024-01-01", category: "opinion" }),
        "posts/guillemet.md": '---\ntitle: "Oups\ndate: "2024-01-01"\ncategory: opinion\ntags: [a]\n---\nTexte.\n',
        "posts/crochet.md":
          "---\ntitle: T\ndate: 2024-01-01\ncategory: opinion\ntags: [seo, réseaux\ndescription: d\n---\nTexte.\n",
        "posts/ouvert.md": "---\ntitle: T\ndate: 2024-01-01\ncategory: opinion\n\nPour commencer : un paragraphe.\n",
      },
    });
    const { code, stdout, stderr } = await cliBuild(site.config);
    expect(code).toBe(1);
    // Billet's own warnings (comments off, in this site) may come first, each on a line of its own.
    const lines = (stdout + stderr)
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("[billet] "))
      .map((line) => line.replace(`${site!.dir}/`, ""));
    expect(lines).toEqual([
      french("Le contenu a 3 problèmes ; rien n’a été écrit :"),
      french("  content/posts/crochet.md:5: le crochet [ ouvert ici n’est jamais fermé ; terminez la liste par ]"),
      french(
        '  content/posts/guillemet.md:2: le guillemet ouvert ici (") n’est jamais fermé ; fermez-le à la fin de la valeur',
      ),
      french(
        "  content/posts/ouvert.md:6: l’en-tête ouvert par --- à la ligne 1 n’est jamais fermé : cette ligne et les suivantes sont lues comme de l’en-tête ; ajoutez une ligne contenant seulement --- juste avant celle-ci",
      ),
    ]);
  });

  it("says a front matter's syntax problem in the site's language", async () => {
    site = await writeSite({
      config: { ...SMALL_CONFIG, language: "en" },
      files: { "posts/a.md": "---\ndate: 2024-01-01\ntitle: Social media: the guide\ncategory: opinion\n---\nText.\n" },
    });
    const { code, stdout, stderr } = await cliBuild(site.config);
    expect(code).toBe(1);
    expect(stdout + stderr).toContain(
      'content/posts/a.md:3: the value of title holds a colon followed by a space, which YAML reads as the start of another key; put the value in quotes: title: "Social media: the guide"',
    );
  });

  it("refuses a page that takes the address of a generated page", async () => {
    site = await writeSite({
      files: {
        "posts/a.md": post({ title: "A", date: "2024-01-01", category: "opinion", tags: ["Réseaux"] }),
        "pages/archives.md": post({ title: "Mes archives", slug: "archives" }),
        "pages/etiquette.md": post({ title: "Réseaux", permalink: "/etiquettes/reseaux/" }),
        "pages/carte.md": post({ title: "Ma carte", permalink: "/cartes/ma-carte/" }),
      },
    });
    const { code, stderr, stdout } = await cliBuild(site.config);
    expect(code).not.toBe(0);
    // What is already there is named in the site's language, a tag by its name.
    for (const line of [
      "content/pages/archives.md : slug : trouvé l’adresse /archives/, que la page des archives utilise déjà",
      "content/pages/etiquette.md : permalink : trouvé l’adresse /etiquettes/reseaux/, que la page de l’étiquette « Réseaux » utilise déjà",
      "content/pages/carte.md : permalink : trouvé l’adresse /cartes/ma-carte/, que le dossier des cartes de partage, qui occupe toutes les adresses sous /cartes/, utilise déjà",
    ]) {
      expect(stdout + stderr).toContain(french(line));
    }
  });

  it("reports an image that cannot be read and a page at the search page's address, before building", async () => {
    site = await writeSite({
      files: {
        "posts/a/index.md": post({ title: "A", date: "2024-01-01", category: "opinion" }, "![Un schéma](./schema.png)"),
        "posts/a/schema.png": "pas une image",
        "pages/recherche.md": post({ title: "Chercher" }),
      },
    });
    const { code, stderr, stdout } = await cliBuild(site.config);
    expect(code).not.toBe(0);
    const output = stdout + stderr;
    expect(output).toContain(
      french("content/posts/a/index.md : image ./schema.png (ligne 7) : trouvé a file that cannot be read as an image"),
    );
    expect(output).toContain("attendu une image JPEG ou PNG");
    expect(output).toContain(
      french("content/pages/recherche.md : slug : trouvé l’adresse /recherche/, que la page de recherche utilise déjà"),
    );
    expect(output).toContain(french("Le contenu a 2 problèmes ; rien n’a été écrit :"));
    expect(output).not.toMatch(/^\s+at /m);
  });

  it("reports a mistake in site.config.ts the same way", async () => {
    site = await writeSite({
      config: {
        title: "T",
        timeZone: "Mars/Olympus",
        authors: { a: { name: "A" } },
        categories: { opinion: { name: "Opinion" } },
      },
      files: { "posts/a.md": post({ title: "A", date: "2024-01-01", category: "opinion" }) },
    });
    const { code, stderr, stdout } = await cliBuild(site.config);
    expect(code).not.toBe(0);
    expect(stdout + stderr).toContain(
      french("site.config.ts : timeZone : trouvé « Mars/Olympus », attendu un fuseau horaire IANA"),
    );
    expect(stdout + stderr).not.toMatch(/^\s+at /m);
  });

  it("reports an English site's mistakes in English", async () => {
    site = await writeSite({
      config: {
        title: "T",
        language: "en",
        timeZone: "Mars/Olympus",
        authors: { a: { name: "A" } },
        categories: { opinion: { name: "Opinion" } },
      },
      files: { "posts/a.md": post({ title: "A", date: "2024-01-01", category: "opinion" }) },
    });
    const config = await cliBuild(site.config);
    expect(config.code).not.toBe(0);
    expect(config.stdout + config.stderr).toContain(
      'site.config.ts has a problem:\n  site.config.ts: timeZone: found "Mars/Olympus", expected an IANA time zone',
    );
    await removeSite(site);
    site = await writeSite({
      config: {
        title: "T",
        language: "en",
        authors: { a: { name: "A" } },
        categories: { opinion: { name: "Opinion" } },
      },
      files: { "posts/a.md": post({ titel: "A", date: "2026-13-45", category: "opinion" }) },
    });
    const content = await cliBuild(site.config);
    expect(content.code).not.toBe(0);
    const output = content.stdout + content.stderr;
    expect(output).toContain("The content has 3 problems; nothing was written:");
    expect(output).toContain("content/posts/a.md: title: found nothing, expected the title as text");
    expect(output).toContain('content/posts/a.md: date: found "2026-13-45", expected a real date');
    expect(output).toContain("content/posts/a.md: titel: found an unknown key, expected one of title");
  });

  it("reports a mistake in content/categories.yaml", async () => {
    site = await writeSite({
      files: {
        "categories.yaml": "voyages:\n  nom: Voyages\n",
        "posts/a.md": post({ title: "A", date: "2024-01-01", category: "opinion" }),
      },
    });
    const { code, stderr, stdout } = await cliBuild(site.config);
    expect(code).not.toBe(0);
    expect(stdout + stderr).toContain(
      french(
        "content/categories.yaml : voyages.name : absent, attendu le nom de la catégorie tel que les lecteurs le voient",
      ),
    );
  });

  it("refuses a tag or a file name with no letter or digit", async () => {
    site = await writeSite({
      files: {
        "posts/🎉.md": post({ title: "Fête", date: "2024-01-01", category: "opinion", tags: ["ok", "🎈"] }),
        "posts/b.md": post({ title: "B", date: "2024-01-01", category: "opinion", tags: ["🎈"] }),
      },
    });
    const { code, stderr, stdout } = await cliBuild(site.config);
    expect(code).not.toBe(0);
    expect(stdout + stderr).toContain(
      french(
        "content/posts/🎉.md : slug : trouvé aucune lettre ni aucun chiffre dans le nom du fichier, attendu slug: dans l’en-tête",
      ),
    );
    expect(stdout + stderr).toContain(
      french(
        "content/posts/b.md : tags[0] : trouvé « 🎈 », attendu une étiquette avec au moins une lettre ou un chiffre",
      ),
    );
  });
});
