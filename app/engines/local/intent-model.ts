/**
 * The embedded intent model: multinomial logistic regression over the BM25 vectors of
 * features.ts (wink-nlp tokens, Porter2 stems, wink-nlp's BM25 vectoriser), trained by a few
 * epochs of seeded SGD (deterministic: the same examples give the same model). The softmax alone
 * cannot say "none of these": over 3 intents it is sure about "what's the weather" too. So the
 * model also keeps every example vector and measures how close the message is to the nearest
 * example of each likely intent; intent-calibration.ts turns that evidence into the confidence.
 * When the examples and the message have sentence vectors (intent-semantic.ts), the softmax is
 * fused with the centroid cosines and the semantic cosines join the evidence.
 *
 * Why this classifier head is ours and not a library's: none on npm trains a sparse multinomial
 * model fast enough. Measured on CLINC150 (150 intents × 10 phrases, then with 3–5-gram
 * features): wink-perceptron (averaged perceptron) reached 76.5% in-scope accuracy against our
 * 80%, trained in 11.7 s (limit 2 s), took 3.6 ms p99 per message and gives a label without scores, so
 * nothing to calibrate; ml-logistic-regression is full-batch gradient descent on dense
 * ml-matrix (1,500 × 20,000 per class, 150 one-vs-rest models); natural's logistic
 * regression does not finish the full split in 5 minutes (bench/results/nlu.json).
 */
import type { LanguageCode } from "../detect-language";
import { buildFeatureSpace, vectorize, type FeatureSpace, type SparseVector } from "./features";
import { calibrateConfidence, type IntentCalibration, INTENT_CALIBRATION, SEMANTIC_INTENT_CALIBRATION } from "./intent-calibration";
import { computeLogits, meanOf, seededRandom, shuffle, softmaxInPlace } from "./intent-math";
import { backgroundCosine, buildSemanticIntents, centroidCosines, nearestExampleCosine, type SemanticEvidence, type SemanticIntents } from "./intent-semantic";
import type { IntentDefinition, RankedIntent } from "../types";

export type IntentModelOptions = {
  epochs: number;
  learningRate: number;
  l2: number;
  charWeight: number;
  calibration: IntentCalibration;
  semanticCalibration: IntentCalibration;
  /** How much a centroid cosine adds to an intent's log-probability when the two are fused. */
  semanticWeight: number;
  /** The language the phrases are analysed in; unset: the one they are written in (features.ts). */
  language?: LanguageCode;
};

export const DEFAULT_INTENT_MODEL_OPTIONS: IntentModelOptions = {
  epochs: 5,
  learningRate: 1,
  l2: 1e-4,
  charWeight: 1,
  calibration: INTENT_CALIBRATION,
  semanticCalibration: SEMANTIC_INTENT_CALIBRATION,
  // Chosen on CLINC150 train.json, intents a–m only (bench/calibrate-intents.ts prints the sweep).
  semanticWeight: 25,
};

export type IntentModel = {
  names: string[];
  space: FeatureSpace;
  /** Feature-major weights: weights[feature * classes + class], contiguous per feature for speed. */
  weights: Float32Array;
  bias: Float32Array;
  examplesByIntent: SparseVector[][];
  /** Mean example phrases per intent: 10 phrases make a less sure model than 100. */
  examplesPerIntent: number;
  /** Reused dense copy of the message vector (nearest-example cosines); models are single-threaded. */
  scratch: Float32Array;
  options: IntentModelOptions;
  /** The examples as sentence vectors, once they are embedded (attachSemantic); null: lexical alone. */
  semantic: SemanticIntents | null;
};

/**
 * Per intent: probability (the lexical softmax, or fused with the centroid cosines when the
 * message has a sentence vector), the best OTHER intent's probability, the lexical cosine to its
 * nearest example, and the semantic cosines when there are any.
 */
export type IntentEvidence = {
  name: string;
  probability: number;
  runnerUp: number;
  similarity: number;
  semantic?: SemanticEvidence;
  /** One of the few most probable intents, whose evidence is complete (nearest examples looked for). */
  candidate: boolean;
};
/** The evidence plus the calibrated confidence (intent-calibration.ts). */
export type IntentSignals = IntentEvidence & { confidence: number };

// Gradients below this are skipped: after the first epoch most classes are far from each example.
const GRADIENT_FLOOR = 3e-3;
// Intents whose nearest-example cosine is computed (the rest are too unlikely to matter).
const SIMILARITY_CANDIDATES = 3;

