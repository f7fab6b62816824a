/**
 * A signed-in person's own account: their name and their password. A new password needs the
 * current one (a session left open on a shared computer must not take the account over), and a
 * wrong one counts against the sign-in throttle like a failed sign-in, so the form cannot be
 * used to guess it. The change ends every session of the person (changePassword); the route
 * then signs this browser in again, so only the other devices are signed out.
 */
import { db } from "~/utils/db.server";
import type { FormErrors } from "~/utils/parse-form";
import { formFailure } from "~/utils/parse-form";
import type { PasswordChange } from "./account-schemas";
import { attemptKeys, releaseLoginAttempts, reserveLoginAttempt } from "./login-throttle.server";
import { changePassword, verifyPassword } from "./password.server";

export async function renameSelf(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name }, select: { id: true } });
}

export type PasswordChangeResult = { ok: true } | ({ ok: false; status: 400 | 429 } & FormErrors);

export async function changeOwnPassword(user: { id: string; email: string }, input: PasswordChange, clientAddress: string | null): Promise<PasswordChangeResult> {
  const keys = attemptKeys(user.email, clientAddress);
  const reservation = await reserveLoginAttempt(keys);
  if (!reservation.ok) {
    const minutes = Math.max(1, Math.ceil(reservation.retryAfterMs / 60_000));
    return { ok: false, status: 429, ...formFailure(`Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`) };
  }
  const stored = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!stored?.passwordHash || !(await verifyPassword(stored.passwordHash, input.current))) {
    return { ok: false, status: 400, ...formFailure("That is not your current password", "current") };
  }
  await releaseLoginAttempts(keys);
  await changePassword(user.id, input.password);
  return { ok: true };
}
