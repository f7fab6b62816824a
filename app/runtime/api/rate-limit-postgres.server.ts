/**
 * The chat API's rate limit shared by every instance on one PostgreSQL database: the same
 * bucket as the in-memory limiter (`limit` requests at once, refilling at `limit` per minute),
 * kept as GCRA's one number per client — `readyAt`, when the client's bucket is full again.
 * A request moves it `interval` (= window / limit) later, from now if it was in the past; it is
 * allowed while readyAt stays within one window of now. So a check is ONE statement, one round
 * trip: an upsert whose DO UPDATE … WHERE refuses the step (the row lock serialises clients
 * hitting two instances at once), plus a read of the row as it was, for Retry-After.
 *
 * Keys are stored as their SHA-256: a key holds the conversation's token, which the database
 * otherwise never keeps in the clear. A row whose readyAt has passed means the same as no row
 * (a full bucket), so a background sweep deletes those.
 */
import { createHash } from "node:crypto";
import { getPostgresPool } from "~/utils/db.server";
import { RATE_WINDOW_MS, type RateDecision } from "./rate-limit-types";

const SWEEP_EVERY_MS = 60_000;

// $1 key hash, $2 now (epoch ms), $3 interval (ms per request). A named statement: parsed and
// planned once per connection. The 0.001 ms slack absorbs float rounding (60000 / 7 * 7 > 60000).
// set_config(…, true) is SET LOCAL for this statement's own transaction: its commit does not wait
// for the WAL to reach the disk (a crash may forget the last counts — a full bucket, harmless),
// so a chat request never waits on a flush for its rate limit.
const TAKE = {
  name: "baton-chat-rate-limit-take",
  text: `WITH "taken" AS (
  INSERT INTO "ChatRateLimit" ("key", "readyAt") VALUES ($1, $2::float8 + $3::float8)
  ON CONFLICT ("key") DO UPDATE SET "readyAt" = GREATEST("ChatRateLimit"."readyAt", $2::float8) + $3::float8
  WHERE GREATEST("ChatRateLimit"."readyAt", $2::float8) + $3::float8 <= $2::float8 + ${RATE_WINDOW_MS}.001
  RETURNING 1)
SELECT EXISTS (SELECT 1 FROM "taken") AS "allowed", (SELECT "readyAt" FROM "ChatRateLimit" WHERE "key" = $1) AS "readyAt",
  set_config('synchronous_commit', 'off', true) AS "asyncCommit"`,
};

let sweeper: NodeJS.Timeout | null = null;

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Each key's check in flight on this instance, so the next one waits for it. */
const checksInFlight = new Map<string, Promise<RateDecision>>();

/**
 * Takes one request from the key's shared bucket, or says how long until one is there. Checks of
 * one key run one after another: a conversation's messages sent at once must reach its turn queue
 * in the order they arrived, and parallel round trips on different pool connections would let a
 * later one overtake (the in-memory limiter answers synchronously, so SQLite never reorders).
 */
export function takeFromPostgres(key: string, limit: number, now: number): Promise<RateDecision> {
  const previous = checksInFlight.get(key);
  const check = previous ? previous.then(() => takeNow(key, limit, now), () => takeNow(key, limit, now)) : takeNow(key, limit, now);
  checksInFlight.set(key, check);
  const forget = () => {
    if (checksInFlight.get(key) === check) checksInFlight.delete(key);
  };
  check.then(forget, forget);
  return check;
}

async function takeNow(key: string, limit: number, now: number): Promise<RateDecision> {
  startSweeping();
  const interval = RATE_WINDOW_MS / limit;
  const result = await getPostgresPool().query<{ allowed: boolean; readyAt: number | null }>({ ...TAKE, values: [hashKey(key), now, interval] });
  const { allowed, readyAt } = result.rows[0];
  if (allowed) return { allowed: true };
  // readyAt is the row before this statement; null only if another instance inserted it meanwhile.
  return { allowed: false, retryAfterMs: readyAt === null ? interval : Math.max(readyAt + interval - RATE_WINDOW_MS - now, 0) };
}

/** Deletes the rows of clients whose bucket is full again (they mean the same as no row). */
export async function sweepPostgresBuckets(now = Date.now()): Promise<number> {
  const result = await getPostgresPool().query('DELETE FROM "ChatRateLimit" WHERE "readyAt" < $1', [now]);
  return result.rowCount ?? 0;
}

function startSweeping(): void {
  if (sweeper) return;
  sweeper = setInterval(() => {
    sweepPostgresBuckets().catch((error: unknown) => console.warn("[rate-limit] sweeping old buckets failed:", error instanceof Error ? error.message : error));
  }, SWEEP_EVERY_MS);
  sweeper.unref();
}

export async function clearPostgresBuckets(): Promise<void> {
  await getPostgresPool().query('DELETE FROM "ChatRateLimit"');
}
