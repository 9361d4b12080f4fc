/**
 * From WordPress's stored HTML to Markdown: automatic paragraphs, block
 * frames, shortcodes, and the HTML conversion itself.
 */
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { unwrapBlocks } from "../../scripts/wordpress/blocks.ts";
import {
  headingLevels,
  htmlToMarkdown,
  pageOfEmbed,
  type MarkdownContext,
} from "../../scripts/wordpress/html-to-markdown.ts";
import { Kept } from "../../scripts/wordpress/kept.ts";
import {
  expandShortcodes,
  parseAttributes,
  type Attachment,
  type ShortcodeContext,
} from "../../scripts/wordpress/shortcodes.ts";
import { wpautop } from "../../scripts/wordpress/wpautop.ts";

function markdown(html: string, options: Partial<MarkdownContext> = {}): string {
  return htmlToMarkdown(html, { kept: new Kept(), language: "fr", fallbackAlt: "Image sans description", ...options });
}

function shortcodes(html: string, attachments: Attachment[] = []) {
  const kept = new Kept();
  const keptNames: string[] = [];
  const embeds: string[] = [];
  const context: ShortcodeContext = {
    kept,
    attachment: (id) => attachments.find((a) => a.id === id),
    attachedImages: () => attachments,
    onKept: (name) => keptNames.push(name),
    onEmbed: (url) => embeds.push(url),
  };
  const expanded = expandShortcodes(html, context);
  return {
    md: htmlToMarkdown(wpautop(expanded), { kept, language: "fr", fallbackAlt: "Image sans description" }),
    keptNames,
    embeds,
  };
}

describe("wpautop", () => {
  it("makes paragraphs of blank-line separated text and breaks of single newlines", () => {
    expect(wpautop("Un.\nDeux.\n\nTrois.")).toBe("<p>Un.<br />\nDeux.</p>\n<p>Trois.</p>\n");
  });

  it("leaves block elements and preformatted text alone", () => {
    const html = wpautop("Avant\n<ul>\n<li>a</li>\n</ul>\n<pre>x\n\ny</pre>\nAprès");
    expect(html).toContain("<p>Avant</p>");
    expect(html).toContain("<ul>\n<li>a</li>\n</ul>");
    expect(html).toContain("<pre>x\n\ny</pre>");
    expect(html).toContain("<p>Après</p>");
  });

  it("puts a bare blockquote's text in a paragraph inside it", () => {
    expect(wpautop("<blockquote>Citation</blockquote>")).toBe("<blockquote><p>Citation</p></blockquote>\n");
  });
});

describe("Gutenberg blocks", () => {
  const context = (reusable: Record<number, string> = {}) => {
    const kept = new Kept();
    const keptBlocks: string[] = [];
    return {
      kept,
      keptBlocks,
      reusable: (id: number) => reusable[id],
      onKept: (name: string) => keptBlocks.push(name),
    };
  };

  it("removes the block frames and keeps their HTML", () => {
    const html =
      '<!-- wp:paragraph -->\n<p>Texte</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading {"level":3} -->\n<h3>Titre</h3>\n<!-- /wp:heading -->';
    expect(unwrapBlocks(html, context()).trim()).toBe("<p>Texte</p>\n\n\n\n<h3>Titre</h3>");
  });

  it("replaces a reusable block by its content and keeps dynamic blocks visibly", () => {
    const ctx = context({ 7: "<!-- wp:paragraph -->\n<p>Bloc partagé</p>\n<!-- /wp:paragraph -->" });
    const html = unwrapBlocks('<!-- wp:block {"ref":7} /-->\n<!-- wp:latest-posts {"postsToShow":3} /-->', ctx);
    expect(html).toContain("<p>Bloc partagé</p>");
    expect(ctx.keptBlocks).toEqual(["latest-posts"]);
    expect(htmlToMarkdown(html, { kept: ctx.kept, language: "fr", fallbackAlt: "x" })).toBe(
      'Bloc partagé\n\n```wordpress\n<!-- wp:latest-posts {"postsToShow":3} /-->\n```',
    );
  });

  it("carries a code block's language from its frame to the code", () => {
    const ctx = context();
    const html = unwrapBlocks(
      '<!-- wp:syntaxhighlighter/code {"language":"bash"} -->\n<pre class="x">ls -la</pre>\n<!-- /wp:syntaxhighlighter/code -->',
      ctx,
    );
    expect(markdown(html)).toBe("```bash\nls -la\n```");
  });
});

