/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
import type { DateTime } from "luxon";
import type { I18n } from "../../plugins/i18n/index.ts";

/**
 * A date as readers read it (« 14 janvier 2013 », « 1<sup>er</sup> mars
 * 2024 »), with the exact moment for machines.
 */
export function PostDate({ date, i18n }: { date: DateTime; i18n: I18n }): JSX.Element {
  return <time datetime={i18n.isoDate(date)}>{ordinalDay(i18n.date(date))}</time>;
}

/** French writes the first of the month with a raised « er »: 1<sup>er</sup>. */
export function ordinalDay(text: string): JSX.Element {
  const match = /^(.*?\b1)(er)(\s.*)$/su.exec(text);
  if (!match) return <>{text}</>;
  return (
    <>
      {match[1]}
      <sup>{match[2]}</sup>
      {match[3]}
    </>
  );
}
