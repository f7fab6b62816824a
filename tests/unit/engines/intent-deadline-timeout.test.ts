/**
 * Inside a customer's turn the embedding deadline (BATON_EMBEDDING_DEADLINE_MS, up to a minute) is
 * the only bound on the intent step's wait for a vector: the classifier's own encoder timeout
 * (SENTENCE_ENCODER_TIMEOUT_MS, 5 s by default, 50 ms here) must not cut it short, since its expiry
 * marks the encoder down for a minute and every flow would rank on words alone. Outside a turn
 * (evals, the intent tester) that timeout still applies.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as EmbeddingDeadline from "~/engines/embedding-deadline.server";
import type * as IntentClassifier from "~/engines/local/intent-classifier";
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

let classifierModule: typeof IntentClassifier;
let deadline: typeof EmbeddingDeadline;

beforeAll(async () => {
  vi.stubEnv("SENTENCE_ENCODER_TIMEOUT_MS", "50");
  vi.resetModules();
  classifierModule = await import("~/engines/local/intent-classifier");
  deadline = await import("~/engines/embedding-deadline.server");
});
afterAll(() => vi.unstubAllEnvs());

describe("the intent step's wait for a vector", () => {
  it("inside a turn is bounded by the turn's deadline, not by the encoder timeout, and leaves the encoder up", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const classifier = new classifierModule.LocalIntentClassifier(slowEncoder);
    const input = { modelKey: "slow", intents: INTENTS, text: "where is my parcel", threshold: 0.5 };
    await deadline.runWithEmbeddingDeadline(() => classifier.classify(input), 2_000);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("outside a turn still gives up at the encoder timeout", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const classifier = new classifierModule.LocalIntentClassifier(slowEncoder);
    await classifier.classify({ modelKey: "slow-outside", intents: INTENTS, text: "where is my parcel", threshold: 0.5 });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/sentence encoder unavailable/), expect.any(Error));
    warn.mockRestore();
  });
});
