import { beforeAll, describe, expect, it, vi } from "vitest";
import { getEngines } from "~/engines/index.server";
import type { Engines } from "~/engines/types";
import { parseHandoffPacket } from "~/runtime/handoff-packet";
import { handBackToBot, handleCustomerMessage } from "~/runtime/turn.server";
import { db } from "~/utils/db.server";
import { publishFixtureFlow, say, seedTeams, startConversation } from "../support/chat-api";

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
});

function brokenEngines(): Engines {
  const real = getEngines();
  return {
    ...real,
    intents: { classify: async () => Promise.reject(new Error("intent engine down")) },
    summarizer: { summarize: async () => Promise.reject(new Error("summarizer down")) },
  };
}

describe("failures never reach the customer as a 500", () => {
  it("a failing engine hands off with trigger error, and the summary degrades gracefully", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { id } = await startConversation();
    const reply = await handleCustomerMessage({ conversationId: id, clientMessageId: "e1", text: "where is my order?" }, brokenEngines());
    expect(reply.status).toBe("waiting");
    expect(reply.messages.at(-1)?.role).toBe("system");
    const row = await db.conversation.findUniqueOrThrow({ where: { id }, select: { handoffTrigger: true, team: { select: { slug: true } }, handoff: true } });
    expect(row.handoffTrigger).toBe("error");
    expect(row.team?.slug).toBe("support");
    expect(parseHandoffPacket(row.handoff)?.summary).toContain("where is my order?");
    warn.mockRestore();
  });

  it("a stored flow version that no longer compiles hands off instead of failing", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { id, token } = await startConversation();
    const { flowVersionId } = await db.conversation.findUniqueOrThrow({ where: { id }, select: { flowVersionId: true } });
    // A corrupted version row (the cache only holds versions this process already compiled).
    const { getCompiledVersion } = await import("~/runtime/flow-versions.server");
    await getCompiledVersion(flowVersionId);
    const other = await db.flowVersion.create({
      data: { flowId: (await db.flowVersion.findUniqueOrThrow({ where: { id: flowVersionId }, select: { flowId: true } })).flowId, document: "{\"broken\":true", documentHash: "x" },
      select: { id: true },
    });
    await db.conversation.update({ where: { id }, data: { flowVersionId: other.id } });
    const { response, json } = await say(id, token, "where is my order?");
    expect(response.status).toBe(200);
    expect(json.status).toBe("waiting");
    expect((await db.conversation.findUniqueOrThrow({ where: { id }, select: { handoffTrigger: true } })).handoffTrigger).toBe("error");
    expect(await db.event.count({ where: { conversationId: id, type: "turn.error" } })).toBe(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe("handing a conversation back to the bot", () => {
  it("resumes the flow at the chosen node from the stored snapshot", async () => {
    const { id, token } = await startConversation();
    await say(id, token, "I want to talk to a human");
    expect((await db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("waiting");
    const reply = await handBackToBot({ conversationId: id, nodeId: "ask-order" });
    expect(reply.status).toBe("bot");
    expect(reply.messages.map((message) => message.text)).toContain("What's your order number?");
    const next = await say(id, token, "A-777");
    expect(next.json.status).toBe("resolved");
  });
});
