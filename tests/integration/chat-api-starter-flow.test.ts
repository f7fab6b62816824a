import { beforeAll, describe, expect, it } from "vitest";
import { parseHandoffPacket } from "~/runtime/handoff-packet";
import { db } from "~/utils/db.server";
import { seedStarterFlows } from "~/workspace/seed-flows.server";
import { say, seedTeams, startConversation } from "../support/chat-api";

beforeAll(async () => {
  await seedTeams();
  const report = await seedStarterFlows(db);
  expect(report.invalid).toEqual([]);
  expect(report.published).toContain("store-support.json");
});

describe("the starter flow store-support over the chat API, with the local engines", () => {
  it("is seeded once: a second seed publishes nothing new", async () => {
    const again = await seedStarterFlows(db);
    expect(again.published).toEqual([]);
    expect(again.unchanged).toContain("store-support.json");
    expect(await db.flowVersion.count({ where: { flow: { slug: "store-support" } } })).toBe(1);
  });

  it("a delivered-but-missing parcel reaches the support queue with everything the bot captured", async () => {
    const { id, token, messages } = await startConversation("store-support", { page: "https://threads.example/orders" });
    expect(messages[0].text).toContain("Threads & Co. assistant");
    const replies = [];
    for (const text of ["Where is my order 1234509876? It hasn't arrived", "ben@example.com", "Delivered"]) {
      const { response, json } = await say(id, token, text);
      expect(response.status).toBe(200);
      replies.push(json);
      if (json.status !== "bot") break;
    }
    const last = replies.at(-1);
    expect(last?.status).toBe("waiting");
    // The flow's escalate node words the notice itself: exactly one, no extra system line.
    expect(last?.messages.filter((message) => message.role !== "customer").map((message) => message.text)).toEqual([
      "I'm sorry your parcel hasn't turned up. I'm passing order 1234509876 to our support team: a person will reply in this chat to trace it or send a replacement.",
    ]);

    const row = await db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, priority: true, team: { select: { slug: true } }, handoff: true } });
    expect(row).toMatchObject({ status: "waiting", priority: 2, team: { slug: "support" } });
    const packet = parseHandoffPacket(row.handoff);
    expect(packet).toMatchObject({
      trigger: "node",
      nodeId: "missing-parcel",
      priority: "high",
      page: "https://threads.example/orders",
      intent: { name: "order_status" },
      fields: { order_id: "1234509876", email: "ben@example.com", shipping_status: "Delivered" },
    });
    expect(packet?.tried.questionsAsked).toEqual(expect.arrayContaining(["Thanks! And what's the email address on the order?"]));
    expect(packet?.transcript.filter((line) => line.role === "customer")).toHaveLength(3);
  });
});
