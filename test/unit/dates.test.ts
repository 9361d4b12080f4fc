import { describe, expect, it } from "vitest";
import { parseDate } from "../../plugins/content/dates.ts";

const zone = "Europe/Paris";

describe("front matter dates", () => {
  it.each([
    ["2024-01-14", "2024-01-14T00:00:00.000+01:00"],
    ["2024-07-14", "2024-07-14T00:00:00.000+02:00"],
    ["2024-01-14 09:30", "2024-01-14T09:30:00.000+01:00"],
    ["2024-01-14T09:30:15", "2024-01-14T09:30:15.000+01:00"],
    ["2024-01-14T09:30:00+05:00", "2024-01-14T05:30:00.000+01:00"],
    ["2024-01-14T09:30Z", "2024-01-14T10:30:00.000+01:00"],
    ["2024-02-29", "2024-02-29T00:00:00.000+01:00"],
  ])("reads %s in the site's zone", (text, iso) => {
    expect(parseDate(text, zone)?.toISO()).toBe(iso);
  });

  it.each([
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-01-14 25:00",
    "2024-01-14 09:61",
    "14/01/2024",
    "demain",
    "",
  ])("refuses %j", (text) => {
    expect(parseDate(text, zone)).toBeNull();
  });

  it("keeps a time skipped by the change to summer time on its day", () => {
    expect(parseDate("2025-03-30 02:30", zone)?.toISODate()).toBe("2025-03-30");
  });
});
