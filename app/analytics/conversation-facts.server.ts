/**
 * One row of facts per conversation of the cohort: what metrics.ts needs and nothing else.
 * Read on the runtime's read-only connection (WAL: never blocks a turn) as arrays, with the
 * dates turned into numbers by SQLite: for a 30-day cohort of tens of thousands of
 * conversations, building JavaScript objects and parsing dates is most of the cost.
 */
import { queryRows, sqlDialect } from "~/runtime/sql.server";
import { DAY_MS } from "./range";
import { nextContactFinder, REPEAT_WINDOW_DAYS, type ConversationFacts, type ContactVisit } from "./metrics";
import { asNumber, asText, cohortCondition, epochMs, type Cohort } from "./cohort.server";
import { sqlRealChannel } from "~/vocabulary/channels";

/**
 * Who closed a resolved handed-off conversation: the `by` of its latest `conversation.resolved`
 * event ("agent" or "bot"). Rows older than the events' `by` read as a person's: before hand-back
 * existed nobody else could close a handed-off conversation.
 *
 * The bot only ever gets a handed-off conversation back through a hand-back (a customer writing to
 * a resolved one reopens it into the queue: runtime/turn.server.ts reopenPlan), so only
 * conversations with a `conversation.handedBack` event can have been closed by it; every other one
 * was closed by a person and needs no lookup. That keeps the event payloads out of the report:
 * resolution events are spread over the whole Event table, and reading one per handed-off
 * conversation was most of a 90-day report's facts query on PostgreSQL (~25,000 lookups, ~250 of
 * 330 ms in EXPLAIN ANALYZE over 100k conversations). Hand-backs are rare and found on the events'
 * (type, createdAt) index: a cohort's events are never older than its range's start.
 * The "+" in ORDER BY is SQLite's guard: a plain `ORDER BY createdAt` lets it pick the
 * (type, createdAt) index for its order and scan every resolution ever, per row.
 */
const HANDED_BACK_SINCE = `SELECT h."conversationId" FROM "Event" h WHERE h."type" = 'conversation.handedBack' AND h."createdAt" >= ?`;
/** SQL: the closing `by` of a resolved handed-off conversation `c` (one `?`: the cohort's start); NULL otherwise. */
export const RESOLVED_BY = `CASE WHEN c."status" = 'resolved' AND c."escalatedAt" IS NOT NULL AND c."id" IN (${HANDED_BACK_SINCE}) THEN
  (SELECT ${sqlDialect.jsonText('e."payload"', "by")} FROM "Event" e WHERE e."conversationId" = c."id" AND e."type" = 'conversation.resolved' ORDER BY ${sqlDialect.unindexed('e."createdAt"')} DESC, ${sqlDialect.unindexed('e."id"')} DESC LIMIT 1)
END`;

export async function loadConversationFacts(cohort: Cohort): Promise<ConversationFacts[]> {
  const where = cohortCondition(cohort);
  // Both reads at once: on PostgreSQL the second runs on another connection while this process
  // parses the first's rows.
  const [rows, visits] = await Promise.all([
    queryRows(
    `SELECT c."id", c."flowId", ${epochMs(`c."createdAt"`)}, c."status", ${epochMs(`c."escalatedAt"`)}, ${epochMs(`c."firstHumanResponseAt"`)}, c."csat",
            c."handoffTrigger", c."handoffNodeId", c."contactId", ${epochMs(`c."firstEscalatedAt"`)}, ${RESOLVED_BY}, c."teamId"
     FROM "Conversation" c
     WHERE ${where.sql}`,
      [cohort.from, ...where.params],
    ),
    loadContactVisits(cohort.from, new Date(cohort.to.getTime() + REPEAT_WINDOW_DAYS * DAY_MS)),
  ]);
  const nextContactAt = nextContactFinder(visits);
  return rows.map((row) => ({
    id: String(row[0]),
    flowId: String(row[1]),
    createdAt: asNumber(row[2]) ?? 0,
    status: String(row[3]),
    escalatedAt: asNumber(row[4]),
    firstEscalatedAt: asNumber(row[10]),
    firstHumanResponseAt: asNumber(row[5]),
    csat: asNumber(row[6]),
    resolvedBy: row[3] === "resolved" && row[4] !== null ? (row[11] === "bot" ? ("bot" as const) : ("person" as const)) : null,
    handoffTrigger: asText(row[7]),
    handoffNodeId: asText(row[8]),
    contactId: asText(row[9]),
    teamId: asText(row[12]),
    nextContactAt: nextContactAt(asText(row[9]), asNumber(row[2]) ?? 0),
  }));
}

/**
 * Every known contact's conversations in [from, to): a repeat may land in any flow or team,
 * so this is not narrowed to the cohort. One range scan beats a lookup per conversation.
 */
async function loadContactVisits(from: Date, to: Date): Promise<ContactVisit[]> {
  const rows = await queryRows(
    `SELECT c."contactId", ${epochMs(`c."createdAt"`)} FROM "Conversation" c
     WHERE c."createdAt" >= ? AND c."createdAt" < ? AND ${sqlRealChannel()} AND c."contactId" IS NOT NULL`,
    [from, to],
  );
  return rows.map((row) => ({ contactId: String(row[0]), at: asNumber(row[1]) ?? 0 }));
}
