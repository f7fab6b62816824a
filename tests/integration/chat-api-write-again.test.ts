/**
 * A customer who writes again after the bot resolved their conversation: the message is their
 * first one of a fresh run of the flow — classified and answered — not met with the greeting.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedKnowledgeBase } from "~/workspace/seed-knowledge-base.server";
import { seedStarterFlows } from "~/workspace/seed-flows.server";
import { getConversationRequest, say, seedTeams, startConversation } from "../support/chat-api";

const GREETING = "Hi! I'm the Threads & Co. assistant";

beforeAll(async () => {
  await seedTeams();
  await seedStarterFlows(db);
  await seedKnowledgeBase(db);
});

async function resolvedByTheBot(): Promise<{ id: string; token: string }> {
  const { id, token } = await startConversation("store-support");
  for (const text of ["where is my order 1234509876?", "ben@example.com", "In transit"]) await say(id, token, text);
  const row = await db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true } });
  expect(row.status).toBe("resolved");
  return { id, token };
}

describe("writing again after the bot resolved the conversation (store-support, chat API)", () => {
  it("the intent step classifies the new message and a KB step answers it, without greeting again", async () => {
    const { id, token } = await resolvedByTheBot();
    // Integration tests rank on words alone: "how long does shipping take" is a tie of the shipping articles there (handed off).
    const again = await say(id, token, "How much does shipping cost?");
    expect(again.response.status).toBe(200);
    expect(again.json.status).toBe("bot");
    const [customer, ...bot] = again.json.messages;
    expect(customer).toMatchObject({ role: "customer", text: "How much does shipping cost?" });
    expect(bot.length).toBeGreaterThan(0);
    expect(bot.some((message) => message.text.includes(GREETING))).toBe(false);
    // The shipping question went down the shipping_info path: a cited answer from the help centre.
    expect(bot[0]).toMatchObject({ role: "bot", source: expect.objectContaining({ title: expect.any(String) }) });

    const events = await db.event.findMany({ where: { conversationId: id }, orderBy: { createdAt: "asc" }, select: { type: true, payload: true } });
    expect(events.filter((event) => event.type === "conversation.reopened")).toHaveLength(1);
    const lastIntent = events.filter((event) => event.type === "intent.classified").at(-1);
    expect(JSON.parse(lastIntent?.payload ?? "{}")).toMatchObject({ intent: "shipping_info", text: "How much does shipping cost?" });
  });

  it("keeps every line: the transcript has the first conversation, the new message and its answer, one greeting in all", async () => {
    const { id, token } = await resolvedByTheBot();
    await say(id, token, "How much does shipping cost?");
    const response = await getConversationRequest(id, { token });
    const { messages } = (await response.json()) as { messages: Array<{ role: string; text: string }> };
    const customerLines = messages.filter((message) => message.role === "customer").map((message) => message.text);
    expect(customerLines).toEqual(["where is my order 1234509876?", "ben@example.com", "In transit", "How much does shipping cost?"]);
    expect(messages.filter((message) => message.text.includes(GREETING))).toHaveLength(1);
  });
});
