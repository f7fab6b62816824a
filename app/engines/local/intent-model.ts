/**
 * The embedded intent model: multinomial logistic regression over the TF-IDF features of
 * features.ts, trained by a few epochs of seeded SGD (deterministic: the same examples give
 * the same model). Besides the softmax, each intent keeps the centroid of its examples, so the
 * model can say how close the message is to anything the support lead wrote — softmax alone
 * cannot: over 3 intents it is confident about "what's the weather" too.
 */
import { buildFeatureSpace, vectorize, type FeatureSpace, type SparseVector } from "./features";
import type { IntentDefinition, RankedIntent } from "../types";

export type IntentModelOptions = {
  epochs: number;
  learningRate: number;
  l2: number;
  charWeight: number;
  /** Softmax temperature applied to the logits at prediction time. */
  temperature: number;
  /** Exponent of the centroid similarity in the confidence (0 = softmax only). */
  similarityWeight: number;
};

export const DEFAULT_INTENT_MODEL_OPTIONS: IntentModelOptions = {
  epochs: 12,
  learningRate: 0.5,
  l2: 1e-4,
  charWeight: 1,
  temperature: 1,
  similarityWeight: 1,
};

export type IntentModel = {
  names: string[];
  space: FeatureSpace;
  /** Feature-major weights: weights[feature * classes + class]; contiguous per feature for speed. */
  weights: Float32Array;
  bias: Float32Array;
  /** Feature-major, L2-normalised example centroids, same layout as weights. */
  centroids: Float32Array;
  options: IntentModelOptions;
};

export type IntentScores = { ranked: RankedIntent[]; probability: number; similarity: number; confidence: number };

export function trainIntentModel(intents: IntentDefinition[], overrides: Partial<IntentModelOptions> = {}): IntentModel {
  const options = { ...DEFAULT_INTENT_MODEL_OPTIONS, ...overrides };
  const names = intents.map((intent) => intent.name);
  const examples: { vector: SparseVector; label: number }[] = [];
  const texts = intents.flatMap((intent) => intent.examples);
  const space = buildFeatureSpace(texts, options.charWeight);
  intents.forEach((intent, label) => {
    for (const text of intent.examples) examples.push({ vector: vectorize(space, text), label });
  });
  const classes = names.length;
  const features = space.idf.length;
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const centroids = buildCentroids(examples, features, classes);
  if (classes > 1) {
    const random = seededRandom(examples.length * 31 + classes);
    const order = examples.map((_, position) => position);
    const probabilities = new Float64Array(classes);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      const rate = options.learningRate / (1 + epoch * 0.5);
      for (const position of order) {
        const { vector, label } = examples[position];
        computeLogits(vector, weights, bias, classes, probabilities);
        softmaxInPlace(probabilities, 1);
        probabilities[label] -= 1;
        for (let i = 0; i < vector.indices.length; i++) {
          const offset = vector.indices[i] * classes;
          const step = rate * vector.values[i];
          for (let k = 0; k < classes; k++) weights[offset + k] -= step * probabilities[k];
        }
        for (let k = 0; k < classes; k++) bias[k] -= rate * probabilities[k] * 0.1;
      }
      const decay = 1 - rate * options.l2 * examples.length;
      if (decay < 1) for (let i = 0; i < weights.length; i++) weights[i] *= Math.max(decay, 0);
    }
  }
  return { names, space, weights, bias, centroids, options };
}

export function scoreIntents(model: IntentModel, text: string): IntentScores {
  const { names, weights, bias, centroids, options } = model;
  const classes = names.length;
  const vector = vectorize(model.space, text);
  const logits = new Float64Array(classes);
  computeLogits(vector, weights, bias, classes, logits);
  const similarities = new Float64Array(classes);
  computeLogits(vector, centroids, new Float32Array(classes), classes, similarities);
  const queryNorm = Math.hypot(...vector.values);
  for (let k = 0; k < classes; k++) similarities[k] = queryNorm > 0 ? similarities[k] / queryNorm : 0;
  if (classes === 1) logits[0] = 0;
  softmaxInPlace(logits, options.temperature);
  const ranked = names
    .map((name, k) => ({ name, confidence: combine(classes === 1 ? 1 : logits[k], similarities[k], options) }))
    .sort((a, b) => b.confidence - a.confidence);
  const best = names.indexOf(ranked[0]?.name ?? "");
  return {
    ranked,
    probability: best >= 0 ? logits[best] : 0,
    similarity: best >= 0 ? Math.max(0, similarities[best]) : 0,
    confidence: ranked[0]?.confidence ?? 0,
  };
}

/** Geometric blend: both "this intent rather than the others" and "close to its examples". */
function combine(probability: number, similarity: number, options: IntentModelOptions): number {
  const closeness = Math.min(1, Math.max(0, similarity));
  const blended = Math.pow(probability, 1 / (1 + options.similarityWeight)) *
    Math.pow(closeness, options.similarityWeight / (1 + options.similarityWeight));
  return Number.isFinite(blended) ? blended : 0;
}

function computeLogits(vector: SparseVector, weights: Float32Array, bias: Float32Array, classes: number, out: Float64Array): void {
  for (let k = 0; k < classes; k++) out[k] = bias[k];
  for (let i = 0; i < vector.indices.length; i++) {
    const offset = vector.indices[i] * classes;
    const value = vector.values[i];
    for (let k = 0; k < classes; k++) out[k] += value * weights[offset + k];
  }
}

function softmaxInPlace(values: Float64Array, temperature: number): void {
  let max = -Infinity;
  for (const value of values) max = Math.max(max, value);
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    values[k] = Math.exp((values[k] - max) / temperature);
    sum += values[k];
  }
  for (let k = 0; k < values.length; k++) values[k] /= sum;
}

function buildCentroids(examples: { vector: SparseVector; label: number }[], features: number, classes: number): Float32Array {
  const centroids = new Float32Array(features * classes);
  for (const { vector, label } of examples) {
    for (let i = 0; i < vector.indices.length; i++) centroids[vector.indices[i] * classes + label] += vector.values[i];
  }
  const norms = new Float64Array(classes);
  for (let i = 0; i < centroids.length; i++) norms[i % classes] += centroids[i] * centroids[i];
  for (let i = 0; i < centroids.length; i++) {
    const norm = norms[i % classes];
    if (norm > 0) centroids[i] /= Math.sqrt(norm);
  }
  return centroids;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
