/**
 * What agents do to conversations, on the real SQLite database through the real turn engine:
 * claim races, replies serialised with customer turns, notes that never reach the customer,
 * reassign, resolve/reopen, hand back to the bot.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  addInternalNote,
  assignConversation,
  claimConversation,
  markRead,
  reassignConversation,
  reopenConversation,
  replyAsAgent,
  resolveConversation,
} from "~/inbox/actions.server";
import { loadConversationFacts } from "~/analytics/conversation-facts.server";
import { summarise } from "~/analytics/metrics";
import { requireConversationAccess } from "~/inbox/access.server";
import { runAgentAction } from "~/inbox/agent-turn.server";
import { handBackConversation, listHandBackTargets } from "~/inbox/hand-back.server";
import { getCustomerView } from "~/runtime/conversations.server";
import { subscribe, type LiveEvent } from "~/runtime/live.server";
import { publishFlow } from "~/runtime/flow-versions.server";
import { handleCustomerMessage } from "~/runtime/turn.server";
import * as messagesRoute from "~/routes/inbox.$conversationId.messages";
import { db } from "~/utils/db.server";
import { savePerson } from "~/workspace/people.server";
import { sessionCookieFor, settle } from "../support/auth";
import { eventsRequest, getConversationRequest, publishFixtureFlow, readFixtureFlow, say, startConversation } from "../support/chat-api";
import { handOff, inboxForm, seedInbox, teamId, viewerFor } from "../support/inbox";
import { readEventsFor } from "../support/sse";

let ana: Awaited<ReturnType<typeof viewerFor>>;
let ben: Awaited<ReturnType<typeof viewerFor>>;
let admin: Awaited<ReturnType<typeof viewerFor>>;
let cara: Awaited<ReturnType<typeof viewerFor>>;
const cookies: Record<string, string> = {};

/** A reply through the composer's own route (/inbox/:id/messages), as the person of `cookies[who]`. */
async function compose(who: string, id: string, text: string) {
  const request = inboxForm(`/inbox/${id}/messages`, { intent: "reply", clientMessageId: `${who}-${text}`, text }, cookies[who]);
  const response = (await settle(() => messagesRoute.action({ request, params: { conversationId: id }, context: {} }))) as Response;
  return { status: response.status, body: await response.json().catch(() => null) };
}

beforeAll(async () => {
  await seedInbox();
  // A second support agent, for races between two people of one team.
  await db.user.create({
    data: { email: "cara@baton.local", name: "Cara Agent", role: "agent", passwordHash: "x", memberships: { create: [{ teamId: await teamId("support") }] } },
    select: { id: true },
  });
  [ana, ben, admin, cara] = await Promise.all(["ana@baton.local", "ben@baton.local", "admin@baton.local", "cara@baton.local"].map(viewerFor));
  [cookies.ana, cookies.cara] = await Promise.all([ana, cara].map((viewer) => sessionCookieFor(viewer.id)));
});

const conversation = (id: string) =>
  db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, assigneeId: true, teamId: true, version: true, firstHumanResponseAt: true, resolvedAt: true, agentUnread: true } });
const messagesOf = (id: string) => db.message.findMany({ where: { conversationId: id }, orderBy: { seq: "asc" }, select: { seq: true, role: true, text: true, authorId: true } });