export function trainIntentModel(intents: IntentDefinition[], overrides: Partial<IntentModelOptions> = {}): IntentModel {
  const options = { ...DEFAULT_INTENT_MODEL_OPTIONS, ...overrides };
  const names = intents.map((intent) => intent.name);
  const { space, vectors } = buildFeatureSpace(intents.flatMap((intent) => intent.examples), options.charWeight, options.language);
  let cursor = 0;
  const examplesByIntent = intents.map((intent) => intent.examples.map(() => vectors[cursor++]));
  const examples = examplesByIntent.flatMap((vectors, label) => vectors.map((vector) => ({ vector, label })));
  const classes = names.length;
  const weights = new Float32Array(space.index.size * classes);
  const bias = new Float32Array(classes);
  if (classes > 1) {
    const random = seededRandom(examples.length * 31 + classes);
    const order = examples.map((_, position) => position);
    const gradient = new Float64Array(classes);
    const active = new Int32Array(classes);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      const rate = options.learningRate / (1 + epoch * 0.5);
      for (const position of order) {
        const { vector, label } = examples[position];
        computeLogits(vector, weights, bias, classes, gradient);
        // The softmax does not change when every intent's weights move by the same amount, so
        // the gradient is taken relative to an intent this example says nothing about (no
        // weight on its features, a typical bias). Without it every intent is above the floor
        // for the first epochs (1/150 each) and every weight of the example's features moves;
        // with it only the example's intent and the ones confused with it do.
        const background = softmaxInPlace(gradient, meanOf(bias));
        gradient[label] -= 1;
        let count = 0;
        for (let k = 0; k < classes; k++) {
          const g = (gradient[k] -= background);
          if (g > -GRADIENT_FLOOR && g < GRADIENT_FLOOR) continue;
          active[count++] = k;
          // Biases learn ten times slower: with 10 phrases per intent a fast bias memorises the class prior.
          bias[k] -= rate * g * 0.1;
        }
        for (let i = 0; i < vector.indices.length; i++) {
          const offset = vector.indices[i] * classes;
          const step = rate * vector.values[i];
          for (let a = 0; a < count; a++) weights[offset + active[a]] -= step * gradient[active[a]];
        }
      }
      const decay = Math.max(0, 1 - rate * options.l2 * examples.length);
      for (let i = 0; i < weights.length; i++) weights[i] *= decay;
    }
  }
  const examplesPerIntent = examples.length / Math.max(1, classes);
  return { names, space, weights, bias, examplesByIntent, examplesPerIntent, scratch: new Float32Array(space.index.size), options, semantic: null };
}

/**
 * The model with its examples' sentence vectors (in intent and example order) and the background
 * phrases' vectors (intent-background.json): fused evidence from then on.
 */
export function attachSemantic(model: IntentModel, vectorsByIntent: Float32Array[][], backgroundVectors: Float32Array[] = []): IntentModel {
  return { ...model, semantic: buildSemanticIntents(vectorsByIntent, backgroundVectors) };
}

/**
 * Every intent's evidence, most probable first (what the calibration is fitted on). With the
 * message's sentence vector (and a model whose examples are embedded) the evidence is semantic
 * and lexical fused; without, lexical alone.
 */
export function weighIntents(model: IntentModel, text: string, vector?: Float32Array): IntentEvidence[] {
  return weighEachIntent(model, text, vector).sort(byProbability);
}

/** Every intent's signals, best (highest calibrated confidence) first. */
export function scoreIntents(model: IntentModel, text: string, vector?: Float32Array): IntentSignals[] {
  const context = { intents: model.names.length, examplesPerIntent: model.examplesPerIntent };
  const signals = weighEachIntent(model, text, vector);
  for (const evidence of signals) {
    const calibration = evidence.semantic ? model.options.semanticCalibration : model.options.calibration;
    evidence.confidence = calibrateConfidence(calibration, evidence, context);
  }
  // The candidates come first: the calibration was fitted on them, and the others' evidence is
  // partial (no nearest example), so a confidence computed from it must not outrank theirs.
  // Equal confidences keep the most probable first, as if sorted by probability before.
  return signals.sort((a, b) => Number(b.candidate) - Number(a.candidate) || b.confidence - a.confidence || byProbability(a, b));
}

const byProbability = (a: IntentEvidence, b: IntentEvidence) => b.probability - a.probability;

/**
 * The evidence in the model's intent order. Only the few most probable intents need ranking
 * (runner-up, nearest-example cosine): they are picked in one pass, and the one sort a caller
 * needs is its own (a sort of 150 costs about as much as the rest of a classification).
 */
