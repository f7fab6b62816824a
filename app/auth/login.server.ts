/**
 * Sign-in: the credential check behind the throttle. Wrong password and unknown email give the
 * same answer, in about the same time (see verifyDummyPassword).
 */
import { db } from "~/utils/db.server";
import type { Role, SessionUser } from "./guards.server";
import { WRONG_CREDENTIALS, type LoginInput } from "./schemas";
import { attemptKeys, releaseLoginAttempts, reserveLoginAttempt } from "./login-throttle.server";
import { verifyDummyPassword, verifyPassword } from "./password.server";

export type LoginResult =
  | { ok: true; user: SessionUser }
  | { ok: false; status: 400; message: string }
  | { ok: false; status: 429; message: string; retryAfterSeconds: number };

/** `clientAddress` is the server's view of the client (null when unknown): throttled besides the account. */
export async function verifyLogin({ email, password }: Pick<LoginInput, "email" | "password">, clientAddress: string | null): Promise<LoginResult> {
  const keys = attemptKeys(email, clientAddress);
  const reservation = await reserveLoginAttempt(keys);
  if (!reservation.ok) {
    const retryAfterSeconds = Math.max(1, Math.ceil(reservation.retryAfterMs / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    return { ok: false, status: 429, retryAfterSeconds, message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyDummyPassword(password);
  if (!user || !valid) return { ok: false, status: 400, message: WRONG_CREDENTIALS };
  await releaseLoginAttempts(keys);
  const role: Role = user.role === "admin" ? "admin" : "agent";
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role } };
}
