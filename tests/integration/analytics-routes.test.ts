/**
 * The analytics routes through their real modules and database: the page's loader, the CSV
 * export and the JSON node funnel for the canvas, with their guards and their 400s.
 */
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import * as pageRoute from "~/routes/_app.analytics._index";
import * as exportRoute from "~/routes/analytics.export";
import * as funnelRoute from "~/routes/api.analytics.flows.$flowId.nodes";
import { db } from "~/utils/db.server";
import { getRequest, seedAndFind, sessionCookieFor, settle, unwrap } from "../support/auth";
import { addConversation, createFixtureFlow, type FixtureFlow } from "../support/analytics-fixtures";

const RANGE = "range=custom&from=2026-06-09&to=2026-06-15";
let adminCookie: string;
let anaCookie: string;
let flow: FixtureFlow;

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const csvRows = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;

beforeAll(async () => {
  adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  anaCookie = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
  const billing = await db.team.findUniqueOrThrow({ where: { slug: "billing" }, select: { id: true } });
  flow = await createFixtureFlow({ slug: "returns", name: 'Returns, "VIP" desk', defaultTeam: "support" });
  await addConversation({ flow, createdAt: "2026-06-10T10:00:00Z", status: "resolved", csat: 5, nodes: ["start", "ask", "done"] });
  await addConversation({ flow, createdAt: "2026-06-11T10:00:00Z", status: "bot", nodes: ["start", "ask"] });
  await addConversation({ flow, createdAt: "2026-06-12T10:00:00Z", status: "waiting", teamId: billing.id, escalatedAfterMinutes: 1, trigger: "sensitive", handoffNodeId: "ask", nodes: ["start", "ask"] });
});

