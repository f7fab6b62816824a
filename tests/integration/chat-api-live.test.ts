import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as conversations from "~/runtime/conversations.server";
import { db } from "~/utils/db.server";
import { eventsRequest, feedbackRequest, publishFixtureFlow, say, seedTeams, startConversation } from "../support/chat-api";
import { readEvents } from "../support/sse";

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow("runtime-test");
  await publishFixtureFlow("kb-test");
  await db.article.createMany({
    data: [
      { slug: "returns", title: "How to return an item", body: "You can return any item within 30 days of delivery. Print the return label from your orders page and drop the parcel at any post office.", tags: "[]" },
      { slug: "shipping", title: "Shipping times", body: "Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day.", tags: "[]" },
    ],
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("live updates", () => {
  it("streams message and status events to the token holder and closes cleanly on abort", async () => {
    const { id, token } = await startConversation();
    const abort = new AbortController();
    const response = await eventsRequest(id, { token, signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const body = response.body as ReadableStream<Uint8Array>;
    const reading = readEvents(body, 4);
    await say(id, token, "I need a human please");
    const events = await reading;
    expect(events[0]).toMatchObject({ event: "status", data: { status: "bot" } });
    expect(events.filter((event) => event.event === "message").map((event) => (event.data as { role: string }).role)).toEqual(["customer", "system"]);
    expect(events[3]).toMatchObject({ event: "status", data: { status: "waiting", team: { slug: "support", name: "Support" } } });
    const messageEvent = events.find((event) => event.event === "message");
    expect(messageEvent?.id).toMatch(/^\d+$/);
    abort.abort();
    const reader = body.getReader();
    // The stream must end once the client aborts: reading to the end finishes (or the test times out).
    let result = await reader.read();
    while (!result.done) result = await reader.read();
    expect(result.done).toBe(true);
  });

  it("replays messages after Last-Event-ID on reconnect", async () => {
    const { id, token } = await startConversation();
    await say(id, token, "where is my order?");
    const abort = new AbortController();
    const response = await eventsRequest(id, { token, signal: abort.signal, headers: { "last-event-id": "1" } });
    const events = await readEvents(response.body as ReadableStream<Uint8Array>, 3);
    abort.abort();
    expect(events.map((event) => event.event)).toEqual(["status", "message", "message"]);
    expect(events[1].id).toBe("2");
  });

  it("replays the messages after ?after=<seq> (for clients that cannot set Last-Event-ID)", async () => {
    const { id, token } = await startConversation();
    await say(id, token, "where is my order?");
    const abort = new AbortController();
    const response = await eventsRequest(id, { token, signal: abort.signal, query: "?after=2" });
    const events = await readEvents(response.body as ReadableStream<Uint8Array>, 2);
    abort.abort();
    expect(events.map((event) => [event.event, event.id])).toEqual([["status", undefined], ["message", "3"]]);
    expect((events[1].data as { text: string }).text).toBe("What's your order number?");
  });

  it("does not miss a message committed while the stream reads its backlog", async () => {
    const { id, token } = await startConversation();
    const readView = conversations.getCustomerView;
    // The turn commits after the backlog was read and before the stream starts: the old gap.
    vi.spyOn(conversations, "getCustomerView").mockImplementation(async (...args) => {
      const view = await readView(...args);
      await say(id, token, "where is my order?");
      return view;
    });
    const abort = new AbortController();
    const response = await eventsRequest(id, { token, signal: abort.signal, headers: { "last-event-id": "1" } });
    const events = await readEvents(response.body as ReadableStream<Uint8Array>, 3);
    abort.abort();
    expect(events.map((event) => [event.event, event.id])).toEqual([["status", undefined], ["message", "2"], ["message", "3"]]);
    expect(events.slice(1).map((event) => (event.data as { role: string }).role)).toEqual(["customer", "bot"]);
  });

  it("sends a message that is both in the backlog and live only once", async () => {
    const { id, token } = await startConversation();
    const readView = conversations.getCustomerView;
    // The turn commits (and is published) after the subscription, before the backlog is read.
    vi.spyOn(conversations, "getCustomerView").mockImplementation(async (...args) => {
      await say(id, token, "where is my order?");
      return readView(...args);
    });
    const abort = new AbortController();
    const response = await eventsRequest(id, { token, signal: abort.signal, headers: { "last-event-id": "1" } });
    const reading = readEvents(response.body as ReadableStream<Uint8Array>, 4);
    await say(id, token, "A-12345");
    const events = await reading;
    abort.abort();
    expect(events.map((event) => [event.event, event.id ?? null])).toEqual([
      ["status", null],
      ["message", "2"],
      ["message", "3"],
      ["message", "4"],
    ]);
  });
});

describe("feedback on knowledge base answers", () => {
  it("records helpful feedback once and lets the flow continue to its end", async () => {
    const { id, token } = await startConversation("kb-test");
    const asked = await say(id, token, "how do I return an item?");
    const answer = asked.json.messages.find((message) => message.source);
    expect(answer?.source).toMatchObject({ slug: "returns" });
    const feedback = await feedbackRequest(id, { token, body: { messageId: answer?.id, helpful: true } });
    expect(feedback.status).toBe(200);
    const json = (await feedback.json()) as { status: string; messages: Array<{ text: string; csat?: boolean }> };
    expect(json.status).toBe("resolved");
    expect(json.messages.map((message) => message.text)).toContain("Great, glad that helped!");
    const again = await feedbackRequest(id, { token, body: { messageId: answer?.id, helpful: false } });
    expect(((await again.json()) as { messages: unknown[] }).messages).toEqual([]);
    expect(await db.event.count({ where: { conversationId: id, type: "kb.feedback" } })).toBe(1);
    const rated = await feedbackRequest(id, { token, body: { csat: 4 } });
    expect(rated.status).toBe(200);
  });

  it("hands off when the answer did not help", async () => {
    const { id, token } = await startConversation("kb-test");
    const asked = await say(id, token, "how long does shipping take?");
    const answer = asked.json.messages.find((message) => message.source);
    const feedback = await feedbackRequest(id, { token, body: { messageId: answer?.id, helpful: false } });
    const json = (await feedback.json()) as { status: string };
    expect(json.status).toBe("waiting");
    const row = await db.conversation.findUniqueOrThrow({ where: { id }, select: { handoff: true } });
    expect(JSON.parse(row.handoff ?? "{}").tried.articlesShown).toEqual([expect.objectContaining({ slug: "shipping" })]);
  });
});
