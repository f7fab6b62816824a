/**
 * A cohort counted per UTC day by the database (metrics.ts DayTally), plus the two things that
 * cannot be plain counts: each replied handoff's wait (percentiles and business time need every
 * one) and the escalations grouped by flow, trigger and node. A 90-day report used to fetch one
 * row per conversation (~100,000) and count in JavaScript; fetching and parsing those rows was
 * most of its CPU. Now the database sends a few rows a day (one per escalation group), and the
 * replied handoffs only. The predicates are metrics.ts's, written in SQL here; the integration test
 * analytics-day-tallies compares both on edge cases (day boundaries, reopens, hand-backs,
 * repeat contacts, ratings).
 *
 * Days are numbered as metrics.ts buckets them: the start's epoch milliseconds divided by a day
 * (the times are never before 1970).
 */
import { databaseKind } from "~/utils/db.server";
import { queryRows } from "~/runtime/sql.server";
import { sqlRealChannel } from "~/vocabulary/channels";
import { asText, cohortCondition, epochMs, type Cohort } from "./cohort.server";
import { RESOLVED_BY } from "./conversation-facts.server";
import { emptyDayTally, REPEAT_WINDOW_DAYS, SATISFIED_MIN_RATING, type DayTally, type EscalationGroup, type RepliedHandoff } from "./metrics";
import { DAY_MS } from "./range";

/**
 * The UTC day number of a stored time. PostgreSQL counts whole days from its date (timestamps are
 * stored in UTC without a zone, to the millisecond: the same number), which spares the numeric
 * arithmetic of epoch milliseconds on every row (a third of the tallies' cost there).
 */
const dayOf = (column: string) => (databaseKind === "postgresql" ? `(CAST(${column} AS DATE) - DATE '1970-01-01')` : `(${epochMs(column)} / ${DAY_MS})`);

/**
 * Per conversation the flags the counts are made of (escalated, replied, closed by the bot), then
 * one row per day and escalation group (flow, trigger and node of the handed-off conversations:
 * the breakdowns come from the same scan; the never handed off make one group a day). Mirrors metrics.ts: contained / left with the bot split the never handed off by
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
    ${csatCounts(1)},
    f."escalatedFlowId", f."escalatedTrigger", f."escalatedNodeId"
  FROM (
    SELECT ${dayOf(`c."createdAt"`)} AS "day", c."status" AS "status", c."csat" AS "csat",
           CASE WHEN c."escalatedAt" IS NULL THEN 0 ELSE 1 END AS "escalated",
           CASE WHEN c."firstHumanResponseAt" IS NULL THEN 0 ELSE 1 END AS "replied",
           CASE WHEN c."contactId" IS NULL THEN 0 ELSE 1 END AS "withContact",
           CASE WHEN (${RESOLVED_BY}) = 'bot' THEN 1 ELSE 0 END AS "byBot",
           CASE WHEN c."escalatedAt" IS NOT NULL THEN c."flowId" END AS "escalatedFlowId",
           CASE WHEN c."escalatedAt" IS NOT NULL THEN c."handoffTrigger" END AS "escalatedTrigger",
           CASE WHEN c."escalatedAt" IS NOT NULL THEN c."handoffNodeId" END AS "escalatedNodeId"
    FROM "Conversation" c
    WHERE ${where}
  ) f
  GROUP BY f."day", f."escalatedFlowId", f."escalatedTrigger", f."escalatedNodeId"`;

/**
 * Repeat contacts per day: a cohort conversation with a contact is a repeat when the same contact
 * started another real conversation strictly later and at most REPEAT_WINDOW_DAYS after it (any
 * flow or team; metrics.ts isRepeatContact, with the visits from the range's start to its end plus
 * the window). Times are stored to the millisecond on both databases. PostgreSQL compares the
 * timestamps and turns the EXISTS into a hash semi-join over the range's visits; SQLite probes the
 * contact's later conversations on the (contactId, createdAt) index and checks the window in epoch
 * milliseconds, which stay exact whatever the stored text. Both cost less than a window function
 * over every visit sorted by contact (measured over 100,000 conversations: 90 against 120 ms on
 * PostgreSQL, 65 against 110 ms on SQLite for one flow's 90 days).
 */
