/**
 * Crash safety on the real production server: drive concurrent turns over HTTP, SIGKILL the
 * server mid-load, restart it on the same database, then check that every acknowledged (200)
 * message is stored exactly once and every conversation carries on from its snapshot.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind, db } from "~/utils/db.server";
import { startServer, type RunningServer } from "../support/built-server";
import { sharedServerBuild } from "../support/shared-build";
import { publishFixtureFlow, seedTeams } from "../support/chat-api";

const CONVERSATIONS = 12;
let buildFile = "";
let server: RunningServer | null = null;

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
  // The test process and the server share this file's database; WAL lets both in.
  if (databaseKind === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  buildFile = await sharedServerBuild();
});

afterAll(async () => {
  await server?.stop("SIGKILL");
});

type Acked = { conversationId: string; clientMessageId: string; text: string; reply: unknown };

async function post(url: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("a server killed mid-load", () => {
  it("keeps every acknowledged message exactly once and resumes every conversation", async () => {
    const env = { CHAT_RATE_LIMIT_PER_MINUTE: "100000" };
    const databaseUrl = process.env.DATABASE_URL as string;
    server = await startServer({ buildFile, databaseUrl, env });
    const conversations: Array<{ id: string; token: string }> = [];
    for (let index = 0; index < CONVERSATIONS; index += 1) {
      const created = await post(`${server.url}/api/chat/runtime-test/conversations`, {});
      expect(created.status).toBe(201);
      conversations.push({ id: created.json.conversationId as string, token: created.json.token as string });
    }

    const acked: Acked[] = [];
    let sent = 0;
    let stopping = false;
    const texts = ["where is my order?", "A-12345", "thanks", "where is my parcel"];
    const drive = async (conversation: { id: string; token: string }, lane: number) => {
      // Keeps sending until the server dies under it, so the kill always lands on requests in flight
      // (stopping only says a failure is expected from here on).
      for (let turn = 0; ; turn += 1) {
        const clientMessageId = `${lane}-${turn}`;
        const text = texts[turn % texts.length];
        sent += 1;
        try {
          const reply = await post(`${server?.url}/api/conversations/${conversation.id}/messages`, { clientMessageId, text }, conversation.token);
          if (reply.status === 200) acked.push({ conversationId: conversation.id, clientMessageId, text, reply: reply.json });
          else throw new Error(`unexpected ${reply.status}: ${JSON.stringify(reply.json)}`);
        } catch (error) {
          if (!stopping) throw error;
          return; // the server died under this request: unacknowledged, may or may not be stored
        }
      }
    };
    // Two lanes per conversation: turns of one conversation also race each other.
    const lanes = conversations.flatMap((conversation, index) => [drive(conversation, index * 2), drive(conversation, index * 2 + 1)]);
    while (acked.length < 150) await new Promise((resolve) => setTimeout(resolve, 20));
    stopping = true;
    await server.stop("SIGKILL");
    await Promise.allSettled(lanes);
    expect(acked.length).toBeGreaterThanOrEqual(150);
    expect(sent).toBeGreaterThan(acked.length);

    server = await startServer({ buildFile, databaseUrl, env });

    for (const message of acked) {
      const stored = await db.message.findMany({
        where: { conversationId: message.conversationId, clientMessageId: message.clientMessageId },
        select: { text: true, role: true },
      });
      expect(stored).toEqual([{ text: message.text, role: "customer" }]);
    }
    for (const conversation of conversations) {
      const messages = await db.message.findMany({ where: { conversationId: conversation.id }, orderBy: { seq: "asc" }, select: { seq: true, turnId: true, role: true } });
      expect(messages.map((message) => message.seq)).toEqual(messages.map((_, index) => index + 1));
      // Every turn is whole: a customer line with a turn id never lacks its turn's replies.
      const customerTurns = messages.filter((message) => message.role === "customer").length;
      const row = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id }, select: { version: true, status: true } });
      expect(row.version).toBe(1 + customerTurns);

      // An acknowledged id replayed after the restart gets the same answer; a new message is answered.
      const last = acked.filter((message) => message.conversationId === conversation.id).at(-1);
      if (last) {
        const replay = await post(`${server.url}/api/conversations/${conversation.id}/messages`, { clientMessageId: last.clientMessageId, text: last.text }, conversation.token);
        expect(replay).toEqual({ status: 200, json: last.reply });
      }
      const next = await post(`${server.url}/api/conversations/${conversation.id}/messages`, { clientMessageId: "after-restart", text: "where is my order?" }, conversation.token);
      expect(next.status).toBe(200);
      const reply = next.json as { status: string; messages: Array<{ role: string; text: string }> };
      expect(reply.messages[0]).toMatchObject({ role: "customer", text: "where is my order?" });
      if (row.status === "bot" || row.status === "resolved") expect(reply.messages.length).toBeGreaterThan(1);
    }
  }, 120_000);
});
