/**
 * Per-client rate limit for the public chat API: a token bucket per key (client address + token,
 * or the address alone when creating a conversation) holding CHAT_RATE_LIMIT_PER_MINUTE requests
 * and refilling at that rate. Where the buckets live is chosen once, with the database: on SQLite
 * (one process) in memory; on PostgreSQL in the database, so N instances behind a load balancer
 * enforce ONE limit per client, not N (one upsert per request, rate-limit-postgres.server.ts).
 */
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { databaseKind } from "~/utils/db.server";
import { apiError } from "./responses.server";
import { clearMemoryBuckets, takeFromMemory } from "./rate-limit-memory.server";
import { clearPostgresBuckets, takeFromPostgres } from "./rate-limit-postgres.server";
import type { RateDecision } from "./rate-limit-types";

const LimitSchema = z.coerce.number().int().positive().catch(60);
const shared = databaseKind === "postgresql";

let parsedLimit: { raw: string | undefined; value: number } | null = null;

/** Read on every request (tests and operators may change it), parsed only when it changed. */
export function rateLimitPerMinute(): number {
  const raw = process.env.CHAT_RATE_LIMIT_PER_MINUTE;
  if (parsedLimit === null || parsedLimit.raw !== raw) parsedLimit = { raw, value: LimitSchema.parse(raw ?? 60) };
  return parsedLimit.value;
}

/** Takes one request from the key's bucket; a 429 Response (with Retry-After) when it is empty. */
export async function checkRateLimit(key: string, now = Date.now()): Promise<Response | null> {
  const limit = rateLimitPerMinute();
  const decision: RateDecision = shared ? await takeFromPostgres(key, limit, now) : takeFromMemory(key, limit, now);
  if (decision.allowed) return null;
  const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return apiError(429, "rate_limited", "Too many requests. Try again shortly.", { headers: { "Retry-After": String(retryAfter) } });
}

/**
 * The client's address, as the server (app/cli/serve.ts) put it in the load context: the
 * socket's peer, or — only when TRUST_PROXY names the proxies in front of Baton — the address
 * those proxies recorded in X-Forwarded-For. Never the header alone: anyone can write it.
 * Without a server context (route modules called directly) every caller is "unknown".
 */
export function clientAddress(context: AppLoadContext | undefined): string {
  const address = context?.clientAddress;
  return typeof address === "string" && address ? address.slice(0, 64) : "unknown";
}

/** Every client starts with a full bucket again (tests). */
export async function resetRateLimits(): Promise<void> {
  if (shared) await clearPostgresBuckets();
  else clearMemoryBuckets();
}
