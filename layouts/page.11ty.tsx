/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * Layout of a page (« Mes prestations », « Me contacter »…): title, body,
 * the form the page asks for, and the comments it brought from an earlier
 * blog, if any.
 */
import { commentStyles, CommentsSection } from "../plugins/comments/components/CommentsSection.tsx";
import { Base } from "./components/Base.tsx";
import { ContactForm } from "./components/ContactForm.tsx";
import { StateBadge } from "./components/StateBadge.tsx";
import { siteContext, type TemplateData } from "./data.ts";

export default function PageLayout(data: TemplateData): JSX.Element {
  const ctx = siteContext(data);
  const { i18n, site } = ctx;
  const page = data.blog.page(data.page.inputPath);
  return (
    <Base
      ctx={ctx}
      meta={{
        kind: "page",
        page,
        url: page.url,
        title: page.title,
        description: page.description,
        noindex: page.noindex,
      }}
      styles={commentStyles(page, ctx)}
    >
      {/* Search indexes the page (plugins/search), unless it is kept out of search engines. */}
      <article class="page">
        <header class="page__header">
          <h1>
            {page.title} <StateBadge state={page.state} i18n={i18n} />
          </h1>
        </header>
        <div class="prose">{{ html: data.content }}</div>
        {page.form === "contact" ? <ContactForm i18n={i18n} successUrl={site.contactSuccessUrl} /> : null}
      </article>
      <CommentsSection post={page} ctx={ctx} />
    </Base>
  );
}