describe("shortcodes", () => {
  it("reads WordPress's attribute syntax", () => {
    expect(parseAttributes(` id="12" align='left' width=300 "libre" nu`)).toEqual({
      named: { id: "12", align: "left", width: "300" },
      positional: ["libre", "nu"],
    });
    expect(parseAttributes("=https://youtu.be/x").positional).toEqual(["https://youtu.be/x"]);
  });

  it("turns [caption] into a figure with its caption", () => {
    const { md } = shortcodes(
      '[caption id="attachment_5" width="300"]<a href="https://a.example/b.jpg"><img src="https://a.example/b-300x200.jpg" alt="Un pont" /></a> Le pont, <em>au matin</em>[/caption]',
    );
    expect(md).toBe(
      "<figure>\n\n[![Un pont](https://a.example/b-300x200.jpg)](https://a.example/b.jpg)\n\n<figcaption>\n\nLe pont, _au matin_\n\n</figcaption>\n\n</figure>",
    );
  });

  it("turns [gallery] into its images, from the export's attachments", () => {
    const photo = (id: number, caption = ""): Attachment => ({
      id,
      url: `https://a.example/wp-content/uploads/p${id}.jpg`,
      alt: `Photo ${id}`,
      caption,
      title: "",
      parent: 1,
    });
    const { md } = shortcodes('[gallery ids="2,1"]', [photo(1, "La première"), photo(2)]);
    expect(md).toBe(
      "![Photo 2](https://a.example/wp-content/uploads/p2.jpg)\n\n<figure>\n\n![Photo 1](https://a.example/wp-content/uploads/p1.jpg)\n\n<figcaption>\n\nLa première\n\n</figcaption>\n\n</figure>",
    );
  });

  it("turns embeds and players into links", () => {
    const { md, embeds } = shortcodes(
      "[embed]https://vimeo.com/1[/embed]\n\n[youtube=https://www.youtube.com/watch?v=abc&w=640]\n\n[vimeo 42]",
    );
    expect(embeds).toEqual(["https://vimeo.com/1", "https://www.youtube.com/watch?v=abc", "https://vimeo.com/42"]);
    expect(md).toBe(
      "[https://vimeo.com/1](https://vimeo.com/1)\n\n[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\n\n[https://vimeo.com/42](https://vimeo.com/42)",
    );
  });

  it("turns code shortcodes into fenced code with their language", () => {
    expect(shortcodes('[code lang="php"]\n&lt;?php echo 1; ?&gt;\n[/code]').md).toBe("```php\n<?php echo 1; ?>\n```");
    expect(shortcodes("[python]print('a')[/python]").md).toBe("```python\nprint('a')\n```");
  });

  it("keeps unknown shortcodes visibly, as blocks or inline, and reports them", () => {
    const { md, keptNames } = shortcodes('Avant.\n\n[contact-form-7 id="4"]\n\nUn [tip texte="x"]mot[/tip] ici.');
    expect(md).toBe('Avant.\n\n```wordpress\n[contact-form-7 id="4"]\n```\n\nUn `[tip texte="x"]mot[/tip]` ici.');
    expect(keptNames).toEqual(["contact-form-7", "tip"]);
  });

  it("reads names that JavaScript objects already hold as text, never as JavaScript's own", () => {
    const code = shortcodes('[code lang="php"]\n&constructor; &toString;\n[/code]').md;
    expect(code).toBe("```php\n&constructor; &toString;\n```");
    const prose = shortcodes("[constructor]x = 1[/constructor]").md;
    expect(prose).not.toContain("<a");
    expect(prose).not.toContain("native code");
  });

  it("leaves brackets in prose alone and unescapes [[shortcode]]", () => {
    const { md, keptNames } = shortcodes("Il écrit [sic] et cite [1]. Tapez [[gallery]] pour une galerie.");
    expect(md).toBe("Il écrit \\[sic\\] et cite \\[1\\]. Tapez \\[gallery\\] pour une galerie.");
    expect(keptNames).toEqual([]);
  });

  it("does not touch shortcodes inside code", () => {
    expect(shortcodes("<pre>[gallery]</pre>").md).toBe("```\n[gallery]\n```");
  });
});