describe("claiming", () => {
  it("lets one of two agents who claim at the same moment win and tells the other who has it", async () => {
    const { id } = await handOff();
    const [first, second] = await Promise.all([claimConversation(ana, id), claimConversation(cara, id)]);
    const outcomes = [first, second];
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const loser = outcomes.find((outcome) => !outcome.ok);
    const winner = first.ok ? ana : cara;
    expect(loser).toMatchObject({ ok: false, status: 409, code: "taken", message: `${winner.name} claimed this conversation first.` });
    expect(await conversation(id)).toMatchObject({ status: "open", assigneeId: winner.id });
    const joined = (await messagesOf(id)).filter((message) => message.text.endsWith("joined the conversation."));
    expect(joined).toHaveLength(1);
    expect(await db.event.count({ where: { conversationId: id, type: "conversation.assigned" } })).toBe(1);
  });

  it("re-decides from a fresh read when another writer commits between its read and its commit", async () => {
    const { id } = await handOff();
    let attempts = 0;
    const result = await runAgentAction(id, async (state) => {
      attempts += 1;
      // The first time, someone else (another process) claims it after this read.
      if (attempts === 1) await db.conversation.update({ where: { id }, data: { status: "open", assigneeId: cara.id, version: { increment: 1 } } });
      if (state.assigneeId) return { outcome: { ok: false, status: 409, code: "taken", message: "taken" } };
      return { outcome: { ok: true, notice: "claimed" }, commit: { status: "open", update: { status: "open", assigneeId: ana.id }, messages: [], events: [{ type: "test.claim", payload: {} }] } };
    });
    expect(attempts).toBe(2);
    expect(result).toMatchObject({ committed: false, outcome: { ok: false, code: "taken" } });
    expect(await conversation(id)).toMatchObject({ assigneeId: cara.id });
    expect(await db.event.count({ where: { conversationId: id, type: "test.claim" } })).toBe(0);
  });

  it("refuses an agent of another team (403) and a conversation still with the bot", async () => {
    const { id } = await handOff();
    expect(await claimConversation(ben, id)).toMatchObject({ ok: false, status: 403 });
    const { id: withBot } = await startConversation();
    expect(await claimConversation(admin, withBot)).toMatchObject({ ok: false, status: 409, code: "with_bot" });
    expect(await conversation(id)).toMatchObject({ status: "waiting", assigneeId: null });
  });

  it("assigns to a member of the team only", async () => {
    const { id } = await handOff();
    expect(await assignConversation(ana, id, ben.id)).toMatchObject({ ok: false, status: 400, field: "agentId" });
    expect(await assignConversation(admin, id, cara.id)).toMatchObject({ ok: true, notice: "Assigned to Cara Agent." });
    expect(await conversation(id)).toMatchObject({ status: "open", assigneeId: cara.id });
  });
});

