/**
 * The node funnel against its definition, over generated conversations with every kind of outcome
 * (node-funnel.server.ts: on PostgreSQL the nodes entered and the drop-offs come from one query, on
 * SQLite from two; the report takes the handoffs per node from its day tallies, the canvas counts
 * them itself). The reference is computed here in plain code from the rows: a conversation entered
 * a node when it has a node.entered event there (twice counts once); one left with the bot
 * (never handed off, not resolved) dropped off at its last node entered — latest time, and within
 * one timestamp the event written last; a handed-off one counts at its handoff node.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getNodeFunnel, type NodeFunnel } from "~/analytics/node-funnel.server";
import { getAnalyticsReport } from "~/analytics/report.server";
import { db } from "~/utils/db.server";
import { createRandom } from "~/workspace/demo-history/random";
import { seedPeople } from "~/workspace/seed-people.server";
import { addConversation, createFixtureFlow, type FixtureConversation, type FixtureFlow } from "../support/analytics-fixtures";

const NOW = new Date("2026-06-15T12:00:00Z");
const WEEK = { from: new Date("2026-06-09T00:00:00Z"), to: new Date("2026-06-16T00:00:00Z") };
const PATHS = [["start"], ["start", "ask"], ["start", "ask", "done"], ["start", "ask", "human"], ["start", "ask", "ask"], ["start", "ask", "start", "ask"], ["start", "lonely"], ["start", "gone"], []];

let store: FixtureFlow;
let support: string;
let admin: { id: string; role: "admin" };

beforeAll(async () => {
  await seedPeople(db);
  admin = { id: (await db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } })).id, role: "admin" };
  const teams = await db.team.findMany({ select: { id: true, slug: true } });
  support = teams.find((team) => team.slug === "support")!.id;
  const billing = teams.find((team) => team.slug === "billing")!.id;
  store = await createFixtureFlow({ slug: "store", name: "Store", defaultTeam: "support" });
  const other = await createFixtureFlow({ slug: "other", name: "Other", defaultTeam: "billing" });
  const random = createRandom(13);
  for (let index = 0; index < 120; index += 1) {
    // Mostly inside the week, some just outside it; a few preview runs and another flow's.
    const day = random.int(7, 16);
    const createdAt = new Date(Date.UTC(2026, 5, day, random.int(0, 23), random.int(0, 59), random.int(0, 59))).toISOString();
    const nodes = random.pick(PATHS);
    const outcome = random.pick(["resolved", "left", "escalated", "escalated-resolved", "handed-back"] as const);
    const conversation: FixtureConversation = {
      flow: random.chance(0.15) ? other : store,
      createdAt,
      nodes,
      sameTurn: random.chance(0.4),
      channel: random.chance(0.05) ? "preview" : "web",
      status: outcome === "left" || outcome === "handed-back" ? "bot" : outcome === "escalated" ? "waiting" : "resolved",
    };
    if (outcome.startsWith("escalated") || outcome === "handed-back") {
      Object.assign(conversation, {
        escalatedAfterMinutes: 1,
        repliedAfterMinutes: random.chance(0.5) ? 3 : undefined,
        teamId: random.chance(0.5) ? support : billing,
        // Usually where it was entered last; sometimes a node it never entered (a trigger's handoff).
        handoffNodeId: random.chance(0.8) ? (nodes.at(-1) ?? "human") : "human",
        trigger: "node",
      });
    }
    await addConversation(conversation);
  }
});

/** The funnel by its definition, from the rows, for the week's real conversations of the store flow. */
async function referenceFunnel() {
  const conversations = await db.conversation.findMany({
    where: { flowId: store.id, createdAt: { gte: WEEK.from, lt: WEEK.to }, channel: { not: "preview" } },
    select: { id: true, status: true, escalatedAt: true, handoffNodeId: true },
  });
  const events = await db.event.findMany({
    where: { conversationId: { in: conversations.map((conversation) => conversation.id) }, type: "node.entered" },
    select: { id: true, conversationId: true, nodeId: true, createdAt: true },
  });
  const passed = new Map<string, Set<string>>();
  const droppedOff = new Map<string, number>();
  const escalated = new Map<string, number>();
  const add = (map: Map<string, number>, nodeId: string) => map.set(nodeId, (map.get(nodeId) ?? 0) + 1);
  for (const conversation of conversations) {
    // Fixture ids grow in the order the events were written (as the runtime's do).
    const own = events.filter((event) => event.conversationId === conversation.id).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    for (const event of own) if (event.nodeId) passed.set(event.nodeId, (passed.get(event.nodeId) ?? new Set()).add(conversation.id));
    if (conversation.escalatedAt) {
      if (conversation.handoffNodeId) add(escalated, conversation.handoffNodeId);
    } else if (conversation.status !== "resolved" && own.at(-1)?.nodeId) add(droppedOff, own.at(-1)!.nodeId!);
  }
  const nodeIds = new Set([...passed.keys(), ...droppedOff.keys(), ...escalated.keys(), "start", "ask", "done", "human", "lonely"]);
  const rows = [...nodeIds].map((nodeId) => ({ nodeId, passed: passed.get(nodeId)?.size ?? 0, droppedOff: droppedOff.get(nodeId) ?? 0, escalated: escalated.get(nodeId) ?? 0 }));
  return { conversations: conversations.length, nodes: rows.sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1)) };
}

const counts = (funnel: NodeFunnel) => ({
  conversations: funnel.conversations,
  nodes: funnel.nodes.map(({ nodeId, passed, droppedOff, escalated }) => ({ nodeId, passed, droppedOff, escalated })).sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1)),
});

describe("the node funnel over generated conversations", () => {
  it("counts entries, drop-offs and handoffs per node as defined, on the canvas and in the report", async () => {
    const expected = await referenceFunnel();
    // Every kind of case is in the data: drop-offs, handoffs (one at a node never entered), a removed node.
    expect(expected.nodes.find((node) => node.nodeId === "ask")!.droppedOff).toBeGreaterThan(0);
    expect(expected.nodes.find((node) => node.nodeId === "human")!.escalated).toBeGreaterThan(expected.nodes.find((node) => node.nodeId === "human")!.passed);
    expect(expected.nodes.find((node) => node.nodeId === "gone")!.passed).toBeGreaterThan(0);
    expect(counts(await getNodeFunnel(store.id, WEEK))).toEqual(expected);
    const outcome = await getAnalyticsReport(admin, { range: "7d", flow: "store" }, NOW);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(counts(outcome.report.funnel!)).toEqual(expected);
  });

  it("gives the report and the canvas the same funnel for a team", async () => {
    const teams = { teamIds: [support], teamSlugs: ["support"] };
    const canvas = await getNodeFunnel(store.id, WEEK, { teams });
    const outcome = await getAnalyticsReport(admin, { range: "7d", flow: "store", team: "support" }, NOW);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(canvas.conversations).toBeGreaterThan(0);
    expect(canvas.conversations).toBeLessThan((await referenceFunnel()).conversations);
    expect(counts(outcome.report.funnel!)).toEqual(counts(canvas));
  });
});
