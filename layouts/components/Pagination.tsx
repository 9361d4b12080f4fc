/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
import type { ListPage } from "../../plugins/content/model.ts";
import type { I18n } from "../../plugins/i18n/index.ts";

/** Newer/older links under a paginated list, with « Page 2 sur 7 ». */
export function Pagination({ list, i18n }: { list: ListPage; i18n: I18n }): JSX.Element {
  if (list.totalPages <= 1) return null;
  const { t } = i18n;
  return (
    <nav class="pagination" aria-label={t.lists.pagination}>
      {list.newerUrl ? (
        <a href={list.newerUrl} rel="prev">
          ← {t.lists.newer}
        </a>
      ) : (
        <span />
      )}
      <span class="pagination__status">
        {i18n.format(t.lists.pageOf, { page: list.pageNumber, total: list.totalPages })}
      </span>
      {list.olderUrl ? (
        <a href={list.olderUrl} rel="next">
          {t.lists.older} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
