/**
 * The per-node funnel of one flow (METRIC_DEFINITIONS.funnel): how many conversations of the
 * cohort entered each node, dropped off there, or were handed off from there. Pure: the query
 * supplies the entry counts and one row per conversation; the outcome rules are metrics.ts's.
 */
import { REMOVED_NODE_LABEL, type FlowNodeInfo } from "./flow-nodes";
import { isEscalated, isLeftWithBot, type ConversationFacts } from "./metrics";

export type FunnelConversation = Pick<ConversationFacts, "status" | "escalatedAt" | "handoffNodeId"> & {
  /** The last node the conversation entered (null when it never entered one). */
  lastNodeId: string | null;
};

export type NodeFunnelRow = {
  nodeId: string;
  kind: string | null;
  kindLabel: string;
  passed: number;
  droppedOff: number;
  escalated: number;
};

export function computeNodeFunnel(input: { nodes: FlowNodeInfo[]; passed: Map<string, number>; conversations: FunnelConversation[] }): NodeFunnelRow[] {
  const rows = new Map<string, NodeFunnelRow>();
  const rowFor = (nodeId: string) => {
    let row = rows.get(nodeId);
    if (!row) {
      row = { nodeId, kind: null, kindLabel: REMOVED_NODE_LABEL, passed: 0, droppedOff: 0, escalated: 0 };
      rows.set(nodeId, row);
    }
    return row;
  };
  for (const node of input.nodes) rows.set(node.id, { nodeId: node.id, kind: node.kind, kindLabel: node.kindLabel, passed: 0, droppedOff: 0, escalated: 0 });
  for (const [nodeId, count] of input.passed) rowFor(nodeId).passed = count;
  for (const conversation of input.conversations) {
    if (isEscalated(conversation)) {
      if (conversation.handoffNodeId) rowFor(conversation.handoffNodeId).escalated += 1;
    } else if (isLeftWithBot(conversation) && conversation.lastNodeId) {
      rowFor(conversation.lastNodeId).droppedOff += 1;
    }
  }
  return [...rows.values()];
}
