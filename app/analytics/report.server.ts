/**
 * Everything the analytics page shows for one query, in one call: the viewer's scope, the
 * cohort counted per day by the database (day-tallies.server.ts), the metrics and breakdowns
 * computed from those counts (metrics.ts), and the node funnel when one flow is selected.
 *
 * PostgreSQL session settings, weighed with EXPLAIN (ANALYZE, BUFFERS) over 100,000 conversations /
 * 1,000,000 events (bench/analytics.ts): none is set for these reads. work_mem: the largest sort
 * left is the day tallies' (~4 MB for one flow's 90 days: it spills a little at the default 4 MB,
 * and 16 MB measured no less CPU), and a per-read setting would cost a transaction around every
 * read. JIT and parallel workers are off for the whole pool
 * (utils/postgres-pool.server.ts): compiling cost more than it saved, and each parallel worker is a
 * fresh process whose start-up added server CPU (measured: a one-flow 90-day report 478 → 446 ms
 * of CPU on a loaded machine) while on 2 cores it helped wall time only when the machine was idle.
 */
import type { SessionUser } from "~/auth/guards.server";
import { getAnalyticsAccess, resolveScope, type AnalyticsAccess, type Option } from "./access.server";
import { loadBusinessClock } from "./business-clock.server";
import type { Cohort } from "./cohort.server";
import { loadCohortTallies, type CohortTallies } from "./day-tallies.server";
import { REMOVED_NODE_LABEL } from "./flow-nodes";
import { countEscalationsByNode } from "./funnel";
import { loadFlowNodes } from "./flow-nodes.server";
import {
  escalationGroupsByNode,
  escalationGroupsByTrigger,
  summariseTallies,
  TRIGGER_LABELS,
  type Breakdown,
  type DailyMetrics,
  type MetricsSummary,
  type TriggerKey,
} from "./metrics";
import { getNodeFunnel, type FunnelOutcomes, type NodeFunnel } from "./node-funnel.server";
import type { AnalyticsQuery } from "./query";
import { DAY_MS, describeRange, resolveRange, toDayString, type DateRange } from "./range";

export type NodeBreakdown = Omit<Breakdown<unknown>, "key"> & { flowId: string; flowName: string; nodeId: string | null; kindLabel: string; name: string };

export type AnalyticsReport = {
  range: { preset: DateRange["preset"]; from: string; to: string; label: string; days: number };
  /** Today (UTC) when the range holds it: its conversations are not finished, so the charts show its rates apart. */
  partialDay: string | null;
  flow: Option | null;
  team: Option | null;
  summary: MetricsSummary;
  daily: DailyMetrics[];
  byTrigger: Array<Breakdown<TriggerKey> & { label: string }>;
  byNode: NodeBreakdown[];
  funnel: NodeFunnel | null;
};

export type ReportOutcome =
  | { ok: true; access: AnalyticsAccess; report: AnalyticsReport; cohort: Cohort }
  | { ok: false; access: AnalyticsAccess; status: 400 | 403; field: string; message: string };

/** The funnel's outcomes from the tallies of the same cohort: every conversation is in one day's tally, every handoff in one escalation group. */
const funnelOutcomesOf = ({ tallies, escalations }: CohortTallies): FunnelOutcomes => ({
  conversations: tallies.reduce((total, tally) => total + tally.conversations, 0),
  escalated: countEscalationsByNode(escalations),
});

export async function getAnalyticsReport(viewer: Pick<SessionUser, "id" | "role">, query: AnalyticsQuery, now = new Date()): Promise<ReportOutcome> {
  const access = await getAnalyticsAccess(viewer);
  const scope = resolveScope(access, query);
  if (!scope.ok) return { ...scope, access };
  const range = resolveRange(query, now);
  const cohort: Cohort = { from: range.from, to: range.to, flowId: scope.flow?.id ?? null, teams: scope.teams };
  // The funnel's queries run beside the tallies' (on PostgreSQL, on other connections), and take
  // the cohort's size and handoffs per node from the tallies rather than counting them again.
  const talliesRead = loadCohortTallies(cohort);
  // With one flow selected every handoff is that flow's: one read of its nodes serves both the
  // funnel and the handoff table's node names.
  const selectedFlowNodes = scope.flow ? loadFlowNodes([scope.flow.id]) : null;
  const funnelRead =
    scope.flow && selectedFlowNodes
      ? getNodeFunnel(scope.flow.id, range, { teams: scope.teams, outcomes: talliesRead.then(funnelOutcomesOf), nodes: selectedFlowNodes })
      : Promise.resolve(null);
  const [{ tallies, replies, escalations }, clock, funnel] = await Promise.all([talliesRead, loadBusinessClock(), funnelRead]);
  const { summary, daily } = summariseTallies(tallies, replies, range.days, clock);
  const byNode = escalationGroupsByNode(escalations, summary.conversations);
  const nodesByFlow = await (selectedFlowNodes ?? loadFlowNodes([...new Set(byNode.map((row) => row.key.flowId))]));
  const flowNames = new Map(access.flows.map((flow) => [flow.id, flow.name]));
  return {
    ok: true,
    access,
    cohort,
    report: {
      range: { preset: range.preset, from: toDayString(range.from), to: toDayString(range.to.getTime() - DAY_MS), label: describeRange(range), days: range.days.length },
      partialDay: range.days.includes(toDayString(now)) ? toDayString(now) : null,
      flow: scope.flow,
      team: scope.team,
      summary,
      daily,
      byTrigger: escalationGroupsByTrigger(escalations, summary.conversations).map((row) => ({ ...row, label: TRIGGER_LABELS[row.key] })),
      byNode: byNode.map(({ key, ...row }) => {
        const node = key.nodeId ? nodesByFlow.get(key.flowId)?.find((candidate) => candidate.id === key.nodeId) : undefined;
        const fallback = key.nodeId ? REMOVED_NODE_LABEL : "No node";
        return {
          ...row,
          flowId: key.flowId,
          flowName: flowNames.get(key.flowId) ?? "Unknown flow",
          nodeId: key.nodeId,
          kindLabel: node?.kindLabel ?? fallback,
          name: node?.name ?? fallback,
        };
      }),
      funnel,
    },
  };
}
