import { beforeAll, describe, expect, it } from "vitest";
import { getEngines } from "~/engines/index.server";
import type { Engines } from "~/engines/types";
import { commitTurn, TurnConflictError } from "~/runtime/conversation-store.server";
import { queryOne } from "~/runtime/sql.server";
import { handleCustomerMessage } from "~/runtime/turn.server";
import { db } from "~/utils/db.server";
import { publishFixtureFlow, say, seedTeams, startConversation } from "../support/chat-api";

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
});

describe("turns are idempotent and serialised", () => {
  it("answers the same clientMessageId twice with the same stored reply and runs one turn", async () => {
    const { id, token } = await startConversation();
    const first = await say(id, token, "where is my order?", "client-1");
    const versionAfterFirst = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } });
    const again = await say(id, token, "where is my order?", "client-1");
    const differentText = await say(id, token, "something else entirely", "client-1");
    expect(first.response.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(differentText.json).toEqual(first.json);
    expect(await db.message.count({ where: { conversationId: id, role: "customer" } })).toBe(1);
    expect((await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } })).version).toBe(versionAfterFirst.version);
  });

  it("answers concurrent repeats of one clientMessageId once", async () => {
    const { id, token } = await startConversation();
    const replies = await Promise.all(Array.from({ length: 5 }, () => say(id, token, "where is my order?", "same-id")));
    for (const reply of replies) expect(reply.json).toEqual(replies[0].json);
    expect(await db.message.count({ where: { conversationId: id, clientMessageId: "same-id" } })).toBe(1);
  });

  it("stores 20 concurrent turns on one conversation, all of them, in order", async () => {
    const { id, token } = await startConversation();
    await say(id, token, "I want to talk to a human"); // waiting: every later message is stored, none answered by the bot
    const texts = Array.from({ length: 20 }, (_, index) => `message ${index + 1}`);
    const replies = await Promise.all(texts.map((text, index) => say(id, token, text, `c-${index}`)));
    expect(replies.every((reply) => reply.response.status === 200)).toBe(true);
    const stored = await db.message.findMany({ where: { conversationId: id }, orderBy: { seq: "asc" }, select: { seq: true, text: true, role: true } });
    expect(stored.map((message) => message.seq)).toEqual(stored.map((_, index) => index + 1));
    expect(stored.filter((message) => message.text.startsWith("message ")).map((message) => message.text)).toEqual(texts);
  });

  it("keeps every turn of 20 concurrent calls to the turn engine, each with its own turn id", async () => {
    const { id } = await startConversation();
    const before = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } });
    const texts = Array.from({ length: 20 }, (_, index) => `question ${index + 1}`);
    const results = await Promise.all(texts.map((text, index) => handleCustomerMessage({ conversationId: id, clientMessageId: `t-${index}`, text })));
    expect(results).toHaveLength(20);
    const customer = await db.message.findMany({ where: { conversationId: id, role: "customer" }, orderBy: { seq: "asc" }, select: { text: true, turnId: true } });
    expect(customer.map((message) => message.text)).toEqual(texts);
    expect(new Set(customer.map((message) => message.turnId)).size).toBe(20);
    const all = await db.message.findMany({ where: { conversationId: id }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(all.map((message) => message.seq)).toEqual(all.map((_, index) => index + 1));
    const after = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } });
    expect(after.version).toBe(before.version + 20);
  });
});

describe("the version column", () => {
  it("refuses a commit computed from a stale read and writes nothing", async () => {
    const { id } = await startConversation();
    const row = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true, flowId: true } });
    const messagesBefore = await db.message.count({ where: { conversationId: id } });
    await expect(
      commitTurn({
        conversationId: id,
        flowId: row.flowId,
        readVersion: row.version - 1,
        firstSeq: messagesBefore + 1,
        turnId: "stale",
        update: { status: "resolved" },
        messages: [{ role: "customer", text: "stale", metadata: {} }],
        events: [{ type: "stale", payload: {} }],
      }),
    ).rejects.toBeInstanceOf(TurnConflictError);
    expect(await db.message.count({ where: { conversationId: id } })).toBe(messagesBefore);
    expect(await db.event.count({ where: { conversationId: id, type: "stale" } })).toBe(0);
  });

  it("retries a turn from a fresh read when another writer commits while it runs", async () => {
    const { id } = await startConversation();
    const before = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } });
    const real = getEngines();
    let interfered = false;
    // Another instance commits on this conversation while the classifier runs (once).
    const engines: Engines = {
      ...real,
      intents: {
        classify: async (input) => {
          if (!interfered) {
            interfered = true;
            await db.conversation.update({ where: { id }, data: { version: { increment: 1 } }, select: { id: true } });
          }
          return real.intents.classify(input);
        },
      },
    };
    const reply = await handleCustomerMessage({ conversationId: id, clientMessageId: "raced", text: "where is my order?" }, engines);
    expect(reply.messages[0]).toMatchObject({ role: "customer", text: "where is my order?" });
    expect(reply.messages.map((message) => message.text)).toContain("What's your order number?");
    expect(await db.message.count({ where: { conversationId: id, clientMessageId: "raced" } })).toBe(1);
    expect((await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } })).version).toBe(before.version + 2);
  });
});

