/**
 * The arithmetic of the embedded intent model (intent-model.ts): logits over sparse vectors, the
 * softmax, and the seeded shuffling that keeps training deterministic.
 */
import type { SparseVector } from "./features";

// Four intents at a time in registers: each weight is loaded once and `out` written once per
// block, instead of a load and a store of out[k] for every feature.
export function computeLogits(vector: SparseVector, weights: Float32Array, bias: Float32Array, classes: number, out: Float64Array): void {
  const { indices, values } = vector;
  const features = indices.length;
  let k = 0;
  for (; k + 4 <= classes; k += 4) {
    let a0 = bias[k];
    let a1 = bias[k + 1];
    let a2 = bias[k + 2];
    let a3 = bias[k + 3];
    for (let i = 0; i < features; i++) {
      const offset = indices[i] * classes + k;
      const value = values[i];
      a0 += value * weights[offset];
      a1 += value * weights[offset + 1];
      a2 += value * weights[offset + 2];
      a3 += value * weights[offset + 3];
    }
    out[k] = a0;
    out[k + 1] = a1;
    out[k + 2] = a2;
    out[k + 3] = a3;
  }
  for (; k < classes; k++) {
    let sum = bias[k];
    for (let i = 0; i < features; i++) sum += values[i] * weights[indices[i] * classes + k];
    out[k] = sum;
  }
}

/** Softmax in place; returns the probability an intent with logit `reference` has. */
export function softmaxInPlace(values: Float64Array, reference: number): number {
  let max = -Infinity;
  for (const value of values) max = Math.max(max, value);
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    values[k] = Math.exp(values[k] - max);
    sum += values[k];
  }
  for (let k = 0; k < values.length; k++) values[k] /= sum;
  return Math.exp(reference - max) / sum;
}

export function meanOf(values: Float32Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
