/**
 * A customer's stream sends each message once, in seq order, even when the live events arrive
 * out of order — as with several instances, where a message this instance publishes overtakes an
 * earlier one still coming through the PostgreSQL relay. The events are delivered here by hand
 * (deliverLocally, what the relay does with another instance's event), so the order is certain.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { deliverLocally, type LiveMessage } from "~/runtime/live.server";
import { db } from "~/utils/db.server";
import { eventsRequest, publishFixtureFlow, seedTeams, startConversation } from "../support/chat-api";
import { readEvents } from "../support/sse";

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
});

/** Stores an agent's message at `seq` without publishing it; returns it as its live event carries it. */
async function storeMessage(conversationId: string, seq: number, text: string, role: "agent" | "note" = "agent"): Promise<LiveMessage> {
  const message = await db.message.create({ data: { conversationId, seq, role, text }, select: { id: true, createdAt: true } });
  return { id: message.id, seq, role, text, createdAt: message.createdAt.toISOString() };
}

function arrive(conversationId: string, message: LiveMessage) {
  deliverLocally([`conversation:${conversationId}`], { type: "message", conversationId, message });
}

describe("the customer's stream when live events arrive out of order", () => {
  it("reads a skipped message back before the one that overtook it, skips notes, and never sends a late one twice", async () => {
    const { id, token } = await startConversation();
    const last = (await db.message.findFirstOrThrow({ where: { conversationId: id }, orderBy: { seq: "desc" }, select: { seq: true } })).seq;
    const abort = new AbortController();
    const response = await eventsRequest(id, { token, signal: abort.signal, headers: { "last-event-id": String(last) } });
    const body = response.body as ReadableStream<Uint8Array>;
    expect((await readEvents(body, 1)).map((event) => event.event)).toEqual(["status"]);

    const first = await storeMessage(id, last + 1, "first, from the other instance");
    const second = await storeMessage(id, last + 2, "second, from this instance");
    const reading = readEvents(body, 2);
    arrive(id, second); // the earlier message's event is still on its way
    const repaired = await reading;
    expect(repaired.map((event) => [event.id, (event.data as { text: string }).text])).toEqual([
      [String(last + 1), first.text],
      [String(last + 2), second.text],
    ]);

    const note = await storeMessage(id, last + 3, "internal: check the order", "note");
    const third = await storeMessage(id, last + 4, "third");
    const afterNote = readEvents(body, 1);
    arrive(id, first); // late: already sent
    arrive(id, note);
    arrive(id, third);
    const events = await afterNote;
    abort.abort();
    expect(events.map((event) => [event.id, (event.data as { text: string }).text])).toEqual([[String(last + 4), "third"]]);
  });

  it("delivers a message another instance stored first when a stream opened without a resume point meets a later one first", async () => {
    const { id, token } = await startConversation();
    const last = (await db.message.findFirstOrThrow({ where: { conversationId: id }, orderBy: { seq: "desc" }, select: { seq: true } })).seq;
    const abort = new AbortController();
    const response = await eventsRequest(id, { token, signal: abort.signal }); // no Last-Event-ID: from now on
    const body = response.body as ReadableStream<Uint8Array>;
    expect((await readEvents(body, 1)).map((event) => event.event)).toEqual(["status"]);

    const viaRelay = await storeMessage(id, last + 1, "from the other instance");
    const local = await storeMessage(id, last + 2, "from this instance");
    const after = await storeMessage(id, last + 3, "later");
    const reading = readEvents(body, 2);
    arrive(id, local); // the stream's first live event; the other instance's is still on its way
    arrive(id, viaRelay);
    arrive(id, after);
    const texts = (events: Awaited<typeof reading>) => events.map((event) => [event.id, (event.data as { text: string }).text]);
    expect(texts(await reading)).toEqual([
      [String(last + 1), viaRelay.text],
      [String(last + 2), local.text],
    ]);
    const rest = await readEvents(body, 1);
    abort.abort();
    expect(texts(rest)).toEqual([[String(last + 3), after.text]]);
  });
});
