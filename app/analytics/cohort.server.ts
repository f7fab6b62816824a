/**
 * The population every analytics query starts from, as one SQL condition: conversations
 * STARTED in the range, never preview runs, optionally of one flow, optionally of some teams.
 * A team's conversations are those handed off to it, plus the ones the bot handled alone in
 * flows whose default team it is (read from the pinned version's document), plus the handoffs
 * it moved to another team before anyone replied (its first move, a `conversation.reassigned`
 * event, from it). Escalations whose
 * team no longer exists belong to no team: only "all teams" shows them.
 *
 * Written once for both databases through sqlDialect (~/runtime/sql.server): on SQLite dates are
 * compared as the ISO text Prisma writes and json_extract reads the document; on PostgreSQL they
 * are timestamps and `document::jsonb #>> '{settings,defaultTeam}'`. The "+" index hints are
 * SQLite's (sqlDialect.unindexed); PostgreSQL's planner gets the plain column.
 */
import { sqlDialect, type SqlScalar } from "~/runtime/sql.server";
import { sqlRealChannel } from "~/vocabulary/channels";

export type TeamScope = { teamIds: string[]; teamSlugs: string[] };

export type Cohort = {
  from: Date;
  to: Date;
  flowId: string | null;
  /** null: every conversation; otherwise only these teams' (possibly none). */
  teams: TeamScope | null;
};

export type SqlCondition = { sql: string; params: SqlScalar[] };

const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");

/**
 * Conversations whose FIRST move to another team left one of `$teams` before any agent reply.
 * Moves are rare, so this reads the moves since the range began (events' type+createdAt index)
 * rather than testing every conversation of the cohort; the "+" sends the earlier-move check to
 * the conversation's own events instead of every earlier move.
 */
const MOVED_BEFORE_A_REPLY =
  `SELECT m."conversationId" FROM "Event" m JOIN "Conversation" mc ON mc."id" = m."conversationId" ` +
  `WHERE m."type" = 'conversation.reassigned' AND m."createdAt" >= ? AND ${sqlDialect.jsonText('m."payload"', "from")} IN ($teams) ` +
  `AND (mc."firstHumanResponseAt" IS NULL OR mc."firstHumanResponseAt" > m."createdAt") ` +
  `AND NOT EXISTS (SELECT 1 FROM "Event" p WHERE p."conversationId" = m."conversationId" AND p."type" = 'conversation.reassigned' AND ${sqlDialect.unindexed('p."createdAt"')} < m."createdAt")`;

/** The WHERE condition selecting the cohort's conversations, aliased `c`. */
export function cohortCondition(cohort: Cohort): SqlCondition {
  const parts = [`c."createdAt" >= ?`, `c."createdAt" < ?`, sqlRealChannel()];
  const params: SqlScalar[] = [cohort.from, cohort.to];
  if (cohort.flowId) {
    parts.push(`c."flowId" = ?`);
    params.push(cohort.flowId);
  }
  if (cohort.teams) {
    const { teamIds, teamSlugs } = cohort.teams;
    if (teamIds.length === 0) parts.push("0 = 1");
    else {
      // "+" keeps SQLite on the date range: with an index on teamId it would read the team's whole history.
      parts.push(
        `(${sqlDialect.unindexed('c."teamId"')} IN (${placeholders(teamIds.length)}) OR (${sqlDialect.unindexed('c."teamId"')} IS NULL AND c."escalatedAt" IS NULL AND c."flowVersionId" IN ` +
          `(SELECT v."id" FROM "FlowVersion" v WHERE ${sqlDialect.jsonText('v."document"', "settings.defaultTeam")} IN (${placeholders(teamSlugs.length)}))) ` +
          `OR c."id" IN (${MOVED_BEFORE_A_REPLY.replace("$teams", placeholders(teamIds.length))}))`,
      );
      params.push(...teamIds, ...teamSlugs, cohort.from, ...teamIds);
    }
  }
  return { sql: parts.join(" AND "), params };
}

/** SQL for a stored time as epoch milliseconds (NULL stays NULL): the database parses the dates, not JavaScript. */
export function epochMs(column: string): string {
  return sqlDialect.epochMs(column);
}

export const asNumber = (value: unknown): number | null => (typeof value === "number" ? value : null);
export const asText = (value: unknown): string | null => (typeof value === "string" ? value : null);
