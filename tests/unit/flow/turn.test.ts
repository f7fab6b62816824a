import { describe, expect, it } from "vitest";
import { compileFlow, listResumableNodes, resumeAt, runTurn, startConversation, UnknownNodeError } from "~/flow";
import type { Engines } from "~/engines/types";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, eventTypes, texts } from "./helpers";

const INTENTS = [
  { name: "order_status", examples: ["where is my order", "track my package", "order status please"] },
  { name: "refund", examples: ["I want a refund", "money back for my purchase", "refund my jacket"] },
];
const ARTICLES = [{ id: "a1", slug: "return-policy", title: "Return policy", body: "Returns are free within 30 days.", tags: [] }];

function supportFlow() {
  return buildFlow(
    [
      ["s", "start", { greeting: "Hi!" }],
      ["i", "intent", { intents: INTENTS, threshold: 0.5 }],
      ["c", "collect", { field: "email", question: "Your email?", type: "email" }],
      ["k", "kb", { minScore: 0.3, askFeedback: true }],
      ["m", "message", { text: "Thanks {{email}}." }],
      ["x", "escalate", { team: "support" }],
      ["e", "end", { text: "Bye" }],
    ],
    [["s", "next", "i"], ["i", "order_status", "c"], ["i", "refund", "k"], ["i", "unsure", "x"], ["c", "captured", "m"], ["c", "failed", "x"], ["m", "next", "e"], ["k", "answered", "e"], ["k", "notFound", "x"], ["k", "notHelpful", "x"]],
  );
}

describe("turn execution", () => {
  it("returns a JSON snapshot without outbox or events, which a fresh compile of the same document restores", async () => {
    const engines = createFakeEngines();
    const first = await startConversation(compileClean(supportFlow()), engines);
    const stored = JSON.stringify(first.snapshot);
    expect(JSON.parse(stored).context).toMatchObject({ outbox: [], events: [] });
    const asked = await runTurn(compileClean(supportFlow()), engines, JSON.parse(stored), { type: "customer.message", text: "where is my order" });
    expect(texts(asked)).toEqual(["Your email?"]);
    const mid = JSON.stringify(asked.snapshot);
    // A third machine instance (another server process) continues mid-question.
    const done = await runTurn(compileClean(supportFlow()), engines, JSON.parse(mid), { type: "customer.message", text: "ana@example.com" });
    expect(texts(done)).toEqual(["Thanks ana@example.com.", "Bye"]);
    expect(done.state).toEqual({ fields: { email: "ana@example.com" }, intent: { name: "order_status", confidence: 1 }, activeNodeId: "e", lastConfidence: { intent: 1 }, pendingQuestion: null });
    expect(done.status).toBe("ended");
  });

  it("replaying the same snapshot gives the same turn (the runtime's retry on conflict relies on it)", async () => {
    const engines = createFakeEngines();
    const machine = compileClean(supportFlow());
    const start = await startConversation(machine, engines);
    const a = await runTurn(machine, engines, start.snapshot, { type: "customer.message", text: "where is my order" });
    const b = await runTurn(machine, engines, start.snapshot, { type: "customer.message", text: "where is my order" });
    expect(b.messages).toEqual(a.messages);
    expect(b.snapshot).toEqual(a.snapshot);
  });

  it("turns a failing intent engine into an error handoff, never an exception", async () => {
    const conversation = new Conversation(compileClean(supportFlow()), createFakeEngines({ failIntents: true }));
    await conversation.start();
    const result = await conversation.say("where is my order");
    expect(result.status).toBe("handoff");
    expect(result.handoff).toEqual({ team: "support", priority: "normal", reason: "The intents engine failed: intent engine down", trigger: "error", nodeId: "i" });
    expect(eventTypes(result)).toEqual(["engine.error", "trigger.fired", "handoff"]);
  });

  it("turns a failing knowledge engine into an error handoff", async () => {
    const conversation = new Conversation(compileClean(supportFlow()), createFakeEngines({ failKnowledge: true, articles: ARTICLES }));
    await conversation.start();
    const result = await conversation.say("I want a refund");
    expect(result.handoff).toMatchObject({ trigger: "error", nodeId: "k" });
  });

  it("treats malformed engine output as data: an invented intent is unsure, a broken answer is not found", async () => {
    const base = createFakeEngines();
    const invented: Engines = { ...base, intents: { classify: async () => ({ intent: "delete_all_orders", confidence: 0.99, ranked: [] }) } };
    const first = new Conversation(compileClean(supportFlow()), invented);
    await first.start();
    const unsure = await first.say("do something dangerous");
    expect(unsure.events.find((e) => e.type === "intent.classified")?.payload).toEqual({ intent: null, confidence: 0, ranked: [], text: "do something dangerous" });
    expect(unsure.state.lastConfidence).toEqual({ intent: 0 });
    expect(unsure.handoff).toMatchObject({ trigger: "node", nodeId: "x" });
    const broken: Engines = {
      ...base,
      knowledge: { ...base.knowledge, answer: async () => JSON.parse('{"text": 5, "article": null}') },
    };
    const second = new Conversation(compileClean(supportFlow()), broken);
    await second.start();
    const notFound = await second.say("I want a refund");
    expect(notFound.events.map((e) => e.type)).toContain("kb.notFound");
  });

  it("records an engine fallback", async () => {
    const base = createFakeEngines();
    const engines: Engines = {
      ...base,
      intents: { classify: async (input) => ({ ...(await base.intents.classify(input)), fallback: { engine: "openai", error: "timeout" } }) },
    };
    const conversation = new Conversation(compileClean(supportFlow()), engines);
    await conversation.start();
    const result = await conversation.say("where is my order");
    expect(result.events.find((e) => e.type === "engine.fallback")?.payload).toEqual({ engine: "openai", error: "timeout" });
  });

  it("hands off on an unreadable snapshot", async () => {
    const result = await runTurn(compileClean(supportFlow()), createFakeEngines(), { nonsense: true }, { type: "customer.message", text: "hi" });
    expect(result.status).toBe("handoff");
    expect(result.handoff).toMatchObject({ trigger: "error" });
    expect(JSON.parse(JSON.stringify(result.snapshot))).toMatchObject({ status: "active", value: "__handoff" });
  });

  it("hands off when a snapshot meets a machine that does not have its state", async () => {
    const engines = createFakeEngines();
    const start = await startConversation(compileClean(supportFlow()), engines);
    const other = buildFlow([["begin", "start", { greeting: "Hi" }], ["q", "intent", { intents: INTENTS }], ["e", "end"]], [["begin", "next", "q"], ["q", "order_status", "e"], ["q", "refund", "e"], ["q", "unsure", "e"]]);
    const result = await runTurn(compileClean(other), engines, start.snapshot, { type: "customer.message", text: "where is my order" });
    expect(result.status).toBe("handoff");
    expect(result.handoff?.trigger).toBe("error");
  });

  it("hands off when an engine takes longer than the timeout", async () => {
    const slow: Engines = { ...createFakeEngines(), intents: { classify: () => new Promise(() => undefined) } };
    const machine = compileClean(supportFlow());
    const start = await startConversation(machine, slow);
    const result = await runTurn(machine, slow, start.snapshot, { type: "customer.message", text: "where is my order" }, { timeoutMs: 50 });
    expect(result.status).toBe("handoff");
    expect(result.handoff?.trigger).toBe("error");
    expect(result.state.activeNodeId).toBe("i");
  });

  it("hands off at once when a draft has no start step", async () => {
    const doc = buildFlow([["m", "message", { text: "Hello" }], ["e", "end"]], [["m", "next", "e"]]);
    const result = await startConversation(compileFlow(doc).machine, createFakeEngines());
    expect(result.handoff).toMatchObject({ trigger: "error", reason: "The flow has no Start step" });
  });

  it("hands off when the flow has no path for an output", async () => {
    const doc = buildFlow([["s", "start", { greeting: "Hi" }], ["m", "message", { text: "Hello" }]], [["s", "next", "m"]]);
    const result = await startConversation(compileFlow(doc).machine, createFakeEngines());
    expect(result.handoff).toMatchObject({ trigger: "error", reason: 'The flow has no next step after "Next"', nodeId: "m" });
  });
});