describe("group commit", () => {
  const turnOf = (id: string, flowId: string, readVersion: number, firstSeq: number, text: string) => ({
    conversationId: id,
    flowId,
    readVersion,
    firstSeq,
    turnId: text,
    update: { intent: text },
    messages: [{ role: "customer" as const, text, metadata: {} }],
    events: [{ type: "group.test", payload: { text } }],
  });

  /** What a turn reads before it commits: the version, the flow and how many messages there are. */
  const readHead = (id: string) => db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true, flowId: true, _count: { select: { messages: true } } } });

  it("commits turns requested together, each whole, and rolls back only the one that fails", async () => {
    const conversations = await Promise.all(Array.from({ length: 4 }, () => startConversation()));
    const rows = await Promise.all(conversations.map(({ id }) => readHead(id)));
    // Requested in one turn of the event loop, so they share one transaction; the third is stale.
    const outcomes = await Promise.allSettled(
      conversations.map(({ id }, index) =>
        commitTurn(turnOf(id, rows[index].flowId, index === 2 ? rows[index].version - 1 : rows[index].version, rows[index]._count.messages + 1, `grouped ${index}`)),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(TurnConflictError);
    for (const [index, { id }] of conversations.entries()) {
      const kept = index !== 2;
      const after = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true, intent: true } });
      expect(after).toEqual({ version: rows[index].version + (kept ? 1 : 0), intent: kept ? `grouped ${index}` : null });
      expect(await db.message.count({ where: { conversationId: id, text: `grouped ${index}` } })).toBe(kept ? 1 : 0);
      expect(await db.event.count({ where: { conversationId: id, type: "group.test" } })).toBe(kept ? 1 : 0);
    }
  });

  it("keeps a seq collision in its own turn: the other turns of the group are stored", async () => {
    const [first, second] = await Promise.all([startConversation(), startConversation()]);
    const [a, b] = await Promise.all([first, second].map(({ id }) => readHead(id)));
    // seq 1 is the greeting: the first turn collides on (conversationId, seq) after its UPDATE already ran.
    const outcomes = await Promise.allSettled([
      commitTurn(turnOf(first.id, a.flowId, a.version, 1, "collides")),
      commitTurn(turnOf(second.id, b.flowId, b.version, b._count.messages + 1, "fits")),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "fulfilled"]);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: first.id }, select: { version: true } })).version).toBe(a.version);
    expect(await db.message.count({ where: { conversationId: first.id, text: "collides" } })).toBe(0);
    expect(await db.message.count({ where: { conversationId: second.id, text: "fits" } })).toBe(1);
  });
});

describe("small reads on the writing connection", () => {
  it("never show a write that Prisma has not committed yet", async () => {
    const { id } = await startConversation();
    let seenInside: unknown = "not read";
    await db.$transaction(async (tx) => {
      await tx.conversation.update({ where: { id }, data: { intent: "uncommitted" }, select: { id: true } });
      // The connection is inside Prisma's transaction now: the read must come from committed data.
      seenInside = (await queryOne<{ intent: string | null }>(`SELECT "intent" FROM "Conversation" WHERE "id" = ?`, [id]))?.intent;
    });
    expect(seenInside).toBeNull();
    expect((await queryOne<{ intent: string | null }>(`SELECT "intent" FROM "Conversation" WHERE "id" = ?`, [id]))?.intent).toBe("uncommitted");
  });
});
