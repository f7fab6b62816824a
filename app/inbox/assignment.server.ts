/**
 * Automatic assignment for teams set to round robin. The next waiting conversation (priority,
 * then longest wait) goes to the team member who is online, under their capacity (open
 * conversations < User.capacity), and was auto-assigned longest ago (User.lastAssignedAt).
 *
 * Never stranded: it runs whenever a conversation enters a team's queue (the dispatcher hears
 * the handoff), whenever an agent may have become free (resolve, hand back, reassign away,
 * going online, more capacity), and on a periodic sweep that also covers a restart.
 * Capacity holds under races: the assignment's UPDATE carries the condition "this agent has
 * fewer than capacity open conversations", evaluated by the database inside the commit, and one
 * team is assigned by one chain at a time in this process.
 */
import { z } from "zod";
import { withConversationLock } from "~/runtime/conversation-lock.server";
import { queryOne } from "~/runtime/sql.server";
import { db } from "~/utils/db.server";
import { joinedLine, runAgentAction } from "./agent-turn.server";
import { REAL_CHANNEL } from "~/vocabulary/channels";
import { SqlIntegerSchema } from "~/utils/sql-integer";

const CandidateSchema = z.object({ id: z.string(), name: z.string(), capacity: SqlIntegerSchema, openCount: SqlIntegerSchema, lastAssignedAt: z.coerce.date().nullable() });
export type Candidate = z.infer<typeof CandidateSchema>;

/** Eligible members of a team in round-robin order. */
export async function listAssignableAgents(teamId: string): Promise<Candidate[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT u."id", u."name", u."capacity", u."lastAssignedAt",
           (SELECT COUNT(*) FROM "Conversation" c WHERE c."assigneeId" = u."id" AND c."status" = 'open') AS "openCount"
      FROM "User" u JOIN "Membership" m ON m."userId" = u."id"
     WHERE m."teamId" = ${teamId} AND u."availability" = 'online'`;
  return rows
    .map((row) => CandidateSchema.parse(row))
    .filter((agent) => agent.openCount < agent.capacity)
    .sort((a, b) => (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) || a.name.localeCompare(b.name));
}

/** Assigns waiting conversations of a round-robin team while someone can take one; returns how many. */
export function assignWaiting(teamId: string): Promise<number> {
  return withConversationLock(`team:${teamId}`, async () => {
    // Runs on every handoff: a prepared statement on the read connection, not a Prisma query (see sql.server.ts).
    const team = await queryOne<{ assignment: unknown }>(`SELECT "assignment" FROM "Team" WHERE "id" = ?`, [teamId]);
    if (team?.assignment !== "round_robin") return 0;
    let assigned = 0;
    const skipped = new Set<string>();
    // Bounded: each pass assigns, skips a conversation or finds an agent full (then the list changes).
    for (let pass = 0; pass < 1_000; pass += 1) {
      const next = await db.conversation.findFirst({
        where: { teamId, status: "waiting", channel: REAL_CHANNEL, id: { notIn: [...skipped] } },
        orderBy: [{ priority: "desc" }, { escalatedAt: "asc" }],
        select: { id: true },
      });
      if (!next) return assigned;
      const [agent] = await listAssignableAgents(teamId);
      if (!agent) return assigned;
      const outcome = await autoAssign(next.id, teamId, agent);
      if (outcome === "assigned") assigned += 1;
      // Claimed or moved meanwhile: look at the next one. Agent full: the candidate list changes.
      else if (outcome === "gone") skipped.add(next.id);
    }
    return assigned;
  });
}

const CAPACITY_GUARD = `(SELECT COUNT(*) FROM "Conversation" o WHERE o."assigneeId" = ? AND o."status" = 'open') < (SELECT "capacity" FROM "User" WHERE "id" = ? AND "availability" = 'online')`;

async function hasRoom(agentId: string): Promise<boolean> {
  const [agent, open] = await Promise.all([
    db.user.findUnique({ where: { id: agentId }, select: { capacity: true, availability: true } }),
    db.conversation.count({ where: { assigneeId: agentId, status: "open" } }),
  ]);
  return agent !== null && agent.availability === "online" && open < agent.capacity;
}

type Verdict = "assigned" | "gone" | "full";

async function autoAssign(conversationId: string, teamId: string, agent: Candidate): Promise<Verdict> {
  // Set by the last (committed) attempt of the decision below.
  let verdict = "gone" as Verdict;
  await runAgentAction(conversationId, async (state) => {
    verdict = "gone";
    if (state.status !== "waiting" || state.teamId !== teamId) return { outcome: { ok: true, notice: "" } };
    // Checked on a fresh read; the guard below re-checks inside the commit for other processes.
    if (!(await hasRoom(agent.id))) {
      verdict = "full";
      return { outcome: { ok: true, notice: "" } };
    }
    verdict = "assigned";
    return {
      outcome: { ok: true, notice: `Assigned to ${agent.name}.` },
      commit: {
        status: "open",
        update: { status: "open", assigneeId: agent.id },
        messages: [await joinedLine(agent.name, state)],
        events: [{ type: "conversation.assigned", payload: { agentId: agent.id, by: null, mode: "round_robin" } }],
        guard: { sql: CAPACITY_GUARD, params: [agent.id, agent.id] },
      },
    };
  });
  if (verdict === "assigned") await db.user.update({ where: { id: agent.id }, data: { lastAssignedAt: new Date() }, select: { id: true } });
  return verdict;
}

/** A conversation entered a team's queue. */
export async function afterQueued(teamId: string | null): Promise<void> {
  if (teamId) await assignWaiting(teamId);
}

/** An agent may have room for another conversation: fill it from each of their teams. */
export async function afterAgentFreed(agentId: string): Promise<void> {
  const memberships = await db.membership.findMany({ where: { userId: agentId }, select: { teamId: true } });
  for (const { teamId } of memberships) await assignWaiting(teamId);
}

/** Sweeps every round-robin team (periodically, and at start-up). */
export async function assignAllTeams(): Promise<number> {
  const teams = await db.team.findMany({ where: { assignment: "round_robin" }, select: { id: true } });
  let assigned = 0;
  for (const team of teams) assigned += await assignWaiting(team.id);
  return assigned;
}