describe("resumeAt", () => {
  it("hands a conversation back to the bot at a chosen node, keeping what it knew", async () => {
    const machine = compileClean(supportFlow());
    const engines = createFakeEngines();
    const conversation = new Conversation(machine, engines);
    await conversation.start();
    await conversation.say("where is my order");
    await conversation.say("ana@example.com");
    const ended = await conversation.say("anything");
    expect(ended.status).toBe("ended");
    const resumed = conversation.keep(await resumeAt(machine, engines, conversation.snapshot, "i"));
    expect(resumed.status).toBe("bot");
    expect(resumed.state.activeNodeId).toBe("i");
    expect(resumed.state.fields).toEqual({ email: "ana@example.com" });
    expect(eventTypes(resumed)).toEqual(["bot.resumed", "node.entered"]);
    const next = await conversation.say("I want a refund");
    expect(next.events.some((e) => e.type === "intent.classified")).toBe(true);
  });

  it("runs the chosen node from its start (a question is asked again) after a handoff", async () => {
    const machine = compileClean(supportFlow());
    const engines = createFakeEngines();
    const conversation = new Conversation(machine, engines);
    await conversation.start();
    expect((await conversation.say("sweater blue")).status).toBe("handoff");
    const resumed = await resumeAt(machine, engines, conversation.snapshot, "c");
    expect(texts(resumed)).toEqual(["Your email?"]);
    expect(resumed.status).toBe("bot");
  });

  it("sends the customer's unanswered message to a step that waits for it, and only to one that asked nothing", async () => {
    const machine = compileClean(supportFlow());
    const engines = createFakeEngines();
    const conversation = new Conversation(machine, engines);
    await conversation.start();
    expect((await conversation.say("sweater blue")).status).toBe("handoff");
    // The intent step waits without a question: the message is classified at once.
    const atIntent = await resumeAt(machine, engines, conversation.snapshot, "i", { pending: "where is my order" });
    expect(atIntent.events.filter((event) => event.type === "intent.classified")).toHaveLength(1);
    expect(texts(atIntent)).toEqual(["Your email?"]);
    expect(atIntent.state.activeNodeId).toBe("c");
    // The collect step finds its value in the message instead of asking.
    const atCollect = await resumeAt(machine, engines, conversation.snapshot, "c", { pending: "it's ana@example.com" });
    expect(atCollect.state.fields).toEqual({ email: "ana@example.com" });
    expect(texts(atCollect)).toEqual(["Thanks ana@example.com.", "Bye"]);
    // A question it asks stands: an unrelated old message is not taken as its answer.
    const asked = await resumeAt(machine, engines, conversation.snapshot, "c", { pending: "hello?" });
    expect(texts(asked)).toEqual(["Your email?"]);
    expect(asked.status).toBe("bot");
  });

  it("refuses a node the flow does not have", async () => {
    const machine = compileClean(supportFlow());
    expect(listResumableNodes(machine)).toEqual(["s", "i", "c", "k", "m", "x", "e"]);
    const start = await startConversation(machine, createFakeEngines());
    await expect(resumeAt(machine, createFakeEngines(), start.snapshot, "i~unsure")).rejects.toBeInstanceOf(UnknownNodeError);
  });
});
