/**
 * A mistake in front matter stops the build before anything is written, with
 * every problem listed on its own line, and no stack trace.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
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
    const expected = [
      "content/posts/mauvais.md: title: found nothing, expected the title as text",
      'content/posts/mauvais.md: date: found "2024-02-30", expected a real date',
      'content/posts/mauvais.md: category: found "opnion", expected one of the categories declared in site.config.ts: opinion, pratique (did you mean "opinion"?)',
      "content/posts/mauvais.md: tags: found the number 5, expected a list of tags",
      'content/posts/mauvais.md: titel: found an unknown key, expected one of title, date, updated, category, tags, description, author, draft, comments, image, imageAlt, slug, syndication (did you mean "title"?)',
      "content/posts/mauvais.md: image ./absente.png (line 8): found no description",
      "content/posts/mauvais.md: image ./absente.png (line 8): found no file at",
      "content/posts/double.md: slug: found the address /billets/bon/, which",
      "content/posts/yaml.md:2: le crochet [ ouvert ici n’est jamais fermé ; terminez la liste par ]",
    ];
    for (const line of expected) expect(output).toContain(line);
    expect(output).toMatch(/The content has 9 problems; nothing was written/);
    expect(output).toMatch(/content\/posts\/double\.md: slug: .*content\/posts\/bon\.md already uses/);
    expect(output).not.toMatch(/^\s+at /m);
    // Reported once, not once by Eleventy and again by the command.
    expect(output.match(/The content has/g)).toHaveLength(1);
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
      "The content has 3 problems; nothing was written:",
      "  content/posts/crochet.md:5: le crochet [ ouvert ici n’est jamais fermé ; terminez la liste par ]",
      '  content/posts/guillemet.md:2: le guillemet ouvert ici (") n’est jamais fermé ; fermez-le à la fin de la valeur',
      "  content/posts/ouvert.md:6: l’en-tête ouvert par --- à la ligne 1 n’est jamais fermé : cette ligne et les suivantes sont lues comme de l’en-tête ; ajoutez une ligne contenant seulement --- juste avant celle-ci",
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
        "posts/a.md": post({ title: "A", date: "2024-01-01", category: "opinion" }),
        "pages/archives.md": post({ title: "Mes archives", slug: "archives" }),
      },
    });
    const { code, stderr, stdout } = await cliBuild(site.config);
    expect(code).not.toBe(0);
    expect(stdout + stderr).toContain(
      "content/pages/archives.md: slug: found the address /archives/, which the archive page already uses",
    );
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
      "content/posts/a/index.md: image ./schema.png (line 7): found a file that cannot be read as an image",
    );
    expect(output).toContain("expected a JPEG or PNG image");
    expect(output).toContain(
      "content/pages/recherche.md: slug: found the address /recherche/, which the search page already uses",
    );
    expect(output).toMatch(/The content has 2 problems; nothing was written/);
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
    expect(stdout + stderr).toContain('site.config.ts: timeZone: found "Mars/Olympus", expected an IANA time zone');
    expect(stdout + stderr).not.toMatch(/^\s+at /m);
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
      "content/categories.yaml: voyages.name: found nothing, expected the category's name as readers see it",
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
      "content/posts/🎉.md: slug: found no letter or digit in the file name, expected slug: in the front matter",
    );
    expect(stdout + stderr).toContain(
      'content/posts/b.md: tags[0]: found "🎈", expected a tag with at least one letter or digit',
    );
  });
});
