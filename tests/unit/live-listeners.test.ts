import { describe, expect, it } from "vitest";
import { listenerCount, publish, subscribe, type LiveEvent } from "~/runtime/live.server";

// A listener may say which event types it handles (the inbox dispatcher: status changes only), so
// an instance can tell that a message relayed from another instance has nobody to read it for.
describe("live listeners that want some event types only", () => {
  const status: LiveEvent = { type: "status", conversationId: "c1", status: "waiting", teamId: "t1" };
  const message: LiveEvent = { type: "message", conversationId: "c1", message: { id: "m1", seq: 1, role: "customer", text: "hi", createdAt: new Date(0).toISOString() } };

  it("gets only the types it wants, and counts as a listener for those types alone", () => {
    const received: LiveEvent[] = [];
    const unsubscribe = subscribe("team:narrow", (event) => received.push(event), ["status"]);
    publish("team:narrow", message);
    publish("team:narrow", status);
    expect(received).toEqual([status]);
    expect(listenerCount("team:narrow")).toBe(1);
    expect(listenerCount("team:narrow", "status")).toBe(1);
    expect(listenerCount("team:narrow", "message")).toBe(0);

    const everything: LiveEvent[] = [];
    const unsubscribeAll = subscribe("team:narrow", (event) => everything.push(event));
    expect(listenerCount("team:narrow", "message")).toBe(1);
    unsubscribeAll();
    unsubscribe();
    expect(listenerCount("team:narrow")).toBe(0);
    expect(listenerCount("team:narrow", "status")).toBe(0);
  });
});
