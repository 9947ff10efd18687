import { describe, expect, it } from "vitest";
import { jstDate, jstInstant } from "../../web/i18n/dates";

describe("dates a person reads at once", () => {
  it("writes Japanese dates with the weekday and English ones unambiguously, both in JST", () => {
    expect(jstDate("ja", "2027-01-29")).toBe("2027年1月29日(金)");
    // 15:30 UTC on 30 Nov is already 1 Dec in Japan.
    expect(jstInstant("ja", "2026-11-30T15:30:00.000Z")).toBe("2026年12月1日(火) 00:30 JST");
    expect(jstDate("en", "2026-12-01")).toBe("1 Dec 2026");
    expect(jstInstant("en", "2026-11-30T15:30:00.000Z")).toMatch(/^1 Dec 2026,? 00:30 JST$/);
    expect(jstInstant("ja", "2026-11-30T15:30:00.000Z", { timeOnly: true })).toBe("00:30:00 JST");
  });

  it("keeps the day in the short form, so a time from before midnight is never read as today's", () => {
    const now = Date.parse("2026-12-02T01:00:00.000Z");
    // 23:50 JST on 1 Dec, read at 10:00 JST on 2 Dec.
    expect(jstInstant("ja", "2026-12-01T14:50:00.000Z", { short: true, now })).toBe("12月1日(火) 23:50 JST");
    expect(jstInstant("en", "2026-12-01T14:50:00.000Z", { short: true, now })).toMatch(/^1 Dec,? 23:50 JST$/);
    // Another year keeps its year.
    expect(jstInstant("ja", "2025-12-01T14:50:00.000Z", { short: true, now })).toBe("2025年12月1日(月) 23:50 JST");
  });
});
