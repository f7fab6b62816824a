/**
 * One database's half of bench/analytics.ts, run in a process of its own (the app picks SQLite or
 * PostgreSQL once, from DATABASE_URL, when its modules load): times the reports the analytics page
 * offers through the app's own modules over the generated data, and writes the figures as JSON to
 * BENCH_ANALYTICS_OUT. BENCH_ANALYTICS_DATA is the generated data's description (BenchData);
 * BENCH_POSTMASTER_PID, on PostgreSQL, lets the server's CPU time be counted too.
 */
import fs from "node:fs";
import type { BenchData } from "./analytics-data";
import { createBenchViewers } from "./analytics-data";
import { clusterCpuMs } from "./analytics-server-cpu";

const RUNS = 7;

export type Timing = { medianMs: number; maxMs: number; cpuMedianMs: number; serverCpuMedianMs: number | null };

const round = (value: number) => Math.round(value * 10) / 10;
const median = (values: number[]) => round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);

/**
 * Wall time and CPU time of `run`: median of RUNS after one warm-up. CPU is this process's (the
 * app's share: SQLite's queries run on this thread) plus, on PostgreSQL, the server's processes';
 * wall time also counts the waits for a core on a shared machine.
 */
async function time(run: () => Promise<unknown>, postmasterPid: number | null): Promise<Timing> {
  await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  const serverCpu: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const serverStarted = postmasterPid ? clusterCpuMs(postmasterPid) : null;
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    await run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    const serverEnded = postmasterPid ? clusterCpuMs(postmasterPid) : null;
    const server = serverStarted !== null && serverEnded !== null ? serverEnded - serverStarted : 0;
    serverCpu.push(server);
    cpu.push((used.user + used.system) / 1000 + server);
  }
  return { medianMs: median(wall), maxMs: round(Math.max(...wall)), cpuMedianMs: median(cpu), serverCpuMedianMs: postmasterPid ? median(serverCpu) : null };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every hand-written query one run of `run` sends (the analytics
 * queries: rows as arrays), with the plan's execution time and its outer lines.
 */
async function explainPostgresQueries(run: () => Promise<unknown>) {
  const { getPostgresPool } = await import("~/utils/db.server");
  const pool = getPostgresPool();
  const sent: Array<{ text: string; values: unknown[] }> = [];
  const query = pool.query;
  const capture = (config: unknown, ...rest: unknown[]) => {
    const sentQuery = config as { text?: string; values?: unknown[]; rowMode?: string };
    if (sentQuery.rowMode === "array" && sentQuery.text) sent.push({ text: sentQuery.text, values: sentQuery.values ?? [] });
    return (query as (...args: unknown[]) => unknown).call(pool, config, ...rest);
  };
  Object.assign(pool, { query: capture });
  try {
    await run();
  } finally {
    Object.assign(pool, { query });
  }
  const plans = [];
  for (const { text, values } of sent) {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    const lines = rows.map((row) => row["QUERY PLAN"]);
    const execution = lines.find((line) => line.startsWith("Execution Time"));
    plans.push({ query: text.replace(/\s+/g, " ").slice(0, 120), execution, plan: lines.filter((line) => !/^\s*(Buffers|Planning|Execution)/.test(line)).slice(0, 12) });
  }
  return plans;
}

async function main() {
  const data = JSON.parse(process.env.BENCH_ANALYTICS_DATA ?? "") as BenchData;
  const postmasterPid = Number(process.env.BENCH_POSTMASTER_PID) || null;
  const { db } = await import("~/utils/db.server");
  const { getAnalyticsReport } = await import("~/analytics/report.server");
  const { getNodeFunnel } = await import("~/analytics/node-funnel.server");
  const { resolveRange } = await import("~/analytics/range");
  try {
    const { admin, agent } = await createBenchViewers(db, data.teams.support);
    const now = new Date(data.end);
    const flow = data.flows[0];
    // Every range the page offers over this data: the presets, and a custom range of a whole year
    // (the longest allowed), which holds every generated conversation.
    const yearAgo = new Date(data.end - 365 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const today = now.toISOString().slice(0, 10);
    const year = { range: "custom" as const, from: yearAgo, to: today };
    const report = (viewer: { id: string; role: "admin" | "agent" }, query: Parameters<typeof getAnalyticsReport>[1]) => async () => {
      const outcome = await getAnalyticsReport(viewer, query, now);
      if (!outcome.ok) throw new Error(`report refused: ${outcome.message}`);
      return outcome;
    };
    const reports: Record<string, Timing> = {};
    const plan: Array<[string, () => Promise<unknown>]> = [
      ["allFlows30Days", report(admin, { range: "30d" })],
      ["oneFlowWithFunnel30Days", report(admin, { range: "30d", flow: flow.slug })],
      ["agentTeam30Days", report(agent, { range: "30d" })],
      ["canvasFunnel30Days", () => getNodeFunnel(flow.id, resolveRange({ range: "30d" }, now))],
      ["allFlows90Days", report(admin, { range: "90d" })],
      ["oneFlowWithFunnel90Days", report(admin, { range: "90d", flow: flow.slug })],
      ["agentTeam90Days", report(agent, { range: "90d" })],
      ["allFlowsCustomYear", report(admin, year)],
      ["oneFlowWithFunnelCustomYear", report(admin, { ...year, flow: flow.slug })],
    ];
    for (const [name, run] of plan) reports[name] = await time(run, postmasterPid);
    const counted = await report(admin, { range: "30d" })();
    const all = await report(admin, year)();
    const plans = postmasterPid ? await explainPostgresQueries(report(admin, { range: "90d", flow: flow.slug })) : undefined;
    const result = { conversationsIn30Days: counted.report.summary.conversations, conversationsInYear: all.report.summary.conversations, reports, plans };
    fs.writeFileSync(process.env.BENCH_ANALYTICS_OUT ?? "", JSON.stringify(result));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
