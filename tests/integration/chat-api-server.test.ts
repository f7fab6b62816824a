/**
 * The chat API through the production server (app/cli/serve.ts, which gzips pages): live
 * events arrive while the stream is open, and errors are JSON.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind, db } from "~/utils/db.server";
import { startServer, type RunningServer } from "../support/built-server";
import { sharedServerBuild } from "../support/shared-build";
import { publishFixtureFlow, seedTeams } from "../support/chat-api";

let server: RunningServer;

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
  if (databaseKind === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const buildFile = await sharedServerBuild();
  server = await startServer({ buildFile, databaseUrl: process.env.DATABASE_URL as string });
});

afterAll(async () => {
  await server?.stop();
});

describe("the chat API on the production server", () => {
  it("streams events live even though the client accepts gzip", async () => {
    const created = await fetch(`${server.url}/api/chat/runtime-test/conversations`, { method: "POST" });
    expect(created.status).toBe(201);
    expect(created.headers.get("set-cookie")).toContain("HttpOnly");
    const { conversationId, token } = (await created.json()) as { conversationId: string; token: string };
    const abort = new AbortController();
    const stream = await fetch(`${server.url}/api/conversations/${conversationId}/events`, {
      headers: { authorization: `Bearer ${token}`, "accept-encoding": "gzip" },
      signal: abort.signal,
    });
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("content-encoding")).toBeNull();
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = "";
    const sent = fetch(`${server.url}/api/conversations/${conversationId}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ clientMessageId: "live-1", text: "<script>alert(1)</script> where is my order?" }),
    });
    while (!received.includes("What's your order number?")) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    expect(received).toContain("event: message");
    expect(received).toContain("<script>alert(1)</script> where is my order?");
    const reply = await sent;
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    abort.abort();
  });

  it("answers a wrong token with a JSON 404", async () => {
    const response = await fetch(`${server.url}/api/conversations/nope/messages`, {
      method: "POST",
      headers: { authorization: "Bearer nope", "content-type": "application/json" },
      body: JSON.stringify({ clientMessageId: "x", text: "hi" }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Conversation not found." } });
  });

  it("refuses a message body over the cap sent without a length (chunked), and the connection serves the next call", async () => {
    const created = await fetch(`${server.url}/api/chat/runtime-test/conversations`, { method: "POST" });
    const { conversationId, token } = (await created.json()) as { conversationId: string; token: string };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (chunks: string[]) =>
      new Promise<{ status: number; body: string; socket: unknown }>((resolve, reject) => {
        const request = http.request(`${server.url}/api/conversations/${conversationId}/messages`, {
          method: "POST",
          agent,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "transfer-encoding": "chunked" },
        });
        request.on("response", (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body, socket: request.socket }));
        });
        request.on("error", reject);
        for (const chunk of chunks) request.write(chunk);
        request.end();
      });
    try {
      const huge = await send([`{"clientMessageId":"big-1","text":"`, ...Array.from({ length: 20 }, () => "x".repeat(64 * 1024)), `"}`]);
      expect(huge.status).toBe(400);
      expect(JSON.parse(huge.body)).toMatchObject({ error: { code: "too_long", field: "text" } });
      const next = await send([JSON.stringify({ clientMessageId: "small-1", text: "where is my order?" })]);
      expect(next.status).toBe(200);
      expect(next.socket).toBe(huge.socket);
      const stored = await db.message.findMany({ where: { conversationId, role: "customer" }, select: { clientMessageId: true } });
      expect(stored).toEqual([{ clientMessageId: "small-1" }]);
    } finally {
      agent.destroy();
    }
  });

  it("keeps an idle kept-alive connection open past Node's default (5 s, closed at ~6 s), so a client reusing it is not reset", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; socket: unknown; reused: boolean }>((resolve, reject) => {
        const request = http.get(`${server.url}/api/conversations/nope`, { agent }, (response) => {
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode ?? 0, socket: request.socket, reused: request.reusedSocket }));
        });
        request.on("error", reject);
      });
    try {
      const first = await get();
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      const second = await get();
      expect([first.status, second.status]).toEqual([404, 404]);
      expect(second.reused).toBe(true);
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });
});
