import { describe, expect, it } from "vitest";
import { parseBusinessHours } from "~/workspace/business-hours";
import { MAX_OPENINGS_PER_DAY, TeamHoursFormSchema, checkDayOpenings, openingFieldNames, summariseHours } from "~/workspace/team-hours-form";

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
    expect(summariseHours(parseBusinessHours({ timeZone: "UTC", hours: "{}", holidays: "[]" }))).toBe("Always open · UTC");
    expect(summariseHours(parseBusinessHours({ timeZone: "Asia/Tokyo", hours: "{}", holidays: "[]" }))).toBe("Always open · Asia/Tokyo");
  });

  it("names each mistake", () => {
    const result = TeamHoursFormSchema.safeParse({ teamId: "t1", timeZone: "Mars/Olympus", monOpen: "on", monFrom: "17:00", monTo: "09:00", holidays: "25/12/2026" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path[0]);
    expect(paths).toEqual(["timeZone", "monFrom", "holidays"]);
    // No day ticked and not always open: that is its own mistake.
    expect(TeamHoursFormSchema.safeParse({ teamId: "t1", timeZone: "UTC" }).error?.issues.map((issue) => issue.path[0])).toEqual(["alwaysOpen"]);
  });

  it("reads up to four openings a day, stored in order of opening, and summarises them", () => {
    const parsed = TeamHoursFormSchema.parse({
      teamId: "t1", timeZone: "UTC",
      monOpen: "on", monFrom: "13:00", monTo: "17:00", monFrom2: "08:00", monTo2: "12:00", monFrom3: "18:00", monTo3: "20:00", monFrom4: "20:00", monTo4: "24:00",
      tueOpen: "on", tueFrom: "09:00", tueTo: "12:00",
    });
    expect(parsed.weekly).toEqual({ mon: [["08:00", "12:00"], ["13:00", "17:00"], ["18:00", "20:00"], ["20:00", "24:00"]], tue: [["09:00", "12:00"]] });
    expect(summariseHours({ timeZone: "UTC", weekly: parsed.weekly, holidays: [] })).toBe("Mon 08:00–12:00, 13:00–17:00, 18:00–20:00, 20:00–24:00, Tue 09:00–12:00 · UTC");
  });

  it("names the first opening's fields as before and numbers the others", () => {
    expect(openingFieldNames("wed", 0)).toEqual({ from: "wedFrom", to: "wedTo" });
    expect(openingFieldNames("wed", 3)).toEqual({ from: "wedFrom4", to: "wedTo4" });
  });

  it("refuses openings that overlap, close before they open, are not times, or are too many — naming the day and the opening", () => {
    expect(checkDayOpenings("Monday", [["09:00", "13:00"], ["12:00", "17:00"]])).toEqual({ ok: false, error: "Monday: 09:00–13:00 and 12:00–17:00 overlap" });
    // Overlap is found whatever order they were typed in, also when one holds another.
    expect(checkDayOpenings("Monday", [["10:00", "11:00"], ["09:00", "17:00"]])).toEqual({ ok: false, error: "Monday: 09:00–17:00 and 10:00–11:00 overlap" });
    expect(checkDayOpenings("Monday", [["09:00", "12:00"], ["14:00", "13:00"]])).toEqual({ ok: false, error: "Monday, opening 2: closing must come after opening" });
    expect(checkDayOpenings("Monday", [["09:00", "09:00"]])).toEqual({ ok: false, error: "Monday: closing must come after opening" });
    expect(checkDayOpenings("Monday", [["09:00", "12:00"], ["", "17:00"]])).toEqual({ ok: false, error: "Monday, opening 2: use times like 09:00 and 17:00" });
    const five = Array.from({ length: MAX_OPENINGS_PER_DAY + 1 }, (_, hour): [string, string] => [`0${hour}:00`, `0${hour}:30`]);
    expect(checkDayOpenings("Monday", five)).toEqual({ ok: false, error: "Monday: at most 4 openings a day" });
    // Back to back is not an overlap: one may open as another closes.
    expect(checkDayOpenings("Monday", [["12:00", "17:00"], ["09:00", "12:00"]])).toEqual({ ok: true, openings: [["09:00", "12:00"], ["12:00", "17:00"]] });
  });

  it("reports a day's mistake on its first field and stores nothing of a form with one", () => {
    const result = TeamHoursFormSchema.safeParse({ teamId: "t1", timeZone: "UTC", monOpen: "on", monFrom: "09:00", monTo: "13:00", monFrom2: "12:00", monTo2: "17:00", tueOpen: "on", tueFrom: "09:00", tueTo: "17:00" });
    expect(result.success).toBe(false);
    // Only the day's own message: "open at least one day" would be wrong, Monday and Tuesday are ticked.
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([["monFrom", "Monday: 09:00–13:00 and 12:00–17:00 overlap"]]);
    const onlyDay = TeamHoursFormSchema.safeParse({ teamId: "t1", timeZone: "UTC", monOpen: "on", monFrom: "17:00", monTo: "09:00" });
    expect(onlyDay.error?.issues.map((issue) => issue.path[0])).toEqual(["monFrom"]);
    // A forged fifth opening is refused, not dropped.
    const forged = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [[openingFieldNames("fri", index).from, `1${index}:00`], [openingFieldNames("fri", index).to, `1${index}:30`]]).flat());
    expect(TeamHoursFormSchema.safeParse({ teamId: "t1", timeZone: "UTC", friOpen: "on", ...forged }).error?.issues[0]?.message).toBe("Friday: at most 4 openings a day");
  });
});
