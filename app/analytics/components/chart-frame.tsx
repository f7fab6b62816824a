/**
 * A chart's card: title, one-line description and the chart itself. Recharts measures its
 * container in the browser, so the server (and the hydration pass) render an empty box of the
 * same height and the chart draws right after: no layout jump and no hydration mismatch.
 */
import type { ReactNode } from "react";
import { ResponsiveContainer } from "./recharts.client";
import { useHydrated } from "~/chat/use-hydrated";

export const CHART_COLORS = {
  contained: "#16a34a",
  escalated: "#f59e0b",
  leftWithBot: "#cbd5e1",
  accent: "#4f46e5",
  accentSoft: "#a5b4fc",
  grid: "#eceef2",
  axis: "#696d7d", // --color-text-subtle: axis labels are text (≥ 4.5:1)
} as const;

export const AXIS_PROPS = { stroke: CHART_COLORS.axis, fontSize: 12, tickLine: false, axisLine: false } as const;

/**
 * Every chart tooltip's box and lines. Recharts colours a line's text with its series' colour, and
 * the light series ("Left with the bot" #cbd5e1, amber, green) fall under 4.5:1 on the white box:
 * the text stays dark, the legend and the bars carry the colours.
 */
export const TOOLTIP_STYLE = {
  contentStyle: { borderRadius: 8, borderColor: "#e4e5ea", fontSize: 12 },
  itemStyle: { color: "#1c1d22" },
  labelStyle: { color: "#1c1d22", fontWeight: 600 },
} as const;

type ChartFrameProps = { title: string; description?: string; height?: number; label: string; children: ReactNode; footer?: ReactNode };

export function ChartFrame({ title, description, height = 220, label, children, footer }: ChartFrameProps) {
  const hydrated = useHydrated();
  return (
    <figure className="chart-card card">
      <figcaption className="chart-caption">
        <h3>{title}</h3>
        {description ? <p>{description}</p> : null}
      </figcaption>
      <div className="chart-body" style={{ height }} role="img" aria-label={label}>
        {hydrated ? (
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        ) : null}
      </div>
      {footer}
    </figure>
  );
}
