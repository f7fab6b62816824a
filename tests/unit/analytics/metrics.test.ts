/** The metric definitions (app/analytics/metrics.ts) on hand-made facts with known answers. */
import { describe, expect, it } from "vitest";
import {
  withNextContacts,
  escalationsByNode,
  escalationsByTrigger,
  isRepeatContact,
  percentile,
  summarise,
  summariseByDay,
  type ConversationFacts,
} from "~/analytics/metrics";
import { conversationFacts } from "../../support/conversation-facts";

const T0 = Date.parse("2026-06-10T09:00:00Z");
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

let counter = 0;
function facts(overrides: Partial<ConversationFacts> = {}): ConversationFacts {
  counter += 1;
  return conversationFacts(`c${counter}`, T0, overrides);
}

const escalated = (overrides: Partial<ConversationFacts> = {}) =>
  facts({ status: "waiting", escalatedAt: T0 + MIN, handoffTrigger: "node", handoffNodeId: "to-support", ...overrides });

describe("percentile (PERCENTILE.INC)", () => {
  it("interpolates between closest ranks and is null without values", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([60, 120, 300, 600], 0.9)).toBeCloseTo(510, 9);
    expect(percentile([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46, 9);
    expect(percentile([10, 20, 30, 40, 50], 0.5)).toBe(30);
  });
});

