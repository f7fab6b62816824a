/**
 * Deactivating a person instead of removing them: their name stays on the conversations they
 * worked, but they can no longer sign in, every session they have ends at once, their unused
 * password links stop working, they leave round robin ("away"), and their open conversations go
 * back to their team's queue. Reactivating lets them sign in again with their password; they
 * come back "away" and set themselves online in the inbox when they start working.
 */
import { revokePasswordLinks } from "~/auth/password-links.server";
import { endUserSessions } from "~/auth/session.server";
import { returnAssignedToQueue } from "~/inbox/return-to-queue.server";
import type { Db } from "~/utils/db.server";
import { keepingAnAdmin } from "./admin-rule.server";
import type { Outcome } from "./teams.server";

const GONE = "That person is no longer in the workspace";

export type Deactivated = { ok: true; name: string; returned: number } | Extract<Outcome, { ok: false }>;

export async function deactivatePerson(db: Db, { actorId, userId }: { actorId: string; userId: string }): Promise<Deactivated> {
  if (actorId === userId) return { ok: false, message: "You can't deactivate yourself. Ask another admin to do it." };
  const person = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, deactivatedAt: true } });
  if (!person) return { ok: false, message: GONE };
  if (person.deactivatedAt) return { ok: false, message: `${person.name} is already deactivated.` };
  const outcome = await keepingAnAdmin(db, `${person.name} is the last admin and can't be deactivated.`, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: new Date(), availability: "away" }, select: { id: true } });
    await endUserSessions(userId, tx);
    await revokePasswordLinks(tx, userId);
    return { ok: true };
  });
  if (!outcome.ok) return outcome;
  return { ok: true, name: person.name, returned: await returnAssignedToQueue(person, actorId, "deactivated") };
}

export async function reactivatePerson(db: Db, userId: string): Promise<Outcome> {
  const { count } = await db.user.updateMany({ where: { id: userId, deactivatedAt: { not: null } }, data: { deactivatedAt: null } });
  if (count === 1) return { ok: true };
  const exists = await db.user.count({ where: { id: userId } });
  return { ok: false, message: exists ? "This person is already active." : GONE };
}
