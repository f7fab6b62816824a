/**
 * The per-node funnel of one flow (METRIC_DEFINITIONS.funnel): how many conversations of the
 * cohort entered each node, dropped off there, or were handed off from there, and for "Call an
 * API" steps how many of their calls failed. Pure: the queries count per node (node-funnel.server.ts
 * applies metrics.ts's outcome rules in SQL: dropped off = left with the bot, at its last node;
 * handed off = escalated, at its handoff node); this lays the counts over the flow's nodes.
 */
import { REMOVED_NODE_LABEL, type FlowNodeInfo } from "./flow-nodes";
import type { EscalationGroup } from "./metrics";

export type NodeFunnelRow = {
  nodeId: string;
  kind: string | null;
  kindLabel: string;
  /** How the lead reads the step (flow-nodes.ts); the id stays for the CSV and the canvas overlay. */
  name: string;
  passed: number;
  droppedOff: number;
  escalated: number;
  /** API calls the step made in the cohort's conversations, and how many took `failed`. */
  apiCalls: number;
  apiFailures: number;
};

export type ApiCallCounts = { calls: number; failures: number };

/** Per node id, a count of conversations. */
export type NodeCounts = Map<string, number>;

/** The handed-off conversations per handoff node (escalations without a node count nowhere). */
export function countEscalationsByNode(escalations: readonly Pick<EscalationGroup, "handoffNodeId" | "count">[]): NodeCounts {
  const counts: NodeCounts = new Map();
  for (const { handoffNodeId, count } of escalations) if (handoffNodeId) counts.set(handoffNodeId, (counts.get(handoffNodeId) ?? 0) + count);
  return counts;
}

export function computeNodeFunnel(input: {
  nodes: FlowNodeInfo[];
  passed: NodeCounts;
  droppedOff: NodeCounts;
  escalated: NodeCounts;
  apiCalls?: Map<string, ApiCallCounts>;
}): NodeFunnelRow[] {
  const rows = new Map<string, NodeFunnelRow>();
  const rowFor = (nodeId: string) => {
    let row = rows.get(nodeId);
    if (!row) {
      row = { nodeId, kind: null, kindLabel: REMOVED_NODE_LABEL, name: REMOVED_NODE_LABEL, passed: 0, droppedOff: 0, escalated: 0, apiCalls: 0, apiFailures: 0 };
      rows.set(nodeId, row);
    }
    return row;
  };
  for (const node of input.nodes) rows.set(node.id, { nodeId: node.id, kind: node.kind, kindLabel: node.kindLabel, name: node.name, passed: 0, droppedOff: 0, escalated: 0, apiCalls: 0, apiFailures: 0 });
  for (const [nodeId, count] of input.passed) rowFor(nodeId).passed = count;
  for (const [nodeId, { calls, failures }] of input.apiCalls ?? []) Object.assign(rowFor(nodeId), { apiCalls: calls, apiFailures: failures });
  for (const [nodeId, count] of input.droppedOff) rowFor(nodeId).droppedOff = count;
  for (const [nodeId, count] of input.escalated) rowFor(nodeId).escalated = count;
  return [...rows.values()];
}
