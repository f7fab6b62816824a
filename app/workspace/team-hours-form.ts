/**
 * The Teams page's business-hours form: one row per weekday (open? from, to), the time zone, the
 * holidays one date per line and the team's wording of the email offer. Parsed with zod into the
 * stored shape (business-hours.ts). Client-safe (the card reads the same summary).
 */
import { z } from "zod";
import { HolidaysSchema, WEEKDAYS, isValidTimeZone, toMinutes, type BusinessHours, type Weekday, type WeeklyHours } from "./business-hours";

export const WEEKDAY_LABELS: Record<Weekday, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };
/** Monday first, as a support schedule reads. */
export const WEEK_ORDER: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

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
      for (const day of WEEKDAYS) {
        if (form[`${day}Open`] !== "on") continue;
        const from = form[`${day}From`] ?? "";
        const to = form[`${day}To`] ?? "";
        if (!TIME.test(from) || !TIME.test(to)) issue(`${day}From`, `${WEEKDAY_LABELS[day]}: use times like 09:00 and 17:00`);
        else if (toMinutes(from) >= toMinutes(to)) issue(`${day}From`, `${WEEKDAY_LABELS[day]}: closing must come after opening`);
        else weekly[day] = [[from, to]];
      }
      if (Object.keys(weekly).length === 0) issue("alwaysOpen", "Open at least one day, or choose “Always open”");
    }
    const lines = (form.holidays ?? "").split(/[\s,]+/).filter(Boolean);
    const holidays = HolidaysSchema.safeParse(lines);
    const badDate = lines.find((line) => !/^\d{4}-\d{2}-\d{2}$/.test(line) || Number.isNaN(Date.parse(`${line}T00:00:00Z`)));
    if (!holidays.success || badDate) issue("holidays", `Use one date per line like 2026-12-25${badDate ? ` (not “${badDate.slice(0, 20)}”)` : ""}`);
    const awayEmailPrompt = (form.awayEmailPrompt ?? "").trim();
    if (awayEmailPrompt.length > 200) issue("awayEmailPrompt", "Keep it under 200 characters");
    return { teamId: form.teamId ?? "", timeZone, weekly, holidays: [...new Set(lines)].sort(), awayEmailPrompt };
  });

/** "Mon–Fri 09:00–17:00 · Europe/Berlin", "Always open". */
export function summariseHours(hours: BusinessHours): string {
  const open = WEEK_ORDER.filter((day) => hours.weekly[day]?.length);
  if (open.length === 0) return "Always open";
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
