import { beforeAll, describe, expect, it } from "vitest";
import { parseHandoffPacket } from "~/runtime/handoff-packet";
import { db } from "~/utils/db.server";
import { getConversationRequest, publishFixtureFlow, say, seedTeams, startConversation, startConversationRequest } from "../support/chat-api";

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
});

describe("a customer conversation through the chat API", () => {
  it("greets, detects the intent, captures the email and hands off to billing with the packet", async () => {
    const previous = await startConversation("runtime-test", { contact: { name: "Dana", email: "dana@example.com" } });
    const start = await startConversationRequest("runtime-test", { body: { contact: { name: "Dana", email: "Dana@Example.com" }, page: "https://shop.example/help" } });
    expect(start.status).toBe(201);
    expect(start.headers.get("set-cookie")).toMatch(/^baton_chat_runtime-test=[^;]+\.[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const started = (await start.json()) as { conversationId: string; token: string; status: string; messages: Array<{ role: string; text: string }> };
    expect(started.status).toBe("bot");
    expect(started.messages[0]).toMatchObject({ role: "bot", text: "Hi! I'm the Baton bot. How can I help?" });

    const first = await say(started.conversationId, started.token, "I was charged twice on my card");
    expect(first.response.status).toBe(200);
    expect(first.json.messages[0]).toMatchObject({ role: "customer", text: "I was charged twice on my card" });
    // The contact's email pre-fills the field, so the bot must not ask for it again.
    expect(first.json.messages.map((message) => message.text)).not.toContain("What's the email on your account?");

    // The email is known from the contact, so the collect node may skip its question; answer if asked.
    let reply = first.json;
    if (reply.status === "bot") reply = (await say(started.conversationId, started.token, "it's dana@example.com")).json;
    expect(reply.status).toBe("waiting");
    // The escalate node has its own message: it is the one handoff notice (no second system line).
    expect(reply.messages.map((message) => message.role)).not.toContain("system");
    expect(reply.messages.at(-1)).toMatchObject({ role: "bot", text: "Thanks! I'm handing this to our billing specialists." });

    const row = await db.conversation.findUniqueOrThrow({
      where: { id: started.conversationId },
      select: { status: true, team: { select: { slug: true } }, priority: true, escalatedAt: true, handoff: true, handoffTrigger: true, handoffNodeId: true, summary: true, tokenHash: true, intent: true },
    });
    expect(row).toMatchObject({ status: "waiting", team: { slug: "billing" }, priority: 2, handoffTrigger: "node", handoffNodeId: "to-billing", intent: "billing" });
    expect(row.escalatedAt).toBeInstanceOf(Date);
    expect(row.tokenHash).not.toContain(started.token);
    const packet = parseHandoffPacket(row.handoff);
    expect(packet).not.toBeNull();
    expect(packet).toMatchObject({
      trigger: "node",
      reason: "Billing question",
      priority: "high",
      team: { slug: "billing", name: "Billing" },
      channel: "web",
      page: "https://shop.example/help",
      intent: { name: "billing" },
      fields: { email: "dana@example.com" },
      contact: { name: "Dana", email: "dana@example.com" },
    });
    expect(packet?.summary.length).toBeGreaterThan(0);
    expect(packet?.transcript.map((line) => line.role)).toEqual(expect.arrayContaining(["bot", "customer"]));
    expect(packet?.transcript.some((line) => line.text === "I was charged twice on my card")).toBe(true);
    expect(packet?.previousConversations.map((conversation) => conversation.id)).toEqual([previous.id]);

    const events = await db.event.findMany({ where: { conversationId: started.conversationId }, select: { type: true, flowId: true } });
    const types = events.map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(["conversation.started", "node.entered", "intent.classified", "handoff"]));
    expect(types.filter((type) => type === "handoff")).toHaveLength(1);
    expect(new Set(events.map((event) => event.flowId)).size).toBe(1);

    const view = await getConversationRequest(started.conversationId, { token: started.token });
    expect(view.status).toBe(200);
    const viewJson = (await view.json()) as { status: string; team: { slug: string }; messages: Array<{ role: string }> };
    expect(viewJson.status).toBe("waiting");
    expect(viewJson.team.slug).toBe("billing");
  });

  it("stores customer messages without a bot turn while waiting, and never shows internal notes", async () => {
    const { id, token } = await startConversation();
    await say(id, token, "I want to talk to a human");
    const waiting = await db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
    expect(waiting.status).toBe("waiting");
    const lastSeq = await db.message.count({ where: { conversationId: id } });
    await db.message.create({ data: { conversationId: id, seq: lastSeq + 1, role: "note", text: "internal: VIP customer" } });

    const during = await say(id, token, "hello? anyone there?");
    expect(during.json).toEqual({ status: "waiting", messages: [expect.objectContaining({ role: "customer", text: "hello? anyone there?" })] });
    const view = (await (await getConversationRequest(id, { token })).json()) as { messages: Array<{ role: string; text: string }> };
    expect(view.messages.some((message) => message.role === "note" || message.text.includes("VIP"))).toBe(false);
    expect((await db.conversation.findUniqueOrThrow({ where: { id }, select: { agentUnread: true } })).agentUnread).toBe(1);
  });

  it("ends an order conversation as resolved and accepts a CSAT rating", async () => {
    const { id, token } = await startConversation();
    const first = await say(id, token, "where is my order? it has not arrived");
    expect(first.json.status).toBe("bot");
    const second = await say(id, token, "A-12345");
    expect(second.json.status).toBe("resolved");
    expect(second.json.messages.map((message) => message.text)).toContain("Thanks, order A-12345 is on its way.");
    const { feedbackRequest } = await import("../support/chat-api");
    const rated = await feedbackRequest(id, { token, body: { csat: 5 } });
    expect(rated.status).toBe(200);
    expect((await db.conversation.findUniqueOrThrow({ where: { id }, select: { csat: true } })).csat).toBe(5);
  });
});