describe("HTML to Markdown", () => {
  it("writes ATX headings from level 2, without skipping levels", () => {
    expect(headingLevels([1, 2, 2, 4])).toEqual(
      new Map([
        [1, 2],
        [2, 3],
        [4, 4],
      ]),
    );
    expect(markdown("<h2>A</h2><h4>B</h4><h2>C</h2>")).toBe("## A\n\n### B\n\n## C");
  });

  it("writes nested lists with their numbering", () => {
    expect(
      markdown('<ol start="3"><li>trois<ul><li>a</li><li>b<ol><li>un</li></ol></li></ul></li><li>quatre</li></ol>'),
    ).toBe("3. trois\n   - a\n   - b\n     1. un\n4. quatre");
  });

  it("writes links, emphasis, quotes, code and tables", () => {
    expect(
      markdown(
        '<p><a href="https://a.example/" title="Le site">lien</a> <strong>gras</strong> <em>penché</em> <del>barré</del> <code>x</code></p>',
      ),
    ).toBe('[lien](https://a.example/ "Le site") **gras** _penché_ ~~barré~~ `x`');
    expect(markdown("<blockquote><p>Un</p><p>Deux</p></blockquote>")).toBe("> Un\n> \n> Deux".replace("> \n", ">\n"));
    expect(
      markdown("<table><tr><th>A</th><th>B</th></tr><tr><td>1 | 2</td><td>3</td></tr><tr><td>4</td></tr></table>"),
    ).toBe("| A | B |\n| --- | --- |\n| 1 \\| 2 | 3 |\n| 4 | |");
  });

  it("keeps tables Markdown cannot hold as HTML, without styles", () => {
    const md = markdown(
      '<table style="color:red"><tr><td colspan="2" class="x">fusion</td></tr><tr><td>a</td><td>b</td></tr></table>',
    );
    expect(md).toBe(
      '<table>\n<tbody>\n<tr>\n<td colspan="2">fusion</td>\n</tr><tr>\n<td>a</td><td>b</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it("writes code blocks with the language WordPress plugins note", () => {
    expect(markdown('<pre class="brush: js; title: ;">let a = 1;\nlet b = 2;</pre>')).toBe(
      "```js\nlet a = 1;\nlet b = 2;\n```",
    );
    expect(markdown('<pre><code class="language-css">a { color: red; }</code></pre>')).toBe(
      "```css\na { color: red; }\n```",
    );
    expect(markdown('<pre lang="ruby">puts 1</pre>')).toBe("```ruby\nputs 1\n```");
    expect(markdown("<pre>```\nx\n```</pre>")).toBe("````\n```\nx\n```\n````");
  });

  it("keeps no-break spaces, typographic quotes, non-Latin text and emoji as characters", () => {
    const md = markdown("<p>Le 14&nbsp;janvier, « on » a dit “oui” – مرحبا 你好 🎉👩‍👩‍👧</p>");
    expect(md).toBe("Le 14\u00a0janvier, « on » a dit “oui” – مرحبا 你好 🎉👩‍👩‍👧");
  });

  it("writes hard line breaks as a backslash, which survives an editor trimming trailing spaces", () => {
    const poem = markdown(wpautop("Roses rouges,\nviolettes bleues,\n\n12 rue des Juifs\n67000 Strasbourg"));
    expect(poem).toBe("Roses rouges,\\\nviolettes bleues,\n\n12 rue des Juifs\\\n67000 Strasbourg");
    expect(markdown("<blockquote><p>Un<br>deux</p></blockquote><ul><li>trois<br />quatre</li></ul>")).toBe(
      "> Un\\\n> deux\n\n- trois\\\n  quatre",
    );
    // What an editor that trims trailing whitespace leaves still renders the breaks.
    const trimmed = poem.replace(/[ \t]+$/gm, "");
    const html = MarkdownIt().render(trimmed);
    expect(html.match(/<br>/g)).toHaveLength(2);
  });

  it("drops WordPress's empty paragraphs and breaks at the edges of blocks", () => {
    expect(markdown("<p>Un</p><p>&nbsp;</p><p><br />Deux<br /></p>")).toBe("Un\n\nDeux");
  });

  it("gives every image a description, and reports those that had none", () => {
    const missing: string[] = [];
    const md = markdown(
      '<p><img src="a.png"><img src="b.png" title="Le titre"></p><figure><img src="c.png" alt=""><figcaption>La légende</figcaption></figure>',
      {
        onImageWithoutAlt: (src) => missing.push(src),
      },
    );
    expect(md).toContain("![Image sans description](a.png)");
    expect(md).toContain('![Le titre](b.png "Le titre")');
    expect(md).toContain("![La légende](c.png)");
    expect(missing).toEqual(["a.png"]);
  });

  it("points links and images at their new addresses, and drops the link around a copied image", () => {
    const md = markdown(
      '<p><a href="https://old.example/x.jpg"><img src="https://old.example/x-300.jpg" alt="X"></a> <a href="https://old.example/2013/01/a/">a</a></p>',
      {
        rewriteImage: (src) => (src.endsWith("x-300.jpg") ? "./x-300.jpg" : undefined),
        rewriteLink: (href) => (href.includes("/2013/01/a/") ? "/billets/a/" : undefined),
        isImageLink: (href) => href.endsWith(".jpg"),
      },
    );
    expect(md).toBe("![X](./x-300.jpg) [a](/billets/a/)");
  });

  it("turns players into links and keeps scripts and forms visibly", () => {
    const embeds: string[] = [];
    const kept: string[] = [];
    const md = markdown(
      '<p><iframe src="https://www.youtube.com/embed/abc?rel=0"></iframe></p><script>alert(1)</script><form action="/x"><input name="q"></form><p>https://www.youtube.com/watch?v=zz</p>',
      { onEmbed: (url) => embeds.push(url), onUnconverted: (what) => kept.push(what) },
    );
    expect(embeds).toEqual(["https://www.youtube.com/watch?v=zz", "https://www.youtube.com/watch?v=abc"]);
    expect(kept).toEqual(["script", "form"]);
    expect(md).toBe(
      '[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\n\n```wordpress\n<script>alert(1)</script>\n```\n\n```wordpress\n<form action="/x"><input name="q"></form>\n```\n\n[https://www.youtube.com/watch?v=zz](https://www.youtube.com/watch?v=zz)',
    );
    expect(pageOfEmbed("//player.vimeo.com/video/123?title=0")).toBe("https://vimeo.com/123");
  });

  it("removes presentational markup and keeps what it wrapped", () => {
    expect(
      markdown(
        '<p><span style="color:red">rouge</span> <font face="Arial">police</font> H<sub>2</sub>O</p><center>centré</center>',
      ),
    ).toBe("rouge police H<sub>2</sub>O\n\ncentré");
  });

  it("keeps the targets of links inside the page", () => {
    const md = markdown(
      '<p><a href="#note">voir la note</a></p><h2 id="plan">Plan</h2><p><a href="#plan">plan</a></p><p id="note">La note.</p>',
    );
    expect(md).toContain('<span id="note"></span>La note.');
    // A heading whose id Billet gives it anyway needs no marker.
    expect(md).toContain("## Plan");
    expect(md).not.toContain('id="plan"');
  });

  it("links bare addresses in comments, as WordPress did", () => {
    expect(markdown("<p>Voir https://a.example/page. Merci</p>", { clickable: true })).toBe(
      "Voir [https://a.example/page](https://a.example/page). Merci",
    );
  });
});
