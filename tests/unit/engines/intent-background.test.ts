/**
 * The background of the intent classifier (intent-semantic.ts): other customer requests as
 * "none of these" evidence. Background phrases that paraphrase the step's own examples are
 * dropped, and a message's background evidence is its mean cosine to its three nearest phrases.
 */
import { describe, expect, it } from "vitest";
import { BACKGROUND_PHRASES, backgroundVectors, decodeBackgroundVectors, encodeBackgroundVectors } from "~/engines/local/intent-background";
import { backgroundCosine, BACKGROUND_CARVE_OUT, buildSemanticIntents } from "~/engines/local/intent-semantic";

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (value) => value / norm);
};

describe("the background", () => {
  const example = unit(1, 0, 0, 0);
  const paraphrase = unit(1, 0.1, 0, 0); // cosine 0.995 with the example
  const others = [unit(0, 1, 0, 0), unit(0, 0.8, 0.6, 0), unit(0, 0, 1, 0), unit(0, 0, 0, 1)];

  it("drops background phrases as close to an example as a paraphrase", () => {
    const semantic = buildSemanticIntents([[example]], [paraphrase, ...others]);
    expect(semantic.background).toEqual(others);
    expect(semantic.background.every((phrase) => phrase[0] < BACKGROUND_CARVE_OUT)).toBe(true);
  });

  it("scores a message by its three nearest background phrases", () => {
    const semantic = buildSemanticIntents([[example]], others);
    // Cosines to the four phrases: 1, 0.8, 0, 0 → the three nearest average 0.6.
    expect(backgroundCosine(semantic, unit(0, 1, 0, 0))).toBeCloseTo(0.6, 5);
    // Orthogonal to all but one: a lone near phrase says less than three.
    expect(backgroundCosine(semantic, unit(0, 0, 0, 1))).toBeCloseTo(1 / 3, 5);
  });

  it("is no evidence when there is no background", () => {
    expect(backgroundCosine(buildSemanticIntents([[example]]), example)).toBe(0);
  });

  it("ships 300 distinct customer requests, each with a unit vector", () => {
    expect(BACKGROUND_PHRASES).toHaveLength(300);
    expect(new Set(BACKGROUND_PHRASES).size).toBe(300);
    expect(backgroundVectors()).toHaveLength(300);
    for (const vector of backgroundVectors()) expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
  });

  it("stores vectors in 8 bits that decode to within a cosine of 0.9999", () => {
    const vectors = [unit(0.3, -0.9, 0.01, 0.2), unit(-1, 0.5, 0.25, -0.125)];
    const decoded = decodeBackgroundVectors(encodeBackgroundVectors(vectors));
    decoded.forEach((vector, row) => {
      const cosine = vector.reduce((sum, value, i) => sum + value * vectors[row][i], 0);
      expect(cosine).toBeGreaterThan(0.9999);
      expect(cosine).toBeLessThanOrEqual(1 + 1e-6);
    });
  });
});
