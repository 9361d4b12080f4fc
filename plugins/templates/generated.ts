/**
 * Pages made in code rather than from a file of `content/`: the home page
 * and its following pages, category and tag pages, the archive, the 404
 * page, the search and subscribe pages. Each is declared once, here, and
 * published two ways: a build renders them all through Eleventy (as virtual
 * templates, ./index.ts); the preview renders one when it is asked for
 * (plugins/preview).
 */
import type { TemplateData } from "../../layouts/data.ts";
import type { Blog } from "../content/blog.ts";

/** A page or a series of pages made in code. */
export interface GeneratedPage {
  /** Its name as an Eleventy template: `billet/home.11ty.tsx`. */
  name: string;
  /**
   * One page per element of `blog[each]`, which the page's data holds as
   * `alias` (`list`, `taxonomy`), at that element's `url`. Without it, one
   * page at `url`.
   */
  each?: { source: "homePages" | "categories" | "tags"; alias: string };
  url?: string;
  render: (data: TemplateData & Record<string, unknown>) => JSX.Element;
}

export class GeneratedPages {
  readonly #pages: GeneratedPage[] = [];

  /** One page at `url`. */
  one(name: string, url: string, render: GeneratedPage["render"]): void {
    this.#pages.push({ name, url, render });
  }

  /** One page per element of `blog[source]`, named `alias` in its data. */
  each<Alias extends string, Item>(
    name: string,
    source: "homePages" | "categories" | "tags",
    alias: Alias,
    render: (data: TemplateData & { [A in Alias]: Item }) => JSX.Element,
  ): void {
    this.#pages.push({ name, each: { source, alias }, render: render as GeneratedPage["render"] });
  }

  get all(): readonly GeneratedPage[] {
    return this.#pages;
  }

  /** Every page of the blog as it is now: its address, template and own data. */
  *pages(blog: Blog): Generator<{ url: string; template: GeneratedPage; data: Record<string, unknown> }> {
    for (const template of this.#pages) {
      if (!template.each) {
        yield { url: template.url!, template, data: {} };
        continue;
      }
      for (const item of blog[template.each.source]) {
        yield { url: item.url, template, data: { [template.each.alias]: item } };
      }
    }
  }
}
