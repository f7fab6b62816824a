/**
 * Cheap brute-force brake for sign-in: at most MAX_FAILURES wrong passwords per email in a
 * WINDOW; a success clears the count. In-process memory (several instances each keep their own
 * count). Keyed by email because the Remix request carries no client address; the cost is that
 * someone can lock an account out for at most one window.
 */
const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60 * 1000;
const MAX_KEYS = 10_000;

type Entry = { failures: number; windowStart: number };
const entries = new Map<string, Entry>();

/** Milliseconds until `email` may try again, or 0 when it may try now. */
export function loginRetryAfterMs(email: string, now = Date.now()): number {
  const entry = entries.get(email);
  if (!entry) return 0;
  if (now - entry.windowStart >= WINDOW_MS) {
    entries.delete(email);
    return 0;
  }
  return entry.failures >= MAX_FAILURES ? entry.windowStart + WINDOW_MS - now : 0;
}

export function recordLoginFailure(email: string, now = Date.now()): void {
  const entry = entries.get(email);
  if (!entry || now - entry.windowStart >= WINDOW_MS) entries.set(email, { failures: 1, windowStart: now });
  else entry.failures += 1;
  if (entries.size > MAX_KEYS) {
    for (const [key, value] of entries) if (now - value.windowStart >= WINDOW_MS) entries.delete(key);
  }
}

export function clearLoginFailures(email: string): void {
  entries.delete(email);
}
