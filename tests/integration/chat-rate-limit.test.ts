/**
 * The chat API's rate limit as the routes call it, on whichever database this project runs:
 * in memory on SQLite, in the ChatRateLimit table on PostgreSQL (shared by every instance; the
 * two-server test is in postgres-instances.test.ts). Both must behave as the same token bucket.
 */
import { afterEach, describe, expect, it } from "vitest";
import { checkRateLimit, resetRateLimits } from "~/runtime/api/rate-limit.server";
import { sweepPostgresBuckets } from "~/runtime/api/rate-limit-postgres.server";
import { databaseKind, db } from "~/utils/db.server";

const NOW = 1_800_000_000_000;

afterEach(async () => {
  delete process.env.CHAT_RATE_LIMIT_PER_MINUTE;
  await resetRateLimits();
});

async function statuses(key: string, count: number, now: number): Promise<number[]> {
  const result: number[] = [];
  for (let index = 0; index < count; index += 1) result.push((await checkRateLimit(key, now))?.status ?? 200);
  return result;
}

describe(`the chat rate limit on ${databaseKind}`, () => {
  it("lets the limit through at once, answers 429 with the wait in Retry-After, and refills one request per minute / limit", async () => {
    process.env.CHAT_RATE_LIMIT_PER_MINUTE = "3";
    expect(await statuses("turn:192.0.2.1:token-a", 3, NOW)).toEqual([200, 200, 200]);
    const limited = await checkRateLimit("turn:192.0.2.1:token-a", NOW);
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get("retry-after")).toBe("20");
    expect(await limited?.json()).toEqual({ error: { code: "rate_limited", message: "Too many requests. Try again shortly." } });
    expect(await statuses("turn:192.0.2.1:token-b", 1, NOW)).toEqual([200]);
    expect(await statuses("turn:192.0.2.1:token-a", 2, NOW + 19_000)).toEqual([429, 429]);
    expect(await statuses("turn:192.0.2.1:token-a", 2, NOW + 20_000)).toEqual([200, 429]);
    expect(await statuses("turn:192.0.2.1:token-a", 4, NOW + 200_000)).toEqual([200, 200, 200, 429]);
  });

  it("lets exactly the limit through of many simultaneous requests from one client", async () => {
    process.env.CHAT_RATE_LIMIT_PER_MINUTE = "5";
    const results = await Promise.all(Array.from({ length: 20 }, () => checkRateLimit("start:192.0.2.2", NOW)));
    expect(results.filter((result) => result === null)).toHaveLength(5);
    expect(results.filter((result) => result?.status === 429)).toHaveLength(15);
  });

  it(databaseKind === "postgresql" ? "keeps the buckets in the database, keys hashed, and sweeps the full ones" : "keeps the buckets in memory (one process), nothing in the database", async () => {
    process.env.CHAT_RATE_LIMIT_PER_MINUTE = "60";
    await statuses("read:192.0.2.3:secret-token", 2, NOW);
    await statuses("read:192.0.2.4:other-token", 1, NOW + 5_000);
    const rows = await db.chatRateLimit.findMany({ orderBy: { readyAt: "asc" } });
    if (databaseKind === "sqlite") {
      expect(rows).toEqual([]);
      return;
    }
    expect(rows.map((row) => row.readyAt)).toEqual([NOW + 2_000, NOW + 6_000]);
    for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/);
    // Once a bucket is full again its row means nothing: the sweep deletes exactly those.
    expect(await sweepPostgresBuckets(NOW + 3_000)).toBe(1);
    expect(await db.chatRateLimit.count()).toBe(1);
  });
});
