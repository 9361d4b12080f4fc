/**
 * Dates as authors write them in front matter, read in the site's time zone.
 *
 * Accepted: `2024-01-14`, `2024-01-14 09:30`, `2024-01-14T09:30:00`, and any
 * of these with an explicit offset (`+01:00`, `Z`), which then wins over the
 * site's zone.
 */
import { DateTime } from "luxon";

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Returns the date in `zone`, or null when the text is not a real calendar date. */
export function parseDate(text: string, zone: string): DateTime | null {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", offset] = match;
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
  };
  const dt = offset
    ? DateTime.fromObject(parts, {
        zone:
          offset === "Z" ? "UTC" : `UTC${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`,
      })
    : DateTime.fromObject(parts, { zone });
  // Luxon refuses out-of-range parts (2024-02-30, 25:00) rather than rolling them over.
  if (!dt.isValid) return null;
  return dt.setZone(zone);
}
