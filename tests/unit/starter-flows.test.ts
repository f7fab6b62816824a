/**
 * Golden transcripts for the starter flows in flows/: each file parses, compiles without errors
 * against the demo teams, and scripted conversations take the expected route with the expected
 * replies (fake engines: keyword-overlap intents, word-overlap KB).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileFlow, parseFlowDocument, stringifyFlowDocument, type FlowDocument, type FlowMachine, type TurnResult } from "~/flow";
import { applyResponseMapping } from "~/nodes/http/mapping";
import type { HttpCallInput, HttpCallResult } from "~/nodes/http/result";
import { findDemoOrder } from "~/workspace/demo-orders";
import { createFakeEngines, type FakeArticle } from "../support/fake-engines";
import { Conversation } from "./flow/helpers";

const ARTICLES: FakeArticle[] = [
  { id: "kb-ship", slug: "shipping-costs-and-times", title: "Shipping costs and delivery times", tags: ["shipping"], body: "Standard shipping costs $8 and takes 3-5 business days; orders over $75 ship free. Express delivery takes 1-2 business days and costs $15. We ship to the US, Canada and the EU." },
  { id: "kb-returns", slug: "returns-and-refunds", title: "Returns and refunds", tags: ["returns", "refunds"], body: "You can return unworn items within 30 days. Refunds go back to your original payment method within 5-7 business days after we receive the item." },
  { id: "kb-password", slug: "reset-your-password", title: "Reset your password", tags: ["account"], body: "Can't log in? Click \"Forgot password\" on the sign-in page and we'll email you a link to reset your password. The link is valid for one hour." },
  // None of the intents is about it: only a kb step over the whole knowledge base can answer it.
  { id: "kb-gift", slug: "gift-cards", title: "Gift cards", tags: ["payments"], body: "Yes, we sell gift cards from $10 to $500. They never expire and work online and in our stores." },
];

function loadFlow(slug: string): { document: FlowDocument; machine: FlowMachine; text: string } {
  const text = fs.readFileSync(path.resolve(__dirname, "../../flows", `${slug}.json`), "utf8");
  const parsed = parseFlowDocument(JSON.parse(text));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { machine, diagnostics } = compileFlow(parsed.document, { teams: ["support", "billing"], knownFields: ["name", "email"] });
  expect(diagnostics).toEqual([]);
  return { document: parsed.document, machine, text };
}

/** The nodes a turn went through, in order. */
const route = (result: TurnResult) => result.events.filter((e) => e.type === "node.entered").map((e) => e.nodeId);
const said = (result: TurnResult) => result.messages.map((m) => m.text);

async function talk(slug: string) {
  const { machine } = loadFlow(slug);
  const conversation = new Conversation(machine, createFakeEngines({ articles: ARTICLES }));
  await conversation.start();
  return conversation;
}

