/**
 * A conversation an agent had open left their reach: it was moved to a team they are not in (by a
 * teammate or an admin), or they were moved out of its team and it went back to that team's queue
 * (return-to-queue.server.ts). Their page re-reads it on the live update and would meet a bare
 * "not found"; instead it closes with "Moved to Billing by Ana" or "You're no longer in Support".
 * Only said to those who could see it until then (as a 403: they did have it): a move to the people
 * of the team it was moved FROM, a release to the agent it was taken from; anyone else gets the
 * same 404 as a missing id.
 */
import { data } from "@remix-run/node";
import { z } from "zod";
import { apiJson } from "~/runtime/api/responses.server";
import { queryAll, sqlDialect } from "~/runtime/sql.server";
import type { InboxViewer } from "./access.server";
import { movedAwayRefusal } from "./moved-away-words";
import type { MovedAway } from "./view";

const HandRowSchema = z.object({
  type: z.string(),
  createdAt: z.coerce.date(),
  from: z.string().nullable(),
  reason: z.string().nullable(),
  toTeamName: z.string().nullable(),
  byName: z.string().nullable(),
  teamName: z.string().nullable(),
});

/**
 * The latest change of hands decides, newest first: a release (which keeps the team) is the
 * viewer's news only if they are the agent it names; a move, or a new handoff (after a hand back to
 * the bot), changed the team, so nothing older is still true.
 */
export async function findMoveAway(viewer: Pick<InboxViewer, "id" | "teams">, conversationId: string): Promise<MovedAway | null> {
  const payload = 'e."payload"';
  const rows = await queryAll(
    `SELECT e."type", e."createdAt", ${sqlDialect.jsonText(payload, "from")} AS "from", ${sqlDialect.jsonText(payload, "reason")} AS "reason",
            t."name" AS "toTeamName", u."name" AS "byName", ct."name" AS "teamName"
       FROM "Event" e
       JOIN "Conversation" c ON c."id" = e."conversationId"
       LEFT JOIN "Team" ct ON ct."id" = c."teamId"
       LEFT JOIN "Team" t ON t."id" = ${sqlDialect.jsonText(payload, "to")}
       LEFT JOIN "User" u ON u."id" = ${sqlDialect.jsonText(payload, "by")}
      WHERE e."conversationId" = ? AND e."type" IN ('conversation.reassigned', 'conversation.released', 'handoff')
      ORDER BY e."createdAt" DESC`,
    [conversationId],
  );
  for (const row of rows) {
    const hand = HandRowSchema.parse(row);
    const at = hand.createdAt.toISOString();
    if (hand.type === "conversation.released") {
      // Someone else's release (or this agent's deactivation, which signs them out) is not this viewer's news.
      if (hand.reason === "leftTeam" && hand.from === viewer.id) return { kind: "leftTeam", teamName: hand.teamName ?? "its team", at };
      continue;
    }
    if (hand.type !== "conversation.reassigned" || !hand.from || !viewer.teams.some((team) => team.id === hand.from)) return null;
    return { kind: "moved", teamName: hand.toTeamName ?? "another team", byName: hand.byName, at };
  }
  return null;
}

/** The 403 that carries the move, for the conversation pane's error boundary. */
export function movedAwayResponse(moved: MovedAway) {
  return data({ moved }, { status: 403, statusText: "Forbidden" });
}

/** The same 403 as the composer's fetch reads it: JSON with the sentence it shows under the box. */
export function movedAwayReply(moved: MovedAway): Response {
  return apiJson({ ok: false, message: movedAwayRefusal(moved), moved }, { status: 403 });
}
