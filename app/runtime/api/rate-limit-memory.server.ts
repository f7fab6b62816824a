/**
 * The chat API's rate limit in this process's memory: a token bucket per key holding `limit`
 * requests and refilling at `limit` per minute. Right for SQLite, where Baton is one process;
 * on PostgreSQL the instances share rate-limit-postgres.server.ts instead. The bucket map is
 * swept so idle clients do not accumulate.
 */
import { RATE_WINDOW_MS, type RateDecision } from "./rate-limit-types";

const MAX_KEYS = 100_000;

type Bucket = { tokens: number; updatedAt: number };
const buckets = new Map<string, Bucket>();

/** Takes one request from the key's bucket, or says how long until one is there. */
export function takeFromMemory(key: string, limit: number, now: number): RateDecision {
  const perMs = limit / RATE_WINDOW_MS;
  const bucket = buckets.get(key) ?? { tokens: limit, updatedAt: now };
  bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.updatedAt) * perMs);
  bucket.updatedAt = now;
  buckets.set(key, bucket);
  if (bucket.tokens < 1) return { allowed: false, retryAfterMs: (1 - bucket.tokens) / perMs };
  bucket.tokens -= 1;
  if (buckets.size > MAX_KEYS) sweep(now, perMs, limit);
  return { allowed: true };
}

function sweep(now: number, perMs: number, limit: number): void {
  for (const [key, bucket] of buckets) {
    if (bucket.tokens + (now - bucket.updatedAt) * perMs >= limit) buckets.delete(key);
  }
  // Still full of active clients: drop the oldest rather than grow without bound.
  for (const key of buckets.keys()) {
    if (buckets.size <= MAX_KEYS * 0.9) break;
    buckets.delete(key);
  }
}

export function clearMemoryBuckets(): void {
  buckets.clear();
}
