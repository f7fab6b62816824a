/**
 * The chat API through the production server (app/cli/serve.ts, which gzips pages): live
 * events arrive while the stream is open, and errors are JSON.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { buildServer, startServer, type RunningServer } from "../support/built-server";
import { publishFixtureFlow, seedTeams } from "../support/chat-api";

let server: RunningServer;

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const buildFile = buildServer(path.join(__dirname, "../.tmp", `server-build-${process.pid}`));
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
});
