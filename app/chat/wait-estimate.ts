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
