/**
 * A post-processing of the sentence encoder's vectors ("all-but-the-top", Mu & Viswanath 2018):
 * subtract a corpus mean, remove the top k principal directions, re-normalise. USE-lite's vectors
 * share a large common direction, which squeezes every cosine into a narrow band; centring and
 * dropping the few dominant directions spreads them out.
 *
 * The mean and the top 16 directions (sentence-space.json) are fitted by bench/fit-sentence-space.ts
 * on a generic corpus (NLU++ and CLINC150 a–m training utterances, the demo store's and StackFAQ's
 * article passages), never on evaluation questions. Vectors are stored RAW everywhere (the
 * SentenceVector table, intent-background.json, caches); the map is applied where cosines are
 * computed, so k can change without re-embedding anything.
 */
import { z } from "zod";
import spaceJson from "./data/sentence-space.json";

const SpaceSchema = z.object({
  about: z.string(),
  mean: z.array(z.number()),
  /** Unit-length principal directions of the centred corpus, largest variance first. */
  components: z.array(z.array(z.number())),
  /** Each direction's variance (the centred covariance's eigenvalue), and the total (its trace). */
  variances: z.array(z.number()),
  totalVariance: z.number(),
});
type SentenceSpace = { mean: Float32Array; components: Float32Array[] };

function parseSpace(json: unknown): SentenceSpace {
  const space = SpaceSchema.parse(json);
  const size = space.mean.length;
  if (space.components.some((component) => component.length !== size)) throw new Error("sentence-space.json: a component's length differs from the mean's");
  return { mean: Float32Array.from(space.mean), components: space.components.map((component) => Float32Array.from(component)) };
}

const SPACE = parseSpace(spaceJson);

/** The largest k the fitted space allows. */
export const MAX_SPACE_COMPONENTS = SPACE.components.length;

/**
 * `vector` (a raw unit vector from the encoder) in the space with the corpus mean and the top `k`
 * directions removed, unit length. k = 0 returns `vector` itself, unchanged.
 */
export function toSentenceSpace(vector: Float32Array, k: number): Float32Array {
  if (k === 0) return vector;
  if (!Number.isInteger(k) || k < 0 || k > MAX_SPACE_COMPONENTS) throw new Error(`sentence space: k must be an integer in 0..${MAX_SPACE_COMPONENTS}, got ${k}`);
  const { mean, components } = SPACE;
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i] - mean[i];
  for (let c = 0; c < k; c++) {
    const direction = components[c];
    let projection = 0;
    for (let i = 0; i < out.length; i++) projection += out[i] * direction[i];
    for (let i = 0; i < out.length; i++) out[i] -= projection * direction[i];
  }
  let norm = 0;
  for (let i = 0; i < out.length; i++) norm += out[i] * out[i];
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}
