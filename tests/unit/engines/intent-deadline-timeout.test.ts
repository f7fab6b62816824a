/**
 * Inside a customer's turn the embedding deadline (BATON_EMBEDDING_DEADLINE_MS, up to a minute) is
 * the only bound on the intent step's wait for a vector: the classifier's own encoder timeout
 * (SENTENCE_ENCODER_TIMEOUT_MS, 5 s by default, 50 ms here) must not cut it short, since its expiry
 * marks the encoder down for a minute and every flow would rank on words alone. Outside a turn
 * (evals, the intent tester) that timeout still applies.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { runWithEmbeddingDeadline } from "~/engines/embedding-deadline.server";
import { LocalIntentClassifier } from "~/engines/local/intent-classifier";
import type { SentenceEncoder } from "~/engines/local/sentence-encoder.server";

const INTENTS = [
  { name: "track", examples: ["where is my order", "track my package", "has my order shipped"] },
  { name: "refund", examples: ["I want a refund", "give me my money back", "refund my purchase"] },
];
const ENCODER_DELAY_MS = 150;

/** Vectors of the encoder's size, each a function of its text, after ENCODER_DELAY_MS. */
const slowEncoder: SentenceEncoder = {
  embed: (texts) =>
    new Promise((resolve) =>
      setTimeout(() => resolve(texts.map((text) => Float32Array.from({ length: 512 }, (_, i) => Math.sin((i + 1) * (text.length + text.charCodeAt(0))) / 16))), ENCODER_DELAY_MS),
    ),
};

// The classifier reads the timeout at each wait: no fresh import (vi.resetModules) is needed, which
// would also have left the files sharing this worker a classifier with a 50 ms timeout.
let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  vi.stubEnv("SENTENCE_ENCODER_TIMEOUT_MS", "50");
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  warn.mockRestore();
});

describe("the intent step's wait for a vector", () => {
  it("inside a turn is bounded by the turn's deadline, not by the encoder timeout, and leaves the encoder up", async () => {
    const classifier = new LocalIntentClassifier(slowEncoder);
    const input = { modelKey: "slow", intents: INTENTS, text: "where is my parcel", threshold: 0.5 };
    await runWithEmbeddingDeadline(() => classifier.classify(input), 2_000);
    expect(warn).not.toHaveBeenCalled();
  });

  it("outside a turn still gives up at the encoder timeout", async () => {
    const classifier = new LocalIntentClassifier(slowEncoder);
    await classifier.classify({ modelKey: "slow-outside", intents: INTENTS, text: "where is my parcel", threshold: 0.5 });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/sentence encoder unavailable/), expect.any(Error));
  });
});
