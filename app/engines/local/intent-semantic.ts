/**
 * The semantic half of the embedded intent model: the example phrases as sentence vectors
 * (sentence-encoder.server.ts, unit length), one centroid per intent, and how close a message's
 * vector is to each. Pure arithmetic on vectors computed elsewhere, so it runs in tests, the
 * evaluation and the calibration fit without the encoder's worker.
 *
 * Why a centroid and not only the nearest example: with six phrases per intent the nearest
 * example is often a phrase that shares the message's wording, not its meaning; the mean of the
 * phrases is what they have in common (on CLINC150 a–m intents × 10 phrases, held-out phrases:
 * centroid 88.6% right, nearest example 86.9%). The nearest example still says something the
 * centroid cannot (a phrase far from its intent's others), so both reach the calibration.
 *
 * The background: a step's own phrases cannot say what its customers ask for instead. A fixed
 * set of other customer requests (intent-background.json: 300 banking and hotel requests from
 * NLU++) gives "none of these" somewhere to be: a message as close to them as to the intent's
 * phrases is less likely that intent. Background phrases close to the step's own examples are
 * dropped first, so a flow about cards is not argued with by the background's card requests.
 * On CLINC150 a–m small steps (2–6 intents × 6 phrases, val.json) the background moved routed
 * right from 90.7% to 92.4% at the same 3.7% of unrelated messages taken.
 */
export type SemanticIntents = {
  /** Unit-length mean of each intent's example vectors, in the model's intent order. */
  centroids: Float32Array[];
  examples: Float32Array[][];
  /**
   * How close an intent's own phrases are to the rest of its phrases (mean leave-one-out centroid
   * cosine): "as close as its own phrases" means more than a raw cosine, because some intents
   * are worded many ways ("I want to go home" / "end this") and some nearly one.
   */
  typical: Float64Array;
  /** The background phrases' vectors that are not too close to any example (see BACKGROUND_CARVE_OUT). */
  background: Float32Array[];
};

/**
 * Cosines of a message to one intent, that intent's typical cosine, the message's background
 * cosine, and `rival`: its cosine to the closest OTHER intent's centroid (0 in a one-intent step).
 */
export type SemanticEvidence = { centroid: number; nearest: number; typical: number; background: number; rival: number };

// An intent with one phrase has no spread to measure; a typical paraphrase cosine stands in.
const TYPICAL_FOR_ONE_PHRASE = 0.6;
// A background phrase this close to one of the step's examples is a paraphrase of it, not "something
// else": dropped. Chosen on CLINC150 a–m small steps (0.7 and 0.8 within 0.2 points of each other).
export const BACKGROUND_CARVE_OUT = 0.7;
// The background evidence is the mean cosine of the message's few nearest background phrases (one
// lone near phrase says less than three).
const BACKGROUND_NEIGHBOURS = 3;

export function buildSemanticIntents(vectorsByIntent: Float32Array[][], backgroundVectors: Float32Array[] = []): SemanticIntents {
  const centroids = vectorsByIntent.map((vectors) => {
    const sum = new Float32Array(vectors[0]?.length ?? 0);
    for (const vector of vectors) for (let i = 0; i < sum.length; i++) sum[i] += vector[i];
    return toUnit(sum);
  });
  const typical = Float64Array.from(vectorsByIntent, (vectors) => leaveOneOutCosine(vectors));
  const examples = vectorsByIntent.flat();
  const background = backgroundVectors.filter((phrase) => examples.every((example) => dot(example, phrase) < BACKGROUND_CARVE_OUT));
  return { centroids, examples: vectorsByIntent, typical, background };
}

/** Mean cosine of the message to its nearest background phrases; 0 without a background. */
export function backgroundCosine(semantic: SemanticIntents, query: Float32Array): number {
  const nearest: number[] = [];
  for (const phrase of semantic.background) {
    const cosine = dot(phrase, query);
    if (nearest.length < BACKGROUND_NEIGHBOURS) nearest.push(cosine);
    else if (cosine > nearest[BACKGROUND_NEIGHBOURS - 1]) nearest[BACKGROUND_NEIGHBOURS - 1] = cosine;
    else continue;
    nearest.sort((a, b) => b - a);
  }
  return nearest.length === 0 ? 0 : nearest.reduce((sum, cosine) => sum + cosine, 0) / nearest.length;
}

function leaveOneOutCosine(vectors: Float32Array[]): number {
  if (vectors.length < 2) return TYPICAL_FOR_ONE_PHRASE;
  const sum = new Float32Array(vectors[0].length);
  for (const vector of vectors) for (let i = 0; i < sum.length; i++) sum[i] += vector[i];
  let total = 0;
  for (const vector of vectors) {
    const others = sum.map((value, i) => value - vector[i]);
    total += dot(toUnit(others), vector);
  }
  return total / vectors.length;
}

/** Cosine to every intent's centroid, in the model's intent order. */
export function centroidCosines(semantic: SemanticIntents, query: Float32Array): Float64Array {
  const cosines = new Float64Array(semantic.centroids.length);
  semantic.centroids.forEach((centroid, k) => (cosines[k] = dot(centroid, query)));
  return cosines;
}

export function nearestExampleCosine(semantic: SemanticIntents, intent: number, query: Float32Array): number {
  let best = -1;
  for (const example of semantic.examples[intent]) best = Math.max(best, dot(example, query));
  return best;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function toUnit(vector: Float32Array): Float32Array {
  const norm = Math.sqrt(dot(vector, vector)) || 1;
  for (let i = 0; i < vector.length; i++) vector[i] /= norm;
  return vector;
}
