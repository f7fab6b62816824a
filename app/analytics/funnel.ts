/**
 * The per-node funnel of one flow (METRIC_DEFINITIONS.funnel): how many conversations of the
 * cohort entered each node, dropped off there, or were handed off from there, and for "Call an
 * API" steps how many of their calls failed. Pure: the query
 * supplies the entry counts and one row per conversation; the outcome rules are metrics.ts's.
 */
import { REMOVED_NODE_LABEL, type FlowNodeInfo } from "./flow-nodes";
import { isEscalated, isLeftWithBot, type ConversationFacts } from "./metrics";

export type FunnelConversation = Pick<ConversationFacts, "status" | "escalatedAt" | "handoffNodeId"> & {
  /** The last node the conversation entered (null when it never entered one). */
  lastNodeId: string | null;
  /** How many conversations with these same facts the row stands for (the query groups them); 1 when absent. */
  count?: number;
};

export type NodeFunnelRow = {
  nodeId: string;
  kind: string | null;
  kindLabel: string;
  passed: number;
  droppedOff: number;
  escalated: number;
  /** API calls the step made in the cohort's conversations, and how many took `failed`. */
  apiCalls: number;
  apiFailures: number;
};

export type ApiCallCounts = { calls: number; failures: number };

export function computeNodeFunnel(input: {
  nodes: FlowNodeInfo[];
  passed: Map<string, number>;
  conversations: FunnelConversation[];
  apiCalls?: Map<string, ApiCallCounts>;
}): NodeFunnelRow[] {
  const rows = new Map<string, NodeFunnelRow>();
  const rowFor = (nodeId: string) => {
    let row = rows.get(nodeId);
    if (!row) {
      row = { nodeId, kind: null, kindLabel: REMOVED_NODE_LABEL, passed: 0, droppedOff: 0, escalated: 0, apiCalls: 0, apiFailures: 0 };
      rows.set(nodeId, row);
    }
    return row;
  };
  for (const node of input.nodes) rows.set(node.id, { nodeId: node.id, kind: node.kind, kindLabel: node.kindLabel, passed: 0, droppedOff: 0, escalated: 0, apiCalls: 0, apiFailures: 0 });
  for (const [nodeId, count] of input.passed) rowFor(nodeId).passed = count;
  for (const [nodeId, { calls, failures }] of input.apiCalls ?? []) Object.assign(rowFor(nodeId), { apiCalls: calls, apiFailures: failures });
  for (const conversation of input.conversations) {
    const count = conversation.count ?? 1;
    if (isEscalated(conversation)) {
      if (conversation.handoffNodeId) rowFor(conversation.handoffNodeId).escalated += count;
    } else if (isLeftWithBot(conversation) && conversation.lastNodeId) {
      rowFor(conversation.lastNodeId).droppedOff += count;
    }
  }
  return [...rows.values()];
}
