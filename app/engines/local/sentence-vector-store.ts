/**
 * A persistent store of sentence vectors, content-addressed by the encoder's id and the exact
 * text, so a text embedded once — by this instance before a restart, or by another instance on
 * the same database — is never embedded again, and a model change (a new id) never reuses old
 * vectors. The store is injected (../sentence-vector-store.server.ts is the database one): unit
 * tests and the evaluation CLIs run without a database by passing none.
 *
 * Only texts embedded once per article revision or published flow version (passages, cues,
 * intent example phrases) go through it, never customer messages: those would grow the table by
 * one row per message.
 */
import { createHash } from "node:crypto";
import type { SentenceEncoder } from "./sentence-encoder.server";

export interface SentenceVectorStore {
  /** The stored vectors of those of `texts` that have one, by text. */
  getMany(encoderId: string, texts: readonly string[]): Promise<Map<string, Float32Array>>;
  /** Stores the vectors (a text already stored is left as it is). */
  putMany(encoderId: string, vectors: ReadonlyMap<string, Float32Array>): Promise<void>;
}

/** The store's key of a text's vector: SHA-256 of the encoder id and the text (hex). */
export function sentenceVectorKey(encoderId: string, text: string): string {
  // The NUL separator keeps ("a", "bc") and ("ab", "c") apart: an encoder id never holds one.
  return createHash("sha256").update(encoderId).update("\0").update(text).digest("hex");
}

/** Float32 values as bytes, little-endian whatever the machine, so any instance reads them back exactly. */
export function vectorToBytes(vector: Float32Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i], true);
  return bytes;
}

/** The vector `vectorToBytes` wrote; null for bytes that cannot be one (a truncated row). */
export function bytesToVector(bytes: Uint8Array): Float32Array | null {
  if (bytes.length === 0 || bytes.length % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(bytes.length / 4);
  for (let i = 0; i < vector.length; i++) vector[i] = view.getFloat32(i * 4, true);
  return vector;
}

/**
 * One vector per text, in order: stored ones read back, only the missing ones sent to the
 * encoder, and those stored for next time. Without a store, or with an encoder that does not say
 * which model it runs (no `id`), this is `encoder.embed`. The store is optional evidence of work
 * already done: when it fails, the encoder embeds everything and the caller never sees the error.
 */
export async function embedWithStore(encoder: SentenceEncoder, store: SentenceVectorStore | null, texts: readonly string[]): Promise<Float32Array[]> {
  const encoderId = encoder.id;
  if (!store || !encoderId) return encoder.embed(texts);
  const unique = [...new Set(texts)];
  let stored: Map<string, Float32Array>;
  try {
    stored = await store.getMany(encoderId, unique);
  } catch (error) {
    warn("reading stored sentence vectors failed, embedding them again", error);
    stored = new Map();
  }
  const missing = unique.filter((text) => !stored.has(text));
  if (missing.length > 0) {
    const made = await encoder.embed(missing);
    const fresh = new Map(missing.map((text, i) => [text, made[i]]));
    try {
      await store.putMany(encoderId, fresh);
    } catch (error) {
      warn("storing sentence vectors failed (they are used all the same)", error);
    }
    for (const [text, vector] of fresh) stored.set(text, vector);
  }
  return texts.map((text) => stored.get(text)!);
}

function warn(what: string, error: unknown): void {
  console.warn(`[engines] ${what}:`, error instanceof Error ? error.message : error);
}
