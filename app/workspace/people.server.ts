/**
 * Admins and agents of the workspace and their team memberships. The rules a support lead
 * would expect: nobody removes themselves or changes their own role, and the workspace always
 * keeps an admin who can sign in (admin-rule.server.ts). People are invited, never given a
 * password by someone else: they choose it through a one-time link (password-links.server.ts).
 */
import { createPasswordLink, type NewLink } from "~/auth/password-links.server";
import { CAN_SIGN_IN } from "~/auth/can-sign-in";
import { endUserSessions } from "~/auth/session.server";
import { returnAssignedToQueue } from "~/inbox/return-to-queue.server";
import type { Db } from "~/utils/db.server";
import { keepingAnAdmin } from "./admin-rule.server";
import type { NewPerson, PersonRow } from "./schemas";
import type { Outcome } from "./teams.server";

const GONE = "That person is no longer in the workspace";

export type Saved = { ok: true; returned: number } | Extract<Outcome, { ok: false }>;

export async function listPeople(db: Db, now = new Date()) {
  const people = await db.user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      capacity: true,
      availability: true,
      deactivatedAt: true,
      passwordHash: true,
      memberships: { select: { teamId: true } },
      assigned: { where: { status: "open", teamId: { not: null } }, select: { teamId: true } },
      passwordLinks: { where: { usedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" }, take: 1, select: { purpose: true } },
    },
  });
  // The hash only says whether a password was chosen; it never leaves this function.
  return people.map(({ memberships, assigned, passwordHash, passwordLinks, deactivatedAt, ...person }) => ({
    ...person,
    deactivated: deactivatedAt !== null,
    invited: passwordHash === "",
    openLink: passwordLinks[0]?.purpose ?? null,
    teamIds: memberships.map((membership) => membership.teamId),
    openByTeam: countOpenByTeam(assigned),
  }));
}

/** How many open conversations a person holds in each team: unticking a team sends that team's back to its queue. */
function countOpenByTeam(assigned: { teamId: string | null }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { teamId } of assigned) if (teamId) counts[teamId] = (counts[teamId] ?? 0) + 1;
  return counts;
}

export type Invited = { ok: true; name: string; link: NewLink } | Extract<Outcome, { ok: false }>;

/** Adds a person without a password ("away" until they join, so round robin skips them) and makes their invitation link. */
export async function invitePerson(db: Db, person: NewPerson): Promise<Invited> {
  const taken = await db.user.findUnique({ where: { email: person.email }, select: { id: true } });
  if (taken) return { ok: false, field: "email", message: "Someone with this email is already in the workspace" };
  const teamIds = await existingTeamIds(db, person.teamIds);
  const created = await db.user.create({
    data: {
      name: person.name,
      email: person.email,
      role: person.role,
      passwordHash: "",
      availability: "away",
      memberships: { create: teamIds.map((teamId) => ({ teamId })) },
    },
    select: { id: true },
  });
  return { ok: true, name: person.name, link: await createPasswordLink(db, created.id, "invite") };
}

/** A new link for the person: another invitation while they have no password, else a password reset. */
export async function createLinkFor(db: Db, userId: string): Promise<Invited> {
  const person = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, deactivatedAt: true, name: true } });
  if (!person) return { ok: false, message: GONE };
  if (person.deactivatedAt) return { ok: false, message: `${person.name} is deactivated. Reactivate them first.` };
  return { ok: true, name: person.name, link: await createPasswordLink(db, userId, person.passwordHash === "" ? "invite" : "reset") };
}

/**
 * One row of the people table saved at once: role, teams and capacity, all or nothing. An agent
 * moved out of a team can no longer open its conversations, so theirs there go back to that
 * team's queue (as when someone is deactivated) instead of waiting on someone who cannot answer.
 */
export async function savePerson(db: Db, actorId: string, row: PersonRow): Promise<Saved> {
  const person = await db.user.findUnique({ where: { id: row.userId }, select: { name: true, role: true } });
  if (!person) return { ok: false, message: GONE };
  if (row.role !== person.role && actorId === row.userId) return { ok: false, message: "You can't change your own role. Ask another admin to do it." };
  const teamIds = await existingTeamIds(db, row.teamIds);
  const outcome = await keepingAnAdmin(db, `${person.name} is the last admin. Make someone else an admin first.`, async (tx) => {
    await tx.user.update({ where: { id: row.userId }, data: { role: row.role, capacity: row.capacity }, select: { id: true } });
    await tx.membership.deleteMany({ where: { userId: row.userId } });
    await tx.membership.createMany({ data: teamIds.map((teamId) => ({ userId: row.userId, teamId })) });
    return { ok: true };
  });
  if (!outcome.ok) return outcome;
  // Admins open every conversation: nothing of theirs is out of reach.
  if (row.role === "admin") return { ok: true, returned: 0 };
  // The teams are saved: a hand-back cut short is finished by the inbox's sweep (returnOutOfTeamAssignments).
  const returned = await returnAssignedToQueue({ id: row.userId, name: person.name }, actorId, "leftTeam").catch((error: unknown) => {
    console.warn("[teams] handing back conversations after a team change failed; the inbox sweep retries:", error instanceof Error ? error.message : error);
    return 0;
  });
  return { ok: true, returned };
}

/**
 * Their open conversations go back to the queue first: once the row is gone they would be open
 * with nobody on them. The last-admin rule is checked before that as well as in the transaction.
 */
export async function removePerson(db: Db, { actorId, userId }: { actorId: string; userId: string }): Promise<Outcome> {
  if (actorId === userId) return { ok: false, message: "You can't remove yourself. Ask another admin to do it." };
  const person = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true } });
  if (!person) return { ok: false, message: GONE };
  const lastAdmin = `${person.name} is the last admin and can't be removed.`;
  if (person.role === "admin" && (await db.user.count({ where: { role: "admin", id: { not: userId }, ...CAN_SIGN_IN } })) === 0) return { ok: false, message: lastAdmin };
  await returnAssignedToQueue(person, actorId, "removed");
  return keepingAnAdmin(db, lastAdmin, async (tx) => {
    // The foreign key cascades too; explicit, so the guarantee does not hang on a PRAGMA.
    await endUserSessions(userId, tx);
    const { count } = await tx.user.deleteMany({ where: { id: userId } });
    return count === 1 ? { ok: true } : { ok: false, message: GONE };
  });
}

async function existingTeamIds(db: Db, teamIds: string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const teams = await db.team.findMany({ where: { id: { in: [...new Set(teamIds)] } }, select: { id: true } });
  return teams.map((team) => team.id);
}
