/**
 * The embedded classifier with sentence vectors (the real encoder on its worker thread): the
 * examples are embedded once per model, paraphrases with no shared words are recognised,
 * unrelated questions are not taken, and a failing encoder leaves lexical evidence alone.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { BACKGROUND_PHRASES, backgroundVectors } from "~/engines/local/intent-background";
import { LocalIntentClassifier } from "~/engines/local/intent-classifier";
import { WorkerSentenceEncoder, type SentenceEncoder } from "~/engines/local/sentence-encoder.server";

// The two-intent flow: six phrases each.
const INTENTS = [
  { name: "track", examples: ["where is my order", "track my package", "has my order shipped", "when will my parcel arrive", "order status", "my delivery is late"] },
  { name: "refund", examples: ["I want a refund", "give me my money back", "refund my purchase", "how do I return an item", "I was charged for something I returned", "can I get reimbursed"] },
];
const THRESHOLD = 0.6;

const encoder = new WorkerSentenceEncoder();
afterAll(() => encoder.close());

/** Counts every text sent to the encoder. */
function counting(inner: SentenceEncoder): SentenceEncoder & { texts: string[] } {
  const texts: string[] = [];
  return { texts, embed: (batch) => (texts.push(...batch), inner.embed(batch)) };
}

describe("semantic and lexical evidence fused", () => {
  const classifier = new LocalIntentClassifier(encoder);
  const classify = (text: string) => classifier.classify({ modelKey: "two", intents: INTENTS, text, threshold: THRESHOLD });

  it("embeds the examples once when warmed, then only each message (the background ships embedded)", async () => {
    // A classifier of its own: the count must not depend on which of this block's tests ran first.
    const counted = counting(encoder);
    const warmed = new LocalIntentClassifier(counted);
    await warmed.prepare("two", INTENTS);
    // Six phrases per intent and each intent's name read as a phrase (intent-name.ts).
    expect(counted.texts).toHaveLength(14);
    expect(counted.texts).toEqual(expect.arrayContaining(["track", "refund"]));
    await warmed.classify({ modelKey: "two", intents: INTENTS, text: "where's my stuff", threshold: THRESHOLD });
    await warmed.classify({ modelKey: "two", intents: INTENTS, text: "I'd like my cash returned", threshold: THRESHOLD });
    expect(counted.texts).toHaveLength(16);
  });

  it.each([
    ["has the thing I bought been sent out yet", "track"],
    ["I'd like my cash returned", "refund"],
  ])("recognises %j, which shares almost no word with the examples", async (text, intent) => {
    const prediction = await classify(text);
    expect(prediction.intent).toBe(intent);
    expect(prediction.confidence).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it.each(["what's the weather in paris", "what is 2+2", "tell me a joke about penguins"])("does not take %j", async (text) => {
    const prediction = await classify(text);
    expect(prediction.intent).toBeNull();
    expect(prediction.confidence).toBeLessThan(THRESHOLD);
  });

  it("gives a different, calibrated confidence than lexical evidence alone", async () => {
    const fused = await classify("has the thing I bought been sent out yet");
    const lexical = classifier.classifySync({ modelKey: "two", intents: INTENTS, text: "has the thing I bought been sent out yet", threshold: THRESHOLD });
    expect(fused.confidence).not.toBe(lexical.confidence);
  });
});

describe("the shipped background vectors", () => {
  it("are the encoder's vectors of the background phrases (8-bit, so within a cosine of 0.995)", async () => {
    const sample = [0, 99, 299];
    const fresh = await encoder.embed(sample.map((i) => BACKGROUND_PHRASES[i]));
    sample.forEach((i, n) => {
      const cosine = backgroundVectors()[i].reduce((sum, value, d) => sum + value * fresh[n][d], 0);
      expect(cosine).toBeGreaterThan(0.995);
    });
  });
});

describe("when the encoder fails", () => {
  it("answers with lexical evidence alone, the same as without an encoder", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const broken: SentenceEncoder = { embed: () => Promise.reject(new Error("worker died")) };
      const classifier = new LocalIntentClassifier(broken);
      const plain = new LocalIntentClassifier();
      const input = { modelKey: "two", intents: INTENTS, text: "I want a refund for my jacket", threshold: THRESHOLD };
      expect(await classifier.classify(input)).toEqual(await plain.classify(input));
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/sentence encoder unavailable/), expect.any(Error));
    } finally {
      warn.mockRestore();
    }
  });
});
