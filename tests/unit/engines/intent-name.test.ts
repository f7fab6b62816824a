import { describe, expect, it } from "vitest";
import { LocalIntentClassifier } from "~/engines/local/intent-classifier";
import { intentNamePhrase, withNamePhrases } from "~/engines/local/intent-name";

describe("an intent's name as an example phrase", () => {
  it.each([
    ["track_order", "track order"],
    ["trackOrder", "track order"],
    ["pto-request", "pto request"],
    ["Credit_Limit_change", "credit limit change"],
    ["refund", "refund"],
    ["order2", "order2"],
  ])("reads %j as %j", (name, phrase) => {
    expect(intentNamePhrase(name)).toBe(phrase);
  });

  it("reads no phrase from a name without letters, nor from the editor's placeholder", () => {
    expect(intentNamePhrase("42")).toBeNull();
    expect(intentNamePhrase("intent_3")).toBeNull();
    expect(intentNamePhrase("Intent 12")).toBeNull();
    expect(intentNamePhrase("intent_types")).toBe("intent types");
    expect(withNamePhrases([{ name: "42", examples: ["hello"] }])).toEqual([{ name: "42", examples: ["hello"] }]);
  });

  it("adds the phrase after the examples, once, and not when an example already says it", () => {
    const intents = [
      { name: "track_order", examples: ["where is my parcel"] },
      { name: "refund", examples: ["Refund", "money back"] },
    ];
    expect(withNamePhrases(intents)).toEqual([
      { name: "track_order", examples: ["where is my parcel", "track order"] },
      { name: "refund", examples: ["Refund", "money back"] },
    ]);
    expect(intents[0].examples).toEqual(["where is my parcel"]);
  });

  it("leaves the intents of a step in another language as they are (the names were measured in English)", () => {
    const spanish = [
      { name: "track_order", examples: ["dónde está mi pedido", "quiero saber cuándo llega mi paquete", "mi pedido no ha llegado todavía"] },
      { name: "refund", examples: ["quiero que me devuelvan el dinero", "cómo pido un reembolso de mi compra", "me cobraron dos veces"] },
    ];
    expect(withNamePhrases(spanish)).toEqual(spanish);
  });

  it("lets the classifier route a message that only the intent's name words say", () => {
    // No example of either intent has the words "apr" or "balance": only the names do.
    const intents = [
      { name: "apr", examples: ["what interest does my card charge", "how much interest am i paying", "yearly interest on my visa"] },
      { name: "balance", examples: ["how much money do i have", "what's left in my checking", "money in my savings account"] },
    ];
    // Without the names both messages get ~0.08 for either intent (a coin toss, then "Not sure").
    const classifier = new LocalIntentClassifier();
    for (const [text, intent] of [["apr?", "apr"], ["balance please", "balance"]]) {
      const prediction = classifier.classifySync({ modelKey: "names", intents, text, threshold: 0.7 });
      expect(prediction.intent, text).toBe(intent);
      expect(prediction.ranked[1].confidence, text).toBeLessThan(0.1);
    }
  });
});
