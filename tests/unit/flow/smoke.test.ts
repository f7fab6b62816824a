import { describe, expect, it } from "vitest";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, texts, outcomes } from "./helpers";

describe("smoke", () => {
  it("runs start → intent → collect → end", async () => {
    const doc = buildFlow(
      [
        ["s", "start", { greeting: "Hi there!" }],
        ["i", "intent", { intents: [{ name: "order_status", examples: ["where is my order", "track my order", "order status"] }, { name: "refund", examples: ["refund please", "money back", "return item"] }] }],
        ["c", "collect", { field: "order_id", question: "What is your order number?", type: "pattern", pattern: "\\b\\d{10}\\b" }],
        ["m", "message", { text: "Thanks, order {{order_id}} is on its way." }],
        ["x", "escalate", { team: "support" }],
        ["e", "end", {}],
      ],
      [["s", "next", "i"], ["i", "order_status", "c"], ["i", "refund", "x"], ["i", "unsure", "x"], ["c", "captured", "m"], ["c", "failed", "x"], ["m", "next", "e"]],
    );
    const conversation = new Conversation(compileClean(doc), createFakeEngines());
    const first = await conversation.start();
    expect(texts(first)).toEqual(["Hi there!"]);
    expect(first.status).toBe("bot");
    const second = await conversation.say("where is my order?");
    expect(texts(second)).toEqual(["What is your order number?"]);
    const third = await conversation.say("it is 1234567890");
    expect(texts(third)[0]).toBe("Thanks, order 1234567890 is on its way.");
    expect(third.status).toBe("ended");
    expect(outcomes(third)).toEqual(["c:captured", "m:next"]);
  });
});
