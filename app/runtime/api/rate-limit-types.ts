/** What a rate limiter answers for one request. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The window the limit is counted over: CHAT_RATE_LIMIT_PER_MINUTE requests per this. */
export const RATE_WINDOW_MS = 60_000;
