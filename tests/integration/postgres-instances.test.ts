/**
 * Two production servers on one PostgreSQL database (this file's), as behind a load balancer with
 * no sticky sessions: a conversation started on one is served by either. Runs in the
 * integration-pg project only (see tests/vitest.config.mts, POSTGRES_ONLY).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startServer, type RunningServer } from "../support/built-server";
import { sharedServerBuild } from "../support/shared-build";
import { publishFixtureFlow, seedTeams } from "../support/chat-api";

let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
  const buildFile = await sharedServerBuild();
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

/** A customer's live stream: its message events (id = seq), read as they come. */
async function openStream(server: RunningServer, conversation: { conversationId: string; token: string }, lastEventId?: number) {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/api/conversations/${conversation.conversationId}/events`, {
    headers: { authorization: `Bearer ${conversation.token}`, ...(lastEventId === undefined ? {} : { "last-event-id": String(lastEventId) }) },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const messages: Array<{ seq: number; text: string }> = [];
  let buffer = "";
  return {
    messages,
    /** Reads until the message with this seq (or a later one) arrived. */
    async readThrough(seq: number) {
      while (!messages.some((message) => message.seq >= seq)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before message ${seq}`);
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const lines = buffer.slice(0, end).split("\n");
          buffer = buffer.slice(end + 2);
          const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
          if (field("event") === "message") messages.push({ seq: Number(field("id")), text: (JSON.parse(field("data") as string) as { text: string }).text });
        }
      }
    },
    close: () => abort.abort(),
  };
}

async function lastSeq(conversationId: string): Promise<number> {
  return (await db.message.findFirstOrThrow({ where: { conversationId }, orderBy: { seq: "desc" }, select: { seq: true } })).seq;
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

  it("resumes a customer's stream on the other instance from Last-Event-ID: every message once, in order, while both instances take messages", async () => {
    const conversation = await startConversation(a);
    expect((await send(a, conversation, "I want to talk to a human", "handoff")).status).toBe(200); // from now on messages are stored, not answered
    const firstSeq = (await lastSeq(conversation.conversationId)) + 1;
    const pair = async (label: string) => {
      // At the same moment on both instances: the stream meets one message through its own
      // instance and the other through the relay, in either order.
      const replies = await Promise.all([send(a, conversation, `${label} via A`, `${label}-a`), send(b, conversation, `${label} via B`, `${label}-b`)]);
      expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
    };

    const onA = await openStream(a, conversation);
    // Twelve pairs: with the stream on A, one of B's messages lost that race about one pair in ten.
    for (let index = 1; index <= 12; index += 1) await pair(`live ${index}`);
    await onA.readThrough(await lastSeq(conversation.conversationId));
    onA.close();
    const resumeFrom = onA.messages.at(-1)?.seq as number;

    await pair("offline 1"); // while the customer is between streams
    await pair("offline 2");
    const onB = await openStream(b, conversation, resumeFrom);
    await pair("after 1");
    await pair("after 2");
    const end = await lastSeq(conversation.conversationId);
    await onB.readThrough(end);
    onB.close();

    const stored = await db.message.findMany({
      where: { conversationId: conversation.conversationId, seq: { gte: firstSeq }, role: { not: "note" } },
      orderBy: { seq: "asc" },
      select: { seq: true, text: true },
    });
    expect(stored.map((message) => message.text).filter((text) => text.includes(" via "))).toHaveLength(32);
    expect([...onA.messages, ...onB.messages]).toEqual(stored);
  });

  it("shares one chat rate limit per client between the instances: 429 with Retry-After at the combined limit", async () => {
    // Each instance allows CHAT_RATE_LIMIT_PER_MINUTE (60 here) per client; kept per instance,
    // requests alternating between the two would get through twice as often.
    const conversation = await startConversation(a);
    const read = (server: RunningServer) => fetch(`${server.url}/api/conversations/${conversation.conversationId}`, { headers: { authorization: `Bearer ${conversation.token}` } });
    const started = Date.now();
    const served = new Map<RunningServer, number>([
      [a, 0],
      [b, 0],
    ]);
    let refused: { by: RunningServer; response: Response } | undefined;
    for (let index = 0; !refused && index < 200; index += 1) {
      const server = index % 2 === 0 ? a : b;
      const response = await read(server);
      await response.arrayBuffer();
      if (response.status === 429) refused = { by: server, response };
      else {
        expect(response.status).toBe(200);
        served.set(server, (served.get(server) ?? 0) + 1);
      }
    }
    // The bucket refills one request a second meanwhile.
    const refilled = Math.ceil((Date.now() - started) / 1000);
    const total = (served.get(a) ?? 0) + (served.get(b) ?? 0);
    expect(total).toBeGreaterThanOrEqual(60);
    expect(total).toBeLessThanOrEqual(60 + refilled);
    expect(Math.min(served.get(a) ?? 0, served.get(b) ?? 0)).toBeGreaterThanOrEqual(30);
    expect(Number(refused?.response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // The other instance refuses the same client too.
    const other = await read(refused?.by === a ? b : a);
    expect(other.status).toBe(429);
    expect(Number(other.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
