/**
 * Brute-force brake for sign-in, per account AND per client address, in the database so every
 * instance on it shares the counts. An attempt is COUNTED BEFORE its password is checked, by one
 * atomic upsert per key (SQLite runs each statement alone): of any number of simultaneous
 * guesses, at most the limit reach the password check, the rest get 429 at once. A success
 * clears the account's count and refunds its own attempt to the address (an office behind one
 * address signs in all morning without tripping it). An attacker can lock an account for at most
 * one window; the per-address limit stops one client from spraying many accounts.
 */
import { db } from "~/utils/db.server";

export const ACCOUNT_LIMIT = 10;
export const ADDRESS_LIMIT = 30;
export const WINDOW_MS = 15 * 60 * 1000;

export type LoginAttemptKeys = { account: string; address: string | null };
export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

const accountKey = (email: string) => `email:${email}`;
const addressKey = (address: string) => `address:${address}`;

export function attemptKeys(email: string, address: string | null): LoginAttemptKeys {
  return { account: accountKey(email), address: address ? addressKey(address) : null };
}

/** Counts one attempt under `key` in the current window; returns the count and when the window began. */
async function countAttempt(key: string, now: number): Promise<{ attempts: number; windowStart: number }> {
  const stale = now - WINDOW_MS;
  // In SET, every column reads the row as it was: windowStart's CASE sees the old window. The
  // columns are qualified with the table: PostgreSQL would also see the proposed row's (EXCLUDED).
  const rows = await db.$queryRaw<Array<{ attempts: number | bigint; windowStart: number | bigint }>>`
    INSERT INTO "LoginAttempt" ("key", "attempts", "windowStart") VALUES (${key}, 1, ${BigInt(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE WHEN "LoginAttempt"."windowStart" <= ${BigInt(stale)} THEN 1 ELSE "LoginAttempt"."attempts" + 1 END,
      "windowStart" = CASE WHEN "LoginAttempt"."windowStart" <= ${BigInt(stale)} THEN ${BigInt(now)} ELSE "LoginAttempt"."windowStart" END
    RETURNING "attempts", "windowStart"`;
  return { attempts: Number(rows[0].attempts), windowStart: Number(rows[0].windowStart) };
}

/** Takes one attempt from each key's allowance; refused when either is used up. */
export async function reserveLoginAttempt(keys: LoginAttemptKeys, now = Date.now()): Promise<Reservation> {
  await db.$executeRaw`DELETE FROM "LoginAttempt" WHERE "windowStart" <= ${BigInt(now - WINDOW_MS)}`;
  const counted = [{ ...(await countAttempt(keys.account, now)), limit: ACCOUNT_LIMIT }];
  if (keys.address) counted.push({ ...(await countAttempt(keys.address, now)), limit: ADDRESS_LIMIT });
  const over = counted.filter((count) => count.attempts > count.limit);
  if (over.length === 0) return { ok: true };
  return { ok: false, retryAfterMs: Math.max(...over.map((count) => count.windowStart + WINDOW_MS - now)) };
}

/** After a successful sign-in: the account starts afresh and the address gets its attempt back. */
export async function releaseLoginAttempts(keys: LoginAttemptKeys): Promise<void> {
  await db.$executeRaw`DELETE FROM "LoginAttempt" WHERE "key" = ${keys.account}`;
  if (keys.address) await db.$executeRaw`UPDATE "LoginAttempt" SET "attempts" = CASE WHEN "attempts" > 0 THEN "attempts" - 1 ELSE 0 END WHERE "key" = ${keys.address}`;
}
