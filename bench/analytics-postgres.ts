/**
 * The analytics benchmark on PostgreSQL (issue 13): the same generated data as bench/analytics.ts
 * (100,000 conversations / 1,000,000 events over 90 days, made in SQLite by analytics-data.ts),
 * copied table by table into a throwaway PostgreSQL cluster, then the analytics page's reports
 * timed through the app's own modules on PostgreSQL. Budget: 500 ms for a 30-day report. The
 * queries run in the PostgreSQL server, so the figure is wall time (median of 7 after a warm-up).
 *
 *   npx tsx bench/analytics-postgres.ts      → bench/results/analytics-postgres.json
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { startPostgresCluster } from "../app/utils/postgres-cluster.server";
import { createMigratedDatabase, repoRoot, tmpDir } from "../tests/setup/migrate";
import { createBenchViewers, generateAnalyticsData } from "./analytics-data";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const DAYS = 90;
const RUNS = 7;
const BUDGET_MS = 500;
const END = Date.parse("2026-11-30T18:00:00Z");
// Parents before children (foreign keys).
const TABLES = ["Team", "User", "Membership", "Flow", "FlowVersion", "Contact", "Conversation", "Message", "Event"];
const ROWS_PER_INSERT = 1_000;

/** Copies every row of TABLES from the SQLite file into PostgreSQL, converting dates and booleans by the target column's type. */
async function copyIntoPostgres(file: string, client: pg.Client): Promise<void> {
  const sqlite = new Database(file, { readonly: true });
  for (const table of TABLES) {
    const { rows: columns } = await client.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position",
      [table],
    );
    const names = columns.map((column) => column.column_name);
    const convert = columns.map((column) => {
      if (column.data_type.startsWith("timestamp")) return (value: unknown) => (value === null ? null : new Date(typeof value === "number" ? value : String(value)).toISOString());
      if (column.data_type === "boolean") return (value: unknown) => (value === null ? null : Boolean(value));
      return (value: unknown) => value;
    });
    const select = sqlite.prepare(`SELECT ${names.map((name) => `"${name}"`).join(", ")} FROM "${table}"`).raw(true);
    let batch: unknown[][] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const values: unknown[] = [];
      const tuples = batch.map((row) => `(${row.map((value, index) => (values.push(convert[index](value)), `$${values.length}`)).join(", ")})`);
      await client.query(`INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")}) VALUES ${tuples.join(", ")}`, values);
      batch = [];
    };
    for (const row of select.iterate() as IterableIterator<unknown[]>) {
      batch.push(row);
      if (batch.length >= Math.floor(ROWS_PER_INSERT / Math.max(1, names.length / 8))) await flush();
    }
    await flush();
  }
  sqlite.close();
  await client.query("ANALYZE");
}

async function time<T>(run: () => Promise<T>): Promise<{ medianMs: number; maxMs: number; result: T }> {
  let result = await run();
  const wall: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    result = await run();
    wall.push(performance.now() - started);
  }
  wall.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { medianMs: round(wall[Math.floor(RUNS / 2)]), maxMs: round(wall[RUNS - 1]), result };
}

async function main() {
  const file = path.join(tmpDir, `bench-analytics-pg-${process.pid}.db`);
  createMigratedDatabase(file);
  const data = generateAnalyticsData(file, { conversations: CONVERSATIONS, days: DAYS, end: END, repoRoot });
  const cluster = await startPostgresCluster();
  try {
    const url = cluster.url.replace(/\/postgres$/, "/baton_analytics");
    const server = new pg.Client({ connectionString: cluster.url });
    await server.connect();
    await server.query("CREATE DATABASE baton_analytics");
    await server.end();
    execFileSync(path.join(repoRoot, "node_modules/.bin/prisma"), ["migrate", "deploy", "--config", "prisma/postgresql/prisma.config.ts"], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
    const copier = new pg.Client({ connectionString: url });
    await copier.connect();
    const copyStarted = performance.now();
    await copyIntoPostgres(file, copier);
    const copySeconds = Math.round((performance.now() - copyStarted) / 100) / 10;
    await copier.end();

    process.env.DATABASE_URL = url;
    const { db } = await import("~/utils/db.server");
    const { getAnalyticsReport } = await import("~/analytics/report.server");
    const { getNodeFunnel } = await import("~/analytics/node-funnel.server");
    const { resolveRange } = await import("~/analytics/range");
    const { admin, agent } = await createBenchViewers(db, data.teams.support);
    const now = new Date(END);
    const month = resolveRange({ range: "30d" }, now);
    const flow = data.flows[0];
    const reports = {
      allFlowsAdmin: await time(() => getAnalyticsReport(admin, { range: "30d" }, now)),
      oneFlowWithFunnelAdmin: await time(() => getAnalyticsReport(admin, { range: "30d", flow: flow.slug }, now)),
      agentTeam: await time(() => getAnalyticsReport(agent, { range: "30d" }, now)),
      nodeFunnel: await time(() => getNodeFunnel(flow.id, month)),
      allFlows90Days: await time(() => getAnalyticsReport(admin, { range: "90d" }, now)),
    };
    const conversationsIn30Days = reports.allFlowsAdmin.result.ok ? reports.allFlowsAdmin.result.report.summary.conversations : 0;
    const worst30Day = Math.max(reports.allFlowsAdmin.medianMs, reports.oneFlowWithFunnelAdmin.medianMs, reports.agentTeam.medianMs);
    await db.$disconnect();
    const result = {
      date: new Date().toISOString(),
      database: "postgresql",
      data: { conversations: data.conversations, events: data.events, days: DAYS, conversationsIn30DayRange: conversationsIn30Days, copySeconds },
      budgetMs: BUDGET_MS,
      withinBudget: worst30Day < BUDGET_MS,
      worst30DayReportMs: worst30Day,
      reports: Object.fromEntries(Object.entries(reports).map(([name, { medianMs, maxMs }]) => [name, { medianMs, maxMs }])),
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100), runs: `median and max of ${RUNS} runs after one warm-up, wall time` },
    };
    fs.mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
    fs.writeFileSync(path.join(repoRoot, "bench/results/analytics-postgres.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    return result;
  } finally {
    cluster.stop();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
}

if (require.main === module) {
  main()
    .then((result) => process.exit(result.withinBudget ? 0 : 1))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