const laterVisitWithinWindow =
  databaseKind === "postgresql"
    ? `n."createdAt" > c."createdAt" AND n."createdAt" <= c."createdAt" + INTERVAL '${REPEAT_WINDOW_DAYS} days'`
    : `n."createdAt" > c."createdAt" AND ${epochMs(`n."createdAt"`)} > ${epochMs(`c."createdAt"`)} AND ${epochMs(`n."createdAt"`)} <= ${epochMs(`c."createdAt"`)} + ${REPEAT_WINDOW_DAYS * DAY_MS}`;

const repeatsSql = (where: string) => `
  SELECT ${dayOf(`c."createdAt"`)}, COUNT(*)
  FROM "Conversation" c
  WHERE ${where} AND c."contactId" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "Conversation" n
    WHERE n."contactId" = c."contactId" AND n."createdAt" >= ? AND n."createdAt" < ? AND ${sqlRealChannel("n")} AND ${laterVisitWithinWindow}
  )
  GROUP BY 1`;

export type CohortTallies = { tallies: DayTally[]; replies: RepliedHandoff[]; escalations: EscalationGroup[] };

const count = (value: unknown) => Number(value ?? 0);

export async function loadCohortTallies(cohort: Cohort): Promise<CohortTallies> {
  const where = cohortCondition(cohort);
  const [tallyRows, repeatRows, replyRows] = await Promise.all([
    queryRows(talliesSql(where.sql), [cohort.from, ...where.params]),
    queryRows(repeatsSql(where.sql), [...where.params, cohort.from, new Date(cohort.to.getTime() + REPEAT_WINDOW_DAYS * DAY_MS)]),
    queryRows(
      `SELECT ${dayOf(`c."createdAt"`)}, c."teamId", ${epochMs(`COALESCE(c."firstEscalatedAt", c."escalatedAt")`)}, ${epochMs(`c."firstHumanResponseAt"`)}
       FROM "Conversation" c
       WHERE ${where.sql} AND c."escalatedAt" IS NOT NULL AND c."firstHumanResponseAt" IS NOT NULL`,
      where.params,
    ),
  ]);
  const repeats = new Map(repeatRows.map((row) => [count(row[0]), count(row[1])]));
  const byDay = new Map<number, DayTally>();
  const escalations: EscalationGroup[] = [];
  for (const row of tallyRows) {
    const day = count(row[0]);
    const tally = byDay.get(day) ?? { ...emptyDayTally(day), repeats: repeats.get(day) ?? 0 };
    byDay.set(day, tally);
    ROW_FIELDS.forEach((field, index) => (tally[field] += count(row[index + 1])));
    CSAT_FIELDS.forEach((field, index) => {
      tally[field].responses += count(row[11 + index * 3]);
      tally[field].sum += count(row[12 + index * 3]);
      tally[field].satisfied += count(row[13 + index * 3]);
    });
    if (typeof row[17] === "string") escalations.push({ flowId: row[17], handoffTrigger: asText(row[18]), handoffNodeId: asText(row[19]), count: count(row[1]) });
  }
  return {
    tallies: [...byDay.values()],
    replies: replyRows.map((row) => ({ day: count(row[0]), teamId: asText(row[1]), start: count(row[2]), reply: count(row[3]) })),
    escalations,
  };
}

/** The counted columns of a tallies row after its day, in SELECT order; then the two ratings' (responses, sum, satisfied). */
const ROW_FIELDS = ["conversations", "contained", "escalated", "leftWithBot", "resolvedByPerson", "closedByBot", "awaiting", "closedWithoutReply", "handedBackWithoutReply", "withContact"] as const;
const CSAT_FIELDS = ["csatBotOnly", "csatEscalated"] as const;
