import { beforeAll, describe, expect, it } from "vitest";
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

describe("live updates", () => {
  it("streams message and status events to the token holder and closes cleanly on abort", async () => {
    const { id, token } = await startConversation();
    const abort = new AbortController();
    const response = await eventsRequest(id, { token, signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const body = response.body as ReadableStream<Uint8Array>;
    const reading = readEvents(body, 5);
    await say(id, token, "I need a human please");
    const events = await reading;
    expect(events[0]).toMatchObject({ event: "status", data: { status: "bot" } });
    expect(events.filter((event) => event.event === "message").map((event) => (event.data as { role: string }).role)).toEqual(expect.arrayContaining(["customer", "bot"]));
    const messageEvent = events.find((event) => event.event === "message");
    expect(messageEvent?.id).toMatch(/^\d+$/);
    abort.abort();
    const reader = body.getReader();
    let closed = false;
    for (;;) {
      const { done } = await reader.read();
      if (done) {
        closed = true;
        break;
      }
    }
    expect(closed).toBe(true);
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
