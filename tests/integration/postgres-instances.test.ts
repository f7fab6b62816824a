/**
 * Two production servers on one PostgreSQL database (this file's), as behind a load balancer with
 * no sticky sessions: a conversation started on one is served by either. Runs in the
 * integration-pg project only (see tests/vitest.config.mts, POSTGRES_ONLY).
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { buildServer, startServer, type RunningServer } from "../support/built-server";
import { publishFixtureFlow, seedTeams } from "../support/chat-api";

let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
  const buildFile = buildServer(path.join(__dirname, "../.tmp", `instances-build-${process.pid}`));
  [a, b] = await Promise.all([0, 1].map(() => startServer({ buildFile, databaseUrl: process.env.DATABASE_URL as string, env: { SESSION_SECRET: "shared-secret-of-both-instances" } })));
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

async function startConversation(server: RunningServer) {
  const response = await fetch(`${server.url}/api/chat/runtime-test/conversations`, { method: "POST" });
  expect(response.status).toBe(201);
  return (await response.json()) as { conversationId: string; token: string };
}

function send(server: RunningServer, conversation: { conversationId: string; token: string }, text: string, clientMessageId: string) {
  return fetch(`${server.url}/api/conversations/${conversation.conversationId}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${conversation.token}`, "content-type": "application/json" },
    body: JSON.stringify({ clientMessageId, text }),
  });
}

describe("two instances on one PostgreSQL database", () => {
  it("delivers a turn taken on instance A to the customer's live stream on instance B", async () => {
    const conversation = await startConversation(a);
    const abort = new AbortController();
    const stream = await fetch(`${b.url}/api/conversations/${conversation.conversationId}/events`, {
      headers: { authorization: `Bearer ${conversation.token}` },
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    // The stream is subscribed before its headers are sent: what is published from now on reaches it.
    let received = "";
    const sent = await send(a, conversation, "where is my order?", "relay-1");
    expect(sent.status).toBe(200);
    while (!received.includes("What's your order number?")) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    abort.abort();
    expect(received).toContain("where is my order?");
    expect(received).toContain("What's your order number?");
  });

  it("answers the same clientMessageId sent to both instances at once as one turn with one answer", async () => {
    const conversation = await startConversation(a);
    const [fromA, fromB] = await Promise.all([send(a, conversation, "where is my order?", "twice"), send(b, conversation, "where is my order?", "twice")]);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    const [replyA, replyB] = await Promise.all([fromA.json(), fromB.json()]);
    expect(replyA).toEqual(replyB);
    expect(await db.message.count({ where: { conversationId: conversation.conversationId, clientMessageId: "twice" } })).toBe(1);
    expect(await db.message.count({ where: { conversationId: conversation.conversationId, text: "What's your order number?" } })).toBe(1);
  });

  it("stores 12 concurrent turns on one conversation split over the two instances, each once, in one gapless order", async () => {
    const conversation = await startConversation(a);
    expect((await send(b, conversation, "I want to talk to a human", "handoff")).status).toBe(200); // from now on messages are stored, not answered
    const texts = Array.from({ length: 12 }, (_, index) => `message ${index + 1}`);
    const replies = await Promise.all(texts.map((text, index) => send(index % 2 === 0 ? a : b, conversation, text, `split-${index}`)));
    expect(replies.map((reply) => reply.status)).toEqual(texts.map(() => 200));
    const stored = await db.message.findMany({ where: { conversationId: conversation.conversationId }, orderBy: { seq: "asc" }, select: { seq: true, text: true } });
    expect(stored.map((message) => message.seq)).toEqual(stored.map((_, index) => index + 1));
    const customerTexts = stored.map((message) => message.text).filter((text) => text.startsWith("message "));
    expect([...customerTexts].sort()).toEqual([...texts].sort());
  });
});
