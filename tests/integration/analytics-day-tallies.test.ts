/**
 * The report counts each day's cohort in SQL (day-tallies.server.ts); the per-conversation facts
 * (conversation-facts.server.ts) counted by metrics.ts's summarise are the reference. Both must give
 * the same figures, to the last digit, on a set built from the edges: the first and last
 * millisecond of the range's UTC days (and just outside), a reply on the next UTC day, a team whose
 * business hours are in Tokyo, a reopened handoff, an old row replied before its latest handoff,
 * every way a handoff ends without a reply, repeat contacts at exactly 7 days, at 7 days and 1 ms,
 * after the range's end, in another flow, two conversations of one contact in the same millisecond,
 * a preview run in between; ratings on both sides; a trigger the app does not know and no node.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "~/analytics/cohort.server";
import { loadBusinessClock } from "~/analytics/business-clock.server";
import { loadConversationFacts } from "~/analytics/conversation-facts.server";
import { loadCohortTallies } from "~/analytics/day-tallies.server";
import {
  escalationGroupsByNode,
  escalationGroupsByTrigger,
  escalationsByNode,
  escalationsByTrigger,
  summarise,
  summariseByDay,
  summariseTallies,
} from "~/analytics/metrics";
import { resolveRange } from "~/analytics/range";
import { db } from "~/utils/db.server";
import { seedPeople } from "~/workspace/seed-people.server";
import { addConversation, createFixtureFlow, type FixtureFlow } from "../support/analytics-fixtures";

const MINUTE = 60_000;
const RANGE = resolveRange({ range: "custom", from: "2026-03-01", to: "2026-03-07" });

let desk: FixtureFlow;
let shop: FixtureFlow;
let support: string;
let billing: string;
let tokyo: string;

/** Both computations over one cohort; the SQL one must equal the reference in every figure. */
async function compare(cohort: Cohort, days: string[]) {
  const clock = await loadBusinessClock();
  const facts = await loadConversationFacts(cohort);
  const { tallies, replies, escalations } = await loadCohortTallies(cohort);
  const counted = summariseTallies(tallies, replies, days, clock);
  expect(counted.summary).toEqual(summarise(facts, clock));
  expect(counted.daily).toEqual(summariseByDay(facts, days, clock));
  expect(escalationGroupsByTrigger(escalations, counted.summary.conversations)).toEqual(escalationsByTrigger(facts));
  expect(escalationGroupsByNode(escalations, counted.summary.conversations)).toEqual(escalationsByNode(facts));
  return counted;
}

