/**
 * getNodeFunnel(flowId, range): per node of one flow, the conversations of the cohort that
 * entered it, dropped off there and were handed off from there, and the API calls of its
 * "Call an API" steps with how many failed. Serves the analytics page and
 * the canvas overlay (GET /api/analytics/flows/:flowId/nodes).
 *
 * Three reads in parallel: the nodes entered and dropped off at (the cohort's node.entered
 * events), the cohort's size with its handoffs per node (which the report passes in instead: its
 * day tallies count the same handoffs, so the funnel does not scan the cohort for them again), and
 * the API calls. Dropped off = left with the bot (metrics.ts isLeftWithBot: never handed off, not
 * resolved) at the last node it entered; handed off = escalated (isEscalated), at its handoff node.
 */
import { databaseKind } from "~/utils/db.server";
import { queryRows, sqlDialect } from "~/runtime/sql.server";
import { asText, cohortCondition, type SqlCondition, type TeamScope } from "./cohort.server";
import type { FlowNodeInfo } from "./flow-nodes";
import { loadFlowNodes } from "./flow-nodes.server";
import { computeNodeFunnel, type NodeCounts, type NodeFunnelRow } from "./funnel";

const TIE_BREAK = databaseKind === "postgresql" ? `e."id"` : `e."rowid"`;

/**
 * The last node a conversation `c` left with the bot entered; NULL for any other conversation.
 * Events of one turn share a timestamp and are inserted in order, so rowid breaks the tie ("+"
 * keeps SQLite on the conversation's index instead of walking every node.entered event by time).
 * PostgreSQL has no rowid: there the row id breaks the tie, as a turn's ids increase in the order
 * its events were made (ids.server.ts: time, then a per-process counter).
 */
const LAST_NODE_IF_LEFT_WITH_BOT = `CASE WHEN c."escalatedAt" IS NULL AND c."status" <> 'resolved' THEN (
    SELECT e."nodeId" FROM "Event" e WHERE e."conversationId" = c."id" AND e."type" = 'node.entered'
    ORDER BY ${sqlDialect.unindexed('e."createdAt"')} DESC, ${TIE_BREAK} DESC LIMIT 1
  ) END`;

/**
 * Per node: the cohort's conversations that entered it, and those left with the bot whose last
 * node it is. Both databases read the nodes entered from the (conversationId, type, nodeId,
 * createdAt) index alone, driven by the cohort.
 *
 * PostgreSQL, in one pass: a LATERAL DISTINCT per conversation (the index hands each
 * conversation's node ids over in order: nothing left to sort or hash), and its last node beside
 * it, looked up once per conversation left with the bot ("OFFSET 0" keeps that lookup in the
 * cohort's subquery: pulled up, it would run again for every node the conversation entered).
 * Over 90 days of one flow (58,000 conversations) this costs ~190 ms of server CPU where the
 * entered count and a separate grouped read of every conversation's outcome took ~290 ms.
 * SQLite has no LATERAL: its CROSS JOIN keeps the cohort first, and the few conversations left
 * with the bot get their last node in a read of their own.
 */
async function loadNodePassage(cohort: SqlCondition): Promise<{ passed: NodeCounts; droppedOff: NodeCounts }> {
  if (databaseKind === "postgresql") {
    const rows = await queryRows(
      `SELECT n."nodeId", COUNT(*), SUM(CASE WHEN n."nodeId" = c."lastNodeId" THEN 1 ELSE 0 END)
       FROM (SELECT c."id", ${LAST_NODE_IF_LEFT_WITH_BOT} AS "lastNodeId" FROM "Conversation" c WHERE ${cohort.sql} OFFSET 0) c
       CROSS JOIN LATERAL (SELECT DISTINCT e."nodeId" FROM "Event" e WHERE e."conversationId" = c."id" AND e."type" = 'node.entered') n
       GROUP BY n."nodeId"`,
      cohort.params,
    );
    return { passed: countsOf(rows, 1), droppedOff: countsOf(rows, 2) };
  }
  const [entered, lastNodes] = await Promise.all([
    queryRows(
      `SELECT e."nodeId", COUNT(DISTINCT e."conversationId")
       FROM "Conversation" c CROSS JOIN "Event" e ON e."conversationId" = c."id" AND e."type" = 'node.entered'
       WHERE ${cohort.sql}
       GROUP BY e."nodeId"`,
      cohort.params,
    ),
    queryRows(
      `SELECT l."lastNodeId", COUNT(*)
       FROM (SELECT ${LAST_NODE_IF_LEFT_WITH_BOT} AS "lastNodeId" FROM "Conversation" c WHERE ${cohort.sql} AND c."escalatedAt" IS NULL AND c."status" <> 'resolved') l
       GROUP BY l."lastNodeId"`,
      cohort.params,
    ),
  ]);
  return { passed: countsOf(entered, 1), droppedOff: countsOf(lastNodes, 1) };
}

/** The cohort's size and its handed-off conversations per handoff node. */
export type FunnelOutcomes = { conversations: number; escalated: NodeCounts };

async function loadFunnelOutcomes(cohort: SqlCondition): Promise<FunnelOutcomes> {
  const rows = await queryRows(
    `SELECT CASE WHEN c."escalatedAt" IS NOT NULL THEN c."handoffNodeId" END, COUNT(*)
     FROM "Conversation" c
     WHERE ${cohort.sql}
     GROUP BY 1`,
    cohort.params,
  );
  return { conversations: rows.reduce((total, row) => total + Number(row[1]), 0), escalated: countsOf(rows, 1) };
}

/** Rows of (node id, …counts) as node id → the count in column `column`; rows without a node id are left out. */
function countsOf(rows: unknown[][], column: number): NodeCounts {
  const counts: NodeCounts = new Map();
  for (const row of rows) {
    const nodeId = asText(row[0]);
    const count = Number(row[column] ?? 0);
    if (nodeId !== null && count > 0) counts.set(nodeId, count);
  }
  return counts;
}

export type NodeFunnel = { flowId: string; from: string; to: string; conversations: number; nodes: NodeFunnelRow[] };

export async function getNodeFunnel(
  flowId: string,
  range: { from: Date; to: Date },
  options: {
    teams?: TeamScope | null;
    /** The same cohort's outcomes, already being counted by the caller (getAnalyticsReport's tallies). */
    outcomes?: Promise<FunnelOutcomes>;
    /** The flow's nodes, already being read by the caller (the report names its handoff nodes with them). */
    nodes?: Promise<Map<string, FlowNodeInfo[]>>;
  } = {},
): Promise<NodeFunnel> {
  const where = cohortCondition({ ...range, flowId, teams: options.teams ?? null });
  const [passage, outcomes, nodesByFlow, apiRows] = await Promise.all([
    loadNodePassage(where),
    options.outcomes ?? loadFunnelOutcomes(where),
    options.nodes ?? loadFlowNodes([flowId]),
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
  const nodes = nodesByFlow.get(flowId) ?? [];
  return {
    flowId,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    conversations: outcomes.conversations,
    nodes: computeNodeFunnel({ nodes, passed: passage.passed, droppedOff: passage.droppedOff, escalated: outcomes.escalated, apiCalls }),
  };
}
