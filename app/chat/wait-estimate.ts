/** Fewer answered handoffs than this is too little to promise a wait (see wait-estimate.server.ts). */
export const MIN_WAIT_SAMPLES = 3;

/** Median of the waits in minutes; null with fewer than MIN_WAIT_SAMPLES valid samples. */
export function medianMinutes(waitsMs: number[]): number | null {
  const valid = waitsMs.filter((ms) => Number.isFinite(ms) && ms >= 0).sort((a, b) => a - b);
  if (valid.length < MIN_WAIT_SAMPLES) return null;
  const middle = Math.floor(valid.length / 2);
  const median = valid.length % 2 ? valid[middle] : (valid[middle - 1] + valid[middle]) / 2;
  return median / 60_000;
}

/**
 * The wait the handoff notice promises. Closed: the time until the team opens plus its usual
 * (business-time) first response. Open with nobody online: unknown (null) — the notice says so
 * instead of promising the usual wait. Open: the usual wait.
 */
export function estimateWaitMinutes(
  availability: { state: "open" | "closed" | "nobodyOnline"; opensAt: string | null } | null,
  usualMinutes: number | null,
  now: number,
): number | null {
  if (!availability || availability.state === "open") return usualMinutes;
  if (availability.state === "nobodyOnline") return null;
  if (!availability.opensAt) return null;
  return Math.max(0, (Date.parse(availability.opensAt) - now) / 60_000) + (usualMinutes ?? 0);
}
