/**
 * Scripted conversations through the runtime (createConversation / handleCustomerMessage /
 * submitKbFeedback) on the real SQLite database: every node kind, every output handle and each
 * global trigger, asserting what was stored — the messages, the conversation's status and queue
 * fields, the events and the handoff packet. The engines are the predictable test ones
 * (tests/support/fake-engines.ts), so each script states exactly which intent or article wins.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createConversation } from "~/runtime/conversations.server";
import { submitKbFeedback } from "~/runtime/feedback.server";
import { parseHandoffPacket } from "~/runtime/handoff-packet";
import { handleCustomerMessage, type TurnReply } from "~/runtime/turn.server";
import { publishFlow } from "~/runtime/flow-versions.server";
import { db } from "~/utils/db.server";
import { readFixtureFlow, seedTeams } from "../support/chat-api";
import { createFakeEngines } from "../support/fake-engines";

const ARTICLE = { id: "kb-ship", slug: "how-shipping-works", title: "How shipping works", body: "How does shipping work? Standard shipping takes 3 to 5 business days." };
const engines = createFakeEngines({ articles: [ARTICLE] });
const SUPPORT_NOTICE = "You're being connected to our Support team. A person will reply in this chat.";
const GREETING = "Hello! What can I do for you?";

beforeAll(async () => {
  await seedTeams();
  await db.team.create({ data: { slug: "returns-desk", name: "Returns & Exchanges" }, select: { id: true } });
  const published = await publishFlow(readFixtureFlow("every-kind"));
  if (!published.ok) throw new Error(JSON.stringify(published.errors));
  const spanish = readFixtureFlow("every-kind") as { settings: Record<string, unknown> } & Record<string, unknown>;
  const localized = await publishFlow({
    ...spanish,
    slug: "every-kind-es",
    name: "Every kind (es)",
    settings: { ...spanish.settings, locale: "es", humanRequest: { enabled: true, team: "returns-desk", priority: "urgent" } },
  });
  if (!localized.ok) throw new Error(JSON.stringify(localized.errors));
});

let counter = 0;

/** Starts a conversation and sends each line as a customer turn; returns every reply. */
async function talk(lines: string[], slug = "every-kind"): Promise<{ id: string; replies: TurnReply[] }> {
  const created = await createConversation({ slug, channel: "web", page: "https://shop.example/help" }, engines);
  if (!created) throw new Error(`no published flow ${slug}`);
  const replies: TurnReply[] = [];
  for (const text of lines) {
    counter += 1;
    replies.push(await handleCustomerMessage({ conversationId: created.conversationId, clientMessageId: `m-${counter}`, text }, engines));
  }
  return { id: created.conversationId, replies };
}

/** What the database holds for a conversation, in readable form. */
async function stored(id: string) {
  const conversation = await db.conversation.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      priority: true,
      intent: true,
      fields: true,
      handoffTrigger: true,
      handoffNodeId: true,
      handoffReason: true,
      handoff: true,
      escalatedAt: true,
      resolvedAt: true,
      team: { select: { slug: true, name: true } },
    },
  });
  const messages = await db.message.findMany({ where: { conversationId: id }, orderBy: { seq: "asc" }, select: { role: true, text: true } });
  // Row ids are time-ordered with a per-process counter: id order is insertion order.
  const events = await db.event.findMany({ where: { conversationId: id }, orderBy: { id: "asc" }, select: { type: true, nodeId: true, payload: true } });
  const parsedEvents = events.map((event) => ({ type: event.type, nodeId: event.nodeId, payload: JSON.parse(event.payload) as Record<string, unknown> }));
  return {
    conversation: { ...conversation, fields: JSON.parse(conversation.fields) as Record<string, unknown> },
    transcript: messages.map((message) => `${message.role}: ${message.text}`),
    eventTypes: parsedEvents.map((event) => event.type),
    events: parsedEvents,
    /** Every output taken, as recorded on the next node's node.entered: "from:handle>to". */
    route: parsedEvents.filter((event) => event.type === "node.entered" && event.payload.fromNodeId).map((event) => `${String(event.payload.fromNodeId)}:${String(event.payload.fromHandle)}>${event.nodeId}`),
    packet: parseHandoffPacket(conversation.handoff),
  };
}

