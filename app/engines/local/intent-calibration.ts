/**
 * The decision layer of the embedded classifier, and the part that is ours on purpose: it turns
 * what the model saw into a confidence that means "probability that this intent is the right
 * one", so a node threshold of 0.6 is a real decision and "none of these" falls out of it.
 * Libraries give us tokens, stems and BM25 vectors; none knows how sure a 10-phrase intent set
 * should be about a message nobody wrote an example for, which is what a support lead's
 * threshold is about.
 *
 * It is a logistic (Platt-style) fit over five signals: the softmax probability, its margin over
 * the best other intent, the cosine to the intent's nearest example phrase, and the size of the
 * intent set and of its examples (a softmax over 150 intents is spread thinner than over 3, and
 * 10 phrases make a less sure model than 100). The coefficients are fitted by
 * bench/calibrate-intents.ts on CLINC150 train.json ONLY, cross-validated inside it (5 folds of
 * 20 held-out phrases per intent), over intent sets of 3 to 150 intents and 5 to 80 phrases
 * where the held-out phrases of the intents left out play the customer who asks for something else.
 */
export type IntentEvidenceSignals = { probability: number; runnerUp: number; similarity: number };
export type CalibrationContext = { intents: number; examplesPerIntent: number };

export const CALIBRATION_FEATURES = ["logProbability", "logMargin", "similarity", "logIntents", "logExamples"] as const;
export type CalibrationFeature = (typeof CALIBRATION_FEATURES)[number];
export type IntentCalibration = Record<CalibrationFeature, number> & { intercept: number };

/** From `npx tsx bench/calibrate-intents.ts` (out-of-fold ECE 0.004, log loss 0.253 on train.json). */
export const INTENT_CALIBRATION: IntentCalibration = {
  logProbability: 1.339,
  logMargin: 1.196,
  similarity: 4.225,
  logIntents: 0.593,
  logExamples: -0.702,
  intercept: -1.497,
};

// Margins are capped: a softmax over a few intents can be sure to 1e-6 and say nothing more by it.
const MAX_LOG_MARGIN = 6;
const FLOOR = 1e-9;

export function calibrationFeatures(evidence: IntentEvidenceSignals, context: CalibrationContext): Record<CalibrationFeature, number> {
  // A one-intent set has no runner-up: its softmax is always 1 and its margin means nothing.
  const logMargin = context.intents > 1 ? Math.log(Math.max(evidence.probability, FLOOR) / Math.max(evidence.runnerUp, FLOOR)) : 0;
  return {
    logProbability: Math.log(Math.max(evidence.probability, FLOOR)),
    logMargin: Math.max(-MAX_LOG_MARGIN, Math.min(MAX_LOG_MARGIN, logMargin)),
    similarity: evidence.similarity,
    logIntents: Math.log(Math.max(1, context.intents)),
    logExamples: Math.log(Math.max(1, context.examplesPerIntent)),
  };
}

// Runs for every intent of every message: plain property reads, no per-feature loop.
export function calibrateConfidence(calibration: IntentCalibration, evidence: IntentEvidenceSignals, context: CalibrationContext): number {
  const f = calibrationFeatures(evidence, context);
  const z =
    calibration.intercept +
    calibration.logProbability * f.logProbability +
    calibration.logMargin * f.logMargin +
    calibration.similarity * f.similarity +
    calibration.logIntents * f.logIntents +
    calibration.logExamples * f.logExamples;
  return 1 / (1 + Math.exp(-z));
}
