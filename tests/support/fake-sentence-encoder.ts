/**
 * A stand-in sentence encoder for tests of what is embedded when: a text's vector is its words
 * hashed into a few dimensions (unit length), so texts sharing words are close and the same text
 * always gets the same vector. It records every text it was asked to embed.
 */
import type { SentenceEncoder } from "~/engines/local/sentence-encoder.server";
import type { SentenceVectorStore } from "~/engines/local/sentence-vector-store";

const DIMENSIONS = 32;

export class FakeSentenceEncoder implements SentenceEncoder {
  readonly embedded: string[] = [];
  readonly id: string | undefined;

  /** `id` null: an encoder that does not say which model it runs. */
  constructor(id: string | null = "fake-encoder v1") {
    this.id = id ?? undefined;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.embedded.push(...texts);
    return texts.map(fakeVector);
  }
}

export function fakeVector(text: string): Float32Array {
  const vector = new Float32Array(DIMENSIONS);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 2166136261;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
    vector[(hash >>> 0) % DIMENSIONS] += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

/** A store in memory, keyed as the database one is (encoder id + text). */
export class MemorySentenceVectorStore implements SentenceVectorStore {
  readonly rows = new Map<string, Float32Array>();

  async getMany(encoderId: string, texts: readonly string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    for (const text of texts) {
      const vector = this.rows.get(`${encoderId}\0${text}`);
      if (vector) found.set(text, vector);
    }
    return found;
  }

  async putMany(encoderId: string, vectors: ReadonlyMap<string, Float32Array>): Promise<void> {
    for (const [text, vector] of vectors) if (!this.rows.has(`${encoderId}\0${text}`)) this.rows.set(`${encoderId}\0${text}`, vector);
  }
}
