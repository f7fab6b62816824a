import { describe, expect, it } from "vitest";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, outcomes, texts } from "./helpers";

const engines = createFakeEngines();

const INTENTS = [
  { name: "order_status", examples: ["where is my order", "track my package", "order status please"] },
  { name: "refund", examples: ["I want a refund", "money back for my purchase", "refund my jacket"] },
];

describe("start and message", () => {
  it("greets, then says a message with captured fields filled and unknown ones left empty", async () => {
    const doc = buildFlow(
      [
        ["s", "start", { greeting: "Welcome to Threads!" }],
        ["m", "message", { text: "Hello {{name}}, your code is {{missing}}." }],
        ["e", "end", { text: "Bye {{name}}" }],
      ],
      [["s", "next", "m"], ["m", "next", "e"]],
    );
    const conversation = new Conversation(compileClean(doc), engines);
    const result = await conversation.start({ name: "Ana" });
    expect(result.messages.map((m) => m.text)).toEqual(["Welcome to Threads!", "Hello Ana, your code is .", "Bye Ana", "How would you rate this conversation?"]);
    expect(outcomes(result)).toEqual(["s:next", "m:next"]);
    expect(result.events.filter((e) => e.type === "node.entered").map((e) => e.payload.kind)).toEqual(["start", "message", "end"]);
  });
});

describe("end", () => {
  it("marks the conversation ended and asks for a CSAT rating", async () => {
    const doc = buildFlow([["s", "start", { greeting: "" }], ["e", "end", { text: "All done." }]], [["s", "next", "e"]]);
    const result = await new Conversation(compileClean(doc), engines).start();
    expect(result.status).toBe("ended");
    expect(result.messages).toEqual([
      { role: "bot", text: "All done.", nodeId: "e" },
      { role: "bot", text: "How would you rate this conversation?", csat: true, nodeId: "e" },
    ]);
    expect(result.events.at(-1)).toMatchObject({ type: "node.entered", nodeId: "e", payload: { kind: "end", fromNodeId: "s", fromHandle: "next" } });
  });

  it("ignores messages after the end", async () => {
    const doc = buildFlow([["s", "start"], ["e", "end"]], [["s", "next", "e"]]);
    const conversation = new Conversation(compileClean(doc), engines);
    await conversation.start();
    const after = await conversation.say("hello?");
    expect(after.status).toBe("ended");
    expect(after.messages).toEqual([]);
  });
});

describe("escalate", () => {
  it("hands off with team, priority and reason, leaving the notice to the runtime", async () => {
    const doc = buildFlow(
      [["s", "start", { greeting: "Hi" }], ["x", "escalate", { team: "billing", priority: "high", reason: "Refund over limit" }]],
      [["s", "next", "x"]],
    );
    const result = await new Conversation(compileClean(doc), engines).start();
    expect(result.status).toBe("handoff");
    expect(result.handoff).toEqual({ team: "billing", priority: "high", reason: "Refund over limit", trigger: "node", nodeId: "x" });
    // Only the runtime knows the team's display name: it says the one notice (tests/integration/handoff-notice.test.ts).
    expect(texts(result)).toEqual(["Hi"]);
    expect(result.events.find((e) => e.type === "handoff")?.payload).toEqual({ team: "billing", priority: "high", reason: "Refund over limit", trigger: "node" });
  });

  it("says a custom message with fields, and stays in handoff when the customer writes", async () => {
    const doc = buildFlow(
      [["s", "start"], ["x", "escalate", { team: "support", message: "Thanks {{name}}, an agent is coming." }]],
      [["s", "next", "x"]],
    );
    const conversation = new Conversation(compileClean(doc), engines);
    const result = await conversation.start({ name: "Ben" });
    expect(texts(result).at(-1)).toBe("Thanks Ben, an agent is coming.");
    const later = await conversation.say("hello?");
    expect(later.status).toBe("handoff");
    expect(later.messages).toEqual([]);
  });
});

