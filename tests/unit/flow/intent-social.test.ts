import { describe, expect, it } from "vitest";
import { claimedSocialKinds, readSocial, socialDecision } from "~/nodes/intent/social";
import { findIntentOverlaps } from "~/nodes/intent/overlap";
import { diagnoseIntent } from "~/nodes/intent/compile";

describe("built-in social messages", () => {
  it.each([
    ["Hi, my name is Maya Lopez, maya@example.com", "contact"],
    ["Hi, I'm Maya", "contact"],
    ["my phone number is +1 555 010 2030", "contact"],
    ["hello there!", "greeting"],
    ["Good evening", "greeting"],
    ["thanks a lot, much appreciated!", "thanks"],
    ["ok bye", "goodbye"],
    ["how are you today?", "smalltalk"],
    ["are you a bot?", "smalltalk"],
  ])("%j is %s", (text, kind) => {
    expect(readSocial(text).kind).toBe(kind);
  });

  it.each(["hi, where is my order?", "I'm looking for my order", "thank you, can you cancel my direct debit", "what's the weather in paris", "what is 2+2", "yes", "i'm lost"])(
    "%j holds something else: not social",
    (text) => {
      expect(readSocial(text).kind).toBeNull();
    },
  );

  it("classifies a mixed message without the contact details in it", () => {
    expect(socialDecision("Hi, I'm Maya Lopez (maya@example.com), my parcel hasn't arrived", []).classify).not.toMatch(/maya|lopez/i);
    expect(socialDecision("Hi, I'm Maya Lopez (maya@example.com), my parcel hasn't arrived", []).classify).toContain("my parcel hasn't arrived");
    expect(socialDecision("where is my order", [])).toEqual({ social: null, classify: "where is my order" });
  });

  it("leaves a kind to the flow when one of its intents has an example of it", () => {
    const intents = [
      { name: "hello", examples: ["hello there", "where do I start"] },
      { name: "refund", examples: ["I want a refund", "hi, money back please"] },
    ];
    expect(claimedSocialKinds(intents)).toEqual(["greeting"]);
    expect(socialDecision("hey there", ["greeting"])).toEqual({ social: null, classify: "hey there" });
    expect(socialDecision("thanks!", ["greeting"]).social).toBe("thanks");
  });
});

describe("overlapping intents", () => {
  it("finds the same or nearly the same phrase in two intents, once per pair", () => {
    const intents = [
      { name: "track", examples: ["where is my order", "track my parcel"] },
      { name: "late", examples: ["Where is my order?", "my parcel is late"] },
      { name: "refund", examples: ["I want my money back", "refund my order please"] },
      { name: "money", examples: ["i want my money back now"] },
    ];
    expect(findIntentOverlaps(intents)).toEqual([
      { first: 0, second: 1, firstPhrase: "where is my order", secondPhrase: "Where is my order?", identical: true },
      { first: 2, second: 3, firstPhrase: "I want my money back", secondPhrase: "i want my money back now", identical: false },
    ]);
    const padded = intents.map((intent) => ({ ...intent, examples: [...intent.examples, ...[1, 2, 3, 4].map((n) => `${intent.name} phrase ${n}`)] }));
    const warnings = diagnoseIntent({ threshold: 0.6, offerChoices: false, intents: padded });
    expect(warnings.filter((issue) => issue.code === "overlapping-intents").map((issue) => issue.field)).toEqual(["intents.1.examples", "intents.3.examples"]);
    expect(warnings[0].message).toMatch(/"track" and "late" both have the phrase "where is my order"/);
  });

  it("says nothing for intents that only share common words", () => {
    expect(findIntentOverlaps([{ examples: ["where is my order"] }, { examples: ["where is the store"] }])).toEqual([]);
  });
});
