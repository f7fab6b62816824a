/**
 * getNodeFunnel(flowId, range): per node of one flow, the conversations of the cohort that
 * entered it, dropped off there and were handed off from there. Serves the analytics page and
 * the canvas overlay (GET /api/analytics/flows/:flowId/nodes).
 */
import { queryAll } from "~/runtime/sql.server";
import { cohortCondition, toTime, type TeamScope } from "./cohort.server";
import { loadFlowNodes } from "./flow-nodes.server";
import { computeNodeFunnel, type FunnelConversation, type NodeFunnelRow } from "./funnel";

export type NodeFunnel = { flowId: string; from: string; to: string; conversations: number; nodes: NodeFunnelRow[] };

export async function getNodeFunnel(
  flowId: string,
  range: { from: Date; to: Date },
  options: { teams?: TeamScope | null } = {},
): Promise<NodeFunnel> {
  const where = cohortCondition({ ...range, flowId, teams: options.teams ?? null });
  // Events of a cohort conversation are never older than the range start: that bound lets the
  // (flowId, type, createdAt) index skip older events before the join.
  const entered = queryAll<{ nodeId: string | null; passed: number }>(
    `SELECT e."nodeId" AS "nodeId", COUNT(DISTINCT e."conversationId") AS "passed"
     FROM "Event" e JOIN "Conversation" c ON c."id" = e."conversationId"
     WHERE e."flowId" = ? AND e."type" = 'node.entered' AND e."createdAt" >= ? AND ${where.sql}
     GROUP BY e."nodeId"`,
    [flowId, range.from, ...where.params],
  );
  // Events of one turn share a timestamp; their ids are time-ordered (ids.server.ts), so the id breaks the tie.
  const conversations = queryAll<{ status: string; escalatedAt: string | null; handoffNodeId: string | null; lastNodeId: string | null }>(
    `SELECT c."status", c."escalatedAt", c."handoffNodeId",
            (SELECT e."nodeId" FROM "Event" e WHERE e."conversationId" = c."id" AND e."type" = 'node.entered'
             ORDER BY e."createdAt" DESC, e."id" DESC LIMIT 1) AS "lastNodeId"
     FROM "Conversation" c
     WHERE ${where.sql}`,
    where.params,
  );
  const nodes = (await loadFlowNodes([flowId])).get(flowId) ?? [];
  const passed = new Map(entered.flatMap((row) => (row.nodeId ? [[row.nodeId, Number(row.passed)] as const] : [])));
  const rows: FunnelConversation[] = conversations.map((row) => ({ ...row, escalatedAt: toTime(row.escalatedAt) }));
  return {
    flowId,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    conversations: conversations.length,
    nodes: computeNodeFunnel({ nodes, passed, conversations: rows }),
  };
}
