/**
 * A team's business hours: a weekly schedule in the team's IANA time zone plus closed dates
 * (holidays). Pure and client-safe, on Intl alone (no date library is installed): the time zone's
 * offset is read from Intl.DateTimeFormat for each instant, so daylight-saving changes are right.
 *
 * No day in the schedule ("{}") means always open — how every team behaved before hours existed.
 * A day's intervals are local "HH:MM" pairs, end exclusive, "24:00" allowed as the day's end.
 */
import { z } from "zod";

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const IntervalSchema = z
  .tuple([z.string().regex(TIME, "Use HH:MM"), z.string().regex(TIME, "Use HH:MM")])
  .refine(([from, to]) => toMinutes(from) < toMinutes(to), "The day must close after it opens");
export const WeeklyHoursSchema = z.partialRecord(z.enum(WEEKDAYS), z.array(IntervalSchema).max(4));
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;
export const HolidaysSchema = z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")).max(366);

export type BusinessHours = { timeZone: string; weekly: WeeklyHours; holidays: string[] };

/** The longest span business time is counted over: a year of days is enough for any real wait. */
const MAX_DAYS = 400;

export function toMinutes(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h * 60 + m;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A team row's stored columns, read back with zod; anything unreadable means always open in UTC. */
export function parseBusinessHours(row: { timeZone: string; hours: string; holidays: string }): BusinessHours {
  const weekly = safeJson(row.hours, WeeklyHoursSchema) ?? {};
  const holidays = safeJson(row.holidays, HolidaysSchema) ?? [];
  return { timeZone: isValidTimeZone(row.timeZone) ? row.timeZone : "UTC", weekly, holidays };
}

function safeJson<T>(text: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function isAlwaysOpen(hours: BusinessHours): boolean {
  return WEEKDAYS.every((day) => !hours.weekly[day]?.length);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

type LocalDate = { year: number; month: number; day: number };

/** The wall-clock date and time at `instant` in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string): LocalDate & { minutes: number; second: number } {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), minutes: Number(parts.hour) * 60 + Number(parts.minute), second: Number(parts.second) };
}

function offsetMs(instant: number, timeZone: string): number {
  const p = zonedParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, 0, p.minutes, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a local wall-clock time happens in `timeZone` (a skipped DST hour lands just after it). */
export function zonedTimeToInstant(date: LocalDate, minutes: number, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  return second;
}

function addDays(date: LocalDate, days: number): LocalDate & { weekday: Weekday; iso: string } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  const iso = d.toISOString().slice(0, 10);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: WEEKDAYS[d.getUTCDay()], iso };
}

/** Open intervals as [start, end) epoch-ms, day by day from the local day of `from`. */
function* openIntervals(hours: BusinessHours, from: number, days: number): Generator<[number, number]> {
  const today = zonedParts(new Date(from), hours.timeZone);
  const holidays = new Set(hours.holidays);
  for (let i = 0; i < days; i++) {
    const date = addDays(today, i);
    if (holidays.has(date.iso)) continue;
    for (const [open, close] of hours.weekly[date.weekday] ?? []) {
      yield [zonedTimeToInstant(date, toMinutes(open), hours.timeZone), zonedTimeToInstant(date, toMinutes(close), hours.timeZone)];
    }
  }
}

export function isOpenAt(hours: BusinessHours, at: Date): boolean {
  return nextOpeningAt(hours, at)?.getTime() === at.getTime();
}

/** `at` itself when open; else when the team next opens (null when it never does within a year). */
export function nextOpeningAt(hours: BusinessHours, at: Date): Date | null {
  if (isAlwaysOpen(hours)) return at;
  const now = at.getTime();
  // Start a day early: a late-night interval of yesterday's local date can still be running.
  for (const [start, end] of openIntervals(hours, now - 86_400_000, MAX_DAYS)) {
    if (end <= now) continue;
    return new Date(Math.max(start, now));
  }
  return null;
}

/** While open: when the current stretch of opening ends (null when always open or closed now). */
export function closingAt(hours: BusinessHours, at: Date): Date | null {
  if (isAlwaysOpen(hours)) return null;
  const now = at.getTime();
  for (const [start, end] of openIntervals(hours, now - 86_400_000, 3)) {
    if (start <= now && now < end) return new Date(end);
  }
  return null;
}

/**
 * Milliseconds of business time between two instants: only the open hours count (an answer at
 * Monday 9:05 to a Friday 18:00 handoff took 5 business minutes). Wall time when always open.
 */
export function businessMsBetween(hours: BusinessHours, start: Date, end: Date): number {
  const from = start.getTime();
  const to = end.getTime();
  if (!(to > from)) return 0;
  if (isAlwaysOpen(hours)) return to - from;
  const days = Math.min(MAX_DAYS, Math.ceil((to - from) / 86_400_000) + 2);
  let total = 0;
  for (const [open, close] of openIntervals(hours, from - 86_400_000, days + 1)) {
    if (open >= to) break;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total;
}

/**
 * "today 9:00", "tomorrow 9:00", "Monday 9:00" (a later date beyond a week: "Mon 5 Jan 9:00"),
 * in the team's time zone and the reader's language.
 */
export function describeOpening(opening: Date, now: Date, timeZone: string, locale = "en", words = { today: "today", tomorrow: "tomorrow" }): string {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", minute: "2-digit", hourCycle: "h23" }).format(opening);
  const openingDay = zonedParts(opening, timeZone);
  const today = zonedParts(now, timeZone);
  const dayDiff = Math.round((Date.UTC(openingDay.year, openingDay.month - 1, openingDay.day) - Date.UTC(today.year, today.month - 1, today.day)) / 86_400_000);
  if (dayDiff <= 0) return `${words.today} ${time}`;
  if (dayDiff === 1) return `${words.tomorrow} ${time}`;
  const options: Intl.DateTimeFormatOptions = dayDiff < 7 ? { timeZone, weekday: "long" } : { timeZone, weekday: "short", day: "numeric", month: "short" };
  return `${new Intl.DateTimeFormat(locale, options).format(opening)} ${time}`;
}