function weighEachIntent(model: IntentModel, text: string, sentence?: Float32Array): IntentSignals[] {
  const { names, weights, bias, examplesByIntent, scratch } = model;
  const classes = names.length;
  const vector = vectorize(model.space, text);
  const probabilities = new Float64Array(classes);
  computeLogits(vector, weights, bias, classes, probabilities);
  softmaxInPlace(probabilities, 0);
  const semantic = sentence && model.semantic ? { intents: model.semantic, sentence } : null;
  const centroids = semantic ? fuseSemantic(probabilities, centroidCosines(semantic.intents, semantic.sentence), model.options.semanticWeight) : null;
  const top = mostProbable(probabilities, SIMILARITY_CANDIDATES);
  let queryNorm = 0;
  for (let i = 0; i < vector.indices.length; i++) {
    scratch[vector.indices[i]] = vector.values[i];
    queryNorm += vector.values[i] * vector.values[i];
  }
  queryNorm = Math.sqrt(queryNorm);
  const best = probabilities[top[0]];
  const second = classes > 1 ? probabilities[top[1]] : 0;
  // One figure per message: how close it is to what customers ask for instead.
  const background = semantic ? backgroundCosine(semantic.intents, semantic.sentence) : 0;
  const closest = centroids ? twoHighest(centroids) : null;
  const evidence = names.map((name, k) => ({
    name,
    probability: probabilities[k],
    runnerUp: k === top[0] ? second : best,
    similarity: top.includes(k) && queryNorm > 0 ? nearestCosine(examplesByIntent[k], scratch) / queryNorm : 0,
    candidate: top.includes(k),
    // Filled in by scoreIntents; present from the start so every object has one shape.
    confidence: 0,
    // Beyond the few candidates the nearest example is not looked for: the centroid stands in.
    semantic:
      semantic && centroids
        ? {
            centroid: centroids[k],
            nearest: top.includes(k) ? nearestExampleCosine(semantic.intents, k, semantic.sentence) : centroids[k],
            typical: semantic.intents.typical[k],
            background,
            rival: closest && classes > 1 ? (k === closest.first ? closest.secondValue : closest.firstValue) : 0,
          }
        : undefined,
  }));
  for (let i = 0; i < vector.indices.length; i++) scratch[vector.indices[i]] = 0;
  return evidence;
}

/**
 * Replaces the lexical probabilities with the fused ones: softmax(log p + weight × centroid
 * cosine). The two models err on different messages (exact terms and typos vs paraphrases), so
 * their agreement is worth more than either (CLINC150 a–m × 10 phrases, held-out phrases:
 * lexical 87.1%, centroid 88.6%, fused 92.4%). Returns the centroid cosines.
 */
function fuseSemantic(probabilities: Float64Array, cosines: Float64Array, weight: number): Float64Array {
  for (let k = 0; k < probabilities.length; k++) probabilities[k] = Math.log(Math.max(probabilities[k], 1e-12)) + weight * cosines[k];
  softmaxInPlace(probabilities, 0);
  return cosines;
}

/** The highest value's index and value, and the second highest value (−1 with one value). */
function twoHighest(values: Float64Array): { first: number; firstValue: number; secondValue: number } {
  let first = 0;
  let second = -1;
  for (let k = 1; k < values.length; k++) {
    if (values[k] > values[first]) {
      second = values[first];
      first = k;
    } else if (values[k] > second) second = values[k];
  }
  return { first, firstValue: values[first], secondValue: second };
}

/** The indices of the `count` highest values, highest first; ties go to the lower index (a stable sort's order). */
function mostProbable(values: Float64Array, count: number): number[] {
  const top: number[] = [];
  for (let k = 0; k < values.length; k++) {
    let at = Math.min(top.length, count);
    while (at > 0 && values[k] > values[top[at - 1]]) at--;
    if (at < count) {
      top.splice(at, 0, k);
      if (top.length > count) top.pop();
    }
  }
  return top;
}

export function rankIntents(signals: IntentSignals[]): RankedIntent[] {
  return signals.map(({ name, confidence }) => ({ name, confidence }));
}

function nearestCosine(examples: SparseVector[], query: Float32Array): number {
  let best = 0;
  for (const example of examples) {
    let dotProduct = 0;
    let norm = 0;
    for (let i = 0; i < example.indices.length; i++) {
      dotProduct += example.values[i] * query[example.indices[i]];
      norm += example.values[i] * example.values[i];
    }
    if (norm > 0) best = Math.max(best, dotProduct / Math.sqrt(norm));
  }
  return best;
}