describe("replies", () => {
  it("stores a reply once per clientMessageId, claims a waiting conversation and records the first response once", async () => {
    const { id, token } = await handOff();
    await say(id, token, "hello? anyone?");
    expect((await conversation(id)).agentUnread).toBe(1);
    const first = await replyAsAgent(ana, { conversationId: id, clientMessageId: "r-1", text: "Hi, I'm here." });
    const again = await replyAsAgent(ana, { conversationId: id, clientMessageId: "r-1", text: "Hi, I'm here." });
    expect(first).toEqual({ ok: true, notice: "Sent." });
    expect(again).toEqual({ ok: true, notice: "Sent." });
    const after = await conversation(id);
    expect(after).toMatchObject({ status: "open", assigneeId: ana.id, agentUnread: 0 });
    expect(after.firstHumanResponseAt).toBeInstanceOf(Date);
    const agentLines = (await messagesOf(id)).filter((message) => message.role === "agent");
    expect(agentLines).toEqual([expect.objectContaining({ text: "Hi, I'm here.", authorId: ana.id })]);

    await new Promise((resolve) => setTimeout(resolve, 20));
    await replyAsAgent(ana, { conversationId: id, clientMessageId: "r-2", text: "Still here." });
    expect((await conversation(id)).firstHumanResponseAt?.getTime()).toBe(after.firstHumanResponseAt?.getTime());
  });

  it("never interleaves badly with customer turns: 10 customer messages and 10 replies at once, all stored in one order", async () => {
    const { id } = await handOff();
    await claimConversation(ana, id);
    const customer = Array.from({ length: 10 }, (_, index) => handleCustomerMessage({ conversationId: id, clientMessageId: `c-${index}`, text: `customer ${index}` }));
    const agent = Array.from({ length: 10 }, (_, index) => replyAsAgent(ana, { conversationId: id, clientMessageId: `a-${index}`, text: `agent ${index}` }));
    const results = await Promise.all([...customer, ...agent]);
    expect(results).toHaveLength(20);
    const stored = await messagesOf(id);
    expect(stored.map((message) => message.seq)).toEqual(stored.map((_, index) => index + 1));
    const texts = stored.map((message) => message.text);
    for (let index = 0; index < 10; index += 1) {
      expect(texts.filter((text) => text === `customer ${index}`)).toHaveLength(1);
      expect(texts.filter((text) => text === `agent ${index}`)).toHaveLength(1);
    }
    // Each side's messages keep the order they were sent in.
    expect(texts.filter((text) => text.startsWith("customer "))).toEqual(Array.from({ length: 10 }, (_, index) => `customer ${index}`));
    expect(texts.filter((text) => text.startsWith("agent "))).toEqual(Array.from({ length: 10 }, (_, index) => `agent ${index}`));
  });

  it("refuses a reply on a resolved conversation until it is reopened", async () => {
    const { id } = await handOff();
    await claimConversation(ana, id);
    expect(await resolveConversation(ana, id)).toMatchObject({ ok: true });
    expect((await conversation(id)).resolvedAt).toBeInstanceOf(Date);
    expect(await replyAsAgent(ana, { conversationId: id, clientMessageId: "late", text: "one more thing" })).toMatchObject({ ok: false, status: 409, code: "resolved" });
    expect(await reopenConversation(cara, id)).toMatchObject({ ok: true });
    expect(await conversation(id)).toMatchObject({ status: "open", assigneeId: cara.id, resolvedAt: null });
    expect(await replyAsAgent(cara, { conversationId: id, clientMessageId: "late", text: "one more thing" })).toMatchObject({ ok: true });
  });

  it("tells the customer who resolved it and that they may write again, in their language, before the rating", async () => {
    const { id, token } = await handOff();
    await claimConversation(ana, id);
    await resolveConversation(ana, id);
    const view = await getConversationRequest(id, { token });
    const { messages } = (await view.json()) as { messages: Array<{ role: string; text: string }> };
    expect(messages.at(-1)).toMatchObject({ role: "system", text: "Ana marked this conversation as resolved. Write again any time." });

    const spanish = await handOff();
    const { flowId } = await db.conversation.findUniqueOrThrow({ where: { id: spanish.id }, select: { flowId: true } });
    // What a "Detect language" step records when the customer writes in Spanish.
    await db.event.create({ data: { conversationId: spanish.id, flowId, type: "language.detected", payload: JSON.stringify({ language: "es" }) }, select: { id: true } });
    await claimConversation(ana, spanish.id);
    await resolveConversation(ana, spanish.id);
    expect((await messagesOf(spanish.id)).at(-1)).toMatchObject({ role: "system", text: "Ana ha marcado esta conversación como resuelta. Escríbenos cuando quieras." });
  });

  it("tells the customer who reopened it, in their language, on the live stream and in the transcript", async () => {
    const { id, token } = await handOff();
    await claimConversation(ana, id);
    await resolveConversation(ana, id);
    const heard: LiveEvent[] = [];
    const unsubscribe = subscribe(`conversation:${id}`, (event) => heard.push(event));
    try {
      expect(await reopenConversation(ana, id)).toMatchObject({ ok: true });
    } finally {
      unsubscribe();
    }
    const line = { role: "system", text: "Ana reopened this conversation and will reply here." };
    expect(heard).toEqual([
      { type: "message", conversationId: id, message: expect.objectContaining(line) },
      expect.objectContaining({ type: "status", conversationId: id, status: "open" }),
    ]);
    const view = await getConversationRequest(id, { token });
    expect(((await view.json()) as { messages: Array<{ role: string; text: string }> }).messages.at(-1)).toMatchObject(line);

    const spanish = await handOff();
    const { flowId } = await db.conversation.findUniqueOrThrow({ where: { id: spanish.id }, select: { flowId: true } });
    await db.event.create({ data: { conversationId: spanish.id, flowId, type: "language.detected", payload: JSON.stringify({ language: "es" }) }, select: { id: true } });
    await claimConversation(ana, spanish.id);
    await resolveConversation(ana, spanish.id);
    await reopenConversation(ana, spanish.id);
    expect((await messagesOf(spanish.id)).at(-1)).toMatchObject({ role: "system", text: "Ana ha reabierto esta conversación y te responderá aquí." });
  });

  it("keeps the first handoff's response time when the customer reopens it: the queue clock restarts, the analytics metric does not", async () => {
    const { id, token } = await handOff();
    const timing = () => db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, escalatedAt: true, firstEscalatedAt: true, firstHumanResponseAt: true, createdAt: true } });
    const handedOff = await timing();
    expect(handedOff.firstEscalatedAt).toEqual(handedOff.escalatedAt);
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect(await replyAsAgent(ana, { conversationId: id, clientMessageId: "first", text: "Hi, I'm here." })).toMatchObject({ ok: true });
    expect(await resolveConversation(ana, id)).toMatchObject({ ok: true });
    const answered = await timing();
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect((await say(id, token, "sorry, it happened again")).json.status).toBe("waiting");
    const reopened = await timing();
    // The inbox waits from the reopen; the first handoff and its first reply stay where they were.
    expect(reopened.escalatedAt!.getTime()).toBeGreaterThan(answered.firstHumanResponseAt!.getTime());
    expect(reopened.firstEscalatedAt).toEqual(handedOff.firstEscalatedAt);
    expect(reopened.firstHumanResponseAt).toEqual(answered.firstHumanResponseAt);
    expect(await replyAsAgent(ana, { conversationId: id, clientMessageId: "second", text: "Let me look again." })).toMatchObject({ ok: true });
    expect((await timing()).firstHumanResponseAt).toEqual(answered.firstHumanResponseAt);

    const facts = (await loadConversationFacts({ from: new Date(handedOff.createdAt.getTime() - 1), to: new Date(Date.now() + 1000), flowId: null, teams: null })).filter((row) => row.id === id);
    const expected = answered.firstHumanResponseAt!.getTime() - handedOff.firstEscalatedAt!.getTime();
    expect(summarise(facts).firstResponse).toEqual({ count: 1, medianMs: expected, p90Ms: expected, awaiting: 0, closedWithoutReply: 0, handedBackWithoutReply: 0, business: { medianMs: expected, p90Ms: expected } });
  });
});

