/**
 * The Teams page's business-hours form: one row per weekday (open? and up to four openings, each
 * from–to), the time zone, the holidays one date per line and the team's wording of the email offer.
 * Parsed with zod into the stored shape (business-hours.ts); a day's openings must each close after
 * they open and must not overlap, and any mistake is reported without saving anything.
 * Client-safe (the card reads the same summary and field names).
 */
import { z } from "zod";
import { HolidaysSchema, WEEKDAYS, isValidTimeZone, toMinutes, type BusinessHours, type Weekday, type WeeklyHours } from "./business-hours";

export const WEEKDAY_LABELS: Record<Weekday, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };
/** Monday first, as a support schedule reads. */
export const WEEK_ORDER: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** What the stored format allows (WeeklyHoursSchema): a split shift, a lunch break, an evening slot. */
export const MAX_OPENINGS_PER_DAY = 4;

/** Form field names of a day's n-th opening (0-based): the first keeps the one-opening names `monFrom` / `monTo`. */
export function openingFieldNames(day: Weekday, index: number): { from: string; to: string } {
  const suffix = index === 0 ? "" : String(index + 1);
  return { from: `${day}From${suffix}`, to: `${day}To${suffix}` };
}

export type DayOpenings = { ok: true; openings: Array<[string, string]> } | { ok: false; error: string };

/**
 * Checks one day's openings as typed: times like 09:00, each closing after it opens, at most four,
 * none overlapping another (one may start when another ends). Returns them sorted by opening time.
 */
export function checkDayOpenings(dayLabel: string, typed: Array<[string, string]>): DayOpenings {
  if (typed.length > MAX_OPENINGS_PER_DAY) return { ok: false, error: `${dayLabel}: at most ${MAX_OPENINGS_PER_DAY} openings a day` };
  for (const [index, [from, to]] of typed.entries()) {
    const which = typed.length > 1 ? `${dayLabel}, opening ${index + 1}` : dayLabel;
    if (!TIME.test(from) || !TIME.test(to)) return { ok: false, error: `${which}: use times like 09:00 and 17:00` };
    if (toMinutes(from) >= toMinutes(to)) return { ok: false, error: `${which}: closing must come after opening` };
  }
  const sorted = [...typed].sort((a, b) => toMinutes(a[0]) - toMinutes(b[0]));
  for (let index = 1; index < sorted.length; index += 1) {
    const [before, after] = [sorted[index - 1], sorted[index]];
    if (toMinutes(after[0]) < toMinutes(before[1])) return { ok: false, error: `${dayLabel}: ${before[0]}–${before[1]} and ${after[0]}–${after[1]} overlap` };
  }
  return { ok: true, openings: sorted };
}

/** The openings submitted for a day: every index whose fields were sent (a removed opening sends none). */
function readDayOpenings(form: Record<string, string>, day: Weekday): Array<[string, string]> {
  const typed: Array<[string, string]> = [];
  // One past the limit, so a forged fifth opening is refused rather than silently dropped.
  for (let index = 0; index <= MAX_OPENINGS_PER_DAY; index += 1) {
    const names = openingFieldNames(day, index);
    if (form[names.from] === undefined && form[names.to] === undefined) continue;
    typed.push([form[names.from] ?? "", form[names.to] ?? ""]);
  }
  return typed;
}

export type TeamHoursInput = { teamId: string; timeZone: string; weekly: WeeklyHours; holidays: string[]; awayEmailPrompt: string };

/** Reads the submitted fields (`timeZone`, `alwaysOpen`, `<day>Open`, `<day>From`, `<day>To`, `holidays`, `awayEmailPrompt`). */
export const TeamHoursFormSchema = z
  .record(z.string(), z.string())
  .transform((form, ctx): TeamHoursInput => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const timeZone = (form.timeZone ?? "").trim();
    if (!isValidTimeZone(timeZone)) issue("timeZone", "Choose a time zone such as Europe/Berlin");
    const weekly: WeeklyHours = {};
    if (form.alwaysOpen !== "on") {
      const openDays = WEEKDAYS.filter((day) => form[`${day}Open`] === "on");
      for (const day of openDays) {
        const checked = checkDayOpenings(WEEKDAY_LABELS[day], readDayOpenings(form, day));
        // One error per day, under the day's first field (`monFrom`), where the form shows it.
        if (checked.ok) weekly[day] = checked.openings;
        else issue(`${day}From`, checked.error);
      }
      // Only when no day is ticked: a ticked day with a mistake already has its own message.
      if (openDays.length === 0) issue("alwaysOpen", "Open at least one day, or choose “Always open”");
    }
    const lines = (form.holidays ?? "").split(/[\s,]+/).filter(Boolean);
    const holidays = HolidaysSchema.safeParse(lines);
    const badDate = lines.find((line) => !/^\d{4}-\d{2}-\d{2}$/.test(line) || Number.isNaN(Date.parse(`${line}T00:00:00Z`)));
    if (!holidays.success || badDate) issue("holidays", `Use one date per line like 2026-12-25${badDate ? ` (not “${badDate.slice(0, 20)}”)` : ""}`);
    const awayEmailPrompt = (form.awayEmailPrompt ?? "").trim();
    if (awayEmailPrompt.length > 200) issue("awayEmailPrompt", "Keep it under 200 characters");
    return { teamId: form.teamId ?? "", timeZone, weekly, holidays: [...new Set(lines)].sort(), awayEmailPrompt };
  });

/** "Mon–Fri 09:00–17:00 · Europe/Berlin", "Always open · Europe/Berlin" (closed dates are days in that zone). */
export function summariseHours(hours: BusinessHours): string {
  const open = WEEK_ORDER.filter((day) => hours.weekly[day]?.length);
  if (open.length === 0) return `Always open · ${hours.timeZone}`;
  const groups: { days: Weekday[]; span: string }[] = [];
  for (const day of open) {
    const span = (hours.weekly[day] ?? []).map(([from, to]) => `${from}–${to}`).join(", ");
    const last = groups[groups.length - 1];
    const previousDay = last ? last.days[last.days.length - 1] : null;
    if (last && last.span === span && previousDay && WEEK_ORDER.indexOf(previousDay) === WEEK_ORDER.indexOf(day) - 1) last.days.push(day);
    else groups.push({ days: [day], span });
  }
  const name = (day: Weekday) => WEEKDAY_LABELS[day].slice(0, 3);
  const text = groups.map((g) => `${g.days.length > 1 ? `${name(g.days[0])}–${name(g.days[g.days.length - 1])}` : name(g.days[0])} ${g.span}`).join(", ");
  return `${text} · ${hours.timeZone}`;
}
