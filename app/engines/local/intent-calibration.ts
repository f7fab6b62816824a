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
 * 10 phrases make a less sure model than 100), plus three products of them, because how much
 * the cosine or the probability says depends on how many phrases and intents there are. The coefficients are fitted by
 * bench/calibrate-intents.ts on CLINC150 train.json ONLY, cross-validated inside it (5 folds of
 * 20 held-out phrases per intent), over intent sets of many sizes and 5 to 80 phrases where the
 * held-out phrases of the intents left out play the customer who asks for something else.
 * With sentence vectors (intent-semantic.ts) a second calibration adds the semantic signals; it
 * is the one customers meet, the lexical one answers when the encoder is unavailable.
 */
export type IntentEvidenceSignals = {
  probability: number;
  runnerUp: number;
  similarity: number;
  semantic?: { centroid: number; nearest: number; typical: number; background: number; rival: number };
};
export type CalibrationContext = { intents: number; examplesPerIntent: number };

/** What the lexical model alone gives: the lexical calibration is fitted on these. */
export const LEXICAL_CALIBRATION_FEATURES = [
  "logProbability",
  "logMargin",
  "similarity",
  "logIntents",
  "logExamples",
  "logIntentsByLogExamples",
  "similarityByLogExamples",
  "logProbabilityByLogIntents",
  "singleIntent",
] as const;

export const CALIBRATION_FEATURES = [
  ...LEXICAL_CALIBRATION_FEATURES,
  // Zero when the message has no sentence vector (lexical alone).
  "centroid",
  "nearest",
  "centroidByLogExamples",
  "centroidByLogIntents",
  "centroidGap",
  // How close the message is to the background phrases (intent-semantic.ts): "none of these" evidence.
  "background",
  // A step of many intents covers much of what the background asks: there it says less.
  "backgroundByLogIntents",
  // The message's cosine to the closest other intent's centroid (with logMargin: how contested the pick is).
  "rival",
  // The intent count as 1/K: its effect fades as steps grow, so a calibration fitted on up to 73
  // intents still holds at 150 (products with log K grow without bound past the fitted range).
  "inverseIntents",
  "centroidByInverseIntents",
] as const;
export type CalibrationFeature = (typeof CALIBRATION_FEATURES)[number];
export type IntentCalibration = Partial<Record<CalibrationFeature, number>> & { intercept: number };

/**
 * Lexical alone: the calibration for a model whose examples have no sentence vectors (the
 * encoder failed or is still loading). From `npx tsx bench/calibrate-intents.ts --calibration
 * lexical` (train.json intents a–m only, sets of 1 to 73; refitted 2026-12-07 when each intent's
 * name became one more example phrase, intent-name.ts): out-of-fold ECE 0.010, log loss 0.284,
 * worst single setting (phrases × intents) ECE 0.130 (the fit before, on intent sets of 1 to 150:
 * 0.007, 0.293, 0.113). Steps have at most 50 intents. The five plain signals alone (measured on the earlier 3–5-gram
 * features): ECE 0.004 overall but 0.154 on 150 intents × 80 phrases, and a one-intent set
 * sure of anything (its softmax is always 1), hence the products and the offset.
 */
export const INTENT_CALIBRATION: IntentCalibration = {
  logProbability: 3.247,
  logMargin: 0.99,
  similarity: 0.517,
  logIntents: 0.798,
  logExamples: -1.127,
  logIntentsByLogExamples: -0.092,
  similarityByLogExamples: 1.814,
  logProbabilityByLogIntents: -0.559,
  singleIntent: 1.148,
  intercept: 0.294,
};

