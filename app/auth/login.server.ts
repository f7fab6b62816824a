/**
 * Sign-in: the form schema and the credential check. Wrong password and unknown email give the
 * same answer, in about the same time (see verifyDummyPassword).
 */
import { db } from "~/utils/db.server";
import type { Role, SessionUser } from "./guards.server";
import { WRONG_CREDENTIALS, type LoginInput } from "./schemas";
import { clearLoginFailures, loginRetryAfterMs, recordLoginFailure } from "./login-throttle.server";
import { verifyDummyPassword, verifyPassword } from "./password.server";

export type LoginResult = { ok: true; user: SessionUser } | { ok: false; message: string; status: 400 | 429 };

export async function verifyLogin({ email, password }: Pick<LoginInput, "email" | "password">): Promise<LoginResult> {
  const retryAfterMs = loginRetryAfterMs(email);
  if (retryAfterMs > 0) {
    const minutes = Math.ceil(retryAfterMs / 60_000);
    return { ok: false, status: 429, message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyDummyPassword(password);
  if (!user || !valid) {
    recordLoginFailure(email);
    return { ok: false, status: 400, message: WRONG_CREDENTIALS };
  }
  clearLoginFailures(email);
  const role: Role = user.role === "admin" ? "admin" : "agent";
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role } };
}
