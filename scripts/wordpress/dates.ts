/**
 * WordPress dates to Billet dates.
 *
 * WordPress stores each date twice: in the site's local time
 * (`wp:post_date`) and in UTC (`wp:post_date_gmt`). Their difference is the
 * site's offset at that moment, so writing the local time with that offset
 * (`2013-01-14T09:30:00+01:00`) keeps the exact moment, whatever time zone
 * the WordPress site and the Billet site are in. Drafts have no UTC date
 * (`0000-00-00 00:00:00`): their local time is written without an offset and
 * read in the Billet site's time zone.
 */
import { DateTime } from "luxon";

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

function parts(text: string): DateTime | undefined {
  const match = WP_DATE.exec(text.trim());
  if (!match || match[1] === "0000") return undefined;
  const [, y, mo, d, h, mi, s] = match.map<number>(Number);
  const date = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi, second: s }, { zone: "UTC" });
  return date.isValid ? date : undefined;
}

/**
 * The date for front matter: `2013-01-14T09:30:00+01:00` when both times are
 * known, `2013-01-14 09:30:00` when only the local one is, undefined when
 * neither is a real date.
 */
export function wpDate(local: string, gmt: string): string | undefined {
  const localTime = parts(local);
  const gmtTime = parts(gmt);
  if (!localTime) {
    // Only the UTC time: keep the moment, in UTC.
    return gmtTime ? `${gmtTime.toFormat("yyyy-LL-dd'T'HH:mm:ss")}+00:00` : undefined;
  }
  if (!gmtTime) return localTime.toFormat("yyyy-LL-dd HH:mm:ss");
  // Offsets are whole quarters of an hour; rounding absorbs a stray second.
  const minutes = Math.round(localTime.diff(gmtTime, "minutes").minutes / 15) * 15;
  if (Math.abs(minutes) > 14 * 60) return localTime.toFormat("yyyy-LL-dd HH:mm:ss");
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${localTime.toFormat("yyyy-LL-dd'T'HH:mm:ss")}${offset}`;
}
