/**
 * The fused calibration's intent-count features and the rival-centroid evidence: pure arithmetic
 * on hand-made vectors (no encoder), so what each feature means is pinned down.
 */
import { describe, expect, it } from "vitest";
import { calibrateConfidence, calibrationFeatures, SEMANTIC_INTENT_CALIBRATION } from "~/engines/local/intent-calibration";
import { attachSemantic, trainIntentModel, weighIntents } from "~/engines/local/intent-model";

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (value) => value / norm);
};

describe("the rival centroid", () => {
  // Three intents whose phrases point along three directions; the message is nearest the first, then the second.
  const intents = [
    { name: "track", examples: ["where is my order", "track my parcel"] },
    { name: "refund", examples: ["I want a refund", "money back please"] },
    { name: "hours", examples: ["when do you open", "opening hours"] },
  ];
  const vectors = [
    [unit(1, 0, 0), unit(1, 0.1, 0)],
    [unit(0, 1, 0), unit(0.1, 1, 0)],
    [unit(0, 0, 1), unit(0, 0.1, 1)],
  ];
  const model = attachSemantic(trainIntentModel(intents), vectors);
  const message = unit(1, 0.5, 0.1);

  it("is the cosine to the closest other intent's centroid", () => {
    const evidence = weighIntents(model, "track it", message);
    const byName = Object.fromEntries(evidence.map((intent) => [intent.name, intent.semantic!]));
    // For track the closest other centroid is refund's; for refund and hours it is track's.
    expect(byName.track.rival).toBeCloseTo(byName.refund.centroid, 6);
    expect(byName.refund.rival).toBeCloseTo(byName.track.centroid, 6);
    expect(byName.hours.rival).toBeCloseTo(byName.track.centroid, 6);
    expect(byName.track.centroid).toBeGreaterThan(byName.refund.centroid);
  });

  it("counts for nothing in a one-intent step (there is no other intent)", () => {
    const features = calibrationFeatures(
      { probability: 1, runnerUp: 0, similarity: 0.5, semantic: { centroid: 0.8, nearest: 0.8, typical: 0.7, background: 0.3, rival: 0.9 } },
      { intents: 1, examplesPerIntent: 6 },
    );
    expect(features.rival).toBe(0);
    expect(features.inverseIntents).toBe(1);
  });
});

describe("the intent count in the fused calibration", () => {
  const evidence = { probability: 0.6, runnerUp: 0.2, similarity: 0.5, semantic: { centroid: 0.75, nearest: 0.8, typical: 0.65, background: 0.4, rival: 0.5 } };
  const confidence = (intents: number) => calibrateConfidence(SEMANTIC_INTENT_CALIBRATION, evidence, { intents, examplesPerIntent: 10 });

  it("enters as 1/K products, which fade as steps grow", () => {
    expect(SEMANTIC_INTENT_CALIBRATION.centroidByInverseIntents).not.toBe(0);
    const features = calibrationFeatures(evidence, { intents: 150, examplesPerIntent: 10 });
    expect(features.inverseIntents).toBeCloseTo(1 / 150, 9);
    expect(features.centroidByInverseIntents).toBeCloseTo(0.75 / 150, 9);
    // No log K products but the background's: they grow without bound past the 73 intents the fit saw.
    for (const name of ["centroidByLogIntents", "logProbabilityByLogIntents", "logIntentsByLogExamples"] as const) {
      expect(SEMANTIC_INTENT_CALIBRATION[name] ?? 0).toBe(0);
    }
  });

  it("moves a confidence less from 73 to 150 intents than from 3 to 6", () => {
    const small = Math.abs(confidence(6) - confidence(3));
    const large = Math.abs(confidence(150) - confidence(73));
    expect(large).toBeLessThan(small);
    for (const intents of [2, 6, 73, 150]) expect(confidence(intents)).toBeGreaterThan(0.05);
  });

  it("lets the background count against an intent at every size, less the more intents", () => {
    const background = (intents: number) =>
      (SEMANTIC_INTENT_CALIBRATION.background ?? 0) + (SEMANTIC_INTENT_CALIBRATION.backgroundByLogIntents ?? 0) * Math.log(intents);
    expect(background(2)).toBeLessThan(background(150));
    expect(background(150)).toBeLessThan(0);
  });
});