/**
 * Semantic and lexical fused (the model's examples and the message have sentence vectors): from
 * `npx tsx bench/calibrate-intents.ts` on train.json intents a–m ONLY (73 intents; sets of 1 to
 * 73 intents × 5 to 80 phrases; each intent's name is one more example phrase, intent-name.ts,
 * refitted 2026-12-07): out-of-fold ECE 0.003, log loss 0.148, 73-intent sets 0.013, worst single
 * setting (phrases × intents) 0.022 (before the names: 0.003, 0.152, 0.014, 0.026).
 * The semantic signals carry most of it: `centroidGap` (a message as close to an intent's
 * phrases as they are to each other is that intent) and `background` (one as close to other
 * customers' requests is not; the softmax over a few intents cannot tell "none of these"), which
 * counts less the more intents a step has (they cover more of what the background asks).
 * The intent count enters as log K and through 1/K products (`inverseIntents`, ...), which fade
 * as steps grow: CLINC150 has 150 intents, twice the largest set a–m allows, and products with
 * log K carried a fit past its range badly (fitted on sets of ≤ 25 intents, out-of-fold ECE on
 * 73-intent sets: 0.083 with log K products, 0.022–0.025 with 1/K ones, `--fit-max-intents 25`).
 * The background keeps its log K product (bench/calibrate-intents.ts says why). With the log K
 * products, CLINC150's 150-intent confidences came out too low (val.json a–m ECE 0.053; now 0.034).
 * Tried and left out (no better on a–m): the share of the message's words no example has, the
 * nearest example's cosine relative to the phrases' own nearest neighbours, the lexical model's
 * own probability for the pick (small steps a little better, CLINC150's 73 a–m intents 6 points
 * less accurate: it reorders the candidates), √K (extrapolates worse), and the margin to the
 * rival centroid times log K.
 */
export const SEMANTIC_INTENT_CALIBRATION: IntentCalibration = {
  logProbability: 0.38,
  logMargin: 0.413,
  similarity: 1.039,
  logIntents: -0.586,
  logExamples: -0.552,
  similarityByLogExamples: 1.441,
  singleIntent: 2.18,
  centroid: -1.246,
  nearest: 5.869,
  centroidByLogExamples: -0.601,
  centroidGap: 9.524,
  background: -14.092,
  backgroundByLogIntents: 1.827,
  rival: 2.256,
  inverseIntents: -7.047,
  centroidByInverseIntents: 17.103,
  intercept: 2.717,
};

// Margins are capped: a softmax over a few intents can be sure to 1e-6 and say nothing more by it.
const MAX_LOG_MARGIN = 6;
const FLOOR = 1e-9;

export function calibrationFeatures(evidence: IntentEvidenceSignals, context: CalibrationContext): Record<CalibrationFeature, number> {
  // A one-intent set has no runner-up: its softmax is always 1 and its margin means nothing.
  const logMargin = context.intents > 1 ? Math.log(Math.max(evidence.probability, FLOOR) / Math.max(evidence.runnerUp, FLOOR)) : 0;
  const logProbability = Math.log(Math.max(evidence.probability, FLOOR));
  const logIntents = Math.log(Math.max(1, context.intents));
  const logExamples = Math.log(Math.max(1, context.examplesPerIntent));
  const centroid = evidence.semantic?.centroid ?? 0;
  const inverseIntents = 1 / Math.max(1, context.intents);
  return {
    logProbability,
    logMargin: Math.max(-MAX_LOG_MARGIN, Math.min(MAX_LOG_MARGIN, logMargin)),
    similarity: evidence.similarity,
    logIntents,
    logExamples,
    logIntentsByLogExamples: logIntents * logExamples,
    similarityByLogExamples: evidence.similarity * logExamples,
    logProbabilityByLogIntents: logProbability * logIntents,
    // One intent: the softmax is 1 whatever the message; only the cosine can tell, so its own offset.
    singleIntent: context.intents > 1 ? 0 : 1,
    centroid,
    nearest: evidence.semantic?.nearest ?? 0,
    centroidByLogExamples: centroid * logExamples,
    centroidByLogIntents: centroid * logIntents,
    centroidGap: evidence.semantic ? centroid - evidence.semantic.typical : 0,
    background: evidence.semantic?.background ?? 0,
    backgroundByLogIntents: (evidence.semantic?.background ?? 0) * logIntents,
    rival: context.intents > 1 ? (evidence.semantic?.rival ?? 0) : 0,
    inverseIntents,
    centroidByInverseIntents: centroid * inverseIntents,
  };
}

export function calibrateConfidence(calibration: IntentCalibration, evidence: IntentEvidenceSignals, context: CalibrationContext): number {
  const features = calibrationFeatures(evidence, context);
  let z = calibration.intercept;
  for (const name of CALIBRATION_FEATURES) z += (calibration[name] ?? 0) * features[name];
  return 1 / (1 + Math.exp(-z));
}
