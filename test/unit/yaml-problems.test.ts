/**
 * Front matter that cannot be read: each mistake an author makes is said in
 * plain words, in the site's language, at the file's line where she must
 * look (where the quote or the bracket was opened, not where the YAML
 * parser gave up).
 */
import { describe, expect, it } from "vitest";
import { FrontMatterSyntaxError, parseSource } from "../../plugins/content/frontmatter.ts";
import { yamlProblems } from "../../plugins/content/yaml-problems.ts";
import { LANGUAGES } from "../../plugins/i18n/languages.ts";
import { french } from "../helpers/french.ts";

interface Case {
  name: string;
  /** The whole file. */
  text: string;
  /** The file's line the message points at. */
  line: number;
  en: string;
  /** With plain spaces, typeset by `french()`; the author's own text that ends it is left as written. */
  fr: string;
  /** The end of `fr` quoted from the file, which French spacing leaves alone. */
  frQuoted?: string;
}

const CASES: Case[] = [
  {
    name: "unclosed double quote, swallowing the lines after it",
    text: '---\ntitle: "Oups\ndate: "2024-01-01"\ncategory: opinion\ntags: [a]\n---\nTexte.\n',
    line: 2,
    en: 'the quote opened here (") is never closed; close it at the end of the value',
    fr: 'le guillemet ouvert ici (") n’est jamais fermé ; fermez-le à la fin de la valeur',
  },
  {
    name: "unclosed single quote",
    text: "---\ndate: 2024-01-01\ntitle: 'Oups\ncategory: opinion\n---\nTexte.\n",
    line: 3,
    en: "the quote opened here (') is never closed; close it at the end of the value",
    fr: "l’apostrophe ouverte ici (') n’est jamais fermée ; fermez-la à la fin de la valeur",
  },
  {
    name: "apostrophe inside single quotes",
    text: "---\ntitle: 'L'été'\ndate: 2024-01-01\n---\nTexte.\n",
    line: 2,
    en: "the value in quotes ends at the second ', and more text follows it on the line; inside single quotes, write an apostrophe twice (''), or put the value in double quotes",
    fr: "la valeur entre apostrophes se termine à la deuxième ', et du texte la suit sur la ligne ; entre apostrophes, doublez l’apostrophe (''), ou mettez la valeur entre guillemets",
  },
  {
    name: "quote inside double quotes",
    text: '---\ntitle: "Il a dit "non""\n---\nTexte.\n',
    line: 2,
    en: 'the value in quotes ends at the second ", and more text follows it on the line; inside double quotes, write \\" for a quote, or put the value in single quotes',
    fr: 'la valeur entre guillemets se termine au deuxième ", et du texte la suit sur la ligne ; entre guillemets, écrivez \\" pour un guillemet, ou mettez la valeur entre apostrophes',
  },
  {
    name: "unclosed [",
    text: "---\ntitle: T\ndate: 2024-01-01\ncategory: opinion\ntags: [seo, réseaux\ndescription: d\n---\nTexte.\n",
    line: 5,
    en: "the [ opened here is never closed; end the list with ]",
    fr: "le crochet [ ouvert ici n’est jamais fermé ; terminez la liste par ]",
  },
  {
    name: "unclosed {",
    text: "---\ntitle: T\ncomments: { key: ancien\ndate: 2024-01-01\n---\nTexte.\n",
    line: 3,
    en: "the { opened here is never closed; end the value with }",
    fr: "l’accolade { ouverte ici n’est jamais fermée ; terminez la valeur par }",
  },
  {
    name: "text after ]",
    text: "---\ntitle: T\ntags: [a, b]]\n---\nTexte.\n",
    line: 3,
    en: "the value ends with the ] in column 12, and more text follows it on the line; remove what follows, or put the whole value in quotes",
    fr: "la valeur se termine au ] de la colonne 12, et du texte le suit sur la ligne ; retirez ce qui suit, ou mettez toute la valeur entre guillemets",
  },
  {
    name: "tab",
    text: "---\ntitle: T\ncomments:\n\tkey: ancien\n---\nTexte.\n",
    line: 4,
    en: "a tab is used for indentation here, and YAML accepts only spaces; indent with spaces",
    fr: "une tabulation sert ici à indenter, et YAML n’accepte que des espaces ; indentez avec des espaces",
  },
  {
    name: "duplicate key",
    text: "---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\nTexte.\n",
    line: 4,
    en: "the key title appears a second time here (first on line 2); keep only one of them",
    fr: "la clé title apparaît ici une deuxième fois (la première à la ligne 2) ; n’en gardez qu’une",
  },
  {
    name: "bad indentation",
    text: "---\ntitle: T\n  date: 2024-01-01\n---\nTexte.\n",
    line: 3,
    en: "this line is indented more than title (line 2), which already has its value; start it in the same column as the keys it goes with",
    fr: "cette ligne est plus indentée que title (ligne 2), qui a déjà sa valeur ; commencez-la dans la même colonne que les clés qui vont avec elle",
  },
  {
    name: "indentation matching nothing",
    text: "---\ncomments:\n  key: a\n discussion: 3\n---\nTexte.\n",
    line: 4,
    en: "the indentation of this line matches none of the lines above; start it in the same column as the keys it goes with",
    fr: "l’indentation de cette ligne ne correspond à aucune des lignes au-dessus ; commencez-la dans la même colonne que les clés qui vont avec elle",
  },
  {
    name: "colon in a value",
    text: "---\ndate: 2024-01-01\ntitle: Réseaux sociaux : le guide\n---\nTexte.\n",
    line: 3,
    en: 'the value of title holds a colon followed by a space, which YAML reads as the start of another key; put the value in quotes: title: "Réseaux sociaux : le guide"',
    fr: "la valeur de title contient un deux-points suivi d’une espace, que YAML lit comme le début d’une autre clé ; mettez la valeur entre guillemets : ",
    frQuoted: 'title: "Réseaux sociaux : le guide"',
  },
  {
    name: "no space after the colon",
    text: "---\ntitle:Mon titre\ndate: 2024-01-01\n---\nTexte.\n",
    line: 2,
    en: "a space is missing after the colon; write: title: Mon titre",
    fr: "il manque une espace après le deux-points ; écrivez : title: Mon titre",
  },
  {
    name: "no space after a list item's dash",
    text: "---\ntitle: T\ntags:\n- seo\n-réseaux\ndate: 2024-01-01\n---\nTexte.\n",
    line: 5,
    en: "a space is missing after the dash of this list item; write: - réseaux",
    fr: "il manque une espace après le tiret de cet élément de liste ; écrivez : - réseaux",
  },
  {
    name: "a list begun on its key's line",
    text: "---\ntitle: T\ntags: - seo\n---\nTexte.\n",
    line: 3,
    en: "a list cannot begin on the line of its key; write tags: [seo], or put each item (- …) on a line of its own under tags:",
    fr: "une liste ne peut pas commencer sur la ligne de sa clé ; écrivez tags: [seo], ou mettez chaque élément (- …) sur une ligne à lui sous tags:",
  },
  {
    name: "a value starting with @",
    text: "---\ntitle: @claire répond\n---\nTexte.\n",
    line: 2,
    en: 'the value of title starts with @, a sign YAML reads as an instruction; put the value in quotes: title: "@claire répond"',
    fr: 'la valeur de title commence par @, un signe que YAML lit comme une instruction ; mettez la valeur entre guillemets : title: "@claire répond"',
  },
  {
    name: "backslash in double quotes",
    text: '---\ntitle: "C:\\Dossier"\n---\nTexte.\n',
    line: 2,
    en: "inside double quotes, a backslash starts a special sequence such as \\n; write \\\\ for a backslash, or put the value in single quotes",
    fr: "entre guillemets, une barre oblique inverse commence une séquence spéciale comme \\n ; écrivez \\\\ pour une barre oblique inverse, ou mettez la valeur entre apostrophes",
  },
  {
    name: "line without key",
    text: "---\ndescription: Un texte\nqui continue\ndate: 2024-01-01\n---\nTexte.\n",
    line: 3,
    en: "this line has no key; if it continues the value of description (line 2), indent it under that value, otherwise write it as key: value",
    fr: "cette ligne n’a pas de clé ; si elle continue la valeur de description (ligne 2), indentez-la sous cette valeur, sinon écrivez-la sous la forme clé: valeur",
  },
  {
    name: "never closed",
    text: "---\ntitle: T\ndate: 2024-01-01\n",
    line: 1,
    en: "the front matter opened here by --- is never closed; add a line with only --- after its last field",
    fr: "l’en-tête ouvert ici par --- n’est jamais fermé ; ajoutez une ligne contenant seulement --- après son dernier champ",
  },
  {
    name: "never closed, with a body",
    text: "---\ntitle: T\ndate: 2024-01-01\n\n## Introduction\n\nUn paragraphe.\n",
    line: 5,
    en: "the front matter opened by --- on line 1 is never closed, so this line and the following ones are read as front matter; add a line with only --- just before this one",
    fr: "l’en-tête ouvert par --- à la ligne 1 n’est jamais fermé : cette ligne et les suivantes sont lues comme de l’en-tête ; ajoutez une ligne contenant seulement --- juste avant celle-ci",
  },
  {
    name: "closed too late",
    text: "---\ntitle: T\ndate: 2024-01-01\n\nPour commencer : un paragraphe.\n\n---\n\nLa suite.\n",
    line: 5,
    en: "the front matter opened by --- on line 1 is closed only on line 7, so this line is read as front matter; add a line with only --- just before this one",
    fr: "l’en-tête ouvert par --- à la ligne 1 ne se ferme qu’à la ligne 7 : cette ligne est lue comme de l’en-tête ; ajoutez une ligne contenant seulement --- juste avant celle-ci",
  },
  {
    name: "not a mapping",
    text: "---\njuste une phrase\n---\nTexte.\n",
    line: 2,
    en: "the front matter is not a list of key: value lines; write each field as key: value",
    fr: "l’en-tête n’est pas une liste de lignes clé: valeur ; écrivez chaque champ sous la forme clé: valeur",
  },
  {
    name: "anything else",
    text: "---\ntitle: T\n- a\n---\nTexte.\n",
    line: 3,
    en: "YAML cannot read this line; check its indentation, its quotes and brackets, and that it reads key: value",
    fr: "YAML ne peut pas lire cette ligne ; vérifiez son indentation, ses guillemets et ses crochets, et qu’elle a la forme clé: valeur",
  },
  {
    name: "Windows line ends",
    text: '---\r\ntitle: "Oups\r\ndate: 2024-01-01\r\n---\r\nTexte.\r\n',
    line: 2,
    en: 'the quote opened here (") is never closed; close it at the end of the value',
    fr: 'le guillemet ouvert ici (") n’est jamais fermé ; fermez-le à la fin de la valeur',
  },
];

