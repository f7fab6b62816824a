/**
 * One row of facts per conversation of the cohort: what metrics.ts needs and nothing else.
 * Read on the runtime's read-only connection (WAL: never blocks a turn) with a prepared
 * statement; a 30-day cohort of 100,000 conversations is a few tens of milliseconds here.
 */
import { queryAll } from "~/runtime/sql.server";
import type { ConversationFacts } from "./metrics";
import { cohortCondition, toTime, type Cohort } from "./cohort.server";

type FactsRow = {
  id: string;
  flowId: string;
  createdAt: string;
  status: string;
  escalatedAt: string | null;
  firstHumanResponseAt: string | null;
  csat: number | null;
  handoffTrigger: string | null;
  handoffNodeId: string | null;
  contactId: string | null;
  nextContactAt: string | null;
};

export function loadConversationFacts(cohort: Cohort): ConversationFacts[] {
  const where = cohortCondition(cohort);
  // The next conversation of the same contact, wherever it is: a repeat contact may land in another flow or team.
  const rows = queryAll<FactsRow>(
    `SELECT c."id", c."flowId", c."createdAt", c."status", c."escalatedAt", c."firstHumanResponseAt", c."csat",
            c."handoffTrigger", c."handoffNodeId", c."contactId",
            CASE WHEN c."contactId" IS NULL THEN NULL ELSE (
              SELECT MIN(r."createdAt") FROM "Conversation" r
              WHERE r."contactId" = c."contactId" AND r."createdAt" > c."createdAt" AND r."channel" <> 'preview'
            ) END AS "nextContactAt"
     FROM "Conversation" c
     WHERE ${where.sql}`,
    where.params,
  );
  return rows.map((row) => ({
    id: row.id,
    flowId: row.flowId,
    createdAt: toTime(row.createdAt) ?? 0,
    status: row.status,
    escalatedAt: toTime(row.escalatedAt),
    firstHumanResponseAt: toTime(row.firstHumanResponseAt),
    csat: row.csat,
    handoffTrigger: row.handoffTrigger,
    handoffNodeId: row.handoffNodeId,
    contactId: row.contactId,
    nextContactAt: toTime(row.nextContactAt),
  }));
}
