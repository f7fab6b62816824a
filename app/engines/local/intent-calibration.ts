/**
 * Turns the model's two signals into a confidence that means "probability that the top intent
 * is the right one": a logistic (Platt) fit of [ln softmax probability, nearest-example cosine].
 * The coefficients are fitted by bench/calibrate-intents.ts on CLINC150 train.json ONLY
 * (80/20 split per intent), over intent sets of 3 to 150 intents where the held-out phrases of
 * the intents left out play the customer who asks for something else. So a node threshold of
 * 0.6 means the same with 4 intents as with 40.
 */
/** logIntents: the softmax over 150 intents is spread thinner than over 3; ln(count) corrects for it. */
export type IntentCalibration = { logProbability: number; similarity: number; logIntents: number; intercept: number };

export const INTENT_CALIBRATION: IntentCalibration = { logProbability: 3.633, similarity: 7.365, logIntents: 1.162, intercept: -2.81 };

export function calibrateConfidence(calibration: IntentCalibration, probability: number, similarity: number, intents: number): number {
  const z =
    calibration.logProbability * Math.log(Math.max(probability, 1e-9)) +
    calibration.similarity * similarity +
    calibration.logIntents * Math.log(Math.max(1, intents)) +
    calibration.intercept;
  return 1 / (1 + Math.exp(-z));
}
