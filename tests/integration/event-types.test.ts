/**
 * The event types in app/vocabulary/events.ts are the ones the app writes: a conversation taken
 * through the bot, a handoff and an agent's whole day (claim, note, reply, reassign, resolve,
 * reopen) leaves no Event row of a type the list does not name.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addInternalNote, claimConversation, reassignConversation, reopenConversation, replyAsAgent, resolveConversation } from "~/inbox/actions.server";
import { db } from "~/utils/db.server";
import { EVENT_TYPES } from "~/vocabulary/events";
import { say, startConversation } from "../support/chat-api";
import { handOff, seedInbox, teamId, viewerFor } from "../support/inbox";

beforeAll(async () => {
  await seedInbox();
});

describe("event types", () => {
  it("names every event a conversation records, from the bot to the agent and back", async () => {
    const chat = await startConversation();
    await say(chat.id, chat.token, "hello there");
    const conversation = await handOff();
    const ana = await viewerFor("ana@baton.local");
    expect(await claimConversation(ana, conversation.id)).toMatchObject({ ok: true });
    expect(await addInternalNote(ana, { conversationId: conversation.id, clientMessageId: "n-1", text: "Checking" })).toMatchObject({ ok: true });
    expect(await replyAsAgent(ana, { conversationId: conversation.id, clientMessageId: "r-1", text: "On it" })).toMatchObject({ ok: true });
    const admin = await viewerFor("admin@baton.local");
    expect(await reassignConversation(admin, { conversationId: conversation.id, teamId: await teamId("billing"), note: "" })).toMatchObject({ ok: true });
    expect(await resolveConversation(admin, conversation.id)).toMatchObject({ ok: true });
    expect(await reopenConversation(admin, conversation.id)).toMatchObject({ ok: true });

    const written = (await db.event.findMany({ distinct: ["type"], select: { type: true } })).map((event) => event.type);
    expect(written).toEqual(expect.arrayContaining(["conversation.started", "node.entered", "conversation.assigned", "note.added", "conversation.reassigned", "conversation.resolved", "conversation.reopened"]));
    expect(written.filter((type) => !(EVENT_TYPES as readonly string[]).includes(type))).toEqual([]);
  });
});