function gateFlow(score: "intent" | "kb", threshold: number) {
  return buildFlow(
    [
      ["s", "start", { greeting: "Hi" }],
      ["i", "intent", { intents: INTENTS, threshold: 0.1 }],
      ["g", "gate", { score, threshold }],
      ["yes", "message", { text: "confident" }],
      ["no", "message", { text: "not confident" }],
      ["e", "end", { text: "" }],
    ],
    [["s", "next", "i"], ["i", "order_status", "g"], ["i", "refund", "g"], ["i", "unsure", "g"], ["g", "confident", "yes"], ["g", "notConfident", "no"], ["yes", "next", "e"], ["no", "next", "e"]],
  );
}

describe("gate", () => {
  it("takes confident when the intent confidence reaches the threshold", async () => {
    const conversation = new Conversation(compileClean(gateFlow("intent", 0.6)), engines);
    await conversation.start();
    const result = await conversation.say("where is my order");
    expect(texts(result)[0]).toBe("confident");
    expect(outcomes(result)).toContain("g:confident");
  });

  it("takes notConfident below the threshold", async () => {
    const conversation = new Conversation(compileClean(gateFlow("intent", 0.6)), engines);
    await conversation.start();
    const result = await conversation.say("order shoes blue tomorrow");
    expect(texts(result)[0]).toBe("not confident");
    expect(outcomes(result)).toContain("g:notConfident");
  });

  it("is not confident about a score never recorded", async () => {
    const conversation = new Conversation(compileClean(gateFlow("kb", 0)), engines);
    await conversation.start();
    expect(texts(await conversation.say("where is my order"))[0]).toBe("not confident");
  });
});

function conditionFlow(operator: string, value: string | number) {
  return buildFlow(
    [
      ["s", "start", { greeting: "" }],
      ["c", "collect", { field: "amount", question: "How much?", type: "text" }],
      ["k", "condition", { field: "amount", operator, value }],
      ["t", "message", { text: "true" }],
      ["f", "message", { text: "false" }],
      ["e", "end", { text: "" }],
    ],
    [["s", "next", "c"], ["c", "captured", "k"], ["c", "failed", "f"], ["k", "true", "t"], ["k", "false", "f"], ["t", "next", "e"], ["f", "next", "e"]],
  );
}

describe("condition", () => {
  const cases: Array<[string, string | number, string, "true" | "false"]> = [
    ["equals", "Gold", "gold", "true"],
    ["equals", "50", "50.0", "true"],
    ["equals", "gold", "silver", "false"],
    ["contains", "damaged", "It arrived DAMAGED", "true"],
    ["contains", "damaged", "fine", "false"],
    ["matches", "^\\d{3}$", "123", "true"],
    ["matches", "^\\d{3}$", "12a", "false"],
    ["exists", "", "anything", "true"],
    ["gt", 100, "150", "true"],
    ["gt", 100, "50", "false"],
    ["lt", 100, "50", "true"],
    ["lt", "2026-01-01", "2025-12-31", "true"],
    ["lt", 100, "lots", "false"],
  ];
  it.each(cases)("%s %s on %s → %s", async (operator, value, answer, expected) => {
    const conversation = new Conversation(compileClean(conditionFlow(operator, value)), engines);
    await conversation.start();
    const result = await conversation.say(answer);
    expect(texts(result)[0]).toBe(expected);
    expect(outcomes(result)).toContain(`k:${expected}`);
  });

  it("exists is false for a field never captured", async () => {
    const doc = buildFlow(
      [["s", "start", { greeting: "" }], ["k", "condition", { field: "vip", operator: "exists" }], ["t", "end", { text: "yes" }], ["f", "end", { text: "no" }]],
      [["s", "next", "k"], ["k", "true", "t"], ["k", "false", "f"]],
    );
    const conversation = new Conversation(compileClean(doc), engines);
    expect(texts(await conversation.start())[0]).toBe("no");
    const withField = new Conversation(compileClean(doc), engines);
    expect(texts(await withField.start({ vip: "yes" }))[0]).toBe("yes");
  });
});