// Each kind's working example is checked over the registry (flow/registry-examples.test.ts), not here: a new kind needs no starter flow.
describe("flows/store-support.json", () => {
  it("is stored in canonical form and lays out left to right", () => {
    const { document, text } = loadFlow("store-support");
    expect(stringifyFlowDocument(document)).toBe(text);
    const intent = document.nodes.find((n) => n.kind === "intent");
    for (const { examples } of intent?.kind === "intent" ? intent.data.intents : []) expect(examples.length).toBeGreaterThanOrEqual(8);
    const x = new Map(document.nodes.map((n) => [n.id, n.position.x]));
    for (const edge of document.edges.filter((e) => e.target !== "topic")) expect(x.get(edge.target)!).toBeGreaterThan(x.get(edge.source)!);
  });

  it("order status: takes the order id from the first message, asks the rest, and answers", async () => {
    const { machine } = loadFlow("store-support");
    const conversation = new Conversation(machine, createFakeEngines({ articles: ARTICLES }));
    const greeting = await conversation.start();
    expect(said(greeting)).toEqual(["Hi! I'm the Threads & Co. assistant. I can help with orders, shipping, refunds and your account. What can I do for you today?"]);
    const first = await conversation.say("Where is my order 4829301756? It hasn't arrived");
    expect(route(first)).toEqual(["ask-order-id", "ask-email"]);
    expect(said(first)).toEqual(["Thanks! And what's the email address on the order?"]);
    const second = await conversation.say("ana.lopez@example.com");
    expect(second.messages).toEqual([{ role: "bot", text: "What does the tracking page in your confirmation email say right now?", choices: ["Order received", "In transit", "Out for delivery", "Delivered"], nodeId: "ask-tracking" }]);
    const third = await conversation.say("in transit");
    expect(route(third)).toEqual(["is-delivered", "order-update", "done"]);
    expect(said(third)).toEqual([
      'Thanks! Order 4829301756 is currently "In transit". Most orders arrive within 3-5 business days of shipping, and we\'ll email ana.lopez@example.com as soon as it\'s out for delivery.',
      "Glad I could help! Thanks for shopping with Threads & Co.",
      "How would you rate this conversation?",
    ]);
    expect(third.status).toBe("ended");
    expect(third.state.fields).toEqual({ order_id: "4829301756", email: "ana.lopez@example.com", shipping_status: "In transit" });
  });

  it("order marked delivered but missing: hands off to support with high priority", async () => {
    const conversation = await talk("store-support");
    await conversation.say("I haven't received my package");
    await conversation.say("1234509876");
    await conversation.say("ben@example.com");
    const result = await conversation.say("4");
    expect(result.status).toBe("handoff");
    expect(result.handoff).toEqual({ team: "support", priority: "high", reason: "Order marked as delivered but the customer has not received it", trigger: "node", nodeId: "missing-parcel", announced: true });
    expect(said(result)).toEqual(["I'm sorry your parcel hasn't turned up. I'm passing order 1234509876 to our support team: a person will reply in this chat to trace it or send a replacement."]);
  });

  it("shipping question: answers from the knowledge base with its source, then ends on Yes", async () => {
    const conversation = await talk("store-support");
    // The fake engine's score is the share of the question's words in the article; the flow answers at 0.5+.
    const answer = await conversation.say("What are the express shipping costs and delivery times?");
    expect(route(answer)).toEqual(["shipping-kb"]);
    expect(answer.messages[0]).toMatchObject({ text: ARTICLES[0].body, source: { articleId: "kb-ship", slug: "shipping-costs-and-times", title: "Shipping costs and delivery times" } });
    expect(answer.messages[1]).toMatchObject({ text: "Did this help?", choices: ["Yes", "No"] });
    const yes = await conversation.say("Yes");
    expect(route(yes)).toEqual(["done"]);
    expect(yes.status).toBe("ended");
  });

  it("shipping answer not helpful: hands off to support", async () => {
    const conversation = await talk("store-support");
    await conversation.say("what are your shipping options to canada");
    const no = await conversation.say("No");
    expect(no.handoff).toMatchObject({ team: "support", trigger: "node", nodeId: "to-support" });
    // No message of its own: the runtime's one notice names the team (tests/integration/handoff-notice.test.ts).
    expect(no.handoff?.announced).toBeUndefined();
    expect(said(no)).toEqual([]);
  });

  it("clear refund request: tries the help centre first, then billing with the order id", async () => {
    const conversation = await talk("store-support");
    const answer = await conversation.say("Refund policy: can I return unworn items within 30 days?");
    expect(route(answer)).toEqual(["refund-gate", "refund-kb"]);
    expect(answer.messages[0].source?.articleId).toBe("kb-returns");
    const no = await conversation.say("no, not really");
    expect(said(no)).toEqual(["To pass your refund request on, I need your 10-digit order number. What is it?"]);
    const handoff = await conversation.say("It's 5550001112");
    expect(handoff.handoff).toEqual({ team: "billing", priority: "normal", reason: "Refund request the help centre did not resolve", trigger: "node", nodeId: "to-billing", announced: true });
    expect(said(handoff)).toEqual(["Thanks! I've passed your refund request for order 5550001112 to our billing team. A person will reply in this chat."]);
  });

  // Asking for a person goes to the flow's humanRequest team (Support) from any step: a question
  // that promised the billing team would be broken by the very next message.
  it("refund: the order number question promises no team, since asking for a person there goes to support", async () => {
    const conversation = await talk("store-support");
    await conversation.say("Refund policy: can I return unworn items within 30 days?");
    const question = await conversation.say("no, not really");
    expect(route(question)).toContain("refund-order-id");
    const person = await conversation.say("I want to talk to a person");
    expect(person.handoff).toMatchObject({ team: "support", trigger: "humanRequest" });
    expect(said(question).join(" ")).not.toMatch(/billing|support/i);
  });

  it("refund request the bot is not sure about: straight to billing (confidence gate)", async () => {
    const conversation = await talk("store-support");
    const result = await conversation.say("could I return these jeans, bought them as a gift");
    expect(route(result)).toEqual(["refund-gate", "refund-order-id"]);
    expect(result.events.find((e) => e.type === "node.entered" && e.nodeId === "refund-order-id")?.payload).toEqual({ kind: "collect", fromNodeId: "refund-gate", fromHandle: "notConfident" });
  });

  it("account access: answers, and the feedback button ends the conversation", async () => {
    const conversation = await talk("store-support");
    const answer = await conversation.say("I forgot my password and can't log in");
    expect(answer.messages[0].source?.slug).toBe("reset-your-password");
    const helpful = await conversation.feedback(true);
    expect(helpful.events.find((e) => e.type === "kb.feedback")?.payload).toEqual({ helpful: true, articleId: "kb-password" });
    expect(helpful.status).toBe("ended");
  });

  it("a question none of the intents covers: the help centre answers it in the same turn, then ends on Yes", async () => {
    const engines = createFakeEngines({ articles: ARTICLES });
    const conversation = new Conversation(loadFlow("store-support").machine, engines);
    await conversation.start();
    const answer = await conversation.say("Do you sell gift cards?");
    expect(route(answer)).toEqual(["help-centre-kb"]);
    expect(answer.events.find((e) => e.type === "node.entered" && e.nodeId === "help-centre-kb")?.payload).toEqual({ kind: "kb", fromNodeId: "topic", fromHandle: "unsure" });
    // The customer's own question is answered: the step never asks "What would you like to know?".
    expect(engines.calls.answer).toEqual(["Do you sell gift cards?"]);
    expect(answer.messages[0]).toMatchObject({ text: ARTICLES[3].body, source: { articleId: "kb-gift", slug: "gift-cards", title: "Gift cards" } });
    expect(said(answer)).toEqual([ARTICLES[3].body, "Did this help?"]);
    const yes = await conversation.say("Yes");
    expect(route(yes)).toEqual(["done"]);
    expect(yes.status).toBe("ended");
  });

  it("a help-centre answer that did not help goes to Support", async () => {
    const conversation = await talk("store-support");
    await conversation.say("Do you sell gift cards?");
    const no = await conversation.say("No");
    expect(route(no)).toEqual(["to-support"]);
    expect(no.handoff).toMatchObject({ team: "support", trigger: "node", nodeId: "to-support" });
  });

  it("greetings, thanks and contact details are answered by the intent step and never reach the help centre", async () => {
    const engines = createFakeEngines({ articles: ARTICLES });
    const conversation = new Conversation(loadFlow("store-support").machine, engines);
    await conversation.start();
    for (const text of ["Hi there!", "Hi, I'm Maya Lopez, maya@example.com", "thanks"]) {
      const result = await conversation.say(text);
      expect(result.events.filter((e) => e.type === "node.entered")).toEqual([]);
      expect(result.events.find((e) => e.type === "intent.social")?.nodeId).toBe("topic");
      expect(result.status).toBe("bot");
    }
    expect(engines.calls.answer).toEqual([]);
    expect(route(await conversation.say("where is my order"))).toEqual(["ask-order-id"]);
  });

  it("not understood: the help centre has nothing, so it asks to rephrase; a rephrased request is routed", async () => {
    const conversation = await talk("store-support");
    const first = await conversation.say("purple elephants");
    expect(route(first)).toEqual(["help-centre-kb", "rephrase", "topic"]);
    expect(first.events.find((e) => e.type === "kb.notFound")).toMatchObject({ nodeId: "help-centre-kb", payload: { query: "purple elephants" } });
    expect(said(first)).toEqual(['Sorry, I didn\'t quite catch that. Could you tell me in a few words? For example: "where is my order", "shipping costs", "I want a refund" or "I can\'t log in".']);
    expect(first.status).toBe("bot");
    expect(route(await conversation.say("I forgot my password and can't log in"))).toEqual(["account-kb"]);
  });

  it("not understood twice: rephrases once, then hands off (repeated failure: each message costs an unsure and a not found)", async () => {
    const engines = createFakeEngines({ articles: ARTICLES });
    const conversation = new Conversation(loadFlow("store-support").machine, engines);
    await conversation.start();
    await conversation.say("purple elephants");
    const second = await conversation.say("bananas");
    // The help centre is tried on the rephrased message too before a person takes over.
    expect(engines.calls.answer).toEqual(["purple elephants", "bananas"]);
    expect(second.handoff).toMatchObject({ team: "support", trigger: "repeatedFailure", nodeId: "help-centre-kb", reason: "The bot could not help 4 times" });
  });

  it("a request for a person or a sensitive word hands off at once", async () => {
    const human = await talk("store-support");
    expect((await human.say("can I talk to a real person?")).handoff).toMatchObject({ team: "support", trigger: "humanRequest" });
    const legal = await talk("store-support");
    expect((await legal.say("I'm going to file a chargeback for order 1234567890")).handoff).toEqual({ team: "billing", priority: "high", reason: 'Customer mentioned "chargeback"', trigger: "sensitive", nodeId: "topic" });
  });
});

