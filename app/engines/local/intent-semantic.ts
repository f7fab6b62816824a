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
};

/** Cosines of a message to one intent, and that intent's typical cosine. */
export type SemanticEvidence = { centroid: number; nearest: number; typical: number };

// An intent with one phrase has no spread to measure; a typical paraphrase cosine stands in.
const TYPICAL_FOR_ONE_PHRASE = 0.6;

export function buildSemanticIntents(vectorsByIntent: Float32Array[][]): SemanticIntents {
  const centroids = vectorsByIntent.map((vectors) => {
    const sum = new Float32Array(vectors[0]?.length ?? 0);
    for (const vector of vectors) for (let i = 0; i < sum.length; i++) sum[i] += vector[i];
    return toUnit(sum);
  });
  const typical = Float64Array.from(vectorsByIntent, (vectors) => leaveOneOutCosine(vectors));
  return { centroids, examples: vectorsByIntent, typical };
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