describe("internal notes", () => {
  it("are stored for agents and never reach the customer: not in the API, not in the page's view, not on the live stream", async () => {
    const { id, token } = await handOff();
    const abort = new AbortController();
    const stream = await eventsRequest(id, { token, signal: abort.signal });
    const events = readEventsFor(stream.body as ReadableStream<Uint8Array>, 600);
    expect(await addInternalNote(ana, { conversationId: id, clientMessageId: "n-1", text: "VIP customer, refund without asking" })).toMatchObject({ ok: true });
    await replyAsAgent(ana, { conversationId: id, clientMessageId: "r-1", text: "Hello from a person" });
    const seen = await events;
    abort.abort();
    const streamed = JSON.stringify(seen);
    expect(streamed).toContain("Hello from a person");
    expect(streamed).not.toContain("VIP customer");

    const api = (await (await getConversationRequest(id, { token })).json()) as { messages: Array<{ role: string; text: string }> };
    expect(api.messages.map((message) => message.text)).not.toContain("VIP customer, refund without asking");
    expect(api.messages.some((message) => message.role === "agent")).toBe(true);
    const view = await getCustomerView(id);
    expect(view?.messages.some((message) => message.text.includes("VIP"))).toBe(false);
    expect(await db.message.count({ where: { conversationId: id, role: "note", authorId: ana.id } })).toBe(1);
  });
});

describe("reassigning", () => {
  it("moves it to the other team's queue, unassigned, with the note for that team, and the first team loses access", async () => {
    const { id } = await handOff();
    await claimConversation(ana, id);
    const outcome = await reassignConversation(ana, { conversationId: id, teamId: await teamId("billing"), note: "It's about a double charge" });
    expect(outcome).toEqual({ ok: true, notice: "Moved to Billing." });
    expect(await conversation(id)).toMatchObject({ status: "waiting", teamId: await teamId("billing"), assigneeId: null });
    const lines = await messagesOf(id);
    expect(lines.slice(-2)).toEqual([
      expect.objectContaining({ role: "note", text: "It's about a double charge", authorId: ana.id }),
      expect.objectContaining({ role: "system", text: "You're being connected to our Billing team. A person will reply in this chat." }),
    ]);
    expect(await claimConversation(ana, id)).toMatchObject({ ok: false, status: 403 });
    expect(await claimConversation(ben, id)).toMatchObject({ ok: true });
    expect(await reassignConversation(ben, { conversationId: id, teamId: await teamId("billing"), note: "" })).toMatchObject({ ok: false, status: 400, code: "same_team" });
  });
});

