/** Where handoffs come from: by trigger (a bar chart with its numbers) and by node (a table). */
import { Bar, BarChart, LabelList, Tooltip, XAxis } from "./recharts.client";
import { formatCount, formatPercent } from "../format";
import type { AnalyticsReport } from "../report.server";
import { CHART_COLORS, ChartFrame, TOOLTIP_STYLE } from "./chart-frame";
import { DefinitionHint } from "./definition-hint";
import { OneLineCategoryAxis } from "./one-line-category-axis";
import { ShareBar } from "./share-bar";
import { TableHead } from "~/components/table-head";

type Props = Pick<AnalyticsReport, "byTrigger" | "byNode"> & { showFlow: boolean };

const VISIBLE_NODES = 7;

function NodeTable({ rows, showFlow }: { rows: AnalyticsReport["byNode"]; showFlow: boolean }) {
  return (
    <table className="table table-compact">
      <TableHead columns={[{ label: "Node" }, { label: "Handoffs", numeric: true }, { label: "Share" }]} />
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.flowId}:${row.nodeId ?? ""}`}>
            <td>
              <div className="node-name" title={row.name}>
                {row.name}
              </div>
              <div className="node-kind">
                {showFlow ? `${row.flowName}${row.nodeId ? " · " : ""}` : null}
                {row.nodeId ? (
                  <span className="node-id" title="Step id (as in the CSV export)">
                    {row.nodeId}
                  </span>
                ) : null}
              </div>
            </td>
            <td className="numeric">{formatCount(row.count)}</td>
            <td className="share-cell">
              <ShareBar share={row.shareOfEscalations} tone="warn" />
              <span>{formatPercent(row.shareOfEscalations)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * "160 · 73%" after a bar, on one line. Recharts' own label wraps to the room left inside the plot
 * area, which is none after the longest bar: a plain <text> draws into the chart's right margin.
 */
function renderBarEndLabel({ viewBox, value }: { viewBox?: unknown; value?: unknown }) {
  // LabelList hands each label its bar's box (x and y are the bar's corner, not the label's place).
  const bar = viewBox as { x?: number; y?: number; width?: number; height?: number } | undefined;
  if (bar?.x === undefined || bar.y === undefined) return null;
  return (
    <text x={bar.x + (bar.width ?? 0) + 6} y={bar.y + (bar.height ?? 0) / 2} dy="0.35em" fontSize={12} fill="#676b7a" className="bar-end-label">
      {String(value ?? "")}
    </text>
  );
}

/** The right margin the longest "1,234 · 56%" needs at 12 px (about 7 px a character), so it is never cut. */
function labelRoom(points: Array<{ text: string }>): number {
  return Math.max(72, ...points.map((point) => point.text.length * 7 + 12));
}

export function EscalationBreakdowns({ byTrigger, byNode, showFlow }: Props) {
  if (byTrigger.length === 0) {
    return (
      <section className="card" aria-labelledby="escalations-heading">
        <div className="card-header">
          <h2 id="escalations-heading">Escalations</h2>
        </div>
        <p className="card-body muted">No conversation was handed off in this range.</p>
      </section>
    );
  }
  const points = byTrigger.map((row) => ({ label: row.label, count: row.count, text: `${formatCount(row.count)} · ${formatPercent(row.shareOfEscalations)}` }));
  return (
    <section className="breakdown-grid" aria-labelledby="escalations-heading">
      <h2 id="escalations-heading" className="visually-hidden">
        Escalations
      </h2>
      <ChartFrame
        title="Escalations by trigger"
        description="What handed the conversation to a person"
        height={Math.max(120, points.length * 44 + 16)}
        label={`Bar chart of escalations by trigger: ${points.map((point) => `${point.label} ${point.text}`).join(", ")}`}
        footer={
          <table className="table table-compact trigger-table">
            <TableHead columns={[{ label: "Trigger" }, { label: "Handoffs", numeric: true }, { label: "Share", numeric: true }, { label: "Of all conversations", numeric: true }]} />
            <tbody>
              {byTrigger.map((row) => (
                <tr key={row.key}>
                  <td>{row.label}</td>
                  <td className="numeric">{formatCount(row.count)}</td>
                  <td className="numeric">{formatPercent(row.shareOfEscalations)}</td>
                  <td className="numeric">{formatPercent(row.rateOfConversations, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <BarChart data={points} layout="vertical" margin={{ top: 4, right: labelRoom(points), left: 8, bottom: 4 }}>
          <XAxis type="number" hide allowDecimals={false} />
          <OneLineCategoryAxis dataKey="label" names={points.map((point) => point.label)} />
          <Tooltip cursor={{ fill: "rgba(79, 70, 229, 0.06)" }} {...TOOLTIP_STYLE} />
          <Bar dataKey="count" name="Escalations" fill={CHART_COLORS.escalated} radius={[0, 4, 4, 0]} barSize={22} isAnimationActive={false}>
            <LabelList dataKey="text" position="right" content={renderBarEndLabel} />
          </Bar>
        </BarChart>
      </ChartFrame>
      <div className="card breakdown-card">
        <div className="breakdown-caption">
          <div className="heading-with-hint">
            <h3>Escalations by node</h3>
            <DefinitionHint metric="escalationNode" />
          </div>
          <p>The node the conversation was at when it was handed off</p>
        </div>
        <NodeTable rows={byNode.slice(0, VISIBLE_NODES)} showFlow={showFlow} />
        {byNode.length > VISIBLE_NODES ? (
          <details className="breakdown-more">
            <summary>Show {byNode.length - VISIBLE_NODES} more nodes</summary>
            <NodeTable rows={byNode.slice(VISIBLE_NODES)} showFlow={showFlow} />
          </details>
        ) : null}
      </div>
    </section>
  );
}