describe("summarise", () => {
  it("gives zero counts and no rates for no conversations", () => {
    expect(summarise([])).toEqual({
      conversations: 0,
      contained: { count: 0, of: 0, rate: null },
      escalated: { count: 0, of: 0, rate: null },
      leftWithBot: { count: 0, of: 0, rate: null },
      firstResponse: { count: 0, medianMs: null, p90Ms: null, awaiting: 0, closedWithoutReply: 0, handedBackWithoutReply: 0, business: { medianMs: null, p90Ms: null } },
      resolvedAfterHandoff: { count: 0, of: 0, rate: null },
      closedByBotAfterHandBack: { count: 0, of: 0, rate: null },
      repeatContact: { count: 0, of: 0, rate: null },
      csatBotOnly: { responses: 0, average: null, satisfiedRate: null },
      csatEscalated: { responses: 0, average: null, satisfiedRate: null },
    });
  });

  it("counts containment, escalation and what is left with the bot on one set", () => {
    const set = [
      facts({ status: "resolved", csat: 5 }),
      facts({ status: "resolved", csat: 3 }),
      facts({ status: "resolved" }),
      facts({ status: "bot" }),
      escalated({ status: "resolved", firstHumanResponseAt: T0 + 2 * MIN, csat: 2 }),
      escalated({ status: "open", firstHumanResponseAt: T0 + 3 * MIN }),
      escalated({ status: "waiting" }),
      // handed back to the bot after a person was involved: still escalated, not contained
      escalated({ status: "bot", firstHumanResponseAt: T0 + 6 * MIN }),
    ];
    const summary = summarise(set);
    expect(summary.conversations).toBe(8);
    expect(summary.contained).toEqual({ count: 3, of: 8, rate: 3 / 8 });
    expect(summary.escalated).toEqual({ count: 4, of: 8, rate: 0.5 });
    expect(summary.leftWithBot).toEqual({ count: 1, of: 8, rate: 1 / 8 });
    expect(summary.resolvedAfterHandoff).toEqual({ count: 1, of: 4, rate: 0.25 });
    // replies after 1, 2 and 5 minutes; one handoff still waiting
    expect(summary.firstResponse).toEqual({ count: 3, medianMs: 2 * MIN, p90Ms: 4.4 * MIN, awaiting: 1, closedWithoutReply: 0, handedBackWithoutReply: 0, business: { medianMs: 2 * MIN, p90Ms: 4.4 * MIN } });
    expect(summary.csatBotOnly).toEqual({ responses: 2, average: 4, satisfiedRate: 0.5 });
    expect(summary.csatEscalated).toEqual({ responses: 1, average: 2, satisfiedRate: 0 });
  });

  it("has no escalation metrics when nothing was handed off", () => {
    const summary = summarise([facts({ status: "resolved", csat: 4 }), facts()]);
    expect(summary.escalated).toEqual({ count: 0, of: 2, rate: 0 });
    expect(summary.resolvedAfterHandoff.rate).toBeNull();
    expect(summary.firstResponse).toEqual({ count: 0, medianMs: null, p90Ms: null, awaiting: 0, closedWithoutReply: 0, handedBackWithoutReply: 0, business: { medianMs: null, p90Ms: null } });
    expect(summary.csatEscalated.average).toBeNull();
    expect(summary.csatBotOnly).toEqual({ responses: 1, average: 4, satisfiedRate: 1 });
  });

  it("measures a reopened conversation once, from its first handoff to its first reply", () => {
    // Handed off at +1 min, answered at +4, resolved; the customer wrote again at +60 (escalatedAt moved), answered again at +70.
    const reopened = escalated({ firstEscalatedAt: T0 + MIN, escalatedAt: T0 + 60 * MIN, firstHumanResponseAt: T0 + 4 * MIN, status: "open" });
    // Handed off, handed back to the bot, handed off again at +30, never answered: awaiting its first reply.
    const handedOffTwice = escalated({ firstEscalatedAt: T0 + MIN, escalatedAt: T0 + 30 * MIN, firstHumanResponseAt: null, status: "waiting" });
    const once = escalated({ firstEscalatedAt: T0 + MIN, firstHumanResponseAt: T0 + 9 * MIN, status: "resolved" });
    const summary = summarise([reopened, handedOffTwice, once]);
    expect(summary.firstResponse).toMatchObject({ count: 2, medianMs: 5.5 * MIN, p90Ms: 3 * MIN + 0.9 * 5 * MIN, awaiting: 1 });
    expect(summary.escalated).toEqual({ count: 3, of: 3, rate: 1 });
  });

  it("leaves out a reply that came before a later handoff on a row without its first handoff", () => {
    const summary = summarise([escalated({ escalatedAt: T0 + 30 * MIN, firstHumanResponseAt: T0 + 10 * MIN, status: "waiting" })]);
    expect(summary.firstResponse).toEqual({ count: 0, medianMs: null, p90Ms: null, awaiting: 0, closedWithoutReply: 0, handedBackWithoutReply: 0, business: { medianMs: null, p90Ms: null } });
  });

  it("counts a handoff a person resolved without ever replying as closed without a reply, not awaiting and not lost", () => {
    const summary = summarise([
      escalated({ status: "resolved", resolvedBy: "person", firstHumanResponseAt: null }),
      escalated({ status: "resolved", resolvedBy: "person", firstHumanResponseAt: T0 + 5 * MIN }),
      escalated({ status: "open", firstHumanResponseAt: null }),
    ]);
    expect(summary.firstResponse).toEqual({ count: 1, medianMs: 4 * MIN, p90Ms: 4 * MIN, awaiting: 1, closedWithoutReply: 1, handedBackWithoutReply: 0, business: { medianMs: 4 * MIN, p90Ms: 4 * MIN } });
    expect(summary.resolvedAfterHandoff).toEqual({ count: 2, of: 3, rate: 2 / 3 });
  });

  it("counts a handoff given back to the bot before any reply as handed back without a reply, whether the bot still has it or closed it", () => {
    const summary = summarise([
      escalated({ status: "bot", firstHumanResponseAt: null }),
      escalated({ status: "resolved", resolvedBy: "bot", firstHumanResponseAt: null }),
      // handed back, then the bot handed it off again: waiting for a person once more
      escalated({ status: "waiting", firstEscalatedAt: T0 + MIN, escalatedAt: T0 + 20 * MIN, firstHumanResponseAt: null }),
    ]);
    expect(summary.firstResponse).toMatchObject({ count: 0, awaiting: 1, closedWithoutReply: 0, handedBackWithoutReply: 2 });
  });

  it("separates what a person resolved from what the bot closed after a hand-back", () => {
    const summary = summarise([
      escalated({ status: "resolved", resolvedBy: "person", firstHumanResponseAt: T0 + 2 * MIN }),
      escalated({ status: "resolved", resolvedBy: "bot", firstHumanResponseAt: T0 + 3 * MIN }),
      escalated({ status: "resolved", resolvedBy: "bot" }),
      escalated({ status: "bot", firstHumanResponseAt: T0 + 3 * MIN }),
      facts({ status: "resolved" }),
    ]);
    expect(summary.resolvedAfterHandoff).toEqual({ count: 1, of: 4, rate: 0.25 });
    expect(summary.closedByBotAfterHandBack).toEqual({ count: 2, of: 4, rate: 0.5 });
    expect(summary.contained.count).toBe(1);
  });

  it("counts a repeat contact within 7 days only, over conversations with a contact", () => {
    const exactly = facts({ contactId: "k1", nextContactAt: T0 + 7 * DAY });
    const late = facts({ contactId: "k1", nextContactAt: T0 + 7 * DAY + 1 });
    const never = facts({ contactId: "k2" });
    const anonymous = facts({ contactId: null, nextContactAt: T0 + MIN });
    expect([exactly, late, never, anonymous].map(isRepeatContact)).toEqual([true, false, false, false]);
    expect(summarise([exactly, late, never, anonymous]).repeatContact).toEqual({ count: 1, of: 3, rate: 1 / 3 });
  });
});

