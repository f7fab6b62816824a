import { describe, expect, it } from "vitest";
import { LocalIntentClassifier } from "~/engines/local/intent-classifier";
import { scoreIntents, trainIntentModel } from "~/engines/local/intent-model";
import { STORE_INTENTS } from "./fixtures";

const classifier = new LocalIntentClassifier();
const classify = (text: string, threshold = 0.5) => classifier.classifySync({ modelKey: "store", intents: STORE_INTENTS, text, threshold });

describe("local intent classifier", () => {
  it.each([
    ["I want my money back", "refund"],
    ["Where is my package?", "track_order"],
    ["I forgot my password", "reset_password"],
    ["please cancel my premium membership", "cancel_membership"],
  ])("recognises %j", (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });

  it("is robust to casing, punctuation, typos and inflections", () => {
    expect(classify("I WANT A REFUND!!!").intent).toBe("refund");
    expect(classify("refunding my orders").intent).toBe("refund");
    expect(classify("wheres my parcell").intent).toBe("track_order");
    expect(classify("forgoten pasword").intent).toBe("reset_password");
    expect(classify("cancelling the memberships").intent).toBe("cancel_membership");
  });

  it("says 'none of these' for messages unlike every intent", () => {
    for (const text of ["what's the weather like in Paris tomorrow", "tell me a joke about penguins", "how many calories are in a banana"]) {
      const prediction = classify(text);
      expect(prediction.intent, text).toBeNull();
      expect(prediction.confidence).toBeLessThan(0.5);
      expect(prediction.ranked[0].confidence).toBe(prediction.confidence);
    }
  });

  it("gives confidences in 0..1, ranked best first, higher for an example than for a loose paraphrase", () => {
    const exact = classify("track my order");
    const loose = classify("any news about the thing I bought?");
    for (const { confidence } of [...exact.ranked, ...loose.ranked]) {
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    const sorted = [...exact.ranked].sort((a, b) => b.confidence - a.confidence);
    expect(exact.ranked).toEqual(sorted);
    expect(exact.ranked).toHaveLength(STORE_INTENTS.length);
    expect(exact.confidence).toBeGreaterThan(0.8);
    expect(exact.confidence).toBeGreaterThan(loose.confidence);
  });

  it("applies the node's threshold: the same message is an intent at 0.3 and 'none' at 0.99", () => {
    const text = "my delivery";
    const low = classify(text, 0.3);
    const high = classify(text, 0.99);
    expect(low.intent).toBe("track_order");
    expect(high.intent).toBeNull();
    expect(high.confidence).toBe(low.confidence);
  });

  it("caches the trained model per key and retrains when the examples change", () => {
    const engine = new LocalIntentClassifier();
    const before = engine.classifySync({ modelKey: "n1", intents: STORE_INTENTS, text: "I need a new invoice" });
    const withInvoice = [...STORE_INTENTS, { name: "invoice", examples: ["send me an invoice", "I need a new invoice", "invoice copy please"] }];
    const after = engine.classifySync({ modelKey: "n1", intents: withInvoice, text: "I need a new invoice" });
    expect(before.intent).not.toBe("invoice");
    expect(after.intent).toBe("invoice");
  });

  // Speed is measured in bench/nlu.ts (p50/p99 per classification, training time), not here.
  it("trains deterministically: the same examples give the same scores", () => {
    const a = trainIntentModel(STORE_INTENTS);
    const b = trainIntentModel(STORE_INTENTS);
    expect(scoreIntents(a, "where is my parcel")).toEqual(scoreIntents(b, "where is my parcel"));
  });

  it("handles empty text, a single intent and intents without examples", () => {
    expect(classify("").intent).toBeNull();
    expect(classify("!!!").intent).toBeNull();
    const single = classifier.classifySync({ modelKey: "one", intents: [STORE_INTENTS[0]], text: "refund my order please" });
    expect(single.intent).toBe("refund");
    const unrelated = classifier.classifySync({ modelKey: "one", intents: [STORE_INTENTS[0]], text: "what's the weather", threshold: 0.5 });
    expect(unrelated.intent).toBeNull();
    // Without a threshold the caller gets the best candidate and decides on its confidence.
    const undecided = classifier.classifySync({ modelKey: "one", intents: [STORE_INTENTS[0]], text: "what's the weather" });
    expect(undecided).toMatchObject({ intent: "refund", confidence: unrelated.confidence });
    expect(undecided.confidence).toBeLessThan(0.5);
    expect(classifier.classifySync({ modelKey: "empty", intents: [{ name: "x", examples: [] }], text: "hi" })).toEqual({ intent: null, confidence: 0, ranked: [] });
  });
});
