/**
 * An agent's reply names its author wherever the customer's side reads it: the live stream (so
 * the chat page never has to wait for its details to say who spoke), the stream's backlog on a
 * reconnect, GET /api/conversations/:id, and the message a relay reads back on another instance.
 * The author is public: first name, initials, team; never the full name or the email.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { replyAsAgent } from "~/inbox/actions.server";
import { toLiveMessage } from "~/runtime/publish.server";
import { db } from "~/utils/db.server";
import { eventsRequest, getConversationRequest } from "../support/chat-api";
import { handOff, seedInbox, viewerFor } from "../support/inbox";
import { readEvents } from "../support/sse";

type StreamedMessage = { id: string; role: string; text: string; author?: { name: string; initials: string; team: string | null } };

let ana: Awaited<ReturnType<typeof viewerFor>>;
let admin: Awaited<ReturnType<typeof viewerFor>>;

beforeAll(async () => {
  await seedInbox();
  [ana, admin] = await Promise.all(["ana@baton.local", "admin@baton.local"].map(viewerFor));
});

/** Opens the customer's stream, lets `act` run, and returns the message events of the first `count` events. */
async function streamWhile(id: string, token: string, count: number, act: () => Promise<unknown>, headers: Record<string, string> = {}): Promise<StreamedMessage[]> {
  const abort = new AbortController();
  const response = await eventsRequest(id, { token, signal: abort.signal, headers });
  const reading = readEvents(response.body as ReadableStream<Uint8Array>, count);
  await act();
  const events = await reading;
  abort.abort();
  return events.filter((event) => event.event === "message").map((event) => event.data as StreamedMessage);
}

describe("an agent's reply on the customer's side", () => {
  it("reaches the live stream with its author's first name, initials and team, and nothing else about them", async () => {
    const { id, token } = await handOff();
    // status (waiting), "Ana joined the conversation.", the reply, status (open).
    const messages = await streamWhile(id, token, 4, () => replyAsAgent(ana, { conversationId: id, clientMessageId: "author-1", text: "Hi, Ana here." }));
    const reply = messages.find((message) => message.role === "agent");
    expect(reply).toMatchObject({ text: "Hi, Ana here.", author: { name: "Ana", initials: "AA", team: "Support" } });
    expect(Object.keys(reply?.author ?? {}).sort()).toEqual(["initials", "name", "team"]);
    expect(JSON.stringify(messages)).not.toMatch(/ana@baton\.local|Ana Agent/);
    // Only agent lines have an author.
    expect(messages.filter((message) => message.role !== "agent").every((message) => message.author === undefined)).toBe(true);
  });

  it("keeps the author in the stream's backlog after a reconnect and in GET /api/conversations/:id", async () => {
    const { id, token } = await handOff();
    await replyAsAgent(ana, { conversationId: id, clientMessageId: "author-2", text: "Still with you." });
    const stored = await db.message.findFirstOrThrow({ where: { conversationId: id, role: "agent" }, select: { seq: true } });
    const backlog = await streamWhile(id, token, 2, async () => undefined, { "last-event-id": String(stored.seq - 1) });
    expect(backlog[0]).toMatchObject({ role: "agent", author: { name: "Ana", team: "Support" } });

    const api = (await (await getConversationRequest(id, { token })).json()) as { messages: StreamedMessage[] };
    expect(api.messages.find((message) => message.role === "agent")?.author).toEqual({ name: "Ana", initials: "AA", team: "Support" });
  });

  it("is read back from the stored row, as the relay does for a stream on another instance", async () => {
    const { id } = await handOff();
    await replyAsAgent(admin, { conversationId: id, clientMessageId: "author-3", text: "An admin answering." });
    const row = await db.message.findFirstOrThrow({
      where: { conversationId: id, role: "agent" },
      select: { id: true, seq: true, role: true, text: true, createdAt: true, metadata: true },
    });
    // Ada is in no team: she appears without one, never as the queue's team.
    expect(toLiveMessage(row)).toMatchObject({ role: "agent", author: { name: "Ada", initials: "AA", team: null } });
  });
});
