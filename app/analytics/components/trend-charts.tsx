/** The daily trend lines of a report: volume by outcome, the two rates, response times and CSAT. */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay, formatDuration, formatPercent, formatRating } from "../format";
import type { DailyMetrics } from "../metrics";
import { AXIS_PROPS, CHART_COLORS, ChartFrame } from "./chart-frame";

type Point = {
  day: string;
  contained: number;
  escalated: number;
  leftWithBot: number;
  containment: number | null;
  escalation: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  csatBotOnly: number | null;
  csatEscalated: number | null;
};

function toPoints(daily: DailyMetrics[]): Point[] {
  const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);
  return daily.map((day) => ({
    day: day.day,
    contained: day.contained.count,
    escalated: day.escalated.count,
    leftWithBot: day.leftWithBot.count,
    containment: day.contained.rate,
    escalation: day.escalated.rate,
    medianMinutes: minutes(day.firstResponse.medianMs),
    p90Minutes: minutes(day.firstResponse.p90Ms),
    csatBotOnly: day.csatBotOnly.average,
    csatEscalated: day.csatEscalated.average,
  }));
}

const grid = <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />;
const legend = <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />;
const tooltipStyle = { contentStyle: { borderRadius: 8, borderColor: "#e4e5ea", fontSize: 12 }, labelFormatter: (day: unknown) => formatDay(String(day)) };
const xAxis = (points: Point[]) => <XAxis dataKey="day" tickFormatter={formatDay} minTickGap={24} {...AXIS_PROPS} interval={points.length > 40 ? "preserveStartEnd" : undefined} />;
const asNumber = (value: unknown) => (typeof value === "number" ? value : null);

export function TrendCharts({ daily }: { daily: DailyMetrics[] }) {
  const points = toPoints(daily);
  // Few days: dots show which values are real; many days: the line alone reads better.
  const dot = points.length <= 14 ? { r: 3 } : false;
  return (
    <section className="chart-grid" aria-label="Daily trends">
      <ChartFrame title="Conversations per day" description="By how they ended" label="Stacked bars of conversations per day: contained, escalated, left with the bot">
        <BarChart data={points} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          {grid}
          {xAxis(points)}
          <YAxis allowDecimals={false} {...AXIS_PROPS} />
          <Tooltip {...tooltipStyle} cursor={{ fill: "rgba(79, 70, 229, 0.06)" }} />
          {legend}
          <Bar dataKey="contained" name="Contained" stackId="outcome" fill={CHART_COLORS.contained} isAnimationActive={false} />
          <Bar dataKey="escalated" name="Escalated" stackId="outcome" fill={CHART_COLORS.escalated} isAnimationActive={false} />
          <Bar dataKey="leftWithBot" name="Left with the bot" stackId="outcome" fill={CHART_COLORS.leftWithBot} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ChartFrame>
      <ChartFrame title="Containment and escalation" description="Share of each day's conversations" label="Lines of the daily containment and escalation rates">
        <LineChart data={points} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          {grid}
          {xAxis(points)}
          <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value)} {...AXIS_PROPS} />
          <Tooltip {...tooltipStyle} formatter={(value: unknown) => formatPercent(asNumber(value))} />
          {legend}
          <Line type="monotone" dataKey="containment" name="Containment" stroke={CHART_COLORS.contained} strokeWidth={2} dot={dot} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="escalation" name="Escalation" stroke={CHART_COLORS.escalated} strokeWidth={2} dot={dot} connectNulls isAnimationActive={false} />
        </LineChart>
      </ChartFrame>
      <ChartFrame title="First human response" description="Minutes from handoff to the first agent reply" label="Lines of the daily median and 90th percentile first response time">
        <LineChart data={points} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          {grid}
          {xAxis(points)}
          <YAxis {...AXIS_PROPS} />
          <Tooltip {...tooltipStyle} formatter={(value: unknown) => formatDuration(asNumber(value) === null ? null : (value as number) * 60_000)} />
          {legend}
          <Line type="monotone" dataKey="medianMinutes" name="Median" stroke={CHART_COLORS.accent} strokeWidth={2} dot={dot} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="p90Minutes" name="90th percentile" stroke={CHART_COLORS.accentSoft} strokeWidth={2} strokeDasharray="4 3" dot={dot} connectNulls isAnimationActive={false} />
        </LineChart>
      </ChartFrame>
      <ChartFrame title="CSAT" description="Average rating per day, 1 to 5" label="Lines of the daily average CSAT for bot-only and escalated conversations">
        <LineChart data={points} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          {grid}
          {xAxis(points)}
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} {...AXIS_PROPS} />
          <Tooltip {...tooltipStyle} formatter={(value: unknown) => formatRating(asNumber(value))} />
          {legend}
          <Line type="monotone" dataKey="csatBotOnly" name="Bot only" stroke={CHART_COLORS.contained} strokeWidth={2} dot={dot} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="csatEscalated" name="Escalated" stroke={CHART_COLORS.escalated} strokeWidth={2} dot={dot} connectNulls isAnimationActive={false} />
        </LineChart>
      </ChartFrame>
    </section>
  );
}
