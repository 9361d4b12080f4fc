/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
import type { DateTime } from "luxon";
import type { I18n } from "../../plugins/i18n/index.ts";

/** A date as readers read it (« 14 janvier 2013 »), with the exact moment for machines. */
export function PostDate({ date, i18n }: { date: DateTime; i18n: I18n }): JSX.Element {
  return <time datetime={i18n.isoDate(date)}>{i18n.date(date)}</time>;
}
