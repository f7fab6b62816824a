/**
 * The daily trend charts' data points. The day still under way (today, UTC, when the range
 * holds it) is kept apart on every chart: its conversations are not finished, so its
 * containment reads low, its escalation high, its response times and ratings are a few hours'.
 * Its counts stay (the bars mark the day with `partial`); every per-day value a line draws goes
 * to its `…SoFar` twin, which the chart draws as a hollow point labelled "today so far", not
 * joined to the finished days' line (components/today-so-far.tsx).
 */
import type { DailyMetrics } from "./metrics";

/** The values drawn as lines, each with its `…SoFar` twin that holds the partial day's value. */
export type LineKey = "containment" | "escalation" | "medianMinutes" | "p90Minutes" | "csatBotOnly" | "csatEscalated";
export type SoFarKey = `${LineKey}SoFar`;

export type TrendPoint = {
  day: string;
  /** The day is still under way: its bars are drawn apart and its line values sit on the `…SoFar` keys. */
  partial: boolean;
  contained: number;
  escalated: number;
  leftWithBot: number;
} & Record<LineKey | SoFarKey, number | null>;

export const soFarKey = (key: LineKey): SoFarKey => `${key}SoFar`;

export function toTrendPoints(daily: DailyMetrics[], partialDay: string | null): TrendPoint[] {
  const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);
  return daily.map((day) => {
    const partial = day.day === partialDay;
    const values: Record<LineKey, number | null> = {
      containment: day.contained.rate,
      escalation: day.escalated.rate,
      medianMinutes: minutes(day.firstResponse.medianMs),
      p90Minutes: minutes(day.firstResponse.p90Ms),
      csatBotOnly: day.csatBotOnly.average,
      csatEscalated: day.csatEscalated.average,
    };
    const line = (key: LineKey) => (partial ? null : values[key]);
    const soFar = (key: LineKey) => (partial ? values[key] : null);
    return {
      day: day.day,
      partial,
      contained: day.contained.count,
      escalated: day.escalated.count,
      leftWithBot: day.leftWithBot.count,
      containment: line("containment"),
      containmentSoFar: soFar("containment"),
      escalation: line("escalation"),
      escalationSoFar: soFar("escalation"),
      medianMinutes: line("medianMinutes"),
      medianMinutesSoFar: soFar("medianMinutes"),
      p90Minutes: line("p90Minutes"),
      p90MinutesSoFar: soFar("p90Minutes"),
      csatBotOnly: line("csatBotOnly"),
      csatBotOnlySoFar: soFar("csatBotOnly"),
      csatEscalated: line("csatEscalated"),
      csatEscalatedSoFar: soFar("csatEscalated"),
    };
  });
}
