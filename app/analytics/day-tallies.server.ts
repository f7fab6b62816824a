/**
 * A cohort counted per UTC day by the database (metrics.ts DayTally), plus the two things that
 * cannot be plain counts: each replied handoff's wait (percentiles and business time need every
 * one) and the escalations grouped by flow, trigger and node. A 90-day report used to fetch one
 * row per conversation (~100,000) and count in JavaScript; fetching and parsing those rows was
 * most of its CPU. Now the database sends ~90 tally rows, the replied handoffs only and a few
 * dozen groups. The predicates are metrics.ts's, written in SQL here; the integration test
 * analytics-day-tallies compares both on edge cases (day boundaries, reopens, hand-backs,
 * repeat contacts, ratings).
 *
 * Days are numbered as metrics.ts buckets them: the start's epoch milliseconds divided by a day
 * (integer division on both databases: the times are never before 1970).
 */
import { databaseKind } from "~/utils/db.server";
import { queryRows } from "~/runtime/sql.server";
import { sqlRealChannel } from "~/vocabulary/channels";
import { asText, cohortCondition, epochMs, type Cohort } from "./cohort.server";
import { RESOLVED_BY } from "./conversation-facts.server";
import { REPEAT_WINDOW_DAYS, SATISFIED_MIN_RATING, type DayTally, type EscalationGroup, type RepliedHandoff } from "./metrics";
import { DAY_MS } from "./range";

const dayOf = (column: string) => `(${epochMs(column)} / ${DAY_MS})`;
const bigint = (value: number) => (databaseKind === "postgresql" ? `CAST(${value} AS BIGINT)` : String(value));

/**
 * Per conversation the flags the counts are made of (escalated, replied, closed by the bot), then
 * one row per day. Mirrors metrics.ts: contained / left with the bot split the never handed off by
 * status; a handoff without a reply is handed back (the bot has it, or closed it), closed without
 * a reply (resolved by a person) or awaiting (anything else).
 */
const csatCounts = (escalated: 0 | 1) =>
  `COUNT(CASE WHEN f."escalated" = ${escalated} THEN f."csat" END), COALESCE(SUM(CASE WHEN f."escalated" = ${escalated} THEN f."csat" END), 0), ` +
  `SUM(CASE WHEN f."escalated" = ${escalated} AND f."csat" >= ${SATISFIED_MIN_RATING} THEN 1 ELSE 0 END)`;

const talliesSql = (where: string) => `
  SELECT f."day", COUNT(*),
    SUM(CASE WHEN f."escalated" = 0 AND f."status" = 'resolved' THEN 1 ELSE 0 END),
    SUM(f."escalated"),
    SUM(CASE WHEN f."escalated" = 0 AND f."status" <> 'resolved' THEN 1 ELSE 0 END),
    SUM(CASE WHEN f."escalated" = 1 AND f."status" = 'resolved' AND f."byBot" = 0 THEN 1 ELSE 0 END),
    SUM(CASE WHEN f."escalated" = 1 AND f."status" = 'resolved' AND f."byBot" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN f."escalated" = 1 AND f."replied" = 0 AND f."status" NOT IN ('bot', 'resolved') THEN 1 ELSE 0 END),
    SUM(CASE WHEN f."escalated" = 1 AND f."replied" = 0 AND f."status" = 'resolved' AND f."byBot" = 0 THEN 1 ELSE 0 END),
    SUM(CASE WHEN f."escalated" = 1 AND f."replied" = 0 AND (f."status" = 'bot' OR f."byBot" = 1) THEN 1 ELSE 0 END),
    SUM(f."withContact"),
    ${csatCounts(0)},
    ${csatCounts(1)}
  FROM (
    SELECT ${dayOf(`c."createdAt"`)} AS "day", c."status" AS "status", c."csat" AS "csat",
           CASE WHEN c."escalatedAt" IS NULL THEN 0 ELSE 1 END AS "escalated",
           CASE WHEN c."firstHumanResponseAt" IS NULL THEN 0 ELSE 1 END AS "replied",
           CASE WHEN c."contactId" IS NULL THEN 0 ELSE 1 END AS "withContact",
           CASE WHEN (${RESOLVED_BY}) = 'bot' THEN 1 ELSE 0 END AS "byBot"
    FROM "Conversation" c
    WHERE ${where}
  ) f
  GROUP BY f."day"`;

