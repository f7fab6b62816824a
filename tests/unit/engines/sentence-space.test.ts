/**
 * The sentence space (bench/sentence-space.ts): k = 0 leaves the encoder's vector as it
 * is, k > 0 removes the fitted mean and top k directions and returns a unit vector, and the fitted
 * file holds what the map assumes (unit, mutually orthogonal directions, largest variance first).
 */
import { describe, expect, it } from "vitest";
import spaceJson from "../../../bench/data/sentence-space.json";
import { MAX_SPACE_COMPONENTS, toSentenceSpace } from "../../../bench/sentence-space";

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
};

/** A reproducible random unit vector (mulberry32; not from the encoder: the map must hold for any input). */
function unitVector(seed: number): Float32Array {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32 - 0.5;
  };
  const vector = Float32Array.from({ length: spaceJson.mean.length }, random);
  const norm = Math.sqrt(dot(vector, vector));
  return vector.map((value) => value / norm);
}

describe("toSentenceSpace", () => {
  it("returns the raw vector itself for k = 0", () => {
    const vector = unitVector(1);
    expect(toSentenceSpace(vector, 0)).toBe(vector);
  });

  it("returns a unit vector with no part along the top k directions", () => {
    const vector = unitVector(2);
    for (const k of [1, 3, MAX_SPACE_COMPONENTS]) {
      const mapped = toSentenceSpace(vector, k);
      expect(dot(mapped, mapped)).toBeCloseTo(1, 5);
      for (const direction of spaceJson.components.slice(0, k)) expect(Math.abs(dot(mapped, direction))).toBeLessThan(1e-4);
      // The next direction is left in: only the top k go.
      if (k < MAX_SPACE_COMPONENTS) expect(Math.abs(dot(mapped, spaceJson.components[k]))).toBeGreaterThan(1e-3);
    }
  });

  it("sends the corpus mean away: two vectors that share only it stop looking alike", () => {
    const mean = Float32Array.from(spaceJson.mean);
    const [a, b] = [unitVector(3), unitVector(4)].map((noise) => mean.map((value, i) => value + 0.3 * noise[i]));
    const rawCosine = dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    expect(rawCosine).toBeGreaterThan(0.6);
    expect(Math.abs(dot(toSentenceSpace(a, 1), toSentenceSpace(b, 1)))).toBeLessThan(0.2);
  });

  it("refuses a k the fitted space does not have", () => {
    expect(() => toSentenceSpace(unitVector(5), MAX_SPACE_COMPONENTS + 1)).toThrow(/k must be/);
    expect(() => toSentenceSpace(unitVector(5), 1.5)).toThrow(/k must be/);
  });
});

describe("sentence-space.json", () => {
  it("holds 16 unit-length, mutually orthogonal directions, largest variance first", () => {
    const { components, variances, mean } = spaceJson;
    expect(components).toHaveLength(16);
    components.forEach((a, i) => {
      expect(a).toHaveLength(mean.length);
      components.forEach((b, j) => expect(dot(a, b)).toBeCloseTo(i === j ? 1 : 0, 3));
    });
    expect([...variances].sort((x, y) => y - x)).toEqual(variances);
  });
});
