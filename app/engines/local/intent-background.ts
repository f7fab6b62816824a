/**
 * The intent classifier's background (intent-semantic.ts): other customer requests, so "none of
 * these" has somewhere to be. The phrases ship with their sentence vectors (bench/intent-background.ts
 * computes them with the product's encoder), 8 bits per dimension with one scale per phrase: 150 KB
 * instead of embedding 300 phrases (~4 s of CPU) in every process; a cosine moves by ~0.001.
 */
import data from "./intent-background.json";

export const BACKGROUND_PHRASES: readonly string[] = data.phrases;

type EncodedVectors = { dimensions: number; scales: number[]; quantised: string };

let decoded: Float32Array[] | null = null;

/** The background phrases' unit vectors, in phrase order (decoded once per process). */
export function backgroundVectors(): Float32Array[] {
  decoded ??= decodeBackgroundVectors(data as unknown as EncodedVectors);
  return decoded;
}

export function encodeBackgroundVectors(vectors: Float32Array[]): EncodedVectors {
  const dimensions = vectors[0]?.length ?? 0;
  const bytes = new Int8Array(vectors.length * dimensions);
  const scales = vectors.map((vector, row) => {
    const largest = vector.reduce((max, value) => Math.max(max, Math.abs(value)), 0) || 1;
    vector.forEach((value, i) => (bytes[row * dimensions + i] = Math.round((value / largest) * 127)));
    return largest;
  });
  return { dimensions, scales, quantised: Buffer.from(bytes.buffer).toString("base64") };
}

export function decodeBackgroundVectors({ dimensions, scales, quantised }: EncodedVectors): Float32Array[] {
  const buffer = Buffer.from(quantised, "base64");
  const bytes = new Int8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  return scales.map((scale, row) => {
    const vector = Float32Array.from(bytes.subarray(row * dimensions, (row + 1) * dimensions), (value) => (value / 127) * scale);
    const norm = Math.hypot(...vector) || 1;
    return vector.map((value) => value / norm);
  });
}