describe("every node kind and output, through the runtime on the real database", () => {
  it("order with a priority number: start → intent(order) → collect(captured) → condition(true) → message → end", async () => {
    const { id, replies } = await talk(["where is my order", "91234"]);
    expect(replies.map((reply) => reply.status)).toEqual(["bot", "resolved"]);
    const saved = await stored(id);
    expect(saved.transcript).toEqual([
      `bot: ${GREETING}`,
      "customer: where is my order",
      "bot: What's your 5-digit order number?",
      "customer: 91234",
      "bot: Order 91234 ships with priority.",
      "bot: Thanks for chatting!",
      "bot: How would you rate this conversation?",
    ]);
    expect(saved.route).toEqual(["s:next>i", "i:order>c-order", "c-order:captured>cond", "cond:true>vip", "vip:next>done"]);
    expect(saved.conversation).toMatchObject({ status: "resolved", intent: "order", fields: { order_id: "91234" }, team: null, handoff: null });
    expect(saved.conversation.resolvedAt).toBeInstanceOf(Date);
    expect(saved.eventTypes).toEqual([
      "conversation.started",
      "node.entered",
      "node.entered",
      "intent.classified",
      "node.entered",
      "field.captured",
      "node.entered",
      "node.entered",
      "node.entered",
      "conversation.resolved",
    ]);
    expect(saved.events.find((event) => event.type === "intent.classified")).toMatchObject({ nodeId: "i", payload: { intent: "order", confidence: 1 } });
    expect(saved.events.find((event) => event.type === "field.captured")).toMatchObject({ nodeId: "c-order", payload: { field: "order_id", value: "91234" } });
    expect(saved.events.at(-1)).toMatchObject({ type: "conversation.resolved", nodeId: "done", payload: { by: "bot" } });
  });

  it("order number given up front: the collect node takes it without asking → condition(false) → message → end", async () => {
    const { id, replies } = await talk(["track order 12345"]);
    expect(replies[0].status).toBe("resolved");
    expect(replies[0].messages.map((message) => `${message.role}: ${message.text}`)).toEqual([
      "customer: track order 12345",
      "bot: Order 12345 is on its way.",
      "bot: Thanks for chatting!",
      "bot: How would you rate this conversation?",
    ]);
    const saved = await stored(id);
    expect(saved.route).toEqual(["s:next>i", "i:order>c-order", "c-order:captured>cond", "cond:false>regular", "regular:next>done"]);
    expect(saved.transcript).not.toContain("bot: What's your 5-digit order number?");
    expect(saved.conversation.fields).toEqual({ order_id: "12345" });
  });

  it("order number never valid: collect(failed) → escalate with the default notice, once, naming the team", async () => {
    const { id, replies } = await talk(["order status", "no idea", "still no idea"]);
    expect(replies.map((reply) => reply.status)).toEqual(["bot", "bot", "waiting"]);
    expect(replies[2].messages.map((message) => `${message.role}: ${message.text}`)).toEqual(["customer: still no idea", `system: ${SUPPORT_NOTICE}`]);
    const saved = await stored(id);
    expect(saved.route).toEqual(["s:next>i", "i:order>c-order", "c-order:failed>esc-order"]);
    expect(saved.transcript.filter((line) => line.includes("connected") || line.includes("passing"))).toEqual([`system: ${SUPPORT_NOTICE}`]);
    expect(saved.conversation).toMatchObject({ status: "waiting", priority: 2, team: { slug: "support", name: "Support" }, handoffTrigger: "node", handoffNodeId: "esc-order", handoffReason: "Could not read the order number" });
    expect(saved.eventTypes.slice(3)).toEqual(["intent.classified", "node.entered", "field.invalid", "field.invalid", "node.entered", "handoff"]);
    expect(saved.events.filter((event) => event.type === "handoff")).toEqual([
      {
        type: "handoff",
        nodeId: "esc-order",
        payload: { team: "support", teamFound: true, priority: "high", trigger: "node", reason: "Could not read the order number", cause: "Ask for information: no valid order number after 2 tries" },
      },
    ]);
    expect(saved.packet).toMatchObject({
      trigger: "node",
      cause: "Ask for information: no valid order number after 2 tries",
      nodeId: "esc-order",
      priority: "high",
      team: { slug: "support", name: "Support" },
      channel: "web",
      page: "https://shop.example/help",
      intent: { name: "order", confidence: 1 },
      fields: {},
      tried: { articlesShown: [], questionsAsked: ["What's your 5-digit order number?", "That doesn't look like a valid order number: it should be 5 digits. Please check it and try again."] },
    });
    expect(saved.packet?.transcript.map((line) => line.role)).toEqual(["bot", "customer", "bot", "customer", "bot", "customer", "system"]);
    expect(saved.packet?.transcript.at(-1)?.text).toBe(SUPPORT_NOTICE);
    // The summary ends with the customer's last two messages, word for word.
    expect(saved.packet?.summary).toBe("Summary: Could not read the order number\nThe customer's last two messages:\n“no idea”\n“still no idea”");
  });

  it("clear refund: intent(refund) → gate(confident) → escalate with its own message as the one notice", async () => {
    const { id, replies } = await talk(["refund my money"]);
    expect(replies[0].status).toBe("waiting");
    expect(replies[0].messages.map((message) => `${message.role}: ${message.text}`)).toEqual(["customer: refund my money", "bot: Thanks! Our billing team takes it from here."]);
    const saved = await stored(id);
    expect(saved.route).toEqual(["s:next>i", "i:refund>g", "g:confident>esc-billing"]);
    expect(saved.transcript.filter((line) => line.startsWith("system:"))).toEqual([]);
    expect(saved.conversation).toMatchObject({ status: "waiting", priority: 1, team: { slug: "billing", name: "Billing" }, handoffTrigger: "node", handoffNodeId: "esc-billing", intent: "refund" });
    expect(saved.packet).toMatchObject({ trigger: "node", reason: "Refund request", team: { slug: "billing", name: "Billing" }, intent: { name: "refund", confidence: 1 } });
  });

  it("vague refund: gate(notConfident) → collect(captured) → escalate with the email in the packet", async () => {
    const { id, replies } = await talk(["refund for the broken lamp", "sam@example.com"]);
    expect(replies.map((reply) => reply.status)).toEqual(["bot", "waiting"]);
    const saved = await stored(id);
    expect(saved.route).toEqual(["s:next>i", "i:refund>g", "g:notConfident>c-email", "c-email:captured>esc-billing"]);
    expect(saved.conversation.fields).toEqual({ email: "sam@example.com" });
    expect(saved.packet).toMatchObject({ fields: { email: "sam@example.com" }, intent: { name: "refund" }, tried: { questionsAsked: ["What's the email on your order?"] } });
    expect(saved.packet?.intent?.confidence).toBeCloseTo(1 / 3);
  });

  it("vague refund with no valid email: collect(failed) → escalate", async () => {
    const { id } = await talk(["refund for the broken lamp", "not an email"]);
    const saved = await stored(id);
    expect(saved.route).toEqual(["s:next>i", "i:refund>g", "g:notConfident>c-email", "c-email:failed>esc-billing"]);
    expect(saved.conversation).toMatchObject({ status: "waiting", team: { slug: "billing" }, fields: {} });
    expect(saved.eventTypes).toContain("field.invalid");
  });

  it("question the help centre answers: intent(question) → kb(answered) after 'Yes' → end", async () => {
    const { id, replies } = await talk(["how does shipping work", "Yes"]);
    expect(replies.map((reply) => reply.status)).toEqual(["bot", "resolved"]);
    expect(replies[0].messages[1]).toMatchObject({ role: "bot", text: ARTICLE.body, source: { articleId: "kb-ship", slug: "how-shipping-works", title: "How shipping works" } });
    expect(replies[0].messages[2]).toMatchObject({ role: "bot", text: "Did this help?", choices: ["Yes", "No"] });
    const saved = await stored(id);
    expect(saved.route).toEqual(["s:next>i", "i:question>k", "k:answered>done"]);
    expect(saved.events.find((event) => event.type === "kb.answered")).toMatchObject({ nodeId: "k", payload: { articleId: "kb-ship", score: 1 } });
    expect(saved.events.find((event) => event.type === "kb.feedback")).toMatchObject({ nodeId: "k", payload: { helpful: true, articleId: "kb-ship" } });
  });

  it("answer not helpful (the feedback button): kb(notHelpful) → escalate, with the article listed as tried", async () => {
    const { id, replies } = await talk(["how does shipping work"]);
    const answer = replies[0].messages.find((message) => message.source);
    const outcome = await submitKbFeedback({ conversationId: id, messageId: answer?.id ?? "", helpful: false }, engines);
    expect(outcome).toMatchObject({ ok: true, reply: { status: "waiting" } });
    const saved = await stored(id);
    expect(saved.route).toEqual(["s:next>i", "i:question>k", "k:notHelpful>esc-support"]);
    expect(saved.transcript.at(-1)).toBe(`system: ${SUPPORT_NOTICE}`);
    expect(saved.packet).toMatchObject({ trigger: "node", nodeId: "esc-support", tried: { articlesShown: [{ id: "kb-ship", slug: "how-shipping-works", title: "How shipping works" }] } });
    expect(saved.events.filter((event) => event.type === "kb.feedback")).toHaveLength(1);
  });

  it("question the help centre cannot answer: kb(notFound) → escalate", async () => {
    const { id } = await talk(["question about returns"]);
    const saved = await stored(id);
    expect(saved.route).toEqual(["s:next>i", "i:question>k", "k:notFound>esc-support"]);
    expect(saved.events.find((event) => event.type === "kb.notFound")).toMatchObject({ nodeId: "k", payload: { query: "question about returns" } });
    expect(saved.conversation).toMatchObject({ status: "waiting", team: { slug: "support" }, handoffNodeId: "esc-support" });
  });

  it("not understood once: intent(unsure) → message → back to the intent, which then routes", async () => {
    const { id, replies } = await talk(["blah blah", "track order 12345"]);
    expect(replies.map((reply) => reply.status)).toEqual(["bot", "resolved"]);
    expect(replies[0].messages.map((message) => message.text)).toEqual(["blah blah", "Sorry, I didn't get that. Could you say it another way?"]);
    const saved = await stored(id);
    expect(saved.route).toEqual(["s:next>i", "i:unsure>sorry", "sorry:next>i", "i:order>c-order", "c-order:captured>cond", "cond:false>regular", "regular:next>done"]);
  });
});

