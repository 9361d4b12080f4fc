/**
 * WordPress authors to the authors of site.config.ts.
 *
 * A WordPress author is matched to a Billet author whose id equals their
 * login, or whose name equals their display name, their first and last
 * names, or their login (ignoring case, accents and punctuation). Authors
 * left unmatched are credited to the site's default author, and the summary
 * says who they are and how to add them.
 */
import type { ResolvedSiteConfig } from "../../plugins/config/site.ts";
import type { WxrAuthor } from "./model.ts";
import { sameName } from "./names.ts";

export interface AuthorMapping {
  /** WordPress login → Billet author id. */
  byLogin: Map<string, string>;
  /** Logins credited to the default author because nothing matched. */
  unmatched: WxrAuthor[];
}

export function matchAuthor(author: WxrAuthor, site: ResolvedSiteConfig): string | undefined {
  const names = [author.displayName, `${author.firstName} ${author.lastName}`, author.login].filter((n) => n.trim());
  for (const [id, candidate] of site.authors) {
    if (sameName(id, author.login)) return id;
    if (candidate.github && sameName(candidate.github, author.login)) return id;
    if (names.some((name) => sameName(candidate.name, name) || sameName(id, name))) return id;
  }
  return undefined;
}

/**
 * Maps every author who wrote an imported item. `logins` are the logins
 * found on items (`dc:creator`), which may name authors missing from the
 * export's author list (WXR 1.0 has none).
 */
export function mapAuthors(authors: WxrAuthor[], logins: Iterable<string>, site: ResolvedSiteConfig): AuthorMapping {
  const byLogin = new Map<string, string>();
  const unmatched: WxrAuthor[] = [];
  const known = new Map(authors.map((a) => [a.login, a]));
  for (const login of new Set(logins)) {
    const author = known.get(login) ?? { id: "", login, displayName: login, firstName: "", lastName: "" };
    const id = matchAuthor(author, site);
    if (id) byLogin.set(login, id);
    else {
      byLogin.set(login, site.defaultAuthor.id);
      unmatched.push(author);
    }
  }
  return { byLogin, unmatched };
}
