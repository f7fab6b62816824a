/**
 * The daily trend charts' data points. The day still under way (today, UTC, when the range
 * holds it) is kept apart for the two rates: its conversations are not finished, so its
 * containment reads low and its escalation high. Its rates go to the `…SoFar` keys, which the
 * chart draws as a hollow point labelled "today so far", not joined to the finished days' line.
 */
import type { DailyMetrics } from "./metrics";

export type TrendPoint = {
  day: string;
  contained: number;
  escalated: number;
  leftWithBot: number;
  containment: number | null;
  escalation: number | null;
  containmentSoFar: number | null;
  escalationSoFar: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  csatBotOnly: number | null;
  csatEscalated: number | null;
};

export function toTrendPoints(daily: DailyMetrics[], partialDay: string | null): TrendPoint[] {
  const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);
  return daily.map((day) => {
    const partial = day.day === partialDay;
    return {
      day: day.day,
      contained: day.contained.count,
      escalated: day.escalated.count,
      leftWithBot: day.leftWithBot.count,
      containment: partial ? null : day.contained.rate,
      escalation: partial ? null : day.escalated.rate,
      containmentSoFar: partial ? day.contained.rate : null,
      escalationSoFar: partial ? day.escalated.rate : null,
      medianMinutes: minutes(day.firstResponse.medianMs),
      p90Minutes: minutes(day.firstResponse.p90Ms),
      csatBotOnly: day.csatBotOnly.average,
      csatEscalated: day.csatEscalated.average,
    };
  });
}
