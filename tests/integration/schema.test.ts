import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";

describe("the migrated database", () => {
  it("starts empty and enforces one clientMessageId per conversation", async () => {
    expect(await db.user.count()).toBe(0);
    const flow = await db.flow.create({ data: { slug: "s", name: "S", draft: "{}" } });
    const version = await db.flowVersion.create({ data: { flowId: flow.id, number: 1, document: "{}", documentHash: "h" } });
    const conversation = await db.conversation.create({ data: { flowId: flow.id, flowVersionId: version.id, tokenHash: "t" } });
    await db.message.create({ data: { conversationId: conversation.id, seq: 1, role: "customer", text: "hi", clientMessageId: "m1" } });
    await expect(
      db.message.create({ data: { conversationId: conversation.id, seq: 2, role: "customer", text: "hi", clientMessageId: "m1" } }),
    ).rejects.toThrow();
  });
});
