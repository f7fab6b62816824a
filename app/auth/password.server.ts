/**
 * Password hashing with Argon2id (@node-rs/argon2, its defaults follow the OWASP minimum:
 * 19 MiB memory, 2 iterations). The PHC string stores its own parameters and salt, so raising
 * the cost later keeps old hashes verifiable.
 */
import { hash, verify } from "@node-rs/argon2";
import { db } from "~/utils/db.server";
import { endUserSessions } from "./session.server";

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a malformed stored hash (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown keeps "unknown email" as slow as "wrong
// password", so response time does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hash("baton-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * Sets a person's password and signs them out everywhere in the same transaction: whoever held
 * a copied session cookie loses it with the old password. Validate with NewPasswordSchema first.
 */
export async function changePassword(userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    await endUserSessions(userId, tx);
  });
}
