import { describe, expect, it } from "vitest";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, eventTypes, outcomes, texts } from "./helpers";

const INTENTS = [
  { name: "order_status", examples: ["where is my order", "track my package", "order status please"] },
  { name: "refund", examples: ["I want a refund", "money back for my purchase", "refund my jacket"] },
];
const ARTICLES = [
  { id: "a1", slug: "return-policy", title: "Return policy", body: "You can return unworn clothes within 30 days for a full refund.", tags: ["returns"] },
  { id: "a2", slug: "shipping-times", title: "Shipping times", body: "Standard shipping takes 3 to 5 business days.", tags: ["shipping"] },
];
const noRepeatedFailure = { repeatedFailure: { enabled: false, limit: 2, team: "support", priority: "normal" } };

function intentFlow() {
  return buildFlow(
    [
      ["s", "start", { greeting: "Hi!" }],
      ["i", "intent", { intents: INTENTS, threshold: 0.6 }],
      ["os", "message", { text: "Let's find your order." }],
      ["rf", "message", { text: "Refunds, sure." }],
      ["un", "message", { text: "Sorry, I didn't get that." }],
      ["e", "end", { text: "" }],
    ],
    [["s", "next", "i"], ["i", "order_status", "os"], ["i", "refund", "rf"], ["i", "unsure", "un"], ["os", "next", "e"], ["rf", "next", "e"], ["un", "next", "i"]],
    noRepeatedFailure,
  );
}

describe("intent", () => {
  it("waits for the customer, then routes each intent to its own output", async () => {
    const engines = createFakeEngines();
    const conversation = new Conversation(compileClean(intentFlow()), engines);
    const start = await conversation.start();
    expect(start.status).toBe("bot");
    expect(start.state.activeNodeId).toBe("i");
    expect(engines.calls.classify).toEqual([]);
    const result = await conversation.say("I want a refund for my jacket");
    expect(texts(result)[0]).toBe("Refunds, sure.");
    expect(result.state.intent).toEqual({ name: "refund", confidence: 1 });
    const classified = result.events.find((e) => e.type === "intent.classified");
    expect(classified?.payload).toMatchObject({ intent: "refund", confidence: 1 });
    expect(classified?.payload.ranked).toHaveLength(2);
    expect(outcomes(result)).toEqual(["i:refund", "rf:next"]);
  });

  it("takes unsure below the threshold and can loop back to wait again", async () => {
    const conversation = new Conversation(compileClean(intentFlow()), createFakeEngines());
    await conversation.start();
    const unsure = await conversation.say("blue sweater");
    expect(texts(unsure)).toEqual(["Sorry, I didn't get that."]);
    expect(outcomes(unsure)).toEqual(["i:unsure", "un:next"]);
    expect(unsure.status).toBe("bot");
    expect(unsure.state.intent).toBeNull();
    const ok = await conversation.say("where is my order");
    expect(texts(ok)[0]).toBe("Let's find your order.");
  });

  it("answers greetings, thanks and contact details and keeps listening: no intent, no failure, nothing classified", async () => {
    const engines = createFakeEngines();
    const conversation = new Conversation(compileClean(intentFlow()), engines);
    await conversation.start();
    const hello = await conversation.say("Hi, my name is Maya Lopez, maya@example.com");
    expect(texts(hello)).toEqual(["Thanks, got it. What can I help you with?"]);
    expect(hello.events).toContainEqual({ type: "intent.social", nodeId: "i", payload: { kind: "contact" } });
    expect(eventTypes(hello)).not.toContain("intent.classified");
    expect(hello.state).toMatchObject({ activeNodeId: "i", intent: null });
    expect(eventTypes(hello)).not.toContain("node.entered");
    expect(texts(await conversation.say("hello there!"))).toEqual(["Hi! What can I help you with?"]);
    expect(engines.calls.classify).toEqual([]);
    // The request that follows is classified as usual, and the contact details stay for later steps.
    const request = await conversation.say("I want a refund for my jacket");
    expect(outcomes(request)).toEqual(["i:refund", "rf:next"]);
    expect(hello.snapshot).toMatchObject({ context: { failures: 0, pendingQuestion: null } });
  });

  it("classifies a greeting when the flow has an intent for greetings", async () => {
    const greet = { name: "greet", examples: ["hello", "hi there", "good morning", "good evening"] };
    const doc = intentFlow();
    const node = doc.nodes.find((candidate) => candidate.id === "i");
    if (node?.kind !== "intent") throw new Error("no intent node");
    node.data.intents.push(greet);
    doc.edges.push({ id: "greet-edge", source: "i", sourceHandle: "greet", target: "os" });
    const engines = createFakeEngines();
    const conversation = new Conversation(compileClean(doc), engines);
    await conversation.start();
    const result = await conversation.say("good morning");
    expect(outcomes(result)[0]).toBe("i:greet");
    expect(engines.calls.classify).toHaveLength(1);
  });
});

