/**
 * A conversation an agent had open was moved to a team they are not in (by a teammate or an
 * admin). Their page re-reads it on the live update and would meet a bare "not found"; instead it closes
 * with "Moved to Billing by Ana". Only said to people of the team it was moved FROM, who could
 * see it until then (as a 403: they did have it); anyone else gets the same 404 as a missing id.
 */
import { data } from "@remix-run/node";
import { z } from "zod";
import { queryOne, sqlDialect } from "~/runtime/sql.server";
import type { InboxViewer } from "./access.server";
import type { MovedAway } from "./view";

const MoveRowSchema = z.object({ teamName: z.string().nullable(), byName: z.string().nullable(), createdAt: z.coerce.date(), fromTeam: z.string().nullable() });

export async function findMoveAway(viewer: Pick<InboxViewer, "teams">, conversationId: string): Promise<MovedAway | null> {
  const row = await queryOne(
    `SELECT t."name" AS "teamName", u."name" AS "byName", e."createdAt", ${sqlDialect.jsonText('e."payload"', "from")} AS "fromTeam"
       FROM "Event" e
       LEFT JOIN "Team" t ON t."id" = ${sqlDialect.jsonText('e."payload"', "to")}
       LEFT JOIN "User" u ON u."id" = ${sqlDialect.jsonText('e."payload"', "by")}
      WHERE e."conversationId" = ? AND e."type" = 'conversation.reassigned'
      ORDER BY e."createdAt" DESC LIMIT 1`,
    [conversationId],
  );
  if (!row) return null;
  const move = MoveRowSchema.parse(row);
  if (!move.fromTeam || !viewer.teams.some((team) => team.id === move.fromTeam)) return null;
  return { teamName: move.teamName ?? "another team", byName: move.byName, at: move.createdAt.toISOString() };
}

/** The 403 that carries the move, for the conversation pane's error boundary. */
export function movedAwayResponse(moved: MovedAway) {
  return data({ moved }, { status: 403, statusText: "Forbidden" });
}
