/**
 * Sentence vectors for the tuning scripts: every text embedded once by the product's encoder
 * (sentence-encoder.server.ts), optionally kept in a file so a second run skips the ~2 minutes
 * CLINC150's train split takes on two cores.
 */
import fs from "node:fs";
import { SENTENCE_VECTOR_SIZE, WorkerSentenceEncoder } from "~/engines/local/sentence-encoder.server";

const BATCH = 256;

export async function embedAll(texts: Iterable<string>, cacheFile?: string): Promise<Map<string, Float32Array>> {
  const unique = [...new Set(texts)];
  const vectors = cacheFile && fs.existsSync(cacheFile) ? readVectors(cacheFile) : new Map<string, Float32Array>();
  const missing = unique.filter((text) => !vectors.has(text));
  if (missing.length > 0) {
    const encoder = new WorkerSentenceEncoder();
    try {
      for (let start = 0; start < missing.length; start += BATCH) {
        const batch = missing.slice(start, start + BATCH);
        (await encoder.embed(batch)).forEach((vector, i) => vectors.set(batch[i], vector));
      }
    } finally {
      await encoder.close();
    }
    if (cacheFile) writeVectors(cacheFile, vectors);
  }
  return vectors;
}

function readVectors(file: string): Map<string, Float32Array> {
  const { texts, data } = JSON.parse(fs.readFileSync(file, "utf8")) as { texts: string[]; data: string };
  const flat = new Float32Array(new Uint8Array(Buffer.from(data, "base64")).buffer);
  return new Map(texts.map((text, i) => [text, flat.slice(i * SENTENCE_VECTOR_SIZE, (i + 1) * SENTENCE_VECTOR_SIZE)]));
}

function writeVectors(file: string, vectors: Map<string, Float32Array>): void {
  const texts = [...vectors.keys()];
  const flat = new Float32Array(texts.length * SENTENCE_VECTOR_SIZE);
  texts.forEach((text, i) => flat.set(vectors.get(text)!, i * SENTENCE_VECTOR_SIZE));
  fs.writeFileSync(file, JSON.stringify({ texts, data: Buffer.from(flat.buffer).toString("base64") }));
}
