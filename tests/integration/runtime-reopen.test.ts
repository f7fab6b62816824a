import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { publishFixtureFlow, say, seedTeams, startConversation } from "../support/chat-api";

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
});

describe("a message on a resolved conversation", () => {
  it("restarts the bot when the bot resolved it alone, without greeting the customer again", async () => {
    const { id, token } = await startConversation();
    await say(id, token, "where is my order?");
    expect((await say(id, token, "A-1")).json.status).toBe("resolved");
    const again = await say(id, token, "where is my order?");
    expect(again.json.status).toBe("bot");
    expect(again.json.messages.map((message) => message.text)).toEqual([
      "where is my order?",
      "What's your order number?",
    ]);
    expect(await db.event.count({ where: { conversationId: id, type: "conversation.reopened" } })).toBe(1);
  });

  it("goes back to the same team's queue when a person had handled it", async () => {
    const { id, token } = await startConversation();
    await say(id, token, "I want to talk to a human");
    const handedOff = await db.conversation.findUniqueOrThrow({ where: { id }, select: { teamId: true } });
    await db.conversation.update({ where: { id }, data: { status: "resolved", resolvedAt: new Date(), version: { increment: 1 } } });
    const again = await say(id, token, "actually, one more thing");
    expect(again.json).toEqual({ status: "waiting", messages: [expect.objectContaining({ role: "customer", text: "actually, one more thing" })] });
    const row = await db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, teamId: true, resolvedAt: true, agentUnread: true } });
    expect(row).toMatchObject({ status: "waiting", teamId: handedOff.teamId, resolvedAt: null, agentUnread: 1 });
  });
});
