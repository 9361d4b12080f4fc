/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
import type { PostEntry } from "../../plugins/content/model.ts";
import { Base } from "../components/Base.tsx";
import { PostSummary } from "../components/PostSummary.tsx";
import type { SiteContext } from "../data.ts";

/** The 404 page: what happened, the way home, and the latest posts to go on reading. */
export function NotFoundPage({ ctx, latest }: { ctx: SiteContext; latest: PostEntry[] }): JSX.Element {
  const { i18n } = ctx;
  const { t } = i18n;
  return (
    <Base ctx={ctx} meta={{ kind: "not-found", url: "/404.html", title: t.notFound.title, noindex: true }}>
      <header class="list-header">
        <p class="not-found__code">{t.notFoundCode}</p>
        <h1>{t.notFound.title}</h1>
        <p class="list-header__intro">{i18n.typography(t.notFound.text)}</p>
        <p>
          <a class="not-found__home" href="/">
            {t.notFound.backHome}
          </a>
        </p>
      </header>
      {latest.length > 0 ? (
        <section class="not-found__latest" aria-labelledby="derniers-billets">
          <h2 id="derniers-billets">{t.lists.latest}</h2>
          <ul class="post-list">
            {latest.map((post) => (
              <li>
                <PostSummary post={post} i18n={i18n} level={3} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Base>
  );
}
