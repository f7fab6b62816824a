/**
 * The customer's language as the runtime keeps it: a "Detect language" step's answer is the
 * conversation's language for the chat page's details and for the system handoff notice, even on
 * an English flow; a later step that cannot tell does not undo it; nothing told, no language.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getConversationDetails } from "~/chat/conversation-details.server";
import { createConversation } from "~/runtime/conversations.server";
import { publishFlow } from "~/runtime/flow-versions.server";
import { handleCustomerMessage } from "~/runtime/turn.server";
import { db } from "~/utils/db.server";
import { QUIET_FLOW_SETTINGS, seedTeams } from "../support/chat-api";
import { createFakeEngines } from "../support/fake-engines";

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
  const published = await publishFlow(FLOW);
  if (!published.ok) throw new Error(JSON.stringify(published.errors));
});

let counter = 0;
async function talk(lines: string[]) {
  const created = await createConversation({ slug: "language-test", channel: "web", page: undefined }, engines);
  if (!created) throw new Error("no published flow");
  const replies = [];
  for (const text of lines) replies.push(await handleCustomerMessage({ conversationId: created.conversationId, clientMessageId: `lang-${++counter}`, text }, engines));
  return { id: created.conversationId, last: replies.at(-1)! };
}

describe("the customer's language", () => {
  it("is Spanish after a Spanish message, and the handoff notice is Spanish though the flow is English", async () => {
    const { id, last } = await talk(["Mi pedido no ha llegado todavía y quiero saber dónde está", "10001"]);
    expect(last.status).toBe("waiting");
    expect(last.messages.at(-1)).toMatchObject({ role: "system", text: "Te estamos pasando con nuestro equipo de Support. Una persona te responderá aquí en breve." });
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
    expect(last.messages.at(-1)).toMatchObject({ role: "system", text: "You're being connected to our Support team. A person will reply here shortly." });
    expect((await getConversationDetails(id, "language-test"))?.language).toBeNull();
  });
});
