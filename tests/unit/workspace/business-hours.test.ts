import { describe, expect, it } from "vitest";
import { businessMsBetween, closingAt, describeOpening, isOpenAt, nextOpeningAt, parseBusinessHours, zonedTimeToInstant, type BusinessHours } from "~/workspace/business-hours";

const weekdays = [["09:00", "17:00"]] as [string, string][];
const berlin: BusinessHours = { timeZone: "Europe/Berlin", weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays }, holidays: ["2026-12-25"] };
const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;

describe("business hours", () => {
  it("reads a Berlin schedule in Berlin time, winter (UTC+1) and summer (UTC+2)", () => {
    expect(isOpenAt(berlin, at("2026-12-07T08:00:00Z"))).toBe(true); // Mon 9:00 CET
    expect(isOpenAt(berlin, at("2026-12-07T07:59:00Z"))).toBe(false);
    expect(isOpenAt(berlin, at("2026-12-07T16:00:00Z"))).toBe(false); // 17:00, end exclusive
    expect(isOpenAt(berlin, at("2026-07-06T07:00:00Z"))).toBe(true); // Mon 9:00 CEST
    expect(isOpenAt(berlin, at("2026-07-06T06:30:00Z"))).toBe(false);
  });

  it("finds the next opening over a weekend and a holiday", () => {
    // Saturday 5 Dec 2026 noon → Monday 7 Dec 9:00 Berlin.
    expect(nextOpeningAt(berlin, at("2026-12-05T11:00:00Z"))?.toISOString()).toBe("2026-12-07T08:00:00.000Z");
    // Thursday 24 Dec after hours → Friday 25 is a holiday → Monday 28 Dec.
    expect(nextOpeningAt(berlin, at("2026-12-24T18:00:00Z"))?.toISOString()).toBe("2026-12-28T08:00:00.000Z");
    const open = at("2026-12-07T10:00:00Z");
    expect(nextOpeningAt(berlin, open)).toEqual(open);
    expect(closingAt(berlin, open)?.toISOString()).toBe("2026-12-07T16:00:00.000Z");
  });

  it("handles the daylight-saving change (Berlin: 29 March 2026, 02:00 → 03:00)", () => {
    expect(new Date(zonedTimeToInstant({ year: 2026, month: 3, day: 28 }, 9 * 60, "Europe/Berlin")).toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(new Date(zonedTimeToInstant({ year: 2026, month: 3, day: 30 }, 9 * 60, "Europe/Berlin")).toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  it("counts only open time between a handoff and a reply", () => {
    // Friday 16:30 Berlin → Monday 9:05: 30 min on Friday + 5 on Monday.
    expect(businessMsBetween(berlin, at("2026-12-04T15:30:00Z"), at("2026-12-07T08:05:00Z"))).toBe(35 * MINUTE);
    // Inside one day it is wall time.
    expect(businessMsBetween(berlin, at("2026-12-07T09:00:00Z"), at("2026-12-07T09:20:00Z"))).toBe(20 * MINUTE);
    // Entirely out of hours: zero.
    expect(businessMsBetween(berlin, at("2026-12-05T10:00:00Z"), at("2026-12-06T10:00:00Z"))).toBe(0);
  });

  it("treats a schedule with no days as always open, and unreadable columns as that too", () => {
    const always = parseBusinessHours({ timeZone: "Nowhere/Land", hours: "not json", holidays: "[]" });
    expect(always).toEqual({ timeZone: "UTC", weekly: {}, holidays: [] });
    expect(isOpenAt(always, at("2026-12-06T03:00:00Z"))).toBe(true);
    expect(businessMsBetween(always, at("2026-12-06T03:00:00Z"), at("2026-12-06T04:00:00Z"))).toBe(60 * MINUTE);
  });

  it("says when it opens in the team's time zone", () => {
    const saturday = at("2026-12-05T11:00:00Z");
    expect(describeOpening(at("2026-12-07T08:00:00Z"), saturday, "Europe/Berlin")).toBe("Monday 09:00");
    expect(describeOpening(at("2026-12-06T08:00:00Z"), saturday, "Europe/Berlin")).toBe("tomorrow 09:00");
    expect(describeOpening(at("2026-12-05T16:00:00Z"), saturday, "Europe/Berlin")).toBe("today 17:00");
  });
});

describe("wait estimate with availability", () => {
  it("adds the time until opening when closed, and promises nothing when nobody is online", async () => {
    const { estimateWaitMinutes } = await import("~/chat/wait-estimate");
    const now = Date.parse("2026-12-05T11:00:00Z");
    expect(estimateWaitMinutes({ state: "closed", opensAt: "2026-12-07T08:00:00Z" }, 12, now)).toBe(45 * 60 + 12);
    expect(estimateWaitMinutes({ state: "nobodyOnline", opensAt: null }, 12, now)).toBeNull();
    expect(estimateWaitMinutes({ state: "open", opensAt: null }, 12, now)).toBe(12);
    expect(estimateWaitMinutes(null, null, now)).toBeNull();
  });
});
