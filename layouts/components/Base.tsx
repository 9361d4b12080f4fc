/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * The frame of every page: head, skip link, header, main content, footer.
 * The header is the same on every page: the site's title, the links to the
 * « S'abonner » page and to the search page, the theme toggle, and the
 * navigation on a line of its own.
 */
import { absoluteUrl, type PageMeta, type SiteContext } from "../data.ts";
import { subscribeUrl } from "../../plugins/feeds/model.ts";
import { HeadSlot } from "./HeadSlot.tsx";
import { ThemeToggle } from "./ThemeToggle.tsx";

export interface BaseProps {
  ctx: SiteContext;
  meta: PageMeta;
  /** Module scripts this page needs, by asset name. */
  scripts?: string[];
  /** Stylesheets of features this page shows, by asset name, after main.css (most pages need none). */
  styles?: string[];
  children: JSX.Children;
}

export function Base({ ctx, meta, scripts = [], styles = [], children }: BaseProps): JSX.Element {
  const { url, title, description, noindex } = meta;
  const { site, i18n, assets } = ctx;
  const { t } = i18n;
  const fullTitle = title
    ? `${title} — ${site.title}`
    : site.description
      ? `${site.title} — ${site.description}`
      : site.title;
  return (
    <>
      {{ html: "<!DOCTYPE html>" }}
      <html lang={t.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{i18n.typography(fullTitle)}</title>
          {description ? <meta name="description" content={description} /> : null}
          {noindex ? <meta name="robots" content="noindex" /> : null}
          <link rel="canonical" href={absoluteUrl(url, site)} />
          <meta name="color-scheme" content="light dark" />
          <link
            rel="icon"
            href={site.favicon ?? assets.url("favicon.svg")}
            type={site.favicon?.endsWith(".png") ? "image/png" : "image/svg+xml"}
          />
          <link rel="stylesheet" href={assets.url("main.css")} />
          {styles.map((name) => (
            <link rel="stylesheet" href={assets.url(name)} />
          ))}
          <script src={assets.url("page.js")}></script>
          {scripts.map((name) => (
            <script type="module" src={assets.url(name)}></script>
          ))}
          <HeadSlot ctx={ctx} meta={meta} />
        </head>
        <body>
          <a class="skip-link" href="#contenu">
            {t.skipLink}
          </a>
          <header class="site-header">
            <div class="site-header__inner">
              <a class="site-title" href="/" aria-current={url === "/" ? "page" : undefined}>
                {site.title}
              </a>
              <div class="site-tools">
                <a
                  class="subscribe-link"
                  href={subscribeUrl(i18n)}
                  aria-current={url === subscribeUrl(i18n) ? "page" : undefined}
                >
                  {t.header.subscribe}
                </a>
                {site.search.enabled ? (
                  <a
                    class="icon-button search-link"
                    href={site.search.url}
                    aria-current={meta.kind === "search" ? "page" : undefined}
                  >
                    <span class="visually-hidden">{t.header.search}</span>
                  </a>
                ) : null}
                <ThemeToggle i18n={i18n} />
              </div>
              <nav class="site-nav" aria-label={t.mainNavigation}>
                <ul>
                  {site.navigation.map((item) => (
                    <li>
                      <a href={item.url} aria-current={isCurrent(item.url, url) ? "page" : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </header>
          <main id="contenu" tabindex="-1">
            {children}
          </main>
          <footer class="site-footer">
            <p>
              {i18n.format(t.footer.copyright, { year: new Date().getFullYear(), title: site.title })}
              {site.footer ? ` · ${i18n.typography(site.footer)}` : ""}
            </p>
            <p>
              {i18n.interpolate(i18n.typography(t.header.follow), {
                link: <a href={subscribeUrl(i18n)}>{t.header.followLink}</a>,
              })}
            </p>
            <p>{t.footer.poweredBy}</p>
          </footer>
        </body>
      </html>
    </>
  );
}

/** A navigation item is current on its own page, and on pages below it (except the home link). */
function isCurrent(itemUrl: string, pageUrl: string): boolean {
  if (itemUrl === "/") return pageUrl === "/" || /^\/page\/\d+\/$/.test(pageUrl);
  return pageUrl === itemUrl || (itemUrl.endsWith("/") && pageUrl.startsWith(itemUrl));
}
