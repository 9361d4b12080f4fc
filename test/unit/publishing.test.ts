import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isBuilt, publicationState } from "../../plugins/content/publishing.ts";

const now = DateTime.fromISO("2026-06-01T12:00:00", { zone: "Europe/Paris" });

describe("publishing rules", () => {
  it("publishes a post dated now or before", () => {
    expect(publicationState({ draft: false, date: now }, now)).toBe("published");
    expect(publicationState({ draft: false, date: now.minus({ years: 3 }) }, now)).toBe("published");
  });

  it("schedules a post dated after now, even by a minute", () => {
    expect(publicationState({ draft: false, date: now.plus({ minutes: 1 }) }, now)).toBe("scheduled");
  });

  it("compares moments, not wall clocks: a post at 13:00 in Paris is out at 11:30 UTC", () => {
    const date = DateTime.fromISO("2026-06-01T13:00:00", { zone: "Europe/Paris" });
    expect(publicationState({ draft: false, date }, DateTime.fromISO("2026-06-01T11:30:00Z"))).toBe("published");
    expect(publicationState({ draft: false, date }, DateTime.fromISO("2026-06-01T10:30:00Z"))).toBe("scheduled");
  });

  it("never publishes a draft, whatever its date", () => {
    expect(publicationState({ draft: true, date: now.minus({ days: 1 }) }, now)).toBe("draft");
    expect(publicationState({ draft: true, date: now.plus({ days: 1 }) }, now)).toBe("draft");
  });

  it("builds drafts and scheduled posts in preview only", () => {
    expect(isBuilt("published", false)).toBe(true);
    expect(isBuilt("draft", false)).toBe(false);
    expect(isBuilt("scheduled", false)).toBe(false);
    expect(isBuilt("draft", true)).toBe(true);
    expect(isBuilt("scheduled", true)).toBe(true);
  });
});
