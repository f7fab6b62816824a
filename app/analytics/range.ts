/**
 * The analytics date range: a preset (the last 7, 30 or 90 days, today included) or a custom
 * pair of calendar days, both ends included. Days are UTC days, so every viewer and the CSV
 * agree on which conversations a day holds. Pure and isomorphic: the page's filter form and
 * the server parse the same query with the same schema.
 */
import { z } from "zod";

export const DAY_MS = 24 * 60 * 60 * 1000;
export const RANGE_PRESETS = ["7d", "30d", "90d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = "30d";
/** A custom range longer than this is refused: a year of daily points is the most a chart can show. */
export const MAX_RANGE_DAYS = 366;

const PRESET_DAYS: Record<RangePreset, number> = { "7d": 7, "30d": 30, "90d": 90 };

export type DateRange = {
  /** Inclusive start: midnight UTC of the first day. */
  from: Date;
  /** Exclusive end: midnight UTC of the day after the last day. */
  to: Date;
  /** The days in the range, oldest first, as YYYY-MM-DD. */
  days: string[];
  preset: RangePreset | "custom";
};

const DayStringSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-24")
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && toDayString(date) === text;
  }, "That day does not exist");

/** The range fields of the analytics query string (`?range=30d` or `?range=custom&from=…&to=…`). */
export const RangeFields = {
  range: z.enum([...RANGE_PRESETS, "custom"], { error: "Choose 7, 30 or 90 days, or a custom range" }).default(DEFAULT_PRESET),
  from: DayStringSchema.optional(),
  to: DayStringSchema.optional(),
};

/** The cross-field rules of a custom range, for every schema built from RangeFields. */
export function checkRange(query: { range: string; from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (query.range !== "custom") return;
  if (!query.from) ctx.addIssue({ code: "custom", path: ["from"], message: "Choose the first day of the range" });
  if (!query.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose the last day of the range" });
  if (!query.from || !query.to) return;
  const span = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
  if (span < 1) ctx.addIssue({ code: "custom", path: ["from"], message: "The first day is after the last day" });
  else if (span > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `A range can cover at most ${MAX_RANGE_DAYS} days` });
}

export const RangeQuerySchema = z.object(RangeFields).superRefine(checkRange);
export type RangeQuery = z.infer<typeof RangeQuerySchema>;

export function toDayString(date: Date | number): string {
  return new Date(date).toISOString().slice(0, 10);
}

export function startOfUtcDay(date: Date | number): Date {
  const time = new Date(date).getTime();
  return new Date(time - (((time % DAY_MS) + DAY_MS) % DAY_MS));
}

function listDays(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let time = from.getTime(); time < to.getTime(); time += DAY_MS) days.push(toDayString(time));
  return days;
}

/** The concrete days of a parsed query; presets end today (UTC) as seen at `now`. */
export function resolveRange(query: RangeQuery, now: Date = new Date()): DateRange {
  if (query.range === "custom" && query.from && query.to) {
    const from = new Date(`${query.from}T00:00:00Z`);
    const to = new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS);
    return { from, to, days: listDays(from, to), preset: "custom" };
  }
  const preset = query.range === "custom" ? DEFAULT_PRESET : query.range;
  const to = new Date(startOfUtcDay(now).getTime() + DAY_MS);
  const from = new Date(to.getTime() - PRESET_DAYS[preset] * DAY_MS);
  return { from, to, days: listDays(from, to), preset };
}

/** "Nov 3 – Dec 2, 2026" for headings and file names' neighbours. */
export function describeRange(range: Pick<DateRange, "from" | "to">): string {
  const last = new Date(range.to.getTime() - DAY_MS);
  const sameYear = range.from.getUTCFullYear() === last.getUTCFullYear();
  const day = (date: Date, withYear: boolean) =>
    date.toLocaleDateString("en-US", { month: "short", day: "numeric", ...(withYear ? { year: "numeric" } : {}), timeZone: "UTC" });
  return `${day(range.from, !sameYear)} – ${day(last, true)}`;
}
