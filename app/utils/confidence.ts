/**
 * A calibrated confidence as the support lead reads it: "83%" means about 83 of 100 such answers
 * are right. Rounding must not promise certainty: 0.996 reads "99%", and "100%" only for 1.
 */
export function formatConfidence(probability: number): string {
  const clamped = Math.max(0, Math.min(1, probability));
  if (clamped === 1) return "100%";
  if (clamped > 0 && clamped < 0.005) return "<1%";
  return `${Math.min(99, Math.round(clamped * 100))}%`;
}
