import { describe, expect, it } from "vitest";
import { createEventStreamParser, type StreamEvent } from "~/chat/event-stream";
import { describeStatus, formatWait } from "~/chat/format";
import { medianMinutes } from "~/chat/wait-estimate";

describe("the event-stream parser", () => {
  it("reads events split across chunks, ignores comments and reports retry", () => {
    const events: StreamEvent[] = [];
    const retries: number[] = [];
    const feed = createEventStreamParser((event) => events.push(event), (ms) => retries.push(ms));
    feed("retry: 3000\n\nevent: status\ndata: {\"status\":\"bot\"}\n\n: heartbeat 1\n\nevent: mess");
    feed("age\nid: 7\ndata: {\"id\":\"m1\",\r\ndata: \"text\":\"a\"}\r\n\r");
    feed("\n");
    expect(retries).toEqual([3000]);
    expect(events).toEqual([
      { event: "status", data: "{\"status\":\"bot\"}" },
      { event: "message", id: "7", data: "{\"id\":\"m1\",\n\"text\":\"a\"}" },
    ]);
  });
});

describe("wait estimate and status line", () => {
  it("is the median of recent waits, and unknown with fewer than 3", () => {
    expect(medianMinutes([60_000, 120_000])).toBeNull();
    expect(medianMinutes([60_000, 600_000, 180_000])).toBe(3);
    expect(medianMinutes([60_000, 120_000, 180_000, 240_000])).toBe(2.5);
    expect(medianMinutes([-5, Number.NaN, 60_000, 60_000, 60_000])).toBe(1);
  });

  it("reads like a person would say it", () => {
    expect(formatWait(null)).toBe("a few minutes");
    expect(formatWait(0.2)).toBe("about 1 min");
    expect(formatWait(7.4)).toBe("about 7 min");
    expect(formatWait(130)).toBe("about 2 h");
    const team = { slug: "billing", name: "Billing" };
    expect(describeStatus("bot", { team: null, waitMinutes: null, assignee: null })).toBe("Bot · replies instantly");
    expect(describeStatus("waiting", { team, waitMinutes: 4, assignee: null })).toBe("Waiting for the Billing team · about\u00a04\u00a0min");
    expect(describeStatus("open", { team: { slug: "support", name: "Support" }, waitMinutes: null, assignee: { name: "Ana", initials: "AA", team: "Support" } })).toBe("Ana from Support");
    // An admin in no team answers for the conversation's team; a Billing agent for Billing.
    expect(describeStatus("open", { team: { slug: "support", name: "Support" }, waitMinutes: null, assignee: { name: "Ada", initials: "AA", team: null } })).toBe("Ada from Support");
    expect(describeStatus("open", { team: { slug: "support", name: "Support" }, waitMinutes: null, assignee: { name: "Ben", initials: "BA", team: "Billing" } })).toBe("Ben from Billing");
  });
});