describe("a conversation moved away from an agent's teams", () => {
  it("answers the people of the team it left with who moved it where, and anyone else with the plain 404", async () => {
    const { id } = await handOff();
    expect(await reassignConversation(admin, { conversationId: id, teamId: await teamId("billing"), note: "" })).toMatchObject({ ok: true });
    const refusal = await requireConversationAccess(ana, id).then(() => null, (thrown: unknown) => thrown);
    expect(refusal).toMatchObject({ init: { status: 403 }, data: { moved: { kind: "moved", teamName: "Billing", byName: "Ada Admin" } } });
    // The composer's POST says it too (a thrown data() in this JSON route read "Unexpected Server Error").
    const sent = await compose("ana", id, "Are you there?");
    expect(sent).toEqual({ status: 403, body: expect.objectContaining({ ok: false, message: "Not sent. Moved to Billing by Ada Admin, outside your teams." }) });
    const billingOnly = (await handOff("chargeback")).id;
    const plain = await requireConversationAccess(ana, billingOnly).then(() => null, (thrown: unknown) => thrown);
    expect(plain).toBeInstanceOf(Response);
    expect((plain as Response).status).toBe(404);
  });

  it("tells the agent moved out of its team that it went back to the queue (page and composer), and no one else", async () => {
    const { id } = await handOff();
    expect(await claimConversation(cara, id)).toMatchObject({ ok: true });
    const [support, billing] = await Promise.all([teamId("support"), teamId("billing")]);
    try {
      // Cara keeps only Billing: her Support conversation goes back to Support's queue.
      expect(await savePerson(db, admin.id, { userId: cara.id, role: "agent", teamIds: [billing], capacity: 5 })).toMatchObject({ ok: true });
      expect(await conversation(id)).toMatchObject({ status: "waiting", assigneeId: null, teamId: support });
      const caraNow = await viewerFor("cara@baton.local");
      const refusal = await requireConversationAccess(caraNow, id).then(() => null, (thrown: unknown) => thrown);
      expect(refusal).toMatchObject({ init: { status: 403 }, data: { moved: { kind: "leftTeam", teamName: "Support" } } });
      // The composer's POST answers JSON it can show (it read a bare "Not sent.").
      const sent = await compose("cara", id, "Still here?");
      expect(sent).toEqual({ status: 403, body: expect.objectContaining({ ok: false, message: "Not sent. You're no longer in Support; this conversation went back to its queue." }) });
      expect(await db.message.count({ where: { conversationId: id, text: "Still here?" } })).toBe(0);

      // Ben (Billing) never had it: the plain 404, as for an unknown id.
      const benRefusal = await settle(() => requireConversationAccess(ben, id));
      expect(benRefusal).toBeInstanceOf(Response);
      expect((benRefusal as Response).status).toBe(404);
      // Nor is it said to an agent who left Support without having it: only the agent the release names.
      await savePerson(db, admin.id, { userId: ana.id, role: "agent", teamIds: [billing], capacity: 5 });
      const anaNow = await viewerFor("ana@baton.local");
      const anaRefusal = await settle(() => requireConversationAccess(anaNow, id));
      expect((anaRefusal as Response).status).toBe(404);
    } finally {
      await savePerson(db, admin.id, { userId: cara.id, role: "agent", teamIds: [support], capacity: 5 });
      await savePerson(db, admin.id, { userId: ana.id, role: "agent", teamIds: [support], capacity: 5 });
    }
  });

  it("stops telling it once the conversation changed team again", async () => {
    const { id } = await handOff();
    expect(await claimConversation(cara, id)).toMatchObject({ ok: true });
    const [support, billing] = await Promise.all([teamId("support"), teamId("billing")]);
    try {
      await savePerson(db, admin.id, { userId: cara.id, role: "agent", teamIds: [billing], capacity: 5 });
      // Then moved from Support to Sales: "went back to its queue" would no longer be true.
      const sales = await db.team.upsert({ where: { slug: "sales" }, create: { slug: "sales", name: "Sales" }, update: {}, select: { id: true } });
      expect(await reassignConversation(admin, { conversationId: id, teamId: sales.id, note: "" })).toMatchObject({ ok: true });
      const caraNow = await viewerFor("cara@baton.local");
      const refusal = await settle(() => requireConversationAccess(caraNow, id));
      expect((refusal as Response).status).toBe(404);
    } finally {
      await savePerson(db, admin.id, { userId: cara.id, role: "agent", teamIds: [support], capacity: 5 });
    }
  });
});

