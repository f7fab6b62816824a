/**
 * Analytics over the real SQLite database: a generated set of conversations and events whose
 * every metric is known in advance (see the table below), the date-range boundaries, preview
 * runs, and what agents may see.
 *
 *   store flow (default team support)                 bills flow (default team billing)
 *   S1 06-10 bot resolved, csat 5, contact K1         B1 06-11 bot resolved, csat 3
 *   S2 06-12 bot resolved, csat 4, contact K1         B2 06-13 → billing, reply 4 min, resolved, csat 5, K3
 *   S3 06-11 left with the bot at "ask", K2           B3 06-14 → support, reply 6 min, resolved
 *   S4 06-11 → support at "human", reply 2 min, resolved, csat 2, K3
 *   S5 06-12 → support (asked for a person at "ask"), reply 10 min, open
 *   S6 06-13 → billing (sensitive at "ask"), waiting
 *   S8 06-09 00:00:00.000 (first instant) resolved     S9 06-15 23:59:59.999 (last instant) left at "ask"
 *   S12 06-10 10:00 resolved, K4 (back exactly 7 days later, 06-17 10:00)
 *   outside: S7 preview run, S10 06-16 00:00, S11 06-08 23:59:59.999, K1 again 06-19 11:00, K2 preview 06-11, K4 06-17
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getNodeFunnel } from "~/analytics/node-funnel.server";
import { getAnalyticsReport, type ReportOutcome } from "~/analytics/report.server";
import type { AnalyticsQuery } from "~/analytics/query";
import { db } from "~/utils/db.server";
import { seedPeople } from "~/workspace/seed-people.server";
import { addConversation, createFixtureFlow, type FixtureFlow } from "../support/analytics-fixtures";

const NOW = new Date("2026-06-15T12:00:00Z");
const MINUTE = 60_000;
const WEEK: AnalyticsQuery = { range: "7d" };

type Viewer = { id: string; role: "admin" | "agent" };
let admin: Viewer;
let ana: Viewer;
let ben: Viewer;
let store: FixtureFlow;
let bills: FixtureFlow;
let support: string;
let billing: string;

async function report(viewer: Viewer, query: AnalyticsQuery = WEEK) {
  const outcome: ReportOutcome = await getAnalyticsReport(viewer, query, NOW);
  if (!outcome.ok) throw new Error(`refused: ${outcome.status} ${outcome.message}`);
  return outcome.report;
}

beforeAll(async () => {
  await seedPeople(db);
  const people = await db.user.findMany({ select: { id: true, email: true, role: true } });
  const byEmail = (email: string): Viewer => {
    const person = people.find((candidate) => candidate.email === email)!;
    return { id: person.id, role: person.role === "admin" ? "admin" : "agent" };
  };
  [admin, ana, ben] = [byEmail("admin@baton.local"), byEmail("ana@baton.local"), byEmail("ben@baton.local")];
  const teams = await db.team.findMany({ select: { id: true, slug: true } });
  support = teams.find((team) => team.slug === "support")!.id;
  billing = teams.find((team) => team.slug === "billing")!.id;
  store = await createFixtureFlow({ slug: "store", name: "Store", defaultTeam: "support" });
  bills = await createFixtureFlow({ slug: "bills", name: 'Bills, "VIP" & more', defaultTeam: "billing" });
  const [k1, k2, k3, k4] = await Promise.all(["K1", "K2", "K3", "K4"].map((name) => db.contact.create({ data: { name }, select: { id: true } }).then((contact) => contact.id)));

  await addConversation({ flow: store, createdAt: "2026-06-10T10:00:00Z", status: "resolved", csat: 5, contactId: k1, nodes: ["start", "ask", "done"] });
  await addConversation({ flow: store, createdAt: "2026-06-12T10:00:00Z", status: "resolved", csat: 4, contactId: k1, nodes: ["start", "ask", "done"] });
  await addConversation({ flow: store, createdAt: "2026-06-11T08:00:00Z", status: "bot", contactId: k2, nodes: ["start", "ask"], sameTurn: true });
  await addConversation({ flow: store, createdAt: "2026-06-11T09:00:00Z", status: "resolved", teamId: support, contactId: k3, escalatedAfterMinutes: 1, repliedAfterMinutes: 2, csat: 2, nodes: ["start", "ask", "human"] });
  await addConversation({ flow: store, createdAt: "2026-06-12T09:00:00Z", status: "open", teamId: support, escalatedAfterMinutes: 1, repliedAfterMinutes: 10, trigger: "humanRequest", handoffNodeId: "ask", nodes: ["start", "ask"] });
  await addConversation({ flow: store, createdAt: "2026-06-13T09:00:00Z", status: "waiting", teamId: billing, escalatedAfterMinutes: 2, trigger: "sensitive", handoffNodeId: "ask", nodes: ["start", "ask"] });
  await addConversation({ flow: store, createdAt: "2026-06-12T11:00:00Z", status: "resolved", channel: "preview", csat: 1, nodes: ["start", "ask", "done"] });
  await addConversation({ flow: store, createdAt: "2026-06-09T00:00:00.000Z", status: "resolved", nodes: ["start", "ask", "done"] });
  await addConversation({ flow: store, createdAt: "2026-06-15T23:59:59.999Z", status: "bot", nodes: ["start", "ask", "ask"] });
  await addConversation({ flow: store, createdAt: "2026-06-16T00:00:00.000Z", status: "resolved", csat: 1, nodes: ["start", "ask"] });
  await addConversation({ flow: store, createdAt: "2026-06-08T23:59:59.999Z", status: "bot", nodes: ["start", "ask"] });
  await addConversation({ flow: store, createdAt: "2026-06-19T11:00:00Z", status: "resolved", contactId: k1 });
  await addConversation({ flow: store, createdAt: "2026-06-11T12:00:00Z", status: "bot", channel: "preview", contactId: k2 });
  await addConversation({ flow: store, createdAt: "2026-06-10T10:00:00.000Z", status: "resolved", contactId: k4 });
  await addConversation({ flow: store, createdAt: "2026-06-17T10:00:00.000Z", status: "resolved", contactId: k4 });
  await addConversation({ flow: bills, createdAt: "2026-06-11T10:00:00Z", status: "resolved", csat: 3, nodes: ["start", "ask", "done"] });
  await addConversation({ flow: bills, createdAt: "2026-06-13T10:00:00Z", status: "resolved", teamId: billing, contactId: k3, escalatedAfterMinutes: 1, repliedAfterMinutes: 4, csat: 5, nodes: ["start", "ask", "human"] });
  await addConversation({ flow: bills, createdAt: "2026-06-14T10:00:00Z", status: "resolved", teamId: support, escalatedAfterMinutes: 1, repliedAfterMinutes: 6, nodes: ["start", "ask", "human"] });
});

describe("the report over every conversation (admin)", () => {
  it("computes every metric of the known set", async () => {
    const { summary } = await report(admin);
    expect(summary.conversations).toBe(12);
    expect(summary.contained).toEqual({ count: 5, of: 12, rate: 5 / 12 });
    expect(summary.escalated).toEqual({ count: 5, of: 12, rate: 5 / 12 });
    expect(summary.leftWithBot).toEqual({ count: 2, of: 12, rate: 2 / 12 });
    // replies after 2, 4, 6 and 10 minutes; S6 still waiting
    expect(summary.firstResponse.count).toBe(4);
    expect(summary.firstResponse.medianMs).toBe(5 * MINUTE);
    expect(summary.firstResponse.p90Ms).toBeCloseTo(8.8 * MINUTE, 6);
    expect(summary.firstResponse.awaiting).toBe(1);
    expect(summary.resolvedAfterHandoff).toEqual({ count: 3, of: 5, rate: 0.6 });
    // S1 → S2 and S4 → B2 after 2 days, S12 → K4 after exactly 7 days repeat; S2 → K1's next
    // after 7 days 1 hour does not, nor K2's preview run
    expect(summary.repeatContact).toEqual({ count: 3, of: 6, rate: 0.5 });
    expect(summary.csatBotOnly).toEqual({ responses: 3, average: 4, satisfiedRate: 2 / 3 });
    expect(summary.csatEscalated).toEqual({ responses: 2, average: 3.5, satisfiedRate: 0.5 });
  });

  it("breaks escalations down by trigger and by node, with node labels from the flow", async () => {
    const { byTrigger, byNode } = await report(admin);
    expect(byTrigger.map(({ key, label, count }) => [key, label, count])).toEqual([
      ["node", "Hand-off step", 3],
      ["humanRequest", "Asked for a person", 1],
      ["sensitive", "Sensitive topic", 1],
    ]);
    expect(byTrigger[0].shareOfEscalations).toBe(0.6);
    const rows = byNode.map(({ flowName, nodeId, kindLabel, name, count }) => [flowName, nodeId, kindLabel, name, count]);
    // ties keep an order by flow id: compare them sorted by name
    expect(rows.sort((a, b) => Number(b[4]) - Number(a[4]) || String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['Bills, "VIP" & more', "human", "Hand off to a team", "Hand off to a team", 2],
      // Named as the lead reads the step: its kind and the question it asks, not its id.
      ["Store", "ask", "Ask for information", "Ask for information: Order?", 2],
      ["Store", "human", "Hand off to a team", "Hand off to a team", 1],
    ]);
  });

  it("gives one point per day of the range, bucketed by start day, boundaries included", async () => {
    const { daily, range } = await report(admin);
    expect(range).toMatchObject({ preset: "7d", from: "2026-06-09", to: "2026-06-15", days: 7 });
    expect(daily.map((day) => [day.day, day.conversations, day.contained.count, day.escalated.count])).toEqual([
      ["2026-06-09", 1, 1, 0],
      ["2026-06-10", 2, 2, 0],
      ["2026-06-11", 3, 1, 1],
      ["2026-06-12", 2, 1, 1],
      ["2026-06-13", 2, 0, 2],
      ["2026-06-14", 1, 0, 1],
      ["2026-06-15", 1, 0, 0],
    ]);
  });

  it("names today as the partial day only when the range holds it", async () => {
    expect((await report(admin)).partialDay).toBe("2026-06-15");
    expect((await report(admin, { range: "custom", from: "2026-06-11", to: "2026-06-12" })).partialDay).toBeNull();
  });

  it("narrows to a flow, to a team, and to a custom range", async () => {
    expect((await report(admin, { ...WEEK, flow: "bills" })).summary).toMatchObject({ conversations: 3, contained: { count: 1 }, escalated: { count: 2 } });
    const billingTeam = await report(admin, { ...WEEK, team: "billing" });
    expect(billingTeam.team?.slug).toBe("billing");
    // S6 and B2 were handed to billing; B1 is the bot's alone in a billing-owned flow
    expect(billingTeam.summary).toMatchObject({ conversations: 3, contained: { count: 1 }, escalated: { count: 2 }, firstResponse: { count: 1, awaiting: 1 } });
    const twoDays = await report(admin, { range: "custom", from: "2026-06-11", to: "2026-06-12" });
    expect(twoDays.summary.conversations).toBe(5);
    expect(twoDays.daily.map((day) => day.day)).toEqual(["2026-06-11", "2026-06-12"]);
  });

  it("answers a range without conversations with zeros and empty rates", async () => {
    const empty = await report(admin, { range: "custom", from: "2020-01-01", to: "2020-01-03" });
    expect(empty.summary.conversations).toBe(0);
    expect(empty.summary.contained.rate).toBeNull();
    expect(empty.summary.firstResponse.medianMs).toBeNull();
    expect(empty.daily.map((day) => day.conversations)).toEqual([0, 0, 0]);
    expect(empty.byTrigger).toEqual([]);
    expect(empty.byNode).toEqual([]);
  });

  it("refuses an unknown flow or team", async () => {
    await expect(getAnalyticsReport(admin, { ...WEEK, flow: "nope" }, NOW)).resolves.toMatchObject({ ok: false, status: 400, field: "flow" });
    await expect(getAnalyticsReport(admin, { ...WEEK, team: "nope" }, NOW)).resolves.toMatchObject({ ok: false, status: 400, field: "team" });
  });
});

describe("what agents see", () => {
  it("shows Ana (support) only support's conversations", async () => {
    const mine = await report(ana);
    // handed to support: S4, S5, B3; the bot's alone in support-owned flows: S1, S2, S3, S8, S9, S12
    expect(mine.summary).toMatchObject({ conversations: 9, contained: { count: 4 }, escalated: { count: 3 }, leftWithBot: { count: 2 } });
    expect(mine.summary.firstResponse).toMatchObject({ count: 3, awaiting: 0, medianMs: 6 * MINUTE });
    const picked = await report(ana, { ...WEEK, team: "support" });
    expect(picked.team?.slug).toBe("support");
    expect(picked.summary).toEqual(mine.summary);
  });

  it("shows Ben (billing) only billing's conversations", async () => {
    const mine = await report(ben);
    expect(mine.summary).toMatchObject({ conversations: 3, contained: { count: 1 }, escalated: { count: 2 } });
    expect(mine.byTrigger.map((row) => [row.key, row.count])).toEqual([
      ["node", 1],
      ["sensitive", 1],
    ]);
  });

  it("refuses another team (or an unknown one) with 403, and lists only the agent's teams", async () => {
    await expect(getAnalyticsReport(ana, { ...WEEK, team: "billing" }, NOW)).resolves.toMatchObject({ ok: false, status: 403 });
    await expect(getAnalyticsReport(ana, { ...WEEK, team: "does-not-exist" }, NOW)).resolves.toMatchObject({ ok: false, status: 403 });
    const outcome = await getAnalyticsReport(ana, WEEK, NOW);
    expect(outcome.access.teams.map((team) => team.slug)).toEqual(["support"]);
    expect(outcome.access.seesAllTeams).toBe(false);
  });

  it("shows an agent without a team nothing", async () => {
    const loner = await db.user.create({ data: { email: "loner@baton.local", name: "Lone Agent", passwordHash: "x", role: "agent" }, select: { id: true } });
    const outcome = await report({ id: loner.id, role: "agent" });
    expect(outcome.summary.conversations).toBe(0);
  });
});

describe("the node funnel", () => {
  const week = { from: new Date("2026-06-09T00:00:00Z"), to: new Date("2026-06-16T00:00:00Z") };

  it("counts per node the conversations that entered, dropped off and were handed off", async () => {
    const funnel = await getNodeFunnel(store.id, week);
    expect(funnel.conversations).toBe(9);
    expect(funnel.nodes.map(({ nodeId, name, passed, droppedOff, escalated }) => [nodeId, name, passed, droppedOff, escalated])).toEqual([
      ["start", "Start: Hi", 8, 0, 0],
      // S3 (both events in one turn: the later one is the last node) and S9 (entered twice, counted once) dropped off here
      ["ask", "Ask for information: Order?", 8, 2, 2],
      ["done", "End conversation: Bye", 3, 0, 0],
      ["human", "Hand off to a team", 1, 0, 1],
      ["lonely", "Send a message: Never reached", 0, 0, 0],
    ]);
  });

  it("follows the team scope and is empty outside the range", async () => {
    const anaFunnel = await getNodeFunnel(store.id, week, { teams: { teamIds: [support], teamSlugs: ["support"] } });
    expect(anaFunnel.nodes.find((node) => node.nodeId === "ask")).toMatchObject({ passed: 7, escalated: 1, droppedOff: 2 });
    const before = await getNodeFunnel(store.id, { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-01-08T00:00:00Z") });
    expect(before.conversations).toBe(0);
    expect(before.nodes.every((node) => node.passed === 0 && node.droppedOff === 0 && node.escalated === 0)).toBe(true);
  });

  it("is part of the report when a flow is selected", async () => {
    expect((await report(admin)).funnel).toBeNull();
    const withFlow = await report(admin, { ...WEEK, flow: "store" });
    expect(withFlow.funnel?.nodes.find((node) => node.nodeId === "ask")?.passed).toBe(8);
  });
});
