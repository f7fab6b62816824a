/**
 * Per-client rate limit for the public chat API: a token bucket per key (client IP + token,
 * or IP alone when creating a conversation) holding CHAT_RATE_LIMIT_PER_MINUTE requests and
 * refilling at that rate. In-process: with several instances behind a load balancer each
 * instance limits on its own (sticky sessions or a shared store would make it global).
 * The bucket map is swept so idle clients do not accumulate.
 */
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { apiError } from "./responses.server";

const LimitSchema = z.coerce.number().int().positive().catch(60);
const MAX_KEYS = 100_000;

type Bucket = { tokens: number; updatedAt: number };
const buckets = new Map<string, Bucket>();

let parsedLimit: { raw: string | undefined; value: number } | null = null;

/** Read on every request (tests and operators may change it), parsed only when it changed. */
export function rateLimitPerMinute(): number {
  const raw = process.env.CHAT_RATE_LIMIT_PER_MINUTE;
  if (parsedLimit === null || parsedLimit.raw !== raw) parsedLimit = { raw, value: LimitSchema.parse(raw ?? 60) };
  return parsedLimit.value;
}

/** Takes one request from the key's bucket; a 429 Response (with Retry-After) when it is empty. */
export function checkRateLimit(key: string, now = Date.now()): Response | null {
  const limit = rateLimitPerMinute();
  const perMs = limit / 60_000;
  const bucket = buckets.get(key) ?? { tokens: limit, updatedAt: now };
  bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.updatedAt) * perMs);
  bucket.updatedAt = now;
  if (bucket.tokens < 1) {
    buckets.set(key, bucket);
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    return apiError(429, "rate_limited", "Too many requests. Try again shortly.", { headers: { "Retry-After": String(retryAfter) } });
  }
  bucket.tokens -= 1;
  buckets.set(key, bucket);
  if (buckets.size > MAX_KEYS) sweep(now, perMs, limit);
  return null;
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

export function resetRateLimits(): void {
  buckets.clear();
}