function problemOf(text: string, language: "fr" | "en"): { line: number; message: string } {
  try {
    parseSource(text, language);
  } catch (error) {
    if (error instanceof FrontMatterSyntaxError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error("the front matter was read");
}

describe("front matter syntax problems", () => {
  for (const { name, text, line, en, fr, frQuoted = "" } of CASES) {
    for (const language of LANGUAGES) {
      it(`${name} (${language})`, () => {
        expect(problemOf(text, language)).toEqual({ line, message: language === "fr" ? french(fr) + frQuoted : en });
      });
    }
  }

  it("never shows the parser's own words", () => {
    for (const { text } of CASES) {
      for (const language of LANGUAGES) {
        expect(problemOf(text, language).message).not.toMatch(
          /mapping|implicit key|flow collection|stream|scalar|YAMLException/,
        );
      }
    }
  });

  it("counts lines from where the front matter starts in the file", () => {
    expect(yamlProblems("\ntitle: T\ntags: [a, b\ndate: 2024-01-01\n", 10, "en")).toEqual([
      { line: 12, message: "the [ opened here is never closed; end the list with ]" },
    ]);
  });

  it("finds nothing to say of YAML that reads", () => {
    const text = '\ntitle: "Réseaux : le guide"\ntags:\n  - a\n  - b\ndescription: |\n  Un texte\n\n  suite\n';
    expect(yamlProblems(text, 1, "fr")).toEqual([]);
    expect(parseSource(`---${text}---\n\nUn paragraphe : oui.\n\n---\n\nLa suite.\n`, "fr").data).toMatchObject({
      title: "Réseaux : le guide",
    });
  });
});
