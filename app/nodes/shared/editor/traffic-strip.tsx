/**
 * The analytics overlay's strip on a canvas card: a bar as long as the share of the flow's
 * conversations that reached the step (split into went on / handed off here / ended here), and
 * the three counts under it.
 */
import type { NodeTraffic } from "./types";

const count = (value: number) => value.toLocaleString("en-US");

function percent(share: number): string {
  if (share > 0 && share < 0.01) return "<1%";
  return `${Math.round(share * 100)}%`;
}

function describe(traffic: NodeTraffic): string {
  return [
    `${count(traffic.passed)} conversation${traffic.passed === 1 ? "" : "s"} reached this step (${percent(traffic.share)} of the flow's).`,
    `${count(traffic.droppedOff)} ended here with the bot, without an answer or a handoff.`,
    `${count(traffic.escalated)} were handed off to a person here.`,
    ...(traffic.apiCalls > 0 ? [`${count(traffic.apiFailures)} of its ${count(traffic.apiCalls)} API calls failed.`] : []),
  ].join("\n");
}

function Stat({ name, label, value, extra }: { name: string; label: string; value: number; extra?: string }) {
  return (
    <span className={value === 0 ? "node-traffic-stat is-zero" : "node-traffic-stat"} data-stat={name} data-value={value}>
      <strong>{count(value)}</strong>
      {extra ? <span className="node-traffic-share">{extra}</span> : null}
      <span className="node-traffic-label">{label}</span>
    </span>
  );
}

export function TrafficStrip({ traffic }: { traffic: NodeTraffic }) {
  if (traffic.unpublished) {
    return (
      <div className="node-traffic is-unpublished" title="This step is not in a published version yet: customers have not reached it.">
        No numbers yet: not published
      </div>
    );
  }
  const { passed, droppedOff, escalated, share } = traffic;
  const part = (value: number) => `${passed === 0 ? 0 : (value / passed) * share * 100}%`;
  return (
    <div className="node-traffic" title={describe(traffic)}>
      <span className="node-traffic-bar" aria-hidden="true">
        <span className="node-traffic-on" style={{ width: part(Math.max(0, passed - droppedOff - escalated)) }} />
        <span className="node-traffic-escalated" style={{ width: part(escalated) }} />
        <span className="node-traffic-dropped" style={{ width: part(droppedOff) }} />
      </span>
      <span className="node-traffic-stats">
        <Stat name="passed" label="passed" value={passed} extra={percent(share)} />
        <Stat name="dropped" label="dropped off" value={droppedOff} />
        <Stat name="escalated" label="escalated" value={escalated} />
      </span>
      {traffic.apiCalls > 0 ? (
        <span className={traffic.apiFailures > 0 ? "node-traffic-api has-failures" : "node-traffic-api"} data-stat="api-failures" data-value={traffic.apiFailures}>
          {traffic.apiFailures === 0 ? `All ${count(traffic.apiCalls)} API calls succeeded` : `${count(traffic.apiFailures)} of ${count(traffic.apiCalls)} API calls failed`}
        </span>
      ) : null}
    </div>
  );
}
