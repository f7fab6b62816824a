/**
 * The generated demo history (app/workspace/seed-history.server.ts) on the real database: it is
 * created once, its rows are consistent with the flows and with each other, and the analytics
 * page has something to show.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getAnalyticsReport } from "~/analytics/report.server";
import { readUnansweredList } from "~/kb/unanswered.server";
import { HandoffPacketSchema } from "~/runtime/handoff-packet";
import { db } from "~/utils/db.server";
import { DEMO_TOKEN_PREFIX } from "~/workspace/demo-history/generate";
import { DEMO_HISTORY, seedDemoHistory } from "~/workspace/seed-history.server";
import { seedKnowledgeBase } from "~/workspace/seed-knowledge-base.server";
import { seedPeople } from "~/workspace/seed-people.server";
import { seedStarterFlows } from "~/workspace/seed-flows.server";

const NOW = new Date("2026-06-15T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await seedPeople(db);
  await seedStarterFlows(db);
  await seedKnowledgeBase(db);
});

describe("the demo history seed", () => {
  it("does nothing when switched off, then creates the history once", async () => {
    process.env.BATON_DEMO_HISTORY = "off";
    await expect(seedDemoHistory(db, NOW)).resolves.toEqual({ created: 0, skipped: "disabled" });
    delete process.env.BATON_DEMO_HISTORY;
    expect(await db.conversation.count()).toBe(0);

    await expect(seedDemoHistory(db, NOW)).resolves.toEqual({ created: DEMO_HISTORY.conversations, skipped: null });
    const counts = async () => Promise.all([db.conversation.count(), db.message.count(), db.event.count(), db.contact.count()]);
    const before = await counts();
    await expect(seedDemoHistory(db, new Date(NOW.getTime() + DAY))).resolves.toEqual({ created: 0, skipped: "exists" });
    expect(await counts()).toEqual(before);
  });

  it("starts every agent with a clean Mine and a few handoffs waiting for minutes in their team's queue", async () => {
    expect(await db.conversation.count({ where: { status: "open" } })).toBe(0);
    const waiting = await db.conversation.findMany({ where: { status: "waiting" }, select: { escalatedAt: true, team: { select: { slug: true } }, assigneeId: true } });
    for (const conversation of waiting) {
      expect(NOW.getTime() - conversation.escalatedAt!.getTime()).toBeLessThan(30 * 60_000);
      expect(conversation.assigneeId).toBeNull();
    }
    const agents = await db.user.findMany({ where: { role: "agent" }, select: { email: true, memberships: { select: { team: { select: { slug: true } } } } } });
    expect(agents.length).toBeGreaterThan(0);
    for (const agent of agents) {
      const teams = new Set(agent.memberships.map((membership) => membership.team.slug));
      const queue = waiting.filter((conversation) => conversation.team && teams.has(conversation.team.slug));
      expect({ agent: agent.email, waiting: queue.length }).toEqual({ agent: agent.email, waiting: 2 });
    }
  });

  it("writes conversations whose rows agree with their flow, their events and each other", async () => {
    const [conversations, versions] = await Promise.all([
      db.conversation.findMany({ include: { events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] }, messages: { orderBy: { seq: "asc" } }, team: { select: { slug: true } } } }),
      db.flowVersion.findMany({ where: { number: { not: null } }, select: { flowId: true, document: true } }),
    ]);
    const nodeIds = new Map(versions.map((version) => [version.flowId, new Set((JSON.parse(version.document).nodes as Array<{ id: string }>).map((node) => node.id))]));
    for (const conversation of conversations) {
      const created = conversation.createdAt.getTime();
      expect(conversation.tokenHash.startsWith(DEMO_TOKEN_PREFIX)).toBe(true);
      expect(created).toBeGreaterThanOrEqual(NOW.getTime() - DEMO_HISTORY.days * DAY);
      for (const row of [...conversation.events, ...conversation.messages]) {
        expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(created);
        expect(row.createdAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
      expect(conversation.messages.map((message) => message.seq)).toEqual(conversation.messages.map((_, index) => index + 1));
      const known = nodeIds.get(conversation.flowId)!;
      for (const event of conversation.events.filter((row) => row.type === "node.entered")) expect(known.has(event.nodeId!)).toBe(true);
      const types = conversation.events.map((event) => event.type);
      expect(types[0]).toBe("conversation.started");
      // Produced by the runtime's own turn logic: no event type the runtime never writes.
      expect(types.filter((type) => type === "node.outcome" || type === "conversation.ended" || type === "handoff.queued" || type === "message.received")).toEqual([]);

      if (conversation.escalatedAt) {
        const packet = HandoffPacketSchema.parse(JSON.parse(conversation.handoff ?? "null"));
        expect(packet.team.slug).toBe(conversation.team?.slug);
        expect(packet.trigger).toBe(conversation.handoffTrigger);
        expect(known.has(conversation.handoffNodeId!)).toBe(true);
        expect(types).toContain("handoff");
        expect(packet.transcript.length).toBeGreaterThan(0);
        expect(conversation.status === "waiting").toBe(conversation.firstHumanResponseAt === null);
        if (conversation.firstHumanResponseAt) {
          expect(conversation.firstHumanResponseAt.getTime()).toBeGreaterThan(conversation.escalatedAt.getTime());
          expect(conversation.messages.find((message) => message.role === "agent")?.createdAt).toEqual(conversation.firstHumanResponseAt);
          expect(conversation.assigneeId).not.toBeNull();
        }
      } else {
        expect(conversation.teamId).toBeNull();
        expect(["bot", "resolved"]).toContain(conversation.status);
        if (conversation.status === "resolved") expect(conversation.events.find((event) => event.type === "conversation.resolved")?.payload).toBe(JSON.stringify({ by: "bot" }));
      }
      expect(conversation.status === "resolved").toBe(conversation.resolvedAt !== null);
      if (conversation.csat !== null) {
        expect(conversation.status).toBe("resolved");
        expect(conversation.csat).toBeGreaterThanOrEqual(1);
        expect(conversation.csat).toBeLessThanOrEqual(5);
        expect(conversation.events.find((event) => event.type === "csat.submitted")?.payload).toBe(JSON.stringify({ csat: conversation.csat }));
      }
    }
  });

  it("gives the analytics page a lively month", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@baton.local" }, select: { id: true } });
    const outcome = await getAnalyticsReport({ id: admin.id, role: "admin" }, { range: "30d" }, NOW);
    if (!outcome.ok) throw new Error(outcome.message);
    const { summary, byTrigger, daily } = outcome.report;
    expect(summary.conversations).toBe(DEMO_HISTORY.conversations);
    expect(summary.contained.rate).toBeGreaterThan(0.25);
    expect(summary.escalated.rate).toBeGreaterThan(0.2);
    expect(summary.firstResponse.count).toBeGreaterThan(50);
    expect(summary.repeatContact.count).toBeGreaterThan(0);
    expect(summary.csatBotOnly.responses).toBeGreaterThan(20);
    expect(summary.csatEscalated.responses).toBeGreaterThan(20);
    expect(byTrigger.map((row) => row.key)).toEqual(expect.arrayContaining(["node", "humanRequest", "repeatedFailure"]));
    expect(daily.filter((day) => day.conversations > 0).length).toBeGreaterThanOrEqual(28);
  });

  it("gives the KB page's questions the bot couldn't answer real questions first, the vague lines counted apart", async () => {
    const shortList = await readUnansweredList({ now: NOW, order: "recent", limit: 5, includeShort: false });
    // The demo customers' vague lines ("not sure", "hmm") are among the most frequent: none is shown, all are counted.
    expect(shortList.questions).toHaveLength(5);
    expect(shortList.questions.filter((item) => item.shortReply)).toEqual([]);
    expect(shortList.shortHidden).toBeGreaterThanOrEqual(4);
    expect(shortList.total).toBeGreaterThan(10);
    const withShort = await readUnansweredList({ now: NOW, order: "mostAsked", limit: 1_000, includeShort: true });
    expect(withShort.total).toBe(shortList.total + shortList.shortHidden);
  });
});