describe("flows/refunds-and-returns.json", () => {
  it("is stored in canonical form with at least 8 examples per intent", () => {
    const { document, text } = loadFlow("refunds-and-returns");
    expect(stringifyFlowDocument(document)).toBe(text);
    const intent = document.nodes.find((n) => n.kind === "intent");
    for (const { examples } of intent?.kind === "intent" ? intent.data.intents : []) expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it("Gold member return: no receipt needed, choose a method, confirmed", async () => {
    const conversation = await talk("refunds-and-returns");
    expect(said(await conversation.say("the jeans are too small, I want to return them"))).toEqual(["Happy to help with your return. What's your 10-digit order number?"]);
    await conversation.say("9876543210");
    expect(said(await conversation.say("cara@example.com"))).toEqual(["What's your membership level? You can see it on your account page."]);
    const gold = await conversation.say("gold");
    expect(said(gold)).toEqual(["Good news: as a Gold member you get unlimited returns, no receipt needed.", "How would you like to send it back?"]);
    const done = await conversation.say("Drop-off center");
    expect(said(done)[0]).toBe("All set! Your return for order 9876543210 is registered (Drop-off center). We've emailed the return label and instructions to cara@example.com. Refunds go back to your original payment method within 5-7 business days after we receive the item.");
    expect(done.status).toBe("ended");
  });

  it("non-Gold member without a receipt: a person checks eligibility", async () => {
    const conversation = await talk("refunds-and-returns");
    await conversation.say("I'd like to exchange this shirt for a bigger size, order 1112223334");
    await conversation.say("dan@example.com");
    expect(said(await conversation.say("Silver"))).toEqual(["Do you still have the receipt or the order confirmation email?"]);
    const result = await conversation.say("No");
    expect(route(result)).toEqual(["has-receipt", "needs-review"]);
    expect(result.handoff).toMatchObject({ team: "support", priority: "normal", nodeId: "needs-review" });
  });

  it("damaged item: captures the order id and the problem, hands off with high priority", async () => {
    const conversation = await talk("refunds-and-returns");
    const first = await conversation.say("my shirt arrived with a stain, order 4445556667");
    expect(said(first)).toEqual(["Could you describe what's wrong with the item (for example a stain, a tear, or the wrong item)?"]);
    const result = await conversation.say("Big coffee-coloured stain on the front");
    expect(result.handoff).toMatchObject({ team: "support", priority: "high", reason: "Damaged or defective item reported" });
    expect(result.state.fields).toEqual({ order_id: "4445556667", damage_description: "Big coffee-coloured stain on the front" });
  });

  it("a question none of its intents covers is answered from the whole help centre; one that did not help goes to Support", async () => {
    const conversation = await talk("refunds-and-returns");
    const answer = await conversation.say("Do you sell gift cards?");
    expect(route(answer)).toEqual(["help-centre-kb"]);
    expect(answer.messages[0]).toMatchObject({ text: ARTICLES[3].body, source: { articleId: "kb-gift" } });
    const no = await conversation.say("No");
    expect(no.handoff).toMatchObject({ team: "support", trigger: "node", nodeId: "to-support", reason: "The help centre could not answer the question" });
  });

  it("not understood: the help centre has nothing, so it asks to rephrase once, then hands off", async () => {
    const conversation = await talk("refunds-and-returns");
    const first = await conversation.say("purple elephants");
    expect(route(first)).toEqual(["help-centre-kb", "rephrase", "reason"]);
    expect(said(first)).toEqual(["Sorry, I didn't get that. Do you want to return or exchange an item, report a damaged item, or check on a refund?"]);
    const second = await conversation.say("bananas");
    expect(second.handoff).toMatchObject({ team: "support", trigger: "repeatedFailure", nodeId: "help-centre-kb" });
  });

  it("refund status the help centre cannot answer: billing takes over", async () => {
    const conversation = await talk("refunds-and-returns");
    const first = await conversation.say("I'm still waiting for my refund");
    expect(route(first)).toEqual(["refund-kb", "refund-order-id"]);
    const result = await conversation.say("7778889990");
    expect(result.handoff).toMatchObject({ team: "billing", nodeId: "to-billing" });
  });
});

describe("flows/order-status.json", () => {
  /** Answers like Baton's demo order API (the integration test calls the real one over HTTP). */
  const demoApi = {
    call: async (input: HttpCallInput): Promise<HttpCallResult> => {
      const order = findDemoOrder(String(input.fields.order_id));
      const url = `http://localhost:3000/api/demo/orders/${String(input.fields.order_id)}`;
      if (!order) return { ok: false, method: "GET", url, status: 404, error: "http_status", detail: "the API answered 404", durationMs: 3, fields: {} };
      const { fields, missing } = applyResponseMapping({ demo: true, order }, input.data.map);
      return { ok: missing.length === 0, method: "GET", url, status: 200, error: null, detail: "", durationMs: 3, fields };
    },
  };

  async function talkToOrders() {
    const { document, machine, text } = loadFlow("order-status");
    expect(stringifyFlowDocument(document)).toBe(text);
    const conversation = new Conversation(machine, { ...createFakeEngines({ articles: ARTICLES }), http: demoApi });
    await conversation.start();
    return conversation;
  }

  it("looks a shipped order up and tells the carrier, tracking number and date", async () => {
    const conversation = await talkToOrders();
    const result = await conversation.say("it's 10001");
    expect(route(result)).toEqual(["lookup", "normalise", "is-shipped", "shipped", "anything-else"]);
    expect(said(result)).toEqual([
      "Good news: order 10001 has shipped with DHL (tracking number JD014600006281230) and should arrive by 2026-12-09.",
      "Can I help with anything else about this order?",
    ]);
    expect(result.messages.at(-1)?.choices).toEqual(["I need more help", "No, that's all"]);
    const done = await conversation.say("no, that's all");
    expect(done.status).toBe("ended");
  });

  it("a customer who picks “I need more help” lands in Support with the order's details", async () => {
    const conversation = await talkToOrders();
    await conversation.say("10003");
    const result = await conversation.say("the first one");
    expect(result.handoff).toMatchObject({ team: "support", nodeId: "to-person", reason: "Wants help with an order after the lookup" });
    expect(result.state.fields).toMatchObject({ order_id: "10003", order_status: "delivered", carrier: "UPS" });
  });

  it("a customer writing in Spanish is handed off with a Spanish message and the language in the packet", async () => {
    const conversation = await talkToOrders();
    await conversation.say("Hola, mi pedido es el 10002, ¿dónde está?");
    const result = await conversation.say("I need more help");
    expect(route(result)).toEqual(["which-language", "to-person-es"]);
    expect(said(result)).toEqual(["Te paso con una persona de nuestro equipo de soporte. Te responderá aquí en breve."]);
    expect(result.state.fields).toMatchObject({ language: "es", order_status: "processing" });
  });

  it("says the status of an order that has not shipped", async () => {
    const conversation = await talkToOrders();
    expect(said(await conversation.say("10002"))[0]).toBe("Order 10002 is processing.");
  });

  it("normalises the status the API returned before comparing it", async () => {
    const shouting = { call: async (input: HttpCallInput) => ({ ...(await demoApi.call(input)), fields: { order_status: "  SHIPPED ", carrier: "DHL", tracking_number: "Z", delivery_date: "soon" } }) };
    const { machine } = loadFlow("order-status");
    const conversation = new Conversation(machine, { ...createFakeEngines({ articles: ARTICLES }), http: shouting });
    await conversation.start();
    expect(said(await conversation.say("10002"))[0]).toBe("Good news: order 10002 has shipped with DHL (tracking number Z) and should arrive by soon.");
  });

  it("an unknown order goes to a person, and the handoff says the lookup failed", async () => {
    const conversation = await talkToOrders();
    const result = await conversation.say("99999");
    expect(route(result)).toEqual(["lookup", "not-found"]);
    expect(result.handoff?.reason).toBe("The order lookup failed (after an API call failed: GET http://localhost:3000/api/demo/orders/99999 failed: the API answered 404)");
  });
});