describe("handing back to the bot", () => {
  it("offers the flow's end node first and never an escalate step", async () => {
    const { id } = await handOff();
    const { flowVersionId } = await db.conversation.findUniqueOrThrow({ where: { id }, select: { flowVersionId: true } });
    const targets = await listHandBackTargets(flowVersionId);
    expect(targets[0]).toMatchObject({ nodeId: "done", isEnd: true });
    expect(targets.map((target) => target.nodeId)).not.toContain("to-billing");
    expect(targets.map((target) => target.nodeId)).toContain("ask-order");
  });

  it("to the end node: the bot closes it with the rating question and it leaves the queue", async () => {
    const { id, token } = await handOff();
    await claimConversation(ana, id);
    expect(await handBackConversation(ana, { conversationId: id, nodeId: "done" })).toMatchObject({ ok: true });
    expect(await conversation(id)).toMatchObject({ status: "resolved" });
    const api = (await (await getConversationRequest(id, { token })).json()) as { status: string; messages: Array<{ text: string; csat?: boolean }> };
    expect(api.status).toBe("resolved");
    expect(api.messages.slice(-2)).toEqual([
      expect.objectContaining({ text: "Glad I could help!" }),
      expect.objectContaining({ text: "How would you rate this conversation?", csat: true }),
    ]);
    expect(await db.event.count({ where: { conversationId: id, type: "conversation.handedBack" } })).toBe(1);
  });

  it("to a chosen step: the bot asks that step's question and answers the customer again", async () => {
    const { id, token } = await handOff();
    await claimConversation(ana, id);
    expect(await handBackConversation(ana, { conversationId: id, nodeId: "ask-order" })).toEqual({ ok: true, notice: "Handed back to the bot." });
    expect(await conversation(id)).toMatchObject({ status: "bot", assigneeId: null });
    const next = await say(id, token, "A-777");
    expect(next.json.status).toBe("resolved");
    expect(next.json.messages.map((message) => message.text)).toContain("Thanks, order A-777 is on its way.");
  });

  it("tells the customer they are back with the bot, and the step that waits answers their unanswered message at once", async () => {
    const { id } = await handOff();
    await handleCustomerMessage({ conversationId: id, clientMessageId: "while-waiting", text: "where is my order?" });
    await claimConversation(ana, id);
    expect(await handBackConversation(ana, { conversationId: id, nodeId: "topic" })).toMatchObject({ ok: true });
    const lines = (await messagesOf(id)).slice(-3).map(({ role, text }) => ({ role, text }));
    expect(lines).toEqual([
      { role: "system", text: "Ana joined the conversation." },
      { role: "system", text: "You're back with our assistant — I'll take it from here." },
      { role: "bot", text: "What's your order number?" },
    ]);
    const handedBack = await db.event.findFirstOrThrow({ where: { conversationId: id, type: "conversation.handedBack" }, select: { payload: true } });
    expect(JSON.parse(handedBack.payload)).toMatchObject({ by: ana.id, pendingMessageId: expect.any(String) });
    expect(await db.event.count({ where: { conversationId: id, type: "intent.classified" } })).toBe(1);
  });

  it("says the flow's own hand-back line when it sets one", async () => {
    const flow = readFixtureFlow() as { settings: Record<string, unknown> };
    const published = await publishFlow({ ...flow, settings: { ...flow.settings, handBackMessage: "The assistant is back — how can I help?" } });
    expect(published.ok).toBe(true);
    const { id } = await handOff();
    await handBackConversation(ana, { conversationId: id, nodeId: "topic" });
    expect((await messagesOf(id)).at(-1)).toMatchObject({ role: "system", text: "The assistant is back — how can I help?" });
    await publishFixtureFlow();
  });

  it("leaves a message the agent already answered alone, and says the agent's own line", async () => {
    const { id } = await handOff();
    await handleCustomerMessage({ conversationId: id, clientMessageId: "answered", text: "where is my order?" });
    await replyAsAgent(ana, { conversationId: id, clientMessageId: "agent-1", text: "Let me check that for you." });
    expect(await handBackConversation(ana, { conversationId: id, nodeId: "topic", line: "Our assistant will help with the rest." })).toMatchObject({ ok: true });
    const last = (await messagesOf(id)).at(-1);
    expect(last).toMatchObject({ role: "system", text: "Our assistant will help with the rest." });
    expect(await db.event.count({ where: { conversationId: id, type: "intent.classified" } })).toBe(0);
  });

  it("refuses an unknown step and a conversation that is not with a person", async () => {
    const { id } = await handOff();
    expect(await handBackConversation(ana, { conversationId: id, nodeId: "no-such-step" })).toMatchObject({ ok: false, status: 400, field: "nodeId" });
    await handBackConversation(ana, { conversationId: id, nodeId: "done" });
    expect(await handBackConversation(ana, { conversationId: id, nodeId: "done" })).toMatchObject({ ok: false, status: 409 });
    expect(await handBackConversation(ben, { conversationId: (await handOff()).id, nodeId: "done" })).toMatchObject({ ok: false, status: 403 });
  });
});

describe("unread", () => {
  it("counts customer lines while waiting and clears when the responsible agent reads", async () => {
    const { id, token } = await handOff();
    await say(id, token, "one");
    await say(id, token, "two");
    expect((await conversation(id)).agentUnread).toBe(2);
    await claimConversation(cara, id);
    await markRead(ana, id);
    expect((await conversation(id)).agentUnread).toBe(2);
    await markRead(cara, id);
    expect((await conversation(id)).agentUnread).toBe(0);
  });
});
