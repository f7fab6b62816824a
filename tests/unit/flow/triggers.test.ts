import { describe, expect, it } from "vitest";
import { findSensitiveTerm, isHumanRequest, isStronglyNegative } from "~/flow";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, eventTypes, texts } from "./helpers";

describe("explicit request for a person", () => {
  it.each([
    "agent",
    "Human please",
    "I want to talk to someone",
    "can I speak with a real person?",
    "connect me to a representative",
    "Is there a live agent?",
    "I need a human",
    "Quiero hablar con un agente",
    "¿Puedo hablar con una persona?",
    "Je voudrais parler à un humain",
    "parler avec un conseiller svp",
    "Ich möchte mit einem Menschen sprechen",
    "Kann ich mit jemandem sprechen?",
    "Quero falar com um atendente",
    "preciso de um humano",
  ])("recognises %j", (text) => {
    expect(isHumanRequest(text)).toBe(true);
  });

  it.each([
    "my agent id is 4412",
    "where is my order?",
    "the shirt is for a person who is tall",
    "I don't want to talk to an agent, just tell me the policy",
    "human resources sent me a gift card, how do I use it at checkout",
    "the delivery agent left the parcel at the wrong door",
    "someone stole it",
  ])("does not fire on %j", (text) => {
    expect(isHumanRequest(text)).toBe(false);
  });
});

describe("sensitive content", () => {
  it("finds configured terms as whole words, ignoring case and accents", () => {
    expect(findSensitiveTerm("I will file a CHARGEBACK", ["chargeback"])).toBe("chargeback");
    expect(findSensitiveTerm("please cancel my account now", ["cancel my account"])).toBe("cancel my account");
    expect(findSensitiveTerm("Mi abogado llamará", ["abogado"])).toBe("abogado");
    expect(findSensitiveTerm("contacté à mon avocât", ["avocat"])).toBe("avocat");
    expect(findSensitiveTerm("lawyers are expensive", ["lawyer"])).toBeNull();
    expect(findSensitiveTerm("the chargebacks page", ["chargeback"])).toBeNull();
  });

  it("flags a strongly negative tone, not a single negative word", () => {
    expect(isStronglyNegative("This is unacceptable, worst service ever")).toBe(true);
    expect(isStronglyNegative("WHERE IS MY ORDER? THIS IS RIDICULOUS")).toBe(true);
    expect(isStronglyNegative("You are useless!!")).toBe(true);
    expect(isStronglyNegative("Esto es una estafa, inaceptable")).toBe(true);
    expect(isStronglyNegative("the fit is terrible, can I exchange it?")).toBe(false);
    expect(isStronglyNegative("where is my order")).toBe(false);
    expect(isStronglyNegative("I love it!!")).toBe(false);
  });
});

const INTENTS = [
  { name: "order_status", examples: ["where is my order", "track my package", "order status please"] },
  { name: "refund", examples: ["I want a refund", "money back for my purchase", "refund my jacket"] },
];

function triggerFlow(settings: Record<string, unknown> = {}) {
  return buildFlow(
    [
      ["s", "start", { greeting: "Hi!" }],
      ["i", "intent", { intents: INTENTS, threshold: 0.6 }],
      ["c", "collect", { field: "email", question: "Your email?", type: "email", retries: 0 }],
      ["again", "message", { text: "Let's try again." }],
      ["e", "end", { text: "Done" }],
    ],
    [["s", "next", "i"], ["i", "order_status", "c"], ["i", "refund", "c"], ["i", "unsure", "again"], ["again", "next", "i"], ["c", "captured", "e"], ["c", "failed", "again"]],
    settings,
  );
}

describe("triggers in a running flow", () => {
  it("hands off on a request for a person before the node classifies it", async () => {
    const engines = createFakeEngines();
    const conversation = new Conversation(compileClean(triggerFlow()), engines);
    await conversation.start();
    const result = await conversation.say("I want to talk to a human");
    expect(result.status).toBe("handoff");
    expect(result.handoff).toEqual({ team: "support", priority: "normal", reason: "Customer asked for a person", trigger: "humanRequest", nodeId: "i" });
    expect(engines.calls.classify).toEqual([]);
    expect(eventTypes(result)).toEqual(["trigger.fired", "handoff"]);
    expect(result.events[0].payload).toEqual({ trigger: "humanRequest", reason: "Customer asked for a person", team: "support", priority: "normal" });
    expect(texts(result)).toEqual([]);
  });

  it("fires in any waiting node, e.g. while a question is asked", async () => {
    const conversation = new Conversation(compileClean(triggerFlow()), createFakeEngines());
    await conversation.start();
    await conversation.say("where is my order");
    const result = await conversation.say("Quiero hablar con un agente");
    expect(result.handoff).toMatchObject({ trigger: "humanRequest", nodeId: "c" });
  });

  it("hands off sensitive terms and negative tone to the chosen team and priority", async () => {
    const conversation = new Conversation(compileClean(triggerFlow()), createFakeEngines());
    await conversation.start();
    const result = await conversation.say("I'll do a chargeback if you don't refund me");
    expect(result.handoff).toEqual({ team: "billing", priority: "high", reason: 'Customer mentioned "chargeback"', trigger: "sensitive", nodeId: "i" });
    const angry = new Conversation(compileClean(triggerFlow()), createFakeEngines());
    await angry.start();
    expect((await angry.say("This is a scam, absolutely unacceptable")).handoff).toMatchObject({ trigger: "sensitive", reason: "Strongly negative tone" });
  });

  it("hands off after the configured number of failure outcomes", async () => {
    const conversation = new Conversation(compileClean(triggerFlow()), createFakeEngines());
    await conversation.start();
    const first = await conversation.say("blue sweater");
    expect(texts(first)).toEqual(["Let's try again."]);
    expect(first.status).toBe("bot");
    await conversation.say("where is my order");
    const second = await conversation.say("not an email");
    expect(second.status).toBe("handoff");
    expect(second.handoff).toEqual({ team: "support", priority: "normal", reason: "The bot could not help 2 times", trigger: "repeatedFailure", nodeId: "c" });
    expect(eventTypes(second)).toEqual(["field.invalid", "trigger.fired", "handoff"]);
  });

  it("does nothing when disabled", async () => {
    const off = { enabled: false, team: "support", priority: "normal" };
    const doc = triggerFlow({ humanRequest: off, sensitive: { ...off, terms: ["chargeback"] }, repeatedFailure: { ...off, limit: 1 } });
    const conversation = new Conversation(compileClean(doc), createFakeEngines());
    await conversation.start();
    expect((await conversation.say("agent")).status).toBe("bot");
    expect((await conversation.say("chargeback")).status).toBe("bot");
    expect((await conversation.say("sweater")).status).toBe("bot");
  });
});
