/** The daily trend lines of a report: volume by outcome, the two rates, response times and CSAT, each with today marked "so far" (today-so-far.tsx). */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis, type YAxisProps } from "./recharts.client";
import { formatDay, formatDuration, formatPercent, formatRating } from "../format";
import type { DailyMetrics } from "../metrics";
import { toTrendPoints, type TrendPoint as Point } from "../trend-points";
import { AXIS_PROPS, CHART_COLORS, ChartFrame, TOOLTIP_STYLE } from "./chart-frame";
import { labelDay, todaySoFarCells, todaySoFarMarker, withTodaySoFar, type LineSpec } from "./today-so-far";

// Functions, not module-level elements: no JSX may run while the server bundle loads (see icons.tsx).
const grid = () => <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />;
const legend = () => <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />;
const tooltipStyle = (partialDay: string | null) => ({ ...TOOLTIP_STYLE, labelFormatter: labelDay(partialDay) });
const xAxis = (points: Point[]) => <XAxis dataKey="day" tickFormatter={formatDay} minTickGap={24} {...AXIS_PROPS} interval={points.length > 40 ? "preserveStartEnd" : undefined} />;
const asNumber = (value: unknown) => (typeof value === "number" ? value : null);
const MARGIN = { top: 8, right: 8, left: -16, bottom: 0 };

/** A LineChart element (not a component: ResponsiveContainer sizes its direct child). */
function lineChart(points: Point[], options: { yAxis: YAxisProps; format: (value: number | null) => string; lines: LineSpec[]; partialDay: string | null }) {
  // Few days: dots show which values are real; many days: the line alone reads better.
  const dot = points.length <= 14 ? { r: 3 } : false;
  return (
    <LineChart data={points} margin={MARGIN}>
      {grid()}
      {xAxis(points)}
      <YAxis {...AXIS_PROPS} {...options.yAxis} />
      <Tooltip {...tooltipStyle(options.partialDay)} formatter={(value: unknown) => options.format(asNumber(value))} />
      {legend()}
      {todaySoFarMarker(options.partialDay)}
      {options.lines.map((line) => (
        <Line
          key={line.key}
          type="monotone"
          dataKey={line.key}
          name={line.name}
          stroke={line.color}
          strokeWidth={2}
          strokeDasharray={line.dashed ? "4 3" : undefined}
          dot={line.soFar ? { r: 4, fill: "#fff", strokeWidth: 2 } : dot}
          activeDot={line.soFar ? { r: 5, fill: "#fff", strokeWidth: 2 } : undefined}
          legendType={line.soFar ? "none" : undefined}
          connectNulls={!line.soFar}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

/** `partialDay`: today (UTC) when the range holds it; every chart shows it apart, as "today so far". */
export function TrendCharts({ daily, partialDay }: { daily: DailyMetrics[]; partialDay: string | null }) {
  const points = toTrendPoints(daily, partialDay);
  return (
    <section className="chart-grid" aria-label="Daily trends">
      <ChartFrame title="Conversations per day" description="By how they ended" label="Stacked bars of conversations per day: contained, escalated, left with the bot">
        <BarChart data={points} margin={MARGIN}>
          {grid()}
          {xAxis(points)}
          <YAxis allowDecimals={false} {...AXIS_PROPS} />
          <Tooltip {...tooltipStyle(partialDay)} cursor={{ fill: "rgba(79, 70, 229, 0.06)" }} />
          {legend()}
          {todaySoFarMarker(partialDay)}
          <Bar dataKey="contained" name="Contained" stackId="outcome" fill={CHART_COLORS.contained} isAnimationActive={false}>
            {todaySoFarCells(points, CHART_COLORS.contained)}
          </Bar>
          <Bar dataKey="escalated" name="Escalated" stackId="outcome" fill={CHART_COLORS.escalated} isAnimationActive={false}>
            {todaySoFarCells(points, CHART_COLORS.escalated)}
          </Bar>
          <Bar dataKey="leftWithBot" name="Left with the bot" stackId="outcome" fill={CHART_COLORS.leftWithBot} radius={[3, 3, 0, 0]} isAnimationActive={false}>
            {todaySoFarCells(points, CHART_COLORS.leftWithBot)}
          </Bar>
        </BarChart>
      </ChartFrame>
      <ChartFrame title="Containment and escalation" description="Share of each day's conversations" label="Lines of the daily containment and escalation rates">
        {lineChart(points, {
          yAxis: { domain: [0, 1], tickFormatter: (value: number) => formatPercent(value) },
          format: (value) => formatPercent(value),
          lines: withTodaySoFar([
            { key: "containment", name: "Containment", color: CHART_COLORS.contained },
            { key: "escalation", name: "Escalation", color: CHART_COLORS.escalated },
          ]),
          partialDay,
        })}
      </ChartFrame>
      <ChartFrame title="First human response" description="Minutes from handoff to the first agent reply" label="Lines of the daily median and 90th percentile first response time">
        {lineChart(points, {
          yAxis: {},
          format: (value) => formatDuration(value === null ? null : value * 60_000),
          lines: withTodaySoFar([
            { key: "medianMinutes", name: "Median", color: CHART_COLORS.accent },
            { key: "p90Minutes", name: "90th percentile", color: CHART_COLORS.accentSoft, dashed: true },
          ]),
          partialDay,
        })}
      </ChartFrame>
      <ChartFrame title="CSAT" description="Average rating per day, 1 to 5" label="Lines of the daily average CSAT for bot-only and escalated conversations">
        {lineChart(points, {
          yAxis: { domain: [1, 5], ticks: [1, 2, 3, 4, 5] },
          format: formatRating,
          lines: withTodaySoFar([
            { key: "csatBotOnly", name: "Bot only", color: CHART_COLORS.contained },
            { key: "csatEscalated", name: "Escalated", color: CHART_COLORS.escalated },
          ]),
          partialDay,
        })}
      </ChartFrame>
    </section>
  );
}