describe("withNextContacts", () => {
  it("finds each conversation's next conversation of the same contact, wherever it is", () => {
    const visits = [
      { contactId: "k1", at: T0 + 3 * DAY },
      { contactId: "k1", at: T0 },
      { contactId: "k1", at: T0 + DAY },
      { contactId: "k2", at: T0 - DAY },
    ];
    const [first, second, last, other, anonymous] = withNextContacts(
      [
        facts({ contactId: "k1", createdAt: T0 }),
        facts({ contactId: "k1", createdAt: T0 + DAY }),
        facts({ contactId: "k1", createdAt: T0 + 3 * DAY }),
        facts({ contactId: "k2", createdAt: T0 }),
        facts({ contactId: null, createdAt: T0 }),
      ],
      visits,
    );
    expect([first, second, last, other, anonymous].map((row) => row.nextContactAt)).toEqual([T0 + DAY, T0 + 3 * DAY, null, null, null]);
  });
});

describe("summariseByDay", () => {
  it("buckets by the UTC day a conversation started, keeping empty days", () => {
    const days = ["2026-06-09", "2026-06-10", "2026-06-11"];
    const daily = summariseByDay(
      [
        facts({ createdAt: Date.parse("2026-06-09T23:59:59.999Z"), status: "resolved" }),
        facts({ createdAt: Date.parse("2026-06-11T00:00:00.000Z") }),
        escalated({ createdAt: Date.parse("2026-06-11T18:00:00Z") }),
        facts({ createdAt: Date.parse("2026-06-12T00:00:00Z") }), // outside the days: ignored
      ],
      days,
    );
    expect(daily.map((day) => [day.day, day.conversations, day.contained.count, day.escalated.count])).toEqual([
      ["2026-06-09", 1, 1, 0],
      ["2026-06-10", 0, 0, 0],
      ["2026-06-11", 2, 0, 1],
    ]);
    expect(daily[1].contained.rate).toBeNull();
  });
});

describe("escalation breakdowns", () => {
  const set = [
    escalated({ handoffTrigger: "node", handoffNodeId: "to-billing" }),
    escalated({ handoffTrigger: "node", handoffNodeId: "to-billing" }),
    escalated({ handoffTrigger: "humanRequest", handoffNodeId: "topic" }),
    escalated({ handoffTrigger: "mystery", handoffNodeId: null, flowId: "flow-b" }),
    facts({ status: "resolved" }),
  ];

  it("groups handoffs by trigger with their share of escalations and of all conversations", () => {
    expect(escalationsByTrigger(set)).toEqual([
      { key: "node", count: 2, shareOfEscalations: 0.5, rateOfConversations: 0.4 },
      { key: "humanRequest", count: 1, shareOfEscalations: 0.25, rateOfConversations: 0.2 },
      { key: "unknown", count: 1, shareOfEscalations: 0.25, rateOfConversations: 0.2 },
    ]);
    expect(escalationsByTrigger([facts()])).toEqual([]);
  });

  it("groups handoffs by flow and node", () => {
    expect(escalationsByNode(set).map((row) => [row.key, row.count])).toEqual([
      [{ flowId: "flow-a", nodeId: "to-billing" }, 2],
      [{ flowId: "flow-a", nodeId: "topic" }, 1],
      [{ flowId: "flow-b", nodeId: null }, 1],
    ]);
  });
});