/**
 * Repeat contacts per day: a cohort conversation with a contact is a repeat when the same contact
 * started another real conversation strictly later and at most REPEAT_WINDOW_DAYS after it (any
 * flow or team, so the window runs over every contact's conversations from the range's start to
 * its end plus the window; the cohort's own are picked out with its condition). A window frame
 * over the start times in milliseconds counts them: 1 to WINDOW ms after, ends included.
 */
const repeatsSql = (where: string) => `
  SELECT v."day", SUM(CASE WHEN v."later" > 0 THEN 1 ELSE 0 END)
  FROM (
    SELECT w."day", COUNT(*) OVER (PARTITION BY w."contactId" ORDER BY w."at" RANGE BETWEEN ${bigint(1)} FOLLOWING AND ${bigint(REPEAT_WINDOW_DAYS * DAY_MS)} FOLLOWING) AS "later"
    FROM (
      SELECT c."contactId" AS "contactId", ${epochMs(`c."createdAt"`)} AS "at", CASE WHEN ${where} THEN ${dayOf(`c."createdAt"`)} END AS "day"
      FROM "Conversation" c
      WHERE c."createdAt" >= ? AND c."createdAt" < ? AND ${sqlRealChannel()} AND c."contactId" IS NOT NULL
    ) w
  ) v
  WHERE v."day" IS NOT NULL
  GROUP BY v."day"`;

export type CohortTallies = { tallies: DayTally[]; replies: RepliedHandoff[]; escalations: EscalationGroup[] };

const count = (value: unknown) => Number(value ?? 0);

export async function loadCohortTallies(cohort: Cohort): Promise<CohortTallies> {
  const where = cohortCondition(cohort);
  const [tallyRows, repeatRows, replyRows, escalationRows] = await Promise.all([
    queryRows(talliesSql(where.sql), [cohort.from, ...where.params]),
    queryRows(repeatsSql(where.sql), [...where.params, cohort.from, new Date(cohort.to.getTime() + REPEAT_WINDOW_DAYS * DAY_MS)]),
    queryRows(
      `SELECT ${dayOf(`c."createdAt"`)}, c."teamId", ${epochMs(`COALESCE(c."firstEscalatedAt", c."escalatedAt")`)}, ${epochMs(`c."firstHumanResponseAt"`)}
       FROM "Conversation" c
       WHERE ${where.sql} AND c."escalatedAt" IS NOT NULL AND c."firstHumanResponseAt" IS NOT NULL`,
      where.params,
    ),
    queryRows(
      `SELECT c."flowId", c."handoffTrigger", c."handoffNodeId", COUNT(*)
       FROM "Conversation" c
       WHERE ${where.sql} AND c."escalatedAt" IS NOT NULL
       GROUP BY c."flowId", c."handoffTrigger", c."handoffNodeId"`,
      where.params,
    ),
  ]);
  const repeats = new Map(repeatRows.map((row) => [count(row[0]), count(row[1])]));
  const tallies = tallyRows.map((row): DayTally => {
    const day = count(row[0]);
    return {
      day,
      conversations: count(row[1]),
      contained: count(row[2]),
      escalated: count(row[3]),
      leftWithBot: count(row[4]),
      resolvedByPerson: count(row[5]),
      closedByBot: count(row[6]),
      awaiting: count(row[7]),
      closedWithoutReply: count(row[8]),
      handedBackWithoutReply: count(row[9]),
      withContact: count(row[10]),
      repeats: repeats.get(day) ?? 0,
      csatBotOnly: { responses: count(row[11]), sum: count(row[12]), satisfied: count(row[13]) },
      csatEscalated: { responses: count(row[14]), sum: count(row[15]), satisfied: count(row[16]) },
    };
  });
  return {
    tallies,
    replies: replyRows.map((row) => ({ day: count(row[0]), teamId: asText(row[1]), start: count(row[2]), reply: count(row[3]) })),
    escalations: escalationRows.map((row) => ({ flowId: String(row[0]), handoffTrigger: asText(row[1]), handoffNodeId: asText(row[2]), count: count(row[3]) })),
  };
}
