/**
 * The analytics overlay's controls: the toolbar toggle with its range, and the panel over the
 * canvas that says what the numbers on the cards cover (or why there are none).
 */
import { Link } from "@remix-run/react";
import { describeRange, RANGE_PRESETS, type RangePreset } from "~/analytics/range";
import { Icon } from "~/components/icons";
import type { AnalyticsOverlay } from "../use-analytics-overlay";

const RANGE_LABELS: Record<RangePreset, string> = { "7d": "Last 7 days", "30d": "Last 30 days", "90d": "Last 90 days" };

const count = (value: number, one: string, many = `${one}s`) => `${value.toLocaleString("en-US")} ${value === 1 ? one : many}`;

export function AnalyticsToggle({ overlay }: { overlay: AnalyticsOverlay }) {
  return (
    <div className="toolbar-group analytics-toggle">
      <button
        type="button"
        className={overlay.on ? "btn btn-secondary btn-sm is-active" : "btn btn-secondary btn-sm"}
        aria-pressed={overlay.on}
        title="Show on each step how many conversations passed, dropped off or were handed off"
        onClick={overlay.toggle}
      >
        <Icon name="chart" size={14} />
        <span className="toolbar-label">Analytics</span>
      </button>
      {overlay.on ? (
        <>
          <label htmlFor="analytics-range" className="visually-hidden">
            Analytics range
          </label>
          <select id="analytics-range" className="select select-sm" value={overlay.range} onChange={(event) => overlay.setRange(event.target.value as RangePreset)}>
            {RANGE_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {RANGE_LABELS[preset]}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </div>
  );
}

export function AnalyticsSummary({ overlay, flowSlug, published }: { overlay: AnalyticsOverlay; flowSlug: string; published: boolean }) {
  const { load, summary, range } = overlay;
  if (!load) return null;
  const pageLink = (
    <Link to={`/analytics?range=${range}&flow=${encodeURIComponent(flowSlug)}`} className="analytics-summary-link">
      Open in Analytics
    </Link>
  );
  if (load.kind === "error") {
    return (
      <div className="analytics-summary is-error" role="alert">
        <p>Could not load the numbers: {load.message}</p>
        <button type="button" className="btn btn-secondary btn-sm" onClick={overlay.retry}>
          Try again
        </button>
      </div>
    );
  }
  if (!summary) {
    return (
      <div className="analytics-summary" role="status" aria-busy="true">
        <p className="muted">Loading the numbers of the {RANGE_LABELS[range].toLowerCase()}…</p>
      </div>
    );
  }
  const period = load.kind === "ready" ? describeRange({ from: new Date(load.funnel.from), to: new Date(load.funnel.to) }) : null;
  if (summary.conversations === 0) {
    return (
      <div className="analytics-summary is-empty" role="status">
        <h2>No conversations in the {RANGE_LABELS[range].toLowerCase()}</h2>
        <p>
          {published ? "Numbers appear on the steps once customers talk to the published flow." : "This flow is not published yet: numbers appear on the steps once customers talk to it."} Preview runs are not counted.
        </p>
        {pageLink}
      </div>
    );
  }
  return (
    <div className="analytics-summary" role="status" aria-busy={load.kind === "loading"}>
      <p className="analytics-summary-title">
        <strong>{RANGE_LABELS[range]}</strong>
        {period ? <span className="muted"> · {period}</span> : null}
      </p>
      <p>
        {count(summary.conversations, "conversation")} · {summary.escalated.toLocaleString("en-US")} escalated · {summary.droppedOff.toLocaleString("en-US")} dropped off
      </p>
      {summary.removedSteps > 0 ? <p className="muted">{count(summary.removedSteps, "step")} no longer in this draft also had traffic.</p> : null}
      <div className="analytics-summary-footer">
        <ul className="analytics-legend" aria-label="Legend">
          <li className="is-on">Went on</li>
          <li className="is-escalated">Escalated here</li>
          <li className="is-dropped">Dropped off here</li>
        </ul>
        {pageLink}
      </div>
    </div>
  );
}
