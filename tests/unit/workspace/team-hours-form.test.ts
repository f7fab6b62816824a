import { describe, expect, it } from "vitest";
import { parseBusinessHours } from "~/workspace/business-hours";
import { TeamHoursFormSchema, summariseHours } from "~/workspace/team-hours-form";

const weekdays = { monOpen: "on", monFrom: "09:00", monTo: "17:00", tueOpen: "on", tueFrom: "09:00", tueTo: "17:00", wedOpen: "on", wedFrom: "09:00", wedTo: "17:00", thuOpen: "on", thuFrom: "09:00", thuTo: "17:00", friOpen: "on", friFrom: "09:00", friTo: "15:00" };

describe("team hours form", () => {
  it("reads a weekly schedule, a time zone and closed dates", () => {
    const parsed = TeamHoursFormSchema.parse({ teamId: "t1", timeZone: "Europe/Berlin", ...weekdays, satFrom: "10:00", satTo: "12:00", holidays: "2026-12-26\n2026-12-25 2026-12-25", awayEmailPrompt: " Leave us your email " });
    expect(parsed).toEqual({
      teamId: "t1",
      timeZone: "Europe/Berlin",
      weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "15:00"]] },
      holidays: ["2026-12-25", "2026-12-26"],
      awayEmailPrompt: "Leave us your email",
    });
    expect(summariseHours({ timeZone: parsed.timeZone, weekly: parsed.weekly, holidays: [] })).toBe("Mon–Thu 09:00–17:00, Fri 09:00–15:00 · Europe/Berlin");
  });

  it("stores always open as no days", () => {
    const parsed = TeamHoursFormSchema.parse({ teamId: "t1", timeZone: "UTC", alwaysOpen: "on", ...weekdays });
    expect(parsed.weekly).toEqual({});
    expect(summariseHours(parseBusinessHours({ timeZone: "UTC", hours: "{}", holidays: "[]" }))).toBe("Always open");
  });

  it("names each mistake", () => {
    const result = TeamHoursFormSchema.safeParse({ teamId: "t1", timeZone: "Mars/Olympus", monOpen: "on", monFrom: "17:00", monTo: "09:00", holidays: "25/12/2026" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["timeZone", "monFrom", "holidays", "alwaysOpen"]));
  });
});
