/**
 * getNodeFunnel(flowId, range): per node of one flow, the conversations of the cohort that
 * entered it, dropped off there and were handed off from there, and the API calls of its
 * "Call an API" steps with how many failed. Serves the analytics page and
 * the canvas overlay (GET /api/analytics/flows/:flowId/nodes).
 */
import { databaseKind } from "~/utils/db.server";
import { queryRows, sqlDialect } from "~/runtime/sql.server";
import { asText, asNumber, cohortCondition, epochMs, type TeamScope } from "./cohort.server";
import { loadFlowNodes } from "./flow-nodes.server";
import { computeNodeFunnel, type FunnelConversation, type NodeFunnelRow } from "./funnel";

const TIE_BREAK = databaseKind === "postgresql" ? `e."id"` : `e."rowid"`;

/**
 * Per node, the cohort's conversations that entered it. Both read the nodes entered from the
 * (conversationId, type, nodeId, createdAt) index alone, driven by the cohort. PostgreSQL gets a
 * LATERAL DISTINCT per conversation (the index hands each conversation's node ids over in order,
 * so there is nothing left to sort or hash): the plain join + COUNT(DISTINCT) it replaces hashed
 * all of the flow's node.entered events and sorted them again, 850 ms for 90 days of one flow
 * (225,000 events) against 180 ms. SQLite has no LATERAL; its CROSS JOIN keeps the cohort first.
 */
const enteredSql = (cohort: string) =>
  databaseKind === "postgresql"
    ? `SELECT n."nodeId", COUNT(*)
       FROM "Conversation" c CROSS JOIN LATERAL (SELECT DISTINCT e."nodeId" FROM "Event" e WHERE e."conversationId" = c."id" AND e."type" = 'node.entered') n
       WHERE ${cohort}
       GROUP BY n."nodeId"`
    : `SELECT e."nodeId", COUNT(DISTINCT e."conversationId")
       FROM "Conversation" c CROSS JOIN "Event" e ON e."conversationId" = c."id" AND e."type" = 'node.entered'
       WHERE ${cohort}
       GROUP BY e."nodeId"`;

export type NodeFunnel = { flowId: string; from: string; to: string; conversations: number; nodes: NodeFunnelRow[] };

export async function getNodeFunnel(
  flowId: string,
  range: { from: Date; to: Date },
  options: { teams?: TeamScope | null } = {},
): Promise<NodeFunnel> {
  const where = cohortCondition({ ...range, flowId, teams: options.teams ?? null });
  const [entered, conversations, apiRows] = await Promise.all([
    queryRows(enteredSql(where.sql), where.params),
    // Only a conversation that may have dropped off needs its last node. Events of one turn share
    // a timestamp and are inserted in order, so rowid breaks the tie ("+" keeps SQLite on the
    // conversation's index instead of walking every node.entered event by time). PostgreSQL has
    // no rowid: there the row id breaks the tie, as a turn's ids increase in the order its events
    // were made (ids.server.ts: time, then a per-process counter). Conversations with the same
    // outcome facts come back as one row with their count (a few dozen rows instead of one per
    // conversation: 58,000 for 90 days of one flow); MIN keeps an escalation time for the group,
    // turned into milliseconds once per group (on PostgreSQL that is numeric arithmetic).
    queryRows(
      `SELECT o."status", ${epochMs(`MIN(o."escalatedAt")`)}, o."handoffNodeId", o."lastNodeId", COUNT(*)
       FROM (
         SELECT c."status", c."escalatedAt", c."handoffNodeId",
                CASE WHEN c."escalatedAt" IS NULL AND c."status" <> 'resolved' THEN (
                  SELECT e."nodeId" FROM "Event" e WHERE e."conversationId" = c."id" AND e."type" = 'node.entered'
                  ORDER BY ${sqlDialect.unindexed('e."createdAt"')} DESC, ${TIE_BREAK} DESC LIMIT 1
                ) END AS "lastNodeId"
         FROM "Conversation" c
         WHERE ${where.sql}
       ) o
       GROUP BY o."status", o."escalatedAt" IS NULL, o."handoffNodeId", o."lastNodeId"`,
      where.params,
    ),
    // Every call counts (a step retried in a loop fails more than once); `ok` is read from the event's JSON.
    // Read from the calls' side (events' type+createdAt index: a cohort's events are never older than
    // its range's start) and matched to the cohort's ids: a flow without API steps costs nothing
    // here, where looking for calls under each conversation cost one index probe per conversation.
    queryRows(
      `SELECT e."nodeId", COUNT(*), SUM(CASE WHEN ${sqlDialect.jsonFlag('e."payload"', "ok")} = 1 THEN 0 ELSE 1 END)
     FROM "Event" e
     WHERE e."type" = 'http.called' AND e."createdAt" >= ? AND e."conversationId" IN (SELECT c."id" FROM "Conversation" c WHERE ${where.sql})
     GROUP BY e."nodeId"`,
      [range.from, ...where.params],
    ),
  ]);
  const apiCalls = new Map(apiRows.flatMap(([nodeId, calls, failures]) => (typeof nodeId === "string" ? [[nodeId, { calls: Number(calls), failures: Number(failures) }] as const] : [])));
  const nodes = (await loadFlowNodes([flowId])).get(flowId) ?? [];
  const passed = new Map(entered.flatMap(([nodeId, count]) => (typeof nodeId === "string" ? [[nodeId, Number(count)] as const] : [])));
  const rows: FunnelConversation[] = conversations.map((row) => ({ status: String(row[0]), escalatedAt: asNumber(row[1]), handoffNodeId: asText(row[2]), lastNodeId: asText(row[3]), count: Number(row[4]) }));
  return {
    flowId,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    conversations: rows.reduce((total, row) => total + (row.count ?? 1), 0),
    nodes: computeNodeFunnel({ nodes, passed, conversations: rows, apiCalls }),
  };
}
