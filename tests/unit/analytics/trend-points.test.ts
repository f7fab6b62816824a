/** The trend charts' points: the day still under way keeps its counts but its rates go apart ("today so far"). */
import { describe, expect, it } from "vitest";
import { summariseByDay, type ConversationFacts } from "~/analytics/metrics";
import { toTrendPoints } from "~/analytics/trend-points";
import { conversationFacts } from "../../support/conversation-facts";

function facts(id: string, createdAt: string, status: string, escalatedAt: string | null = null): ConversationFacts {
  const escalated = escalatedAt ? Date.parse(escalatedAt) : null;
  return conversationFacts(id, Date.parse(createdAt), { status, escalatedAt: escalated, firstEscalatedAt: escalated });
}

const daily = summariseByDay(
  [
    facts("a", "2026-06-14T09:00:00Z", "resolved"),
    facts("b", "2026-06-14T10:00:00Z", "waiting", "2026-06-14T10:05:00Z"),
    facts("c", "2026-06-15T09:00:00Z", "resolved"),
    facts("d", "2026-06-15T11:00:00Z", "bot"),
    facts("e", "2026-06-15T11:30:00Z", "bot"),
    facts("f", "2026-06-15T11:45:00Z", "waiting", "2026-06-15T11:50:00Z"),
  ],
  ["2026-06-14", "2026-06-15"],
);

describe("toTrendPoints", () => {
  it("moves the partial day's rates to the 'so far' keys and keeps its counts", () => {
    const [yesterday, today] = toTrendPoints(daily, "2026-06-15");
    expect(yesterday).toMatchObject({ partial: false, containment: 0.5, escalation: 0.5, containmentSoFar: null, escalationSoFar: null });
    expect(today).toMatchObject({ partial: true, contained: 1, escalated: 1, leftWithBot: 2, containment: null, escalation: null, containmentSoFar: 0.25, escalationSoFar: 0.25 });
  });

  it("keeps the partial day's response times and ratings apart too, as every daily chart marks it", () => {
    const rated = summariseByDay(
      [
        conversationFacts("r1", Date.parse("2026-06-14T09:00:00Z"), { status: "resolved", csat: 4 }),
        conversationFacts("r2", Date.parse("2026-06-15T09:00:00Z"), { status: "resolved", csat: 2 }),
        conversationFacts("h1", Date.parse("2026-06-14T10:00:00Z"), { status: "open", escalatedAt: Date.parse("2026-06-14T10:00:00Z"), firstEscalatedAt: Date.parse("2026-06-14T10:00:00Z"), firstHumanResponseAt: Date.parse("2026-06-14T10:06:00Z") }),
        conversationFacts("h2", Date.parse("2026-06-15T10:00:00Z"), { status: "open", escalatedAt: Date.parse("2026-06-15T10:00:00Z"), firstEscalatedAt: Date.parse("2026-06-15T10:00:00Z"), firstHumanResponseAt: Date.parse("2026-06-15T10:03:00Z") }),
      ],
      ["2026-06-14", "2026-06-15"],
    );
    const [yesterday, today] = toTrendPoints(rated, "2026-06-15");
    expect(yesterday).toMatchObject({ medianMinutes: 6, medianMinutesSoFar: null, csatBotOnly: 4, csatBotOnlySoFar: null });
    expect(today).toMatchObject({ medianMinutes: null, medianMinutesSoFar: 3, p90Minutes: null, p90MinutesSoFar: 3, csatBotOnly: null, csatBotOnlySoFar: 2 });
  });

  it("draws every day on the line when the range is over", () => {
    const points = toTrendPoints(daily, null);
    expect(points.map((point) => [point.containment, point.containmentSoFar])).toEqual([
      [0.5, null],
      [0.25, null],
    ]);
  });
});
