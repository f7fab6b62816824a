/**
 * Sparse TF-IDF vectors for short utterances: stemmed word unigrams and bigrams (meaning,
 * inflections) plus character 3–5-grams of each word (typos: "refnud" still shares "ref",
 * "und" with "refund"). Each block is L2-normalised on its own and then weighted, so long
 * words cannot drown the word features in character grams.
 */
import { stem, tokenize } from "./text";

export type SparseVector = { indices: Int32Array; values: Float32Array };

export type FeatureSpace = {
  index: Map<string, number>;
  idf: Float32Array;
  charWeight: number;
};

const CHAR_MIN = 3;
const CHAR_MAX = 5;

/** Raw feature counts; word features are prefixed "w:"/"b:", character grams "c:". */
export function countFeatures(text: string): { words: Map<string, number>; chars: Map<string, number> } {
  const tokens = tokenize(text);
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  let previous = "<s>";
  for (const token of tokens) {
    const stemmed = stem(token);
    bump(words, `w:${stemmed}`);
    bump(words, `b:${previous} ${stemmed}`);
    previous = stemmed;
    const padded = ` ${token} `;
    for (let n = CHAR_MIN; n <= CHAR_MAX; n++) {
      for (let start = 0; start + n <= padded.length; start++) bump(chars, `c:${padded.slice(start, start + n)}`);
    }
  }
  if (tokens.length > 0) bump(words, `b:${previous} </s>`);
  return { words, chars };
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Builds the vocabulary and smoothed IDF from the training texts. */
export function buildFeatureSpace(texts: string[], charWeight: number): FeatureSpace {
  const documentFrequency = new Map<string, number>();
  for (const text of texts) {
    const { words, chars } = countFeatures(text);
    for (const key of words.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
    for (const key of chars.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  }
  const index = new Map<string, number>();
  const idf = new Float32Array(documentFrequency.size);
  for (const [key, frequency] of documentFrequency) {
    const position = index.size;
    index.set(key, position);
    idf[position] = Math.log((1 + texts.length) / (1 + frequency)) + 1;
  }
  return { index, idf, charWeight };
}

export function vectorize(space: FeatureSpace, text: string): SparseVector {
  const { words, chars } = countFeatures(text);
  const wordPart = weighBlock(space, words, 1);
  const charPart = weighBlock(space, chars, space.charWeight);
  const indices = new Int32Array(wordPart.indices.length + charPart.indices.length);
  const values = new Float32Array(indices.length);
  indices.set(wordPart.indices);
  indices.set(charPart.indices, wordPart.indices.length);
  values.set(wordPart.values);
  values.set(charPart.values, wordPart.values.length);
  return { indices, values };
}

function weighBlock(space: FeatureSpace, counts: Map<string, number>, weight: number) {
  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [key, count] of counts) {
    const position = space.index.get(key);
    if (position === undefined) continue;
    const value = (1 + Math.log(count)) * space.idf[position];
    indices.push(position);
    values.push(value);
    norm += value * value;
  }
  const scale = norm > 0 ? weight / Math.sqrt(norm) : 0;
  return { indices, values: values.map((value) => value * scale) };
}

export function dot(a: SparseVector, dense: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.indices.length; i++) sum += a.values[i] * dense[a.indices[i]];
  return sum;
}
