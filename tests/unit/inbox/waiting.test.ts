import { describe, expect, it } from "vitest";
import { formatDuration, humanize, isSlaBreached } from "~/inbox/format";
import { parseQueueKey, queueLabel, type QueueRow } from "~/inbox/queues";
import { byPriorityThenWait, waitingSince } from "~/inbox/waiting";

const at = (minutesAgo: number, now = Date.parse("2026-03-01T12:00:00Z")) => new Date(now - minutesAgo * 60_000);
const NOW = Date.parse("2026-03-01T12:00:00Z");

describe("waiting since", () => {
  it("counts from the handoff until an agent answers, then from the customer's first unanswered line", () => {
    expect(waitingSince({ status: "waiting", escalatedAt: at(10), lastAgentAt: null, firstUnansweredAt: at(12) })).toEqual(at(10));
    expect(waitingSince({ status: "open", escalatedAt: at(10), lastAgentAt: at(5), firstUnansweredAt: null })).toBeNull();
    expect(waitingSince({ status: "open", escalatedAt: at(10), lastAgentAt: at(5), firstUnansweredAt: at(3) })).toEqual(at(3));
    // An agent reply from before a reopen does not count as an answer to the new handoff.
    expect(waitingSince({ status: "waiting", escalatedAt: at(2), lastAgentAt: at(60), firstUnansweredAt: at(2) })).toEqual(at(2));
    // Moved to another queue after the agent spoke last: nobody has it, it waits from that reply.
    expect(waitingSince({ status: "waiting", escalatedAt: at(30), lastAgentAt: at(4), firstUnansweredAt: null })).toEqual(at(4));
    expect(waitingSince({ status: "resolved", escalatedAt: at(30), lastAgentAt: null, firstUnansweredAt: null })).toBeNull();
  });

  it("sorts by priority, then the longest wait, with rows where nobody waits last", () => {
    const row = (id: string, priority: QueueRow["priority"], minutes: number | null): QueueRow => ({
      id,
      status: "open",
      contactName: null,
      contactEmail: null,
      intent: null,
      priority,
      team: null,
      assignee: null,
      waitingSince: minutes === null ? null : at(minutes).toISOString(),
      slaMinutes: 30,
      unread: 0,
      lastMessage: null,
      lastMessageAt: at(1).toISOString(),
      resolvedAt: null,
      csat: null,
      snoozedUntil: null,
      labels: [],
    });
    const sorted = [row("normal-2", "normal", 2), row("calm", "normal", null), row("urgent", "urgent", 1), row("normal-9", "normal", 9), row("low", "low", 60)].sort(byPriorityThenWait(NOW));
    expect(sorted.map((item) => item.id)).toEqual(["urgent", "normal-9", "normal-2", "calm", "low"]);
  });
});

describe("formatting", () => {
  it("shows short, ticking durations and flags a breach only past the target", () => {
    expect([formatDuration(45_000), formatDuration(4 * 60_000 + 5_000), formatDuration(65 * 60_000), formatDuration(26 * 3_600_000)]).toEqual(["45s", "4m", "1h 05m", "1d 2h"]);
    expect(formatDuration(-5)).toBe("0s");
    expect(isSlaBreached(at(31).toISOString(), 30, NOW)).toBe(true);
    expect(isSlaBreached(at(29).toISOString(), 30, NOW)).toBe(false);
    expect(isSlaBreached(null, 30, NOW)).toBe(false);
    expect(isSlaBreached(at(90).toISOString(), null, NOW)).toBe(false);
    expect(humanize("order_status")).toBe("Order status");
  });

  it("reads queue keys from the URL and falls back on anything else", () => {
    expect(parseQueueKey("mine")).toBe("mine");
    expect(parseQueueKey("waiting:support")).toBe("waiting:support");
    expect(parseQueueKey("waiting:Support; DROP")).toBe("now");
    expect(parseQueueKey(null)).toBe("now");
    expect(queueLabel("waiting:support", [{ slug: "support", name: "Support" }])).toBe("Waiting · Support");
  });
});
