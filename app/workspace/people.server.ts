/**
 * Admins and agents of the workspace and their team memberships. The rules a support lead
 * would expect: nobody removes themselves, and the last admin cannot be removed (someone must
 * always be able to manage the workspace).
 */
import { hashPassword } from "~/auth/password.server";
import { endUserSessions } from "~/auth/session.server";
import type { Db } from "~/utils/db.server";
import type { NewPerson } from "./schemas";
import type { Outcome } from "./teams.server";

export async function listPeople(db: Db) {
  const people = await db.user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, capacity: true, availability: true, memberships: { select: { teamId: true } } },
  });
  return people.map(({ memberships, ...person }) => ({ ...person, teamIds: memberships.map((membership) => membership.teamId) }));
}

export async function createPerson(db: Db, person: NewPerson): Promise<Outcome> {
  const taken = await db.user.findUnique({ where: { email: person.email }, select: { id: true } });
  if (taken) return { ok: false, field: "email", message: "Someone with this email is already in the workspace" };
  const teamIds = await existingTeamIds(db, person.teamIds);
  await db.user.create({
    data: {
      name: person.name,
      email: person.email,
      role: person.role,
      passwordHash: await hashPassword(person.password),
      memberships: { create: teamIds.map((teamId) => ({ teamId })) },
    },
    select: { id: true },
  });
  return { ok: true };
}

export async function removePerson(db: Db, { actorId, userId }: { actorId: string; userId: string }): Promise<Outcome> {
  if (actorId === userId) return { ok: false, message: "You can't remove yourself. Ask another admin to do it." };
  return db.$transaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { id: userId }, select: { role: true, name: true } });
    if (!person) return { ok: false, message: "That person is no longer in the workspace" } as const;
    if (person.role === "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1) {
      return { ok: false, message: `${person.name} is the last admin and can't be removed.` } as const;
    }
    // The foreign key cascades too; explicit, so the guarantee does not hang on a PRAGMA.
    await endUserSessions(userId, tx);
    await tx.user.delete({ where: { id: userId }, select: { id: true } });
    return { ok: true } as const;
  });
}

export async function setMemberships(db: Db, userId: string, teamIds: string[]): Promise<Outcome> {
  const person = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!person) return { ok: false, message: "That person is no longer in the workspace" };
  const valid = await existingTeamIds(db, teamIds);
  await db.$transaction([db.membership.deleteMany({ where: { userId } }), db.membership.createMany({ data: valid.map((teamId) => ({ userId, teamId })) })]);
  return { ok: true };
}

async function existingTeamIds(db: Db, teamIds: string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const teams = await db.team.findMany({ where: { id: { in: [...new Set(teamIds)] } }, select: { id: true } });
  return teams.map((team) => team.id);
}

/** The most conversations round robin gives this person at once. */
export async function setCapacity(db: Db, userId: string, capacity: number): Promise<Outcome> {
  const person = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!person) return { ok: false, message: "That person is no longer in the workspace" };
  await db.user.update({ where: { id: userId }, data: { capacity }, select: { id: true } });
  return { ok: true };
}
