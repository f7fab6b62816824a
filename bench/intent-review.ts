/**
 * The intent step's review list ("Messages this step wasn't sure about") over 100,000 generated
 * conversations (bench/analytics-data.ts, 90 days), on SQLite AND PostgreSQL over the same data.
 * Each conversation also gets its customer's message and an `intent.classified` event at the
 * flow's intent step (store-support "topic", refunds-and-returns "reason"): 55% taken at 80% or
 * more, 25% taken below, 20% "Not sure", worded from 3,000 distinct phrases, a fifth of them
 * recorded before events carried the text (read through the conversation's messages).
 * Timed through the app's own module (listIntentReview), three cases: the busiest step, the other
 * flow's step, and a step no event names (the whole 30-day scan of the (type, createdAt) index,
 * the plan's worst case). Budget 200 ms; wall and CPU (PostgreSQL: app plus server processes),
 * median of 7 after a warm-up. Writes bench/results/intent-review.json.
 * Run alone: npx tsx bench/intent-review.ts
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createRandom } from "../app/workspace/demo-history/random";
import { findPostgresBinaries, startPostgresCluster } from "../app/utils/postgres-cluster.server";
import { createMigratedDatabase, createMigratedPostgresDatabase, repoRoot, tmpDir } from "../tests/setup/migrate";
import { copyIntoPostgres, generateAnalyticsData, type BenchData } from "./analytics-data";
import { clusterCpuMs, postmasterPid } from "./analytics-server-cpu";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const DAYS = 90;
const BUDGET_MS = 200;
const END = Date.parse("2026-11-30T18:00:00Z");
const RUNS = 7;
const PHRASES = 3_000;
const INTENT_STEP: Record<string, string> = { "store-support": "topic", "refunds-and-returns": "reason" };

type Case = { name: string; flowId: string; nodeId: string };
type Timing = { medianMs: number; cpuMedianMs: number; rows: number };

/** Adds a customer message and an intent.classified event to every generated conversation. */
function addIntentVerdicts(file: string, data: BenchData): number {
  const random = createRandom(11);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const stepOf = new Map(data.flows.map((flow) => [flow.id, INTENT_STEP[flow.slug]]));
  const insertMessage = sqlite.prepare("INSERT INTO Message (id, conversationId, seq, role, text, metadata, createdAt) VALUES (?, ?, ?, ?, ?, '{}', ?)");
  const insertEvent = sqlite.prepare("INSERT INTO Event (id, conversationId, flowId, type, nodeId, payload, createdAt) VALUES (?, ?, ?, 'intent.classified', ?, ?, ?)");
  let events = 0;
  sqlite.transaction(() => {
    const conversations = sqlite.prepare("SELECT id, flowId, createdAt FROM Conversation").all() as Array<{ id: string; flowId: string; createdAt: string }>;
    for (const conversation of conversations) {
      const at = new Date(new Date(conversation.createdAt).getTime() + 4_000).toISOString().replace("Z", "+00:00");
      const text = `customer phrase number ${random.int(0, PHRASES - 1)} about my order`;
      insertMessage.run(`${conversation.id}m0`, conversation.id, 0, "bot", "How can I help?", conversation.createdAt);
      insertMessage.run(`${conversation.id}m1`, conversation.id, 1, "customer", text, at);
      const roll = random.next();
      const confidence = roll < 0.55 ? 0.8 + random.next() * 0.2 : roll < 0.8 ? 0.5 + random.next() * 0.3 : random.next() * 0.5;
      const taken = roll < 0.8;
      const verdict = { intent: taken ? "order_status" : null, confidence, ranked: [{ name: "order_status", confidence }], ...(random.chance(0.8) ? { text } : {}) };
      insertEvent.run(`${conversation.id}ic`, conversation.id, conversation.flowId, stepOf.get(conversation.flowId) ?? "topic", JSON.stringify(verdict), at);
      events += 1;
    }
  })();
  sqlite.close();
  return events;
}

/** One database's half, in a process of its own (the app picks its database from DATABASE_URL when its modules load). */
async function measureHere() {
  const cases = JSON.parse(process.env.BENCH_INTENT_REVIEW_CASES ?? "[]") as Case[];
  const pid = Number(process.env.BENCH_POSTMASTER_PID) || null;
  const { listIntentReview } = await import("~/flow-admin/intent-review.server");
  const now = new Date(END);
  const round = (value: number) => Math.round(value * 10) / 10;
  const median = (values: number[]) => round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
  const results: Record<string, Timing> = {};
  for (const one of cases) {
    const run = () => listIntentReview({ flowId: one.flowId, nodeId: one.nodeId, threshold: 0.7, now });
    const rows = (await run()).length;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let index = 0; index < RUNS; index += 1) {
      const serverBefore = pid ? clusterCpuMs(pid) : null;
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      await run();
      wall.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      const serverAfter = pid ? clusterCpuMs(pid) : null;
      cpu.push((used.user + used.system) / 1000 + (serverBefore !== null && serverAfter !== null ? serverAfter - serverBefore : 0));
    }
    results[one.name] = { medianMs: median(wall), cpuMedianMs: median(cpu), rows };
  }
  fs.writeFileSync(process.env.BENCH_INTENT_REVIEW_OUT ?? "", JSON.stringify(results));
  process.exit(0);
}

