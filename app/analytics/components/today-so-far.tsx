/**
 * How every daily chart marks the day still under way (trend-points.ts keeps its values apart):
 * a dashed line labelled "today so far" at that day, the tooltip's date saying "so far", lines
 * ending in a hollow point that is not joined to the finished days, and bars drawn pale with a
 * dashed outline. One place, so a lead reads the same signal on each chart and never takes an
 * unfinished day for a drop.
 *
 * Functions returning elements, not components: Recharts finds its parts among the chart's
 * direct children by type.
 */
import { Cell, ReferenceLine } from "./recharts.client";
import { formatDay } from "../format";
import { soFarKey, type LineKey, type SoFarKey, type TrendPoint } from "../trend-points";
import { CHART_COLORS } from "./chart-frame";

export const TODAY_SO_FAR = "today so far";

export function todaySoFarMarker(partialDay: string | null) {
  if (!partialDay) return null;
  return <ReferenceLine x={partialDay} stroke={CHART_COLORS.axis} strokeDasharray="3 3" label={{ value: TODAY_SO_FAR, position: "insideTopRight", fontSize: 11, fill: CHART_COLORS.axis }} />;
}

/** The tooltip's heading: the date, and "so far" on the day under way. */
export function labelDay(partialDay: string | null) {
  return (day: unknown) => `${formatDay(String(day))}${day === partialDay ? `, ${TODAY_SO_FAR}` : ""}`;
}

export type LineSpec = { key: LineKey | SoFarKey; name: string; color: string; dashed?: boolean; soFar?: boolean };

/** Each line and its twin for the day under way (a hollow point of its own, left out of the legend). */
export function withTodaySoFar(lines: Array<Omit<LineSpec, "key" | "soFar"> & { key: LineKey }>): LineSpec[] {
  return [...lines, ...lines.map((line) => ({ ...line, key: soFarKey(line.key), name: `${line.name}, ${TODAY_SO_FAR}`, soFar: true }))];
}

/** A stacked bar's cells: the day under way pale, outlined with a dash. */
export function todaySoFarCells(points: TrendPoint[], color: string) {
  return points.map((point) =>
    point.partial ? (
      <Cell key={point.day} className="is-today-so-far" fill={color} fillOpacity={0.35} stroke={color} strokeDasharray="3 2" />
    ) : (
      <Cell key={point.day} fill={color} />
    ),
  );
}
