/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * « S'abonner »: what a feed is, in the site's language, then the address
 * of each feed (the whole blog, then each category), Atom first, each with
 * a button that copies it. The buttons need the page's script
 * (./browser/subscribe.ts) and stay hidden without it; the addresses are
 * links and plain text, so they can always be selected and copied.
 */
import { fileURLToPath } from "node:url";
import { Base } from "../../layouts/components/Base.tsx";
import { absoluteUrl, siteContext, type SiteContext } from "../../layouts/data.ts";
import type { GeneratedPages } from "../templates/generated.ts";
import type { Assets } from "../assets/index.ts";
import type { Taxonomy } from "../content/model.ts";
import type { I18n } from "../i18n/index.ts";
import { feedPaths, subscribeUrl } from "./model.ts";

const SUBSCRIBE_SCRIPT = "subscribe.js";

type Category = Extract<Taxonomy, { kind: "category" }>;
const isCategory = (taxonomy: Taxonomy): taxonomy is Category => taxonomy.kind === "category";

/** Registers the page and its script. */
export function addSubscribePage(pages: GeneratedPages, { i18n, assets }: { i18n: I18n; assets: Assets }): void {
  assets.add(SUBSCRIBE_SCRIPT, { source: fileURLToPath(new URL("./browser/subscribe.ts", import.meta.url)) });
  pages.one("billet/subscribe.11ty.tsx", subscribeUrl(i18n), (data) => (
    <SubscribePage ctx={siteContext(data)} categories={data.blog.categories.filter(isCategory)} />
  ));
}

export function SubscribePage({ ctx, categories }: { ctx: SiteContext; categories: Category[] }): JSX.Element {
  const { i18n, site } = ctx;
  const { t } = i18n;
  const s = t.subscribe;
  return (
    <Base
      ctx={ctx}
      meta={{ kind: "subscribe", url: subscribeUrl(i18n), title: s.title, description: i18n.typography(s.intro) }}
      scripts={[SUBSCRIBE_SCRIPT]}
    >
      <header class="list-header">
        <h1>{s.title}</h1>
        <p class="list-header__intro">{i18n.typography(s.intro)}</p>
      </header>
      <div class="subscribe" data-copied={s.copied} data-copy-failed={i18n.typography(s.copyFailed)}>
        <section class="subscribe__what" aria-labelledby="flux">
          <h2 id="flux">{i18n.typography(s.whatHeading)}</h2>
          <p>{i18n.typography(s.what)}</p>
          <p>{i18n.typography(s.how)}</p>
        </section>
        <section aria-labelledby="tout-le-blog">
          <h2 id="tout-le-blog">{s.allHeading}</h2>
          <p>{i18n.typography(s.allText)}</p>
          <FeedAddresses ctx={ctx} baseUrl="/" title={site.title} />
        </section>
        {categories.length > 0 ? (
          <section aria-labelledby="par-categorie">
            <h2 id="par-categorie">{s.categoriesHeading}</h2>
            <p>{i18n.typography(s.categoriesText)}</p>
            {categories.map((category) => (
              <section class="subscribe__category" aria-labelledby={`flux-${category.category.slug}`}>
                <h3 id={`flux-${category.category.slug}`}>
                  <a href={category.url}>{category.name}</a>
                </h3>
                {category.description ? <p class="meta">{i18n.typography(category.description)}</p> : null}
                <FeedAddresses ctx={ctx} baseUrl={category.url} title={category.name} />
              </section>
            ))}
          </section>
        ) : null}
        <p class="subscribe__status visually-hidden" role="status" data-copy-status></p>
      </div>
    </Base>
  );
}

/** A feed's two addresses, Atom then JSON Feed, each with its copy button. */
function FeedAddresses({ ctx, baseUrl, title }: { ctx: SiteContext; baseUrl: string; title: string }): JSX.Element {
  const { i18n, site } = ctx;
  const paths = feedPaths(baseUrl);
  const formats = [
    { format: "Atom", url: absoluteUrl(paths.atom, site) },
    { format: "JSON Feed", url: absoluteUrl(paths.json, site) },
  ];
  return (
    <ul class="feed-addresses">
      {formats.map(({ format, url }) => (
        <li class="feed-address">
          <span class="feed-address__format">{format}</span>
          <a class="feed-address__url" href={url} translate="no">
            {url}
          </a>
          <button
            type="button"
            class="feed-address__copy"
            data-copy={url}
            aria-label={i18n.typography(i18n.format(i18n.t.subscribe.addressOf, { format, title }))}
            hidden
          >
            {i18n.t.subscribe.copy}
          </button>
        </li>
      ))}
    </ul>
  );
}