function collectFlow(data: Record<string, unknown>, before: "intent" | "none" = "none") {
  const nodes: Array<[string, string, Record<string, unknown>?]> = [
    ["s", "start", { greeting: "Hi!" }],
    ["c", "collect", data],
    ["ok", "message", { text: "Got {{" + String(data.field) + "}}." }],
    ["ko", "message", { text: "Let me get someone." }],
    ["e", "end", { text: "" }],
  ];
  const edges: Array<[string, string, string]> = [["c", "captured", "ok"], ["c", "failed", "ko"], ["ok", "next", "e"], ["ko", "next", "e"]];
  if (before === "intent") {
    nodes.push(["i", "intent", { intents: INTENTS, threshold: 0.3 }]);
    edges.push(["s", "next", "i"], ["i", "order_status", "c"], ["i", "refund", "c"], ["i", "unsure", "c"]);
  } else edges.push(["s", "next", "c"]);
  return buildFlow(nodes, edges, noRepeatedFailure);
}

describe("collect", () => {
  it("asks, validates and captures", async () => {
    const conversation = new Conversation(compileClean(collectFlow({ field: "email", question: "Your email?", type: "email" })), createFakeEngines());
    expect(texts(await conversation.start())).toEqual(["Hi!", "Your email?"]);
    const result = await conversation.say("Jane.Doe@Example.com");
    expect(texts(result)[0]).toBe("Got jane.doe@example.com.");
    expect(result.state.fields).toEqual({ email: "jane.doe@example.com" });
    expect(result.events.find((e) => e.type === "field.captured")?.payload).toEqual({ field: "email", value: "jane.doe@example.com", source: "asked" });
  });

  it("re-asks with a specific hint, then fails after the retries", async () => {
    const conversation = new Conversation(compileClean(collectFlow({ field: "order_id", question: "Order number?", type: "pattern", pattern: "\\b\\d{10}\\b", retries: 1 })), createFakeEngines());
    await conversation.start();
    const retry = await conversation.say("I don't know");
    expect(texts(retry)).toEqual(["That doesn't look like a valid order number: it should be 10 digits. Please check it and try again."]);
    expect(retry.events.find((e) => e.type === "field.invalid")?.payload).toEqual({ field: "order_id", attempt: 1 });
    expect(retry.status).toBe("bot");
    const failed = await conversation.say("still no idea");
    expect(texts(failed)).toEqual(["Let me get someone."]);
    expect(outcomes(failed)).toEqual(["c:failed", "ko:next"]);
    expect(failed.events.find((e) => e.type === "field.invalid")?.payload).toEqual({ field: "order_id", attempt: 2 });
  });

  it("skips the question when the intent message already held the value", async () => {
    const conversation = new Conversation(compileClean(collectFlow({ field: "order_id", question: "Order number?", type: "pattern", pattern: "\\b\\d{10}\\b" }, "intent")), createFakeEngines());
    await conversation.start();
    const result = await conversation.say("where is my order 1234567890?");
    expect(texts(result)[0]).toBe("Got 1234567890.");
    expect(result.events.find((e) => e.type === "field.captured")?.payload).toEqual({ field: "order_id", value: "1234567890", source: "extracted" });
    expect(outcomes(result)).toContain("c:captured");
  });

  it("offers choices as buttons and accepts the choice's number", async () => {
    const conversation = new Conversation(compileClean(collectFlow({ field: "method", question: "Refund to?", type: "choice", choices: ["Gift card", "Credit card", "Paper check"] })), createFakeEngines());
    const start = await conversation.start();
    expect(start.messages.at(-1)).toMatchObject({ text: "Refund to?", choices: ["Gift card", "Credit card", "Paper check"] });
    const bad = await conversation.say("bitcoin");
    expect(bad.messages[0]).toMatchObject({ text: "Please choose one of: Gift card, Credit card, Paper check.", choices: ["Gift card", "Credit card", "Paper check"] });
    expect(texts(await conversation.say("2"))[0]).toBe("Got Credit card.");
  });

  it("uses a value known from the start without asking or recording it again", async () => {
    const conversation = new Conversation(compileClean(collectFlow({ field: "email", question: "Your email?", type: "email" })), createFakeEngines());
    const result = await conversation.start({ email: "known@example.com" });
    expect(texts(result)).toEqual(["Hi!", "Got known@example.com."]);
    expect(eventTypes(result)).not.toContain("field.captured");
  });
});

