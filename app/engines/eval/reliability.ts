/**
 * How well confidences mean what they say: ten equal-width confidence bins, each with its
 * share of the (weighted) predictions, their mean confidence and how many were right; the
 * expected calibration error is the share-weighted gap between the two. Used on the
 * evaluation's test predictions and by the calibration fit (bench/calibrate-intents.ts).
 */
export type ScoredOutcome = { confidence: number; correct: number; weight?: number };
export type ReliabilityBin = { from: number; to: number; share: number; confidence: number; accuracy: number };
export type Reliability = { ece: number; logLoss: number; bins: ReliabilityBin[] };

const BINS = 10;
const round = (value: number) => Math.round(value * 10_000) / 10_000;

export function reliability(outcomes: ScoredOutcome[]): Reliability {
  const bins = Array.from({ length: BINS }, () => ({ weight: 0, confidence: 0, correct: 0 }));
  let total = 0;
  let logLoss = 0;
  for (const { confidence, correct, weight = 1 } of outcomes) {
    const bin = bins[Math.min(BINS - 1, Math.floor(confidence * BINS))];
    bin.weight += weight;
    bin.confidence += confidence * weight;
    bin.correct += correct * weight;
    total += weight;
    const p = Math.min(1 - 1e-9, Math.max(1e-9, confidence));
    logLoss -= weight * (correct ? Math.log(p) : Math.log(1 - p));
  }
  if (total === 0) return { ece: 0, logLoss: 0, bins: [] };
  const ece = bins.reduce((sum, bin) => sum + Math.abs(bin.confidence - bin.correct), 0) / total;
  return {
    ece,
    logLoss: logLoss / total,
    bins: bins.map((bin, i) => ({
      from: i / BINS,
      to: (i + 1) / BINS,
      share: round(bin.weight / total),
      confidence: bin.weight ? round(bin.confidence / bin.weight) : 0,
      accuracy: bin.weight ? round(bin.correct / bin.weight) : 0,
    })),
  };
}
