/** First human response in business time next to wall time (metrics.ts with a business clock). */
import { describe, expect, it } from "vitest";
import { summarise, type BusinessClock, type ConversationFacts } from "~/analytics/metrics";
import { businessMsBetween, type BusinessHours } from "~/workspace/business-hours";

const MIN = 60_000;
const weekdays = [["09:00", "17:00"]] as [string, string][];
const berlin: BusinessHours = { timeZone: "Europe/Berlin", weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays }, holidays: [] };
const clock: BusinessClock = (facts, start, end) => (facts.teamId === "billing" ? businessMsBetween(berlin, new Date(start), new Date(end)) : end - start);

function handoff(id: string, teamId: string, escalated: string, replied: string): ConversationFacts {
  const at = Date.parse(escalated);
  return {
    id, flowId: "f", createdAt: at - MIN, status: "open", escalatedAt: at, firstEscalatedAt: at, firstHumanResponseAt: Date.parse(replied), csat: null,
    resolvedBy: null, handoffTrigger: "node", handoffNodeId: "n", contactId: null, nextContactAt: null, teamId,
  };
}

describe("first human response in business time", () => {
  it("counts only the team's open hours; wall time for a team that is always open", () => {
    const facts = [
      // Friday 4 Dec 2026 18:00 Berlin → Monday 7 Dec 9:05: 63 h 5 min of wall time, 5 business minutes.
      handoff("a", "billing", "2026-12-04T17:00:00Z", "2026-12-07T08:05:00Z"),
      // Inside hours: 10 minutes both ways.
      handoff("b", "billing", "2026-12-07T09:00:00Z", "2026-12-07T09:10:00Z"),
      // Support has no hours: 30 minutes both ways.
      handoff("c", "support", "2026-12-05T22:00:00Z", "2026-12-05T22:30:00Z"),
    ];
    const { firstResponse } = summarise(facts, clock);
    expect(firstResponse.count).toBe(3);
    expect(firstResponse.medianMs).toBe(30 * MIN);
    expect(firstResponse.business.medianMs).toBe(10 * MIN);
    expect(firstResponse.p90Ms).toBeGreaterThan(40 * 60 * MIN);
    expect(firstResponse.business.p90Ms).toBeCloseTo(26 * MIN, 5);
  });

  it("equals wall time without a clock", () => {
    const { firstResponse } = summarise([handoff("a", "billing", "2026-12-04T17:00:00Z", "2026-12-07T08:05:00Z")]);
    expect(firstResponse.business).toEqual({ medianMs: firstResponse.medianMs, p90Ms: firstResponse.p90Ms });
  });
});