beforeAll(async () => {
  await seedPeople(db);
  const teams = await db.team.findMany({ select: { id: true, slug: true } });
  support = teams.find((team) => team.slug === "support")!.id;
  billing = teams.find((team) => team.slug === "billing")!.id;
  const weekdays = JSON.stringify(Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((day) => [day, [["09:00", "17:00"]]])));
  tokyo = (await db.team.create({ data: { slug: "tokyo-desk", name: "Tokyo desk", timeZone: "Asia/Tokyo", hours: weekdays }, select: { id: true } })).id;
  desk = await createFixtureFlow({ slug: "tally-desk", name: "Desk", defaultTeam: "support" });
  shop = await createFixtureFlow({ slug: "tally-shop", name: "Shop", defaultTeam: "billing" });
  const contact = async (name: string) => (await db.contact.create({ data: { name }, select: { id: true } })).id;
  const [k1, k2, k3, k4, k5, k6] = await Promise.all(["T1", "T2", "T3", "T4", "T5", "T6"].map(contact));

  // The range's first and last instants, and the instants just outside it.
  await addConversation({ flow: desk, createdAt: "2026-03-01T00:00:00.000Z", status: "resolved", csat: 5, contactId: k1, nodes: ["start", "ask", "done"] });
  await addConversation({ flow: desk, createdAt: "2026-03-07T23:59:59.999Z", status: "bot", csat: 1, contactId: k1, nodes: ["start", "ask"] });
  await addConversation({ flow: desk, createdAt: "2026-03-08T00:00:00.000Z", status: "bot", contactId: k1 });
  await addConversation({ flow: desk, createdAt: "2026-02-28T23:59:59.999Z", status: "resolved", contactId: k1 });
  // Back exactly 7 days later in the other flow (a repeat); back 7 days and 1 ms later (not one).
  await addConversation({ flow: desk, createdAt: "2026-03-02T10:00:00.000Z", status: "resolved", csat: 3, contactId: k2 });
  await addConversation({ flow: shop, createdAt: "2026-03-09T10:00:00.000Z", status: "resolved", contactId: k2 });
  await addConversation({ flow: desk, createdAt: "2026-03-02T12:00:00.000Z", status: "bot", contactId: k3 });
  await addConversation({ flow: desk, createdAt: "2026-03-09T12:00:00.001Z", status: "bot", contactId: k3 });
  // One contact twice in the same millisecond, then only a preview run: no repeat. Another twice, then back 3 days later: two repeats.
  await addConversation({ flow: desk, createdAt: "2026-03-03T08:00:00.000Z", status: "resolved", contactId: k4 });
  await addConversation({ flow: shop, createdAt: "2026-03-03T08:00:00.000Z", status: "bot", contactId: k4 });
  await addConversation({ flow: desk, createdAt: "2026-03-04T08:00:00.000Z", status: "resolved", channel: "preview", contactId: k4 });
  await addConversation({ flow: desk, createdAt: "2026-03-03T09:00:00.000Z", status: "resolved", contactId: k5 });
  await addConversation({ flow: desk, createdAt: "2026-03-03T09:00:00.000Z", status: "resolved", contactId: k5 });
  await addConversation({ flow: shop, createdAt: "2026-03-06T09:00:00.000Z", status: "bot", contactId: k5 });

  // Handoffs: handed off 5 minutes before midnight UTC and answered on the next UTC day (counted on the start's day).
  await addConversation({ flow: desk, createdAt: "2026-03-01T23:50:00.000Z", status: "resolved", teamId: support, contactId: k6, escalatedAfterMinutes: 5, repliedAfterMinutes: 20, csat: 2, closedBy: "agent", nodes: ["start", "human"] });
  // Tokyo's hours: handed off at 08:50 in Tokyo (23:50 UTC), answered 30 minutes later: 20 business minutes.
  await addConversation({ flow: shop, createdAt: "2026-03-04T23:40:00.000Z", status: "open", teamId: tokyo, escalatedAfterMinutes: 10, repliedAfterMinutes: 30, trigger: "humanRequest", handoffNodeId: "ask", nodes: ["start", "ask"] });
  await addConversation({ flow: shop, createdAt: "2026-03-05T07:00:00.000Z", status: "resolved", teamId: tokyo, escalatedAfterMinutes: 1, repliedAfterMinutes: 600, csat: 4, closedBy: "agent", nodes: ["start", "human"] });
  // Reopened: the first handoff at 10:01, a reply at 10:11, the latest handoff (the reopen) at 15:00, waiting again.
  const reopened = await addConversation({ flow: desk, createdAt: "2026-03-04T10:00:00.000Z", status: "waiting", teamId: support, escalatedAfterMinutes: 300, nodes: ["start", "human"] });
  await db.conversation.update({ where: { id: reopened }, data: { firstEscalatedAt: new Date("2026-03-04T10:01:00.000Z"), firstHumanResponseAt: new Date("2026-03-04T10:11:00.000Z") } });
  // An old row without its first handoff, handed off again after the reply: no honest wait, counted nowhere.
  const old = await addConversation({ flow: desk, createdAt: "2026-03-04T11:00:00.000Z", status: "open", teamId: support, escalatedAfterMinutes: 300, nodes: ["start", "human"] });
  await db.conversation.update({ where: { id: old }, data: { firstHumanResponseAt: new Date("2026-03-04T12:00:00.000Z") } });
  // Every end without a reply: handed back and closed by the bot, handed back and with the bot again, closed by a person, awaiting.
  await addConversation({ flow: desk, createdAt: "2026-03-05T10:00:00.000Z", status: "resolved", teamId: support, escalatedAfterMinutes: 2, closedBy: "bot", csat: 4, nodes: ["start", "human"] });
  await addConversation({ flow: desk, createdAt: "2026-03-05T11:00:00.000Z", status: "bot", teamId: support, escalatedAfterMinutes: 2, trigger: "repeatedFailure", handoffNodeId: "ask", nodes: ["start", "ask"] });
  await addConversation({ flow: shop, createdAt: "2026-03-05T12:00:00.000Z", status: "resolved", teamId: billing, escalatedAfterMinutes: 2, closedBy: "agent", csat: 1, nodes: ["start", "human"] });
  await addConversation({ flow: shop, createdAt: "2026-03-06T12:00:00.000Z", status: "waiting", teamId: billing, escalatedAfterMinutes: 3, trigger: "sensitive", handoffNodeId: "ask", nodes: ["start", "ask"] });
  // Replied, then handed back and closed by the bot; moved from support to billing before the reply (both teams count it).
  await addConversation({ flow: desk, createdAt: "2026-03-06T10:00:00.000Z", status: "resolved", teamId: support, escalatedAfterMinutes: 1, repliedAfterMinutes: 7, closedBy: "bot", nodes: ["start", "human"] });
  await addConversation({ flow: desk, createdAt: "2026-03-06T14:00:00.000Z", status: "resolved", teamId: billing, escalatedAfterMinutes: 1, repliedAfterMinutes: 45, closedBy: "agent", csat: 5, movedFrom: { teamId: support, afterMinutes: 5 }, nodes: ["start", "human"] });
  // A trigger the app does not know, with no node; a preview handoff (never counted).
  const unknown = await addConversation({ flow: shop, createdAt: "2026-03-07T09:00:00.000Z", status: "waiting", teamId: billing, escalatedAfterMinutes: 1, trigger: "mystery", nodes: ["start"] });
  await db.conversation.update({ where: { id: unknown }, data: { handoffNodeId: null } });
  await addConversation({ flow: desk, createdAt: "2026-03-07T10:00:00.000Z", status: "open", channel: "preview", teamId: support, escalatedAfterMinutes: 1, repliedAfterMinutes: 1, csat: 5 });
});