function measure(databaseUrl: string, cases: Case[], extraEnv: Record<string, string> = {}): Record<string, Timing> {
  const out = path.join(tmpDir, `bench-intent-review-${process.pid}-${Date.now()}.json`);
  const run = spawnSync(path.join(repoRoot, "node_modules/.bin/tsx"), [path.join(repoRoot, "bench/intent-review.ts")], {
    cwd: repoRoot,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...extraEnv, BENCH_INTENT_REVIEW_MEASURE: "1", DATABASE_URL: databaseUrl, BENCH_INTENT_REVIEW_CASES: JSON.stringify(cases), BENCH_INTENT_REVIEW_OUT: out },
  });
  if (run.status !== 0) throw new Error(`measuring on ${databaseUrl.split(":")[0]} failed (exit ${run.status})`);
  const result = JSON.parse(fs.readFileSync(out, "utf8")) as Record<string, Timing>;
  fs.rmSync(out, { force: true });
  return result;
}

/** SQLite's plan for the review query (the statement the module sends). */
function sqlitePlan(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  const sql = `SELECT e.payload FROM Event e
    WHERE e.type = 'intent.classified' AND e.createdAt >= ? AND e.flowId = ? AND e.nodeId = ?
      AND NOT EXISTS (SELECT 1 FROM Conversation c WHERE c.id = e.conversationId AND c.channel = 'preview') ORDER BY e.createdAt DESC LIMIT 2000`;
  const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all("a", "f", "n") as Array<{ detail: string }>).map((row) => row.detail);
  sqlite.close();
  return plan;
}

async function main() {
  const file = path.join(tmpDir, `bench-intent-review-${process.pid}.db`);
  createMigratedDatabase(file);
  const data = generateAnalyticsData(file, { conversations: CONVERSATIONS, days: DAYS, end: END, repoRoot });
  const verdicts = addIntentVerdicts(file, data);
  const [store, refunds] = data.flows;
  const cases: Case[] = [
    { name: "busiest step (store-support topic)", flowId: store.id, nodeId: "topic" },
    { name: "other flow's step (refunds reason)", flowId: refunds.id, nodeId: "reason" },
    { name: "step with no events (whole 30-day scan)", flowId: store.id, nodeId: "rephrase" },
  ];
  const load = () => os.loadavg().map((value) => Math.round(value * 100) / 100);
  const loadBefore = load();
  const databases: Record<string, unknown> = { sqlite: { reports: measure(`file:${file}`, cases), plan: sqlitePlan(file) } };
  if (findPostgresBinaries()) {
    const cluster = await startPostgresCluster();
    try {
      const url = await createMigratedPostgresDatabase(cluster.url, "baton_intent_review");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await copyIntoPostgres(file, client);
      await client.end();
      databases.postgresql = { reports: measure(url, cases, { BENCH_POSTMASTER_PID: String(postmasterPid(path.join(cluster.dir, "data")) ?? "") }) };
    } finally {
      cluster.stop();
    }
  } else databases.postgresql = { skipped: "PostgreSQL binaries not found: not measured" };
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const timings = Object.values(databases).flatMap((one) => Object.values((one as { reports?: Record<string, Timing> }).reports ?? {}));
  const result = {
    date: new Date().toISOString(),
    data: { conversations: data.conversations, events: data.events + verdicts, intentVerdicts: verdicts, days: DAYS },
    budgetMs: BUDGET_MS,
    withinBudget: timings.every((timing) => timing.medianMs < BUDGET_MS),
    judgedOn: "medianMs (wall, median of 7 after a warm-up); cpuMedianMs counts the app's process plus, on PostgreSQL, the server's",
    databases,
    machine: { cpus: os.cpus().length, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: load() },
  };
  fs.mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, "bench/results/intent-review.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result.databases, null, 2));
  return result;
}

if (process.env.BENCH_INTENT_REVIEW_MEASURE) void measureHere();
else if (require.main === module) {
  main()
    .then((result) => process.exit(result.withinBudget ? 0 : 1))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
