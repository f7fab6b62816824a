import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../setup/migrate";
import { cosine, SENTENCE_VECTOR_SIZE, WorkerSentenceEncoder } from "~/engines/local/sentence-encoder.server";

describe("the sentence encoder (Universal Sentence Encoder lite on a worker thread)", () => {
  const encoder = new WorkerSentenceEncoder();
  afterAll(() => encoder.close());

  it("places a paraphrase nearer than an unrelated sentence", async () => {
    const [track, parcel, refund, weather] = await encoder.embed([
      "track my package",
      "where is my parcel",
      "I want my money back",
      "what's the weather in paris",
    ]);
    expect(track).toHaveLength(SENTENCE_VECTOR_SIZE);
    expect(cosine(track, track)).toBeCloseTo(1, 5);
    expect(cosine(track, parcel)).toBeGreaterThan(cosine(track, refund));
    expect(cosine(track, parcel)).toBeGreaterThan(cosine(track, weather));
  });

  it("answers concurrent callers in order, embedding a repeated text once", async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `order number ${i % 35}`);
    const results = await Promise.all(texts.map((text) => encoder.embed([text]).then(([v]) => v)));
    expect(results).toHaveLength(70);
    expect(results[0]).toBe(results[35]);
    expect(cosine(results[1], results[36])).toBeCloseTo(1, 5);
  });

  it("answers a customer's message ahead of a knowledge base being embedded (it waits one batch, not the backlog)", async () => {
    const bulkEncoder = new WorkerSentenceEncoder({ cacheSize: 0 });
    try {
      await bulkEncoder.embed(["warm up"]);
      const finished: string[] = [];
      const bulk = bulkEncoder.embed(Array.from({ length: 640 }, (_, i) => `article passage number ${i} about shipping`)).then(() => finished.push("bulk"));
      await new Promise((resolve) => setImmediate(resolve));
      const message = bulkEncoder.embed(["where is my order?"]).then(() => finished.push("message"));
      await Promise.all([bulk, message]);
      expect(finished).toEqual(["message", "bulk"]);
    } finally {
      await bulkEncoder.close();
    }
  }, 60_000);

  it("answers a message asked in the same event-loop turn as a knowledge base ahead of it (it was flushed behind the whole knowledge base)", async () => {
    const bulkEncoder = new WorkerSentenceEncoder({ cacheSize: 0 });
    try {
      await bulkEncoder.embed(["warm up"]);
      const finished: string[] = [];
      const bulk = bulkEncoder.embed(Array.from({ length: 640 }, (_, i) => `article passage number ${i} about returns`)).then(() => finished.push("bulk"));
      const message = bulkEncoder.embed(["can I return it?"]).then(() => finished.push("message"));
      await Promise.all([bulk, message]);
      expect(finished).toEqual(["message", "bulk"]);
    } finally {
      await bulkEncoder.close();
    }
  }, 60_000);

  it("keeps a process alive while a batch is in flight, never when idle (a command-line tool exits)", () => {
    const root = path.resolve(__dirname, "../../..");
    const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["tests/support/encoder-idle-exit.ts"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("embedded 512");
  }, 70_000);
});

describe("the encoder's worker", () => {
  it("keeps a process alive while vectors are awaited, and not a moment longer (the seed and the command line exit)", () => {
    const code = [
      'const { getSentenceEncoder } = require("./app/engines/local/sentence-encoder.server");',
      'getSentenceEncoder().embed(["where is my order"]).then(() => console.log("embedded"));',
    ].join("\n");
    const run = spawnSync(path.join(repoRoot, "node_modules/.bin/tsx"), ["-e", code], { cwd: repoRoot, encoding: "utf8", timeout: 30_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("embedded");
    // A process loading the model: seconds on a busy machine (the child's own limit is 30 s).
  }, 40_000);
});
