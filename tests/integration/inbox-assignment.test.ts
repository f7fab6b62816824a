/**
 * Round-robin assignment on the real database: at the moment of handoff (the dispatcher hears
 * it on the live bus), within each agent's capacity, skipping agents who are away, and never
 * leaving a conversation stranded when someone becomes free.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { settleInboxDispatcher } from "~/inbox/dispatcher.server";
import { resolveConversation } from "~/inbox/actions.server";
import { setAvailability } from "~/inbox/agent-settings.server";
import { assignWaiting } from "~/inbox/assignment.server";
import { createConversation } from "~/runtime/conversations.server";
import { handleCustomerMessage } from "~/runtime/turn.server";
import { db } from "~/utils/db.server";
import { handOff, seedInbox, teamId, viewerFor } from "../support/inbox";

let support: string;
const ids: Record<string, string> = {};

async function person(email: string, name: string, capacity: number, availability: "online" | "away") {
  const user = await db.user.create({
    data: { email, name, role: "agent", passwordHash: "x", capacity, availability, memberships: { create: [{ teamId: support }] } },
    select: { id: true },
  });
  return user.id;
}

beforeAll(async () => {
  await seedInbox();
  support = await teamId("support");
  await db.team.update({ where: { id: support }, data: { assignment: "round_robin" } });
  ids.ana = (await db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { id: true } })).id;
  ids.dan = await person("dan@baton.local", "Dan Agent", 2, "online");
  ids.eve = await person("eve@baton.local", "Eve Agent", 1, "away");
});

beforeEach(async () => {
  // Each test starts from an empty queue and fresh agents.
  await db.conversation.updateMany({ where: { status: { in: ["waiting", "open"] } }, data: { status: "resolved", resolvedAt: new Date() } });
  await db.user.updateMany({ where: { id: { in: Object.values(ids) } }, data: { lastAssignedAt: null } });
  await db.user.update({ where: { id: ids.ana }, data: { capacity: 1, availability: "online" } });
  await db.user.update({ where: { id: ids.eve }, data: { availability: "away" } });
});

const assigneeOf = async (id: string) => (await db.conversation.findUniqueOrThrow({ where: { id }, select: { assigneeId: true } })).assigneeId;
const openCount = (userId: string) => db.conversation.count({ where: { assigneeId: userId, status: "open" } });

describe("round robin", () => {
  it("assigns each handoff at once, to whoever was assigned longest ago, within capacity, skipping who is away", async () => {
    const first = await handOff();
    await expect.poll(() => assigneeOf(first.id)).toBe(ids.ana);
    const second = await handOff();
    await expect.poll(() => assigneeOf(second.id)).toBe(ids.dan);
    // Ana is full (1 of 1): Dan again, though Ana was assigned longer ago.
    const third = await handOff();
    await expect.poll(() => assigneeOf(third.id)).toBe(ids.dan);
    // Everyone online is full: it waits.
    const fourth = await handOff();
    await settleInboxDispatcher();
    expect(await assigneeOf(fourth.id)).toBeNull();
    expect(await openCount(ids.eve)).toBe(0);

    // Ana resolves hers: the waiting one is hers at once.
    expect(await resolveConversation(await viewerFor("ana@baton.local"), first.id)).toMatchObject({ ok: true });
    expect(await assigneeOf(fourth.id)).toBe(ids.ana);
    const joined = await db.message.findFirst({ where: { conversationId: fourth.id, role: "system", text: "Ana joined the conversation." } });
    expect(joined).not.toBeNull();
    expect(await db.event.count({ where: { conversationId: fourth.id, type: "conversation.assigned", payload: { contains: '"round_robin"' } } })).toBe(1);
  });

  it("gives a waiting conversation to an agent the moment they come online", async () => {
    await db.user.update({ where: { id: ids.ana }, data: { availability: "away" } });
    await db.user.update({ where: { id: ids.dan }, data: { availability: "away" } });
    const waiting = await handOff();
    await settleInboxDispatcher();
    expect(await assigneeOf(waiting.id)).toBeNull();
    await setAvailability(ids.eve, "online");
    expect(await assigneeOf(waiting.id)).toBe(ids.eve);
    await db.user.update({ where: { id: ids.dan }, data: { availability: "online" } });
  });

  it("keeps every agent within capacity when eight customers hand off at the same moment", async () => {
    const conversations = await Promise.all(Array.from({ length: 8 }, () => handOff()));
    // Ana 1 + Dan 2 (Eve is away): three assigned, five wait.
    await expect.poll(() => db.conversation.count({ where: { id: { in: conversations.map((c) => c.id) }, status: "open" } })).toBe(3);
    await settleInboxDispatcher();
    expect(await openCount(ids.ana)).toBe(1);
    expect(await openCount(ids.dan)).toBe(2);
    expect(await db.conversation.count({ where: { id: { in: conversations.map((c) => c.id) }, status: "waiting", assigneeId: null } })).toBe(5);
  });

  it("leaves manual teams and preview runs alone", async () => {
    const billing = await handOff("chargeback");
    const preview = await createConversation({ slug: "runtime-test", channel: "preview" });
    if (!preview) throw new Error("no preview conversation");
    await handleCustomerMessage({ conversationId: preview.conversationId, clientMessageId: "p-1", text: "I want to talk to a human" });
    await settleInboxDispatcher();
    expect(await assigneeOf(billing.id)).toBeNull();
    expect(await assigneeOf(preview.conversationId)).toBeNull();
    expect(await assignWaiting(support)).toBe(0);
  });

  it("assigns what is already waiting when a team switches to round robin", async () => {
    await db.team.update({ where: { id: support }, data: { assignment: "manual" } });
    const waiting = await handOff();
    await settleInboxDispatcher();
    expect(await assigneeOf(waiting.id)).toBeNull();
    await db.team.update({ where: { id: support }, data: { assignment: "round_robin" } });
    expect(await assignWaiting(support)).toBe(1);
    expect(await assigneeOf(waiting.id)).toBe(ids.ana);
  });
});
