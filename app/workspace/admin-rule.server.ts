/**
 * The workspace never loses its last admin: someone must always be able to manage people. An
 * admin counts while they can sign in (not deactivated, a password chosen). The rule is checked
 * AFTER the change, inside its transaction, and rolls it back when no admin would remain, so
 * two admins demoting or removing each other at the same moment cannot both succeed.
 */
import { CAN_SIGN_IN } from "~/auth/can-sign-in";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/utils/db.server";
import type { Outcome } from "./teams.server";

export type Tx = Prisma.TransactionClient;


class NoAdminLeft extends Error {}

/** Runs `change` in a transaction that is undone (answering `refusal`) when it leaves no admin. */
export async function keepingAnAdmin(db: Db, refusal: string, change: (tx: Tx) => Promise<Outcome>): Promise<Outcome> {
  try {
    return await db.$transaction(async (tx) => {
      const outcome = await change(tx);
      if (outcome.ok && (await tx.user.count({ where: { role: "admin", ...CAN_SIGN_IN } })) === 0) throw new NoAdminLeft();
      return outcome;
    });
  } catch (error) {
    if (error instanceof NoAdminLeft) return { ok: false, message: refusal };
    throw error;
  }
}
