import { describe, expect, it } from "vitest";
import { describeArrivals } from "~/inbox/components/conversation-list";
import type { QueueRow } from "~/inbox/queues";

const row = (id: string, fields: Partial<QueueRow> = {}) => ({ id, contactName: null, contactEmail: null, intent: null, ...fields }) as QueueRow;

describe("what a screen reader hears when handoffs arrive in the list", () => {
  it("names the one new conversation by its contact and intent", () => {
    expect(describeArrivals([row("c1", { contactName: "Maya", intent: "order_status" })])).toBe("New conversation: Maya, Order status.");
  });

  it("counts several and names the newest; a visitor without details by the row's stable label", () => {
    expect(describeArrivals([row("conv-abcd1234"), row("c2", { contactEmail: "sam@example.com" })])).toBe("2 new conversations, the newest: Visitor 1234.");
  });

  it("says nothing until something arrives", () => {
    expect(describeArrivals([])).toBe("");
  });
});