describe("per-day tallies in SQL against the per-conversation computation", () => {
  it("gives every figure of the whole range, per day and per breakdown, exactly", async () => {
    const { summary, daily } = await compare({ from: RANGE.from, to: RANGE.to, flowId: null, teams: null }, RANGE.days);
    // Known figures, so the comparison is about this set: 21 conversations in the range.
    expect(summary.conversations).toBe(21);
    expect(summary.escalated.count).toBe(12);
    // waits of 20, 30, 600, 10 (the reopened one, from its first handoff), 7 and 45 minutes; the old row counts nowhere
    expect(summary.firstResponse).toMatchObject({ count: 6, medianMs: 25 * MINUTE, awaiting: 2, closedWithoutReply: 1, handedBackWithoutReply: 2 });
    expect(summary.firstResponse.business.medianMs).not.toBe(summary.firstResponse.medianMs);
    expect(summary.closedByBotAfterHandBack.count).toBe(2);
    // T1's first (→ last instant), its last instant (→ 1 ms later, after the range), T2 at exactly 7 days, T5's two same-millisecond ones
    expect(summary.repeatContact).toEqual({ count: 5, of: 10, rate: 0.5 });
    expect(summary.csatBotOnly).toEqual({ responses: 3, average: 3, satisfiedRate: 1 / 3 });
    expect(summary.csatEscalated).toMatchObject({ responses: 5 });
    expect(daily.map((day) => day.conversations)).toEqual([2, 2, 4, 3, 4, 4, 2]);
  });

  it("agrees for one flow, for each team (a handoff moved before a reply counts for both), for no team and for one day", async () => {
    const all = { from: RANGE.from, to: RANGE.to };
    await compare({ ...all, flowId: desk.id, teams: null }, RANGE.days);
    await compare({ ...all, flowId: shop.id, teams: null }, RANGE.days);
    const supportView = await compare({ ...all, flowId: null, teams: { teamIds: [support], teamSlugs: ["support"] } }, RANGE.days);
    const billingView = await compare({ ...all, flowId: null, teams: { teamIds: [billing], teamSlugs: ["billing"] } }, RANGE.days);
    expect(supportView.summary.conversations + billingView.summary.conversations).toBeGreaterThan(0);
    const tokyoView = await compare({ ...all, flowId: shop.id, teams: { teamIds: [tokyo], teamSlugs: ["tokyo-desk"] } }, RANGE.days);
    expect(tokyoView.summary.firstResponse).toMatchObject({ count: 2, business: { medianMs: expect.any(Number) } });
    expect(tokyoView.summary.firstResponse.business.medianMs).toBeLessThan(tokyoView.summary.firstResponse.medianMs!);
    const nobody = await compare({ ...all, flowId: null, teams: { teamIds: [], teamSlugs: [] } }, RANGE.days);
    expect(nobody.summary.conversations).toBe(0);
    const lastDay = resolveRange({ range: "custom", from: "2026-03-07", to: "2026-03-07" });
    const oneDay = await compare({ from: lastDay.from, to: lastDay.to, flowId: null, teams: null }, lastDay.days);
    expect(oneDay.summary.conversations).toBe(2);
  });
});
