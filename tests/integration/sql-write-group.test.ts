import { beforeAll, describe, expect, it } from "vitest";
import { buildUpdate, isUniqueConflict, runWriteTransaction, VersionGuardError } from "~/runtime/sql.server";
import { db } from "~/utils/db.server";
import { publishFixtureFlow, seedTeams, startConversation } from "../support/chat-api";

// The group commit on both databases: writes requested together share one transaction, each in
// its own savepoint. On PostgreSQL each write is one multi-statement string with its values
// inlined as literals, so awkward text must arrive byte for byte and a failed write must leave
// the others (and nothing of itself) behind.

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
});

const AWKWARD = "it's a \\ backslash, a ? mark, $1, -- not a comment; \"quoted\" 'twice'' ünïcødé 🙂\nline two";

describe("group commit: one transaction, one savepoint per write", () => {
  it("a stale version guard, a unique conflict and a good write in one group: only the good write lands, intact", async () => {
    const { id } = await startConversation();
    const { version } = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } });
    const other = await startConversation();
    const { tokenHash: takenHash } = await db.conversation.findUniqueOrThrow({ where: { id: other.id }, select: { tokenHash: true } });
    const escalatedAt = new Date("2026-12-06T13:05:01.500Z");
    const stale = runWriteTransaction(
      [buildUpdate("Conversation", { version: { increment: 1 } }, { id, version: version + 99 }), buildUpdate("Conversation", { summary: "stale write" }, { id })],
      { guardFirst: true },
    );
    const conflict = runWriteTransaction([buildUpdate("Conversation", { summary: "conflicting write" }, { id }), buildUpdate("Conversation", { tokenHash: takenHash }, { id })]);
    const good = runWriteTransaction(
      [
        buildUpdate("Conversation", { version: { increment: 1 } }, { id, version }),
        buildUpdate("Conversation", { summary: AWKWARD, priority: 3, confidence: 0.25, escalatedAt, handoffReason: null }, { id }),
      ],
      { guardFirst: true },
    );
    const [staleResult, conflictResult, goodResult] = await Promise.allSettled([stale, conflict, good]);
    expect(staleResult.status === "rejected" && staleResult.reason).toBeInstanceOf(VersionGuardError);
    expect(conflictResult.status === "rejected" && isUniqueConflict(conflictResult.reason)).toBe(true);
    expect(goodResult.status).toBe("fulfilled");
    const row = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true, summary: true, priority: true, confidence: true, escalatedAt: true } });
    expect(row).toEqual({ version: version + 1, summary: AWKWARD, priority: 3, confidence: 0.25, escalatedAt });
  });

  it("good writes around a stale one in one group: the good ones land whatever their place (the group is resent write by write)", async () => {
    const conversations = await Promise.all([startConversation(), startConversation(), startConversation()]);
    const versions = await Promise.all(conversations.map(({ id }) => db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } })));
    const write = (index: number, stale: boolean) =>
      runWriteTransaction(
        [
          buildUpdate("Conversation", { version: { increment: 1 } }, { id: conversations[index].id, version: versions[index].version + (stale ? 5 : 0) }),
          buildUpdate("Conversation", { summary: `write ${index}` }, { id: conversations[index].id }),
        ],
        { guardFirst: true },
      );
    const results = await Promise.allSettled([write(0, false), write(1, true), write(2, false)]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await Promise.all(conversations.map(({ id }) => db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true, summary: true } })));
    expect(rows).toEqual([
      { version: versions[0].version + 1, summary: "write 0" },
      { version: versions[1].version, summary: null },
      { version: versions[2].version + 1, summary: "write 2" },
    ]);
  });

  it("a guard that matches no row on its own rejects with VersionGuardError and writes nothing", async () => {
    const { id } = await startConversation();
    const { version } = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await expect(
      runWriteTransaction([buildUpdate("Conversation", { version: { increment: 1 } }, { id, version: version + 1 }), buildUpdate("Conversation", { summary: "never" }, { id })], { guardFirst: true }),
    ).rejects.toBeInstanceOf(VersionGuardError);
    const row = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true, summary: true } });
    expect(row).toEqual({ version, summary: null });
  });
});