describe("the analytics page", () => {
  it("loads the report for an admin", async () => {
    const result = unwrap(await pageRoute.loader(args(getRequest(`/analytics?${RANGE}&flow=returns`, adminCookie))));
    expect(result.status).toBe(200);
    const { report, access } = result.data as { report: { summary: { conversations: number }; funnel: { nodes: unknown[] } }; access: { seesAllTeams: boolean } };
    expect(report.summary.conversations).toBe(3);
    expect(report.funnel.nodes).toHaveLength(5);
    expect(access.seesAllTeams).toBe(true);
  });

  it("answers a bad range with 400 and the message, and another team with 403", async () => {
    const bad = unwrap(await pageRoute.loader(args(getRequest("/analytics?range=custom&from=2026-06-10&to=2026-06-01", adminCookie))));
    expect(bad).toMatchObject({ status: 400, data: { report: null, error: { field: "from", message: "The first day is after the last day" } } });
    const forbidden = (await settle(() => pageRoute.loader(args(getRequest(`/analytics?${RANGE}&team=billing`, anaCookie))))) as Response;
    expect(forbidden.status).toBe(403);
    // The error page shows this reason instead of its default "This page is for admins".
    expect(await forbidden.json()).toEqual({ reason: "You can see the analytics of your own teams only: Analytics in the menu shows them." });
  });

  it("sends a signed-out visitor to sign in", async () => {
    const response = (await settle(() => pageRoute.loader(args(getRequest("/analytics"))))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fanalytics");
  });
});

describe("the CSV export", () => {
  it("downloads the daily table with a total row", async () => {
    const response = await exportRoute.loader(args(getRequest(`/analytics/export?${RANGE}&flow=returns`, adminCookie)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="baton-analytics-daily-2026-06-09-to-2026-06-15-returns.csv"');
    const rows = csvRows(await response.text());
    expect(rows.map((row) => [row.date, row.conversations, row.contained, row.escalated])).toEqual([
      ["2026-06-09", "0", "0", "0"],
      ["2026-06-10", "1", "1", "0"],
      ["2026-06-11", "1", "0", "0"],
      ["2026-06-12", "1", "0", "1"],
      ["2026-06-13", "0", "0", "0"],
      ["2026-06-14", "0", "0", "0"],
      ["2026-06-15", "0", "0", "0"],
      ["total", "3", "1", "1"],
    ]);
    expect(rows.at(-1)).toMatchObject({ containment_rate: "0.3333", csat_bot_only_average: "5", awaiting_first_response: "1", csat_escalated_average: "" });
  });

  it("has the first response in business hours beside the wall-clock one, as the page shows it", async () => {
    const daily = JSON.stringify(Object.fromEntries(["sun", "mon", "tue", "wed", "thu", "fri", "sat"].map((day) => [day, [["09:00", "17:00"]]])));
    const daytime = await db.team.create({ data: { slug: "daytime", name: "Daytime", timeZone: "UTC", hours: daily }, select: { id: true } });
    const desk = await createFixtureFlow({ slug: "daytime-desk", name: "Daytime desk", defaultTeam: "support" });
    // Handed off at 16:50 UTC (10 minutes before closing), answered the next day at 09:10: 980 wall minutes, 20 business minutes.
    // In May, so the other tests' range (June) never sees it.
    await addConversation({ flow: desk, createdAt: "2026-05-05T16:40:00Z", status: "open", teamId: daytime.id, escalatedAfterMinutes: 10, repliedAfterMinutes: 980, nodes: ["start", "human"] });
    const rows = csvRows(await (await exportRoute.loader(args(getRequest("/analytics/export?range=custom&from=2026-05-05&to=2026-05-07&flow=daytime-desk", adminCookie)))).text());
    const columns = ["date", "first_response_median_minutes", "first_response_p90_minutes", "first_response_business_hours_median_minutes", "first_response_business_hours_p90_minutes"] as const;
    const pick = (row: Record<string, string> | undefined) => columns.map((column) => row?.[column]);
    expect(pick(rows[0])).toEqual(["2026-05-05", "980", "980", "20", "20"]);
    // A day with nothing answered has empty cells, not zeros.
    expect(pick(rows[1])).toEqual(["2026-05-06", "", "", "", ""]);
    expect(pick(rows.at(-1))).toEqual(["total", "980", "980", "20", "20"]);
  });

  it("quotes a flow name with a comma and quotes in the funnel and escalation exports", async () => {
    const funnel = await (await exportRoute.loader(args(getRequest(`/analytics/export?${RANGE}&flow=returns&report=funnel`, adminCookie)))).text();
    // The id for matching, and the name the lead reads on the page (nameStep: the kind and what the step asks).
    expect(funnel).toContain('"Returns, ""VIP"" desk",ask,Ask for information: Order?,collect,Ask for information,3,1,1');
    expect(csvRows(funnel).map((row) => row.node_id)).toEqual(["start", "ask", "done", "human", "lonely"]);
    const escalations = csvRows(await (await exportRoute.loader(args(getRequest(`/analytics/export?${RANGE}&report=escalations`, adminCookie)))).text());
    expect(escalations).toEqual([
      { breakdown: "trigger", flow: "", key: "sensitive", label: "Sensitive topic", escalations: "1", share_of_escalations: "1", rate_of_conversations: "0.3333" },
      { breakdown: "node", flow: 'Returns, "VIP" desk', key: "ask", label: "Ask for information: Order?", escalations: "1", share_of_escalations: "1", rate_of_conversations: "0.3333" },
    ]);
  });

  it("neutralises admin-authored text that a spreadsheet would run as a formula", async () => {
    for (const [slug, name] of [["formula-eq", '=HYPERLINK("http://evil.example","x")'], ["formula-plus", "+1+cmd|' /C calc'!A0"], ["formula-minus", "-2+3"], ["formula-at", "@SUM(A1)"], ["formula-tab", "\tTabbed"], ["formula-cr", "\rReturn"]]) {
      const hostile = await createFixtureFlow({ slug, name, defaultTeam: "support" });
      await addConversation({ flow: hostile, createdAt: "2026-06-10T10:00:00Z", status: "waiting", escalatedAfterMinutes: 1, handoffNodeId: "ask", nodes: ["start", "ask"] });
      const funnel = csvRows(await (await exportRoute.loader(args(getRequest(`/analytics/export?${RANGE}&flow=${slug}&report=funnel`, adminCookie)))).text());
      expect(funnel[0].flow, slug).toBe(`'${name}`);
      const escalations = csvRows(await (await exportRoute.loader(args(getRequest(`/analytics/export?${RANGE}&flow=${slug}&report=escalations`, adminCookie)))).text());
      expect(escalations.find((row) => row.breakdown === "node")?.flow, slug).toBe(`'${name}`);
    }
    // Numbers stay numbers, and ordinary text is untouched.
    const daily = csvRows(await (await exportRoute.loader(args(getRequest(`/analytics/export?${RANGE}&flow=returns`, adminCookie)))).text());
    expect(daily.at(-1)?.date).toBe("total");
  });

  it("refuses bad requests with 400 and another team with 403", async () => {
    const noFlow = await exportRoute.loader(args(getRequest(`/analytics/export?${RANGE}&report=funnel`, adminCookie)));
    expect([noFlow.status, await noFlow.text()]).toEqual([400, "The node funnel needs a flow: add flow=<slug>\n"]);
    expect((await exportRoute.loader(args(getRequest(`/analytics/export?${RANGE}&report=pdf`, adminCookie)))).status).toBe(400);
    expect((await exportRoute.loader(args(getRequest("/analytics/export?range=1y", adminCookie)))).status).toBe(400);
    expect((await exportRoute.loader(args(getRequest(`/analytics/export?${RANGE}&team=billing`, anaCookie)))).status).toBe(403);
    // Ana's own export leaves out the conversation handed to billing
    const mine = csvRows(await (await exportRoute.loader(args(getRequest(`/analytics/export?${RANGE}`, anaCookie)))).text());
    expect(mine.at(-1)).toMatchObject({ date: "total", conversations: "2", escalated: "0" });
  });
});

describe("GET /api/analytics/flows/:flowId/nodes", () => {
  const call = (search: string, cookie?: string, flowId = flow.id) =>
    funnelRoute.loader(args(getRequest(`/api/analytics/flows/${flowId}/nodes${search}`, cookie), { flowId }));

  it("returns the node funnel as JSON for an admin", async () => {
    const response = await call(`?${RANGE}`, adminCookie);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ flowId: flow.id, from: "2026-06-09T00:00:00.000Z", to: "2026-06-16T00:00:00.000Z", conversations: 3 });
    expect(body.nodes.find((node: { nodeId: string }) => node.nodeId === "ask")).toEqual({ nodeId: "ask", kind: "collect", kindLabel: "Ask for information", name: "Ask for information: Order?", passed: 3, droppedOff: 1, escalated: 1, apiCalls: 0, apiFailures: 0 });
  });

  it("answers 401, 403, 400 and 404 with a JSON error", async () => {
    expect((await call(`?${RANGE}`)).status).toBe(401);
    const agent = await call(`?${RANGE}`, anaCookie);
    expect([agent.status, await agent.json()]).toEqual([403, { error: { code: "forbidden", message: "Only admins can read flow analytics." } }]);
    const bad = await call("?range=custom&from=2026-06-09", adminCookie);
    expect([bad.status, await bad.json()]).toEqual([400, { error: { code: "invalid_range", message: "Choose the last day of the range", field: "to" } }]);
    expect((await call(`?${RANGE}`, adminCookie, "no-such-flow")).status).toBe(404);
  });
});
