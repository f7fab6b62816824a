/**
 * The embedded classifier with sentence vectors (the real encoder on its worker thread): the
 * examples are embedded once per model, paraphrases with no shared words are recognised,
 * unrelated questions are not taken, and a failing encoder leaves lexical evidence alone.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { BACKGROUND_PHRASES, backgroundVectors } from "~/engines/local/intent-background";
import { LocalIntentClassifier } from "~/engines/local/intent-classifier";
import { buildSemanticIntents, exampleCosines, nearestExampleCosine, subspaceCosine, SUBSPACE_RIDGE } from "~/engines/local/intent-semantic";
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
  const spy = counting(encoder);
  const classifier = new LocalIntentClassifier(spy);
  const classify = (text: string) => classifier.classify({ modelKey: "two", intents: INTENTS, text, threshold: THRESHOLD });

  it("embeds the examples once when warmed, then only each message (the background ships embedded)", async () => {
    await classifier.prepare("two", INTENTS);
    // Six phrases per intent and each intent's name read as a phrase (intent-name.ts).
    expect(spy.texts).toHaveLength(14);
    expect(spy.texts).toEqual(expect.arrayContaining(["track", "refund"]));
    await classify("where's my stuff");
    await classify("I'd like my cash returned");
    expect(spy.texts).toHaveLength(16);
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

describe("the subspace cosine: the message against the best mix of an intent's phrases", () => {
  const unit = (...values: number[]) => {
    const norm = Math.hypot(...values);
    return Float32Array.from(values, (value) => value / norm);
  };
  // One intent whose two phrases point along x and along y; another along z.
  const semantic = buildSemanticIntents([[unit(1, 0, 0, 0), unit(0, 1, 0, 0)], [unit(0, 0, 1, 0)]]);
  const subspace = (query: Float32Array, intent = 0) => subspaceCosine(semantic, intent, exampleCosines(semantic, intent, query));

  it("is high for a message that mixes two phrases, which neither phrase alone matches", () => {
    const mixed = unit(1, 1, 0, 0);
    expect(nearestExampleCosine(semantic, 0, mixed)).toBeCloseTo(Math.SQRT1_2, 5);
    // Two unrelated directions, both phrases needed: the mix fits the message exactly.
    expect(subspace(mixed)).toBeCloseTo(1, 5);
  });

  it("stays the plain cosine for a one-phrase intent, and is low for a message outside the phrases' span", () => {
    const query = unit(0.2, 0, 1, 0.3);
    expect(subspace(query, 1)).toBeCloseTo(query[2], 5);
    expect(subspace(unit(0, 0, 0, 1))).toBe(0);
  });

  it("does not let two near-duplicate phrases open a new direction (the ridge)", () => {
    // "where is my order" and "where is my order?": their difference is noise, not meaning.
    const near = buildSemanticIntents([[unit(1, 0, 0, 0), unit(1, 0.05, 0, 0)]]);
    const query = unit(0.5, 0.4, 0, 0.8);
    const value = subspaceCosine(near, 0, exampleCosines(near, 0, query));
    // Unregularised, the pair spans the x–y plane and the message would fit it at 0.62.
    expect(Math.hypot(query[0], query[1])).toBeGreaterThan(0.62);
    expect(SUBSPACE_RIDGE).toBeGreaterThan(0);
    expect(Math.abs(value - nearestExampleCosine(near, 0, query))).toBeLessThan(0.01);
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
    const broken: SentenceEncoder = { embed: () => Promise.reject(new Error("worker died")) };
    const classifier = new LocalIntentClassifier(broken);
    const plain = new LocalIntentClassifier();
    const input = { modelKey: "two", intents: INTENTS, text: "I want a refund for my jacket", threshold: THRESHOLD };
    expect(await classifier.classify(input)).toEqual(await plain.classify(input));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/sentence encoder unavailable/), expect.any(Error));
    warn.mockRestore();
  });
});
