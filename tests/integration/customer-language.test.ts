/**
 * The customer's language as the runtime keeps it: a "Detect language" step's answer is the
 * conversation's language for the chat page's details and for the system handoff notice, even on
 * an English flow; a later step that cannot tell does not undo it; nothing told, no language.
 * The system lines written outside a bot turn (a person joined or left, a move to another team,
 * the suggested hand-back line) follow it too, with the flow's locale as the fallback.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getConversationDetails } from "~/chat/conversation-details.server";
import { claimConversation, reassignConversation, replyAsAgent } from "~/inbox/actions.server";
import { getHandBackLine, handBackConversation } from "~/inbox/hand-back.server";
import { returnAssignedToQueue } from "~/inbox/return-to-queue.server";
import { seedPeople } from "~/workspace/seed-people.server";
import { createConversation } from "~/runtime/conversations.server";
import { publishFlow } from "~/runtime/flow-versions.server";
import { handleCustomerMessage } from "~/runtime/turn.server";
import { db } from "~/utils/db.server";
import { QUIET_FLOW_SETTINGS, seedTeams } from "../support/chat-api";
import { createFakeEngines } from "../support/fake-engines";
import { viewerFor } from "../support/inbox";

const engines = createFakeEngines();
const at = (y: number) => ({ x: 0, y });

// Asks what happened, tells the language, asks once more (a short answer the step cannot read),
// tells again, and hands off without a message of its own: the runtime's notice is what is said.
const FLOW = {
  schemaVersion: 1,
  name: "Language test",
  slug: "language-test",
  settings: { ...QUIET_FLOW_SETTINGS, locale: "en" },
  nodes: [
    { id: "start", kind: "start", position: at(0), data: { greeting: "Hi!" } },
    { id: "ask", kind: "collect", position: at(100), data: { field: "problem", question: "What happened?", type: "text" } },
    { id: "lang", kind: "language", position: at(200), data: { languages: ["es", "fr"] } },
    { id: "ask-order", kind: "collect", position: at(300), data: { field: "order", question: "Order number?", type: "text" } },
    { id: "lang-again", kind: "language", position: at(400), data: { languages: ["es", "fr"] } },
    { id: "handoff", kind: "escalate", position: at(500), data: { team: "support", priority: "normal", reason: "Test", message: "" } },
  ],
  edges: [
    ["start", "next", "ask"],
    ["ask", "captured", "lang"],
    ["ask", "failed", "handoff"],
    ["lang", "es", "ask-order"],
    ["lang", "fr", "ask-order"],
    ["lang", "other", "ask-order"],
    ["ask-order", "captured", "lang-again"],
    ["ask-order", "failed", "handoff"],
    ["lang-again", "es", "handoff"],
    ["lang-again", "fr", "handoff"],
    ["lang-again", "other", "handoff"],
  ].map(([source, sourceHandle, target], n) => ({ id: `e${n}`, source, sourceHandle, target })),
};

beforeAll(async () => {
  await seedTeams();
  await seedPeople(db);
  for (const flow of [FLOW, { ...FLOW, name: "German flow", slug: "language-test-de", settings: { ...FLOW.settings, locale: "de" } }]) {
    const published = await publishFlow(flow);
    if (!published.ok) throw new Error(JSON.stringify(published.errors));
  }
});

let counter = 0;
async function talk(lines: string[], slug = "language-test") {
  const created = await createConversation({ slug, channel: "web", page: undefined }, engines);
  if (!created) throw new Error("no published flow");
  const replies = [];
  for (const text of lines) replies.push(await handleCustomerMessage({ conversationId: created.conversationId, clientMessageId: `lang-${++counter}`, text }, engines));
  return { id: created.conversationId, last: replies.at(-1)! };
}

describe("the customer's language", () => {
  it("is Spanish after a Spanish message, and the handoff notice is Spanish though the flow is English", async () => {
    const { id, last } = await talk(["Mi pedido no ha llegado todavía y quiero saber dónde está", "10001"]);
    expect(last.status).toBe("waiting");
    expect(last.messages.at(-1)).toMatchObject({ role: "system", text: "Te estamos pasando con nuestro equipo de Support. Una persona te responderá en este chat." });
    // The second step reads the last few messages, so "10001" after a Spanish sentence is still Spanish.
    const detected = await db.event.findMany({ where: { conversationId: id, type: "language.detected" }, orderBy: { id: "asc" }, select: { payload: true } });
    expect(detected.map((event) => JSON.parse(event.payload))).toEqual([{ language: "es" }, { language: "es" }]);
    expect((await getConversationDetails(id, "language-test"))?.language).toBe("es");
  });

  it("stays the one told before when a later step cannot tell", async () => {
    const { id } = await talk(["Ma commande n'est toujours pas arrivée, je ne sais pas où elle est", "ok"]);
    expect((await getConversationDetails(id, "language-test"))?.language).toBe("fr");
    const { flowId } = await db.conversation.findUniqueOrThrow({ where: { id }, select: { flowId: true } });
    await db.event.create({ data: { conversationId: id, flowId, type: "language.detected", nodeId: "lang-again", payload: JSON.stringify({ language: null }) }, select: { id: true } });
    expect((await getConversationDetails(id, "language-test"))?.language).toBe("fr");
  });

  it("is unknown for a writer of a language the steps do not tell (English here): the flow's language is used", async () => {
    const { id, last } = await talk(["My parcel did not arrive and I want to know where it is", "10001"]);
    expect(last.messages.at(-1)).toMatchObject({ role: "system", text: "You're being connected to our Support team. A person will reply in this chat." });
    expect((await getConversationDetails(id, "language-test"))?.language).toBeNull();
  });
});

describe("system lines written by people's actions", () => {
  const systemLines = async (id: string) =>
    (await db.message.findMany({ where: { conversationId: id, role: "system" }, orderBy: { seq: "asc" }, select: { text: true } })).map((message) => message.text);
  const flowVersionOf = async (id: string) => (await db.conversation.findUniqueOrThrow({ where: { id }, select: { flowVersionId: true } })).flowVersionId;

  it("are Spanish for a Spanish customer on an English flow: joined, moved, the suggested hand-back line and the hand-back itself", async () => {
    const ana = await viewerFor("ana@baton.local");
    const { id } = await talk(["Mi pedido no ha llegado todavía y quiero saber dónde está", "10001"]);
    expect(await claimConversation(ana, id)).toMatchObject({ ok: true });
    expect(await getHandBackLine(id, await flowVersionOf(id))).toBe("Vuelves a hablar con nuestro asistente: sigo yo desde aquí.");
    expect(await handBackConversation(ana, { conversationId: id, nodeId: "ask-order" })).toMatchObject({ ok: true });
    // The order number is known already, so the flow goes straight on to its handoff: in Spanish too.
    expect((await systemLines(id)).slice(-3)).toEqual([
      "Ana se ha unido a la conversación.",
      "Vuelves a hablar con nuestro asistente: sigo yo desde aquí.",
      "Te estamos pasando con nuestro equipo de Support. Una persona te responderá en este chat.",
    ]);

    const { id: moved } = await talk(["Mi pedido no ha llegado todavía y quiero saber dónde está", "10001"]);
    const billing = await db.team.findUniqueOrThrow({ where: { slug: "billing" }, select: { id: true } });
    expect(await reassignConversation(ana, { conversationId: moved, teamId: billing.id, note: "" })).toMatchObject({ ok: true });
    expect((await systemLines(moved)).at(-1)).toBe("Te estamos pasando con nuestro equipo de Billing. Una persona te responderá en este chat.");
  });

  it("are French when an agent's first reply claims it, and when that agent leaves", async () => {
    const ana = await viewerFor("ana@baton.local");
    const { id } = await talk(["Ma commande n'est toujours pas arrivée, je ne sais pas où elle est", "10001"]);
    expect(await replyAsAgent(ana, { conversationId: id, clientMessageId: `fr-reply-${id}`, text: "Bonjour !" })).toMatchObject({ ok: true });
    expect(await returnAssignedToQueue({ id: ana.id, name: ana.name }, ana.id, "deactivated")).toBeGreaterThan(0);
    expect((await systemLines(id)).slice(-2)).toEqual(["Ana a rejoint la conversation.", "Ana a quitté la conversation. Une autre personne de l'équipe vous répondra ici."]);
  });

  it("follow the flow's language when no step told the customer's (German flow), and stay English on an English one", async () => {
    const ana = await viewerFor("ana@baton.local");
    const { id } = await talk(["ok", "10001"], "language-test-de");
    expect(await claimConversation(ana, id)).toMatchObject({ ok: true });
    expect((await systemLines(id)).at(-1)).toBe("Ana ist dem Gespräch beigetreten.");
    expect(await getHandBackLine(id, await flowVersionOf(id))).toBe("Sie sind wieder bei unserem Assistenten – ich übernehme ab hier.");

    const { id: english } = await talk(["My parcel did not arrive and I want to know where it is", "10001"]);
    expect(await claimConversation(ana, english)).toMatchObject({ ok: true });
    expect((await systemLines(english)).at(-1)).toBe("Ana joined the conversation.");
  });
});