function kbFlow(askFeedback: boolean, prompt = true) {
  const nodes: Array<[string, string, Record<string, unknown>?]> = [
    ["s", "start", { greeting: "Hi!" }],
    ["k", "kb", { tags: [], minScore: 0.5, askFeedback }],
    ["yes", "message", { text: "Glad it helped." }],
    ["nf", "message", { text: "I couldn't find that." }],
    ["nh", "message", { text: "Sorry it didn't help." }],
    ["e", "end", { text: "" }],
  ];
  const edges: Array<[string, string, string]> = [["k", "answered", "yes"], ["k", "notFound", "nf"], ["yes", "next", "e"], ["nf", "next", "e"], ["nh", "next", "e"]];
  if (askFeedback) edges.push(["k", "notHelpful", "nh"]);
  if (prompt) {
    nodes.push(["i", "intent", { intents: INTENTS, threshold: 0 }]);
    edges.push(["s", "next", "i"], ["i", "order_status", "k"], ["i", "refund", "k"], ["i", "unsure", "k"]);
  } else edges.push(["s", "next", "k"]);
  return buildFlow(nodes, edges, noRepeatedFailure);
}

describe("kb", () => {
  it("answers the message the intent node classified, shows the source, and asks for feedback", async () => {
    const engines = createFakeEngines({ articles: ARTICLES });
    const conversation = new Conversation(compileClean(kbFlow(true)), engines);
    await conversation.start();
    const answer = await conversation.say("can I return clothes for a refund?");
    expect(answer.messages[0]).toMatchObject({ text: ARTICLES[0].body, source: { articleId: "a1", slug: "return-policy", title: "Return policy" } });
    expect(answer.messages[1]).toMatchObject({ text: "Did this help?", choices: ["Yes", "No"] });
    expect(answer.events.find((e) => e.type === "kb.answered")?.payload).toMatchObject({ articleId: "a1", slug: "return-policy" });
    expect(answer.state.lastConfidence.kb).toBeGreaterThan(0.5);
    const yes = await conversation.say("Yes, thanks!");
    expect(texts(yes)[0]).toBe("Glad it helped.");
    expect(yes.events.find((e) => e.type === "kb.feedback")?.payload).toEqual({ helpful: true, articleId: "a1" });
  });

  it("takes notHelpful on No (text or the feedback event)", async () => {
    for (const reply of ["text", "event"] as const) {
      const conversation = new Conversation(compileClean(kbFlow(true)), createFakeEngines({ articles: ARTICLES }));
      await conversation.start();
      await conversation.say("standard shipping time?");
      const no = reply === "text" ? await conversation.say("no") : await conversation.feedback(false);
      expect(texts(no)[0]).toBe("Sorry it didn't help.");
      expect(outcomes(no)).toContain("k:notHelpful");
    }
  });

  it("answers a question asked instead of a yes or no in the same step, recording no feedback", async () => {
    const conversation = new Conversation(compileClean(kbFlow(true)), createFakeEngines({ articles: ARTICLES }));
    await conversation.start();
    await conversation.say("can I return clothes for a refund?");
    const next = await conversation.say("and how many days does standard shipping take?");
    expect(texts(next)).toEqual([ARTICLES[1].body, "Did this help?"]);
    expect(next.events.filter((e) => e.type === "kb.feedback")).toEqual([]);
    expect(next.events.find((e) => e.type === "kb.answered")?.payload).toMatchObject({ articleId: ARTICLES[1].id, query: "and how many days does standard shipping take?" });
    expect(outcomes(next)).toEqual([]);
    // A statement that is neither yes nor a question still reads as "did not help".
    const statement = await conversation.say("that is not what I meant");
    expect(outcomes(statement)).toContain("k:notHelpful");
  });

  it("takes answered without feedback when askFeedback is off", async () => {
    const conversation = new Conversation(compileClean(kbFlow(false)), createFakeEngines({ articles: ARTICLES }));
    await conversation.start();
    const result = await conversation.say("standard shipping days");
    expect(texts(result)).toEqual([ARTICLES[1].body, "Glad it helped."]);
  });

  it("takes notFound when nothing reaches the minimum score", async () => {
    const conversation = new Conversation(compileClean(kbFlow(true)), createFakeEngines({ articles: ARTICLES }));
    await conversation.start();
    const result = await conversation.say("do you sell umbrellas");
    expect(texts(result)).toEqual(["I couldn't find that."]);
    expect(result.events.find((e) => e.type === "kb.notFound")?.payload).toEqual({ query: "do you sell umbrellas" });
  });

  it("asks what the customer wants to know when there is no question yet", async () => {
    const engines = createFakeEngines({ articles: ARTICLES });
    const conversation = new Conversation(compileClean(kbFlow(false, false)), engines);
    const start = await conversation.start();
    expect(texts(start)).toEqual(["Hi!", "What would you like to know?"]);
    expect(start.status).toBe("bot");
    const result = await conversation.say("what is the return policy?");
    expect(texts(result)[0]).toBe(ARTICLES[0].body);
    expect(engines.calls.answer).toEqual(["what is the return policy?"]);
  });

  it("answers the question asked before a collect step instead of asking what the customer wants to know", async () => {
    const doc = buildFlow(
      [
        ["s", "start", { greeting: "Hi!" }],
        ["i", "intent", { intents: INTENTS, threshold: 0 }],
        ["c", "collect", { field: "order", question: "What's your order number?", type: "pattern", pattern: "^\\d{6}$" }],
        ["k", "kb", { tags: [], minScore: 0.5, askFeedback: false }],
        ["nf", "message", { text: "I couldn't find that." }],
        ["e", "end", { text: "" }],
      ],
      [["s", "next", "i"], ["i", "order_status", "c"], ["i", "refund", "c"], ["i", "unsure", "c"], ["c", "captured", "k"], ["c", "failed", "e"], ["k", "answered", "e"], ["k", "notFound", "nf"], ["nf", "next", "e"]],
      noRepeatedFailure,
    );
    const engines = createFakeEngines({ articles: ARTICLES });
    const conversation = new Conversation(compileClean(doc), engines);
    await conversation.start();
    expect(texts(await conversation.say("how many business days does standard shipping take?"))).toEqual(["What's your order number?"]);
    const answer = await conversation.say("123456");
    expect(texts(answer)[0]).toBe(ARTICLES[1].body);
    expect(texts(answer)).not.toContain("What would you like to know?");
    expect(engines.calls.answer).toEqual(["how many business days does standard shipping take?"]);
    expect(answer.events.find((e) => e.type === "kb.answered")?.payload).toMatchObject({ articleId: "a2", query: "how many business days does standard shipping take?" });
  });

  it("still asks when the earlier message was not a question", async () => {
    const doc = buildFlow(
      [
        ["s", "start", { greeting: "Hi!" }],
        ["c", "collect", { field: "order", question: "What's your order number?", type: "pattern", pattern: "^\\d{6}$" }],
        ["k", "kb", { tags: [], minScore: 0.5, askFeedback: false }],
        ["e", "end", { text: "" }],
      ],
      [["s", "next", "c"], ["c", "captured", "k"], ["c", "failed", "e"], ["k", "answered", "e"], ["k", "notFound", "e"]],
      noRepeatedFailure,
    );
    const conversation = new Conversation(compileClean(doc), createFakeEngines({ articles: ARTICLES }));
    await conversation.start();
    expect(texts(await conversation.say("123456"))).toEqual(["What would you like to know?"]);
  });

  it("only uses articles with the node's tags", async () => {
    const doc = kbFlow(false);
    const kbNode = doc.nodes.find((node) => node.id === "k");
    if (kbNode?.kind === "kb") kbNode.data.tags = ["shipping"];
    const conversation = new Conversation(compileClean(doc), createFakeEngines({ articles: ARTICLES }));
    await conversation.start();
    expect(texts(await conversation.say("return clothes refund"))).toEqual(["I couldn't find that."]);
  });
});
