/**
 * When a person stops working (deactivated or removed) or an agent leaves a team, their open
 * conversations (of that team) go back to the team's queue: waiting, unassigned, awake (the
 * customer was just told someone else will reply), the wait still counting from the handoff (being
 * dropped does not make a customer's wait shorter), and round robin runs again for each team. Each conversation
 * is moved like any agent action (agent-turn.server.ts): in its lock, on a fresh read, so a
 * conversation resolved or reassigned meanwhile is left alone.
 */
import { z } from "zod";
import { firstName } from "~/chat/agent-identity.server";
import { phrasesFor } from "~/flow";
import { getCustomerLocale } from "~/runtime/customer-language.server";
import { db } from "~/utils/db.server";
import { queryAll } from "~/runtime/sql.server";
import { RELEASED_BY_SWEEP } from "~/vocabulary/events";
import { runAgentAction } from "./agent-turn.server";
import { afterQueued } from "./assignment.server";

export type ReleaseReason = "deactivated" | "removed" | "leftTeam";

/**
 * Returns how many conversations went back to a queue. "leftTeam": only those of a team the agent is
 * not a member of — decided inside each conversation's lock on a fresh read, so a team ticked again
 * meanwhile keeps its conversations with them.
 */
export async function returnAssignedToQueue(person: { id: string; name: string }, by: string, reason: ReleaseReason): Promise<number> {
  const leftTeam = reason === "leftTeam";
  const open = await db.conversation.findMany({ where: { assigneeId: person.id, status: "open", ...(leftTeam ? { teamId: { not: null } } : {}) }, select: { id: true } });
  const stillMember = async (teamId: string | null) => teamId === null || (await db.membership.count({ where: { userId: person.id, teamId } })) > 0;
  const teams = new Set<string | null>();
  let returned = 0;
  for (const conversation of open) {
    const result = await runAgentAction(conversation.id, async (state) => {
      if (state.status !== "open" || state.assigneeId !== person.id || (leftTeam && (await stillMember(state.teamId)))) return { outcome: { ok: true, notice: "" } };
      return {
        outcome: { ok: true, notice: "" },
        commit: {
          status: "waiting",
          update: { status: "waiting", assigneeId: null, snoozedUntil: null },
          // The customer was talking to this person: they are told, not left wondering.
          messages: [{ role: "system", text: phrasesFor(await getCustomerLocale(state.id, state.flowVersionId)).left(firstName(person.name) ?? person.name), metadata: {} }],
          events: [{ type: "conversation.released", payload: { from: person.id, fromName: person.name, by, reason } }],
        },
      };
    });
    if (!result.committed) continue;
    returned += 1;
    teams.add(result.before?.teamId ?? null);
  }
  for (const teamId of teams) await afterQueued(teamId);
  return returned;
}

const StrandedSchema = z.object({ id: z.string(), name: z.string() });

/**
 * The sweep's safety net (dispatcher.server.ts): open conversations assigned to an agent who is not
 * a member of the conversation's team — they cannot open it, so nobody would answer. Left by a team
 * change saved before hand-backs existed, a hand-back cut short, or a claim that raced the change.
 * Each goes back as if that agent had just left the team. Returns how many went back.
 */
export async function returnOutOfTeamAssignments(): Promise<number> {
  const rows = await queryAll(
    `SELECT DISTINCT u."id", u."name" FROM "Conversation" c JOIN "User" u ON u."id" = c."assigneeId"
      WHERE c."status" = 'open' AND c."teamId" IS NOT NULL AND u."role" = 'agent'
        AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u."id" AND m."teamId" = c."teamId")`,
    [],
  );
  let returned = 0;
  for (const person of rows.map((row) => StrandedSchema.parse(row))) returned += await returnAssignedToQueue(person, RELEASED_BY_SWEEP, "leftTeam");
  return returned;
}
