import { describe, expect, it } from "vitest";
import { describeFieldToPeople } from "~/nodes/shared/field-name";
import { describeHandoffCause } from "~/runtime/handoff-cause";
import { withLastCustomerMessages } from "~/runtime/handoff.server";
import { buildFlow } from "../flow/helpers";

// Three failure outputs share one escalate step, one of them through a message step.
const flow = buildFlow(
  [
    ["s", "start", { greeting: "Hi" }],
    ["g", "gate", { threshold: 0.7, score: "intent" }],
    ["k", "kb", { minScore: 0.3, askFeedback: false }],
    ["c", "collect", { field: "order_id", question: "Order number?", type: "text", retries: 2 }],
    ["sorry", "message", { text: "Sorry about that." }],
    ["x", "escalate", { team: "support" }],
    ["e", "end", { text: "Bye" }],
  ],
  [["s", "next", "g"], ["g", "confident", "k"], ["g", "notConfident", "x"], ["k", "answered", "e"], ["k", "notFound", "sorry"], ["k", "notHelpful", "x"], ["sorry", "next", "x"], ["c", "captured", "e"], ["c", "failed", "x"]],
);

const entered = (nodeId: string, fromNodeId: string, fromHandle: string) => ({ type: "node.entered", nodeId, payload: { kind: "x", fromNodeId, fromHandle } });

describe("why a flow step handed off", () => {
  it("names the step and its outcome, with the numbers that decided it", () => {
    const cause = (events: ReturnType<typeof entered>[], lastConfidence = {}) => describeHandoffCause({ escalateNodeId: "x", nodes: flow.nodes, events, state: { lastConfidence } });
    expect(cause([entered("x", "g", "notConfident")], { intent: 0.42 })).toBe("Check confidence: 42% < 70%");
    expect(cause([entered("x", "c", "failed")])).toBe("Ask for information: no valid order number after 3 tries");
    // Through the message step on the way.
    expect(cause([entered("sorry", "k", "notFound"), entered("x", "sorry", "next")])).toBe("Answer from knowledge base: no article above 30%");
    expect(cause([entered("x", "k", "notHelpful")])).toBe("Answer from knowledge base: the customer said the answer did not help");
    expect(cause([])).toBeNull();
  });

  it("says which intents the customer declined at the intent step's Did you mean…?", () => {
    const intentFlow = buildFlow(
      [
        ["s", "start", { greeting: "Hi" }],
        ["i", "intent", { threshold: 0.7, offerChoices: true, intents: [{ name: "order_status", examples: ["where is my order", "track my parcel"] }, { name: "returns", examples: ["return an item", "send it back"] }] }],
        ["x", "escalate", { team: "support" }],
        ["e", "end", { text: "Bye" }],
      ],
      [["s", "next", "i"], ["i", "order_status", "e"], ["i", "returns", "e"], ["i", "unsure", "x"]],
    );
    const offered = { offered: [{ name: "order_status", confidence: 0.4 }, { name: "returns", confidence: 0.2 }], text: "my thing" };
    const cause = (events: Array<{ type: string; nodeId: string; payload: Record<string, unknown> }>) =>
      describeHandoffCause({ escalateNodeId: "x", nodes: intentFlow.nodes, events: [...events, entered("x", "i", "unsure")], state: { lastConfidence: { intent: 0.4 } } });
    expect(cause([{ type: "intent.declined", nodeId: "i", payload: offered }])).toBe("Detect intent: declined: Order status, Returns — not sure (best 40% < 70%)");
    // A new message instead of a pick is no decline; nor is another step's decline.
    expect(cause([{ type: "intent.declined", nodeId: "i", payload: { ...offered, askedAnew: true } }])).toBe("Detect intent: not sure (best 40% < 70%)");
    expect(cause([{ type: "intent.declined", nodeId: "other", payload: offered }])).toBe("Detect intent: not sure (best 40% < 70%)");
  });

  it("reads field names as words", () => {
    expect(describeFieldToPeople("order_id")).toBe("order number");
    expect(describeFieldToPeople("deliveryDate")).toBe("delivery date");
    expect(describeFieldToPeople("email")).toBe("email");
  });
});

describe("the summary's ending", () => {
  it("quotes the customer's last two messages verbatim", () => {
    const line = (role: "customer" | "bot", text: string) => ({ role, text, createdAt: "2026-12-06T10:00:00.000Z" });
    const transcript = [line("customer", "hi"), line("bot", "Order number?"), line("customer", "  it's ABC  "), line("bot", "Order number?"), line("customer", "I don't have it!!")];
    expect(withLastCustomerMessages("Summary.", transcript)).toBe("Summary.\nThe customer's last two messages:\n“  it's ABC  ”\n“I don't have it!!”");
    expect(withLastCustomerMessages("Summary.", [line("customer", "hi")])).toBe("Summary.\nThe customer's last message:\n“hi”");
    expect(withLastCustomerMessages("Summary.", [])).toBe("Summary.");
  });
});