describe("each global trigger, before the node logic", () => {
  it("repeated failure: the second 'unsure' hands off to the configured team", async () => {
    const { id, replies } = await talk(["blah blah", "still blah"]);
    expect(replies.map((reply) => reply.status)).toEqual(["bot", "waiting"]);
    expect(replies[1].messages.map((message) => `${message.role}: ${message.text}`)).toEqual(["customer: still blah", `system: ${SUPPORT_NOTICE}`]);
    const saved = await stored(id);
    expect(saved.conversation).toMatchObject({ status: "waiting", team: { slug: "support" }, priority: 1, handoffTrigger: "repeatedFailure", handoffNodeId: "i", handoffReason: "The bot could not help 2 times" });
    expect(saved.eventTypes.slice(-3)).toEqual(["intent.classified", "trigger.fired", "handoff"]);
    expect(saved.packet).toMatchObject({ trigger: "repeatedFailure", reason: "The bot could not help 2 times", team: { slug: "support", name: "Support" } });
  });

  it("asking for a person: hands off at once, without classifying the message", async () => {
    const classified = engines.calls.classify.length;
    const { id, replies } = await talk(["I want to talk to a human"]);
    expect(engines.calls.classify.length).toBe(classified);
    expect(replies[0]).toMatchObject({ status: "waiting" });
    const saved = await stored(id);
    expect(saved.eventTypes).toEqual(["conversation.started", "node.entered", "node.entered", "trigger.fired", "handoff"]);
    expect(saved.events.at(-1)).toEqual({ type: "handoff", nodeId: "i", payload: { team: "support", teamFound: true, priority: "normal", trigger: "humanRequest", reason: "Customer asked for a person" } });
    expect(saved.conversation).toMatchObject({ handoffTrigger: "humanRequest", team: { slug: "support" } });
    expect(saved.packet?.transcript.map((line) => `${line.role}: ${line.text}`)).toEqual([`bot: ${GREETING}`, "customer: I want to talk to a human", `system: ${SUPPORT_NOTICE}`]);
  });

  it("a sensitive term: hands off to the sensitive team with its priority, in the middle of a question", async () => {
    const { id, replies } = await talk(["order status", "forget it, I'll file a chargeback"]);
    expect(replies.map((reply) => reply.status)).toEqual(["bot", "waiting"]);
    expect(replies[1].messages.at(-1)).toMatchObject({ role: "system", text: "You're being connected to our Billing team. A person will reply in this chat." });
    const saved = await stored(id);
    expect(saved.conversation).toMatchObject({ team: { slug: "billing", name: "Billing" }, priority: 2, handoffTrigger: "sensitive", handoffNodeId: "c-order", handoffReason: 'Customer mentioned "chargeback"' });
    expect(saved.events.find((event) => event.type === "trigger.fired")).toMatchObject({ nodeId: "c-order", payload: { trigger: "sensitive", team: "billing", priority: "high" } });
    expect(saved.eventTypes).not.toContain("field.invalid");
  });

  it("a strongly negative tone: hands off like a sensitive term", async () => {
    const { id } = await talk(["This is unacceptable, worst service ever!!"]);
    const saved = await stored(id);
    expect(saved.conversation).toMatchObject({ status: "waiting", team: { slug: "billing" }, handoffTrigger: "sensitive", handoffReason: "Strongly negative tone" });
    expect(saved.packet).toMatchObject({ trigger: "sensitive", reason: "Strongly negative tone", priority: "high" });
  });

  it("says the one notice in the flow's language, with the team's display name", async () => {
    const { id, replies } = await talk(["Quiero hablar con un agente"], "every-kind-es");
    expect(replies[0].messages.map((message) => `${message.role}: ${message.text}`)).toEqual([
      "customer: Quiero hablar con un agente",
      "system: Te estamos pasando con nuestro equipo de Returns & Exchanges. Una persona te responderá en este chat.",
    ]);
    const saved = await stored(id);
    expect(saved.conversation).toMatchObject({ team: { slug: "returns-desk", name: "Returns & Exchanges" }, priority: 3, handoffTrigger: "humanRequest" });
    expect(saved.transcript.filter((line) => line.startsWith("system:") || line.includes("Returns"))).toHaveLength(1);
  });
});
