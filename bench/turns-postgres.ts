/**
 * The turns benchmark on PostgreSQL (issue 13): the production build on a throwaway PostgreSQL
 * cluster, with 1 and then 2 instances on the same database (customers split between them, as a
 * load balancer would), saturated closed loop as in bench/turns.ts. Against the PostgreSQL floor
 * measured in the same run: the same rows per turn written by bare `pg` (one transaction per
 * turn: the version-guarded UPDATE, the messages, the events) at the same concurrency, plus a
 * bare node:http round trip. On 2 cores two instances cannot be faster than one; what must hold
 * is the cost per turn (≤ 3× the floor) and no errors or lost turns.
 *
 *   npx tsx bench/turns-postgres.ts        → bench/results/turns-postgres.json
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { startPostgresCluster } from "../app/utils/postgres-cluster.server";
import { benchRoot, createBenchDatabase, percentile, round, runBenchmark, runHttpFloor } from "../tests/support/bench-helpers";
import { buildServer, repoRoot, startServer, type RunningServer } from "../tests/support/built-server";
import { runCustomer, type Customer } from "./turns";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const WARMUP_LOAD_MS = Number(process.env.BENCH_WARMUP_LOAD_MS ?? 3_000);
const FLOOR_TURNS = 4_000;

function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

/** CONCURRENCY customers over the servers (customer i on server i mod n) for durationMs. */
async function runPhase(servers: RunningServer[], flow: Awaited<ReturnType<typeof createBenchDatabase>>["flow"], durationMs: number) {
  const customers: Customer[] = Array.from({ length: CONCURRENCY }, () => ({ latencies: [], turns: 0, conversations: 0, statuses: {} }));
  const cpuBefore = servers.map((server) => processCpuMs(server.child.pid as number));
  const start = Date.now();
  let failures = 0;
  await Promise.all(
    customers.map((customer, index) =>
      runCustomer(servers[index % servers.length].url, flow, start + durationMs, start, customer, index).catch((error: unknown) => {
        failures += 1;
        console.error(error);
      }),
    ),
  );
  const serverCpuMs = servers.reduce((sum, server, index) => sum + processCpuMs(server.child.pid as number) - cpuBefore[index], 0);
  const latencies = customers.flatMap((customer) => customer.latencies).sort((a, b) => a - b);
  return { latencies, seconds: durationMs / 1000, serverCpuMs, failures, conversations: customers.reduce((sum, customer) => sum + customer.conversations, 0) };
}

/** The same rows per turn as the app writes, by bare pg: one transaction per turn, CONCURRENCY at a time. */
async function runPostgresFloor(url: string, rows: { messages: number; events: number; snapshotBytes: number }): Promise<{ turnsPerSecond: number }> {
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const now = new Date().toISOString();
  await pool.query(`INSERT INTO "Flow" ("id", "slug", "name", "draft", "draftUpdatedAt", "createdAt", "updatedAt") VALUES ('floor-f', 'floor-f', 'F', '{}', $1, $1, $1)`, [now]);
  await pool.query(`INSERT INTO "FlowVersion" ("id", "flowId", "number", "document", "documentHash", "createdAt") VALUES ('floor-v', 'floor-f', 1, '{}', 'h', $1)`, [now]);
  const conversations = Array.from({ length: CONCURRENCY }, () => ({ id: randomUUID(), version: 1, seq: 0 }));
  for (const conversation of conversations) {
    await pool.query(
      `INSERT INTO "Conversation" ("id", "flowId", "flowVersionId", "tokenHash", "lastMessageAt", "createdAt", "updatedAt", "version") VALUES ($1, 'floor-f', 'floor-v', $2, $3, $3, $3, 1)`,
      [conversation.id, randomUUID(), now],
    );
  }
  const snapshot = JSON.stringify({ pad: "x".repeat(Math.max(0, rows.snapshotBytes - 12)) });
  const messagesPerTurn = Math.max(1, Math.round(rows.messages));
  const eventsPerTurn = Math.max(0, Math.round(rows.events));
  let remaining = FLOOR_TURNS;
  const started = performance.now();
  await Promise.all(
    conversations.map(async (conversation) => {
      const client = await pool.connect();
      try {
        while (remaining > 0) {
          remaining -= 1;
          const at = new Date().toISOString();
          await client.query("BEGIN");
          const { rowCount } = await client.query(
            `UPDATE "Conversation" SET "version" = "version" + 1, "snapshot" = $1, "status" = 'bot', "fields" = $2, "intent" = $3, "confidence" = $4, "lastMessageAt" = $5, "updatedAt" = $5 WHERE "id" = $6 AND "version" = $7`,
            [snapshot, '{"order":"A-1"}', "order", 0.9, at, conversation.id, conversation.version],
          );
          if (rowCount !== 1) throw new Error("floor conflict");
          conversation.version += 1;
          const turnId = randomUUID();
          for (let m = 0; m < messagesPerTurn; m += 1) {
            conversation.seq += 1;
            await client.query(
              `INSERT INTO "Message" ("id", "conversationId", "seq", "role", "text", "clientMessageId", "turnId", "metadata", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, '{}', $8)`,
              [randomUUID(), conversation.id, conversation.seq, m === 0 ? "customer" : "bot", "where is my order? it has not arrived", m === 0 ? randomUUID() : null, turnId, at],
            );
          }
          for (let e = 0; e < eventsPerTurn; e += 1) {
            await client.query(`INSERT INTO "Event" ("id", "conversationId", "flowId", "type", "nodeId", "payload", "createdAt") VALUES ($1, $2, 'floor-f', 'node.entered', 'n1', '{"a":1}', $3)`, [
              randomUUID(),
              conversation.id,
              at,
            ]);
          }
          await client.query("COMMIT");
        }
      } finally {
        client.release();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return { turnsPerSecond: FLOOR_TURNS / seconds };
}

async function main() {
  const cluster = await startPostgresCluster();
  try {
    const url = cluster.url.replace(/\/postgres$/, "/baton_bench");
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("CREATE DATABASE baton_bench");
    await admin.end();
    execFileSync(path.join(repoRoot, "node_modules/.bin/prisma"), ["migrate", "deploy", "--config", "prisma/postgresql/prisma.config.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
    const database = await createBenchDatabase("turns-postgres", { postgresUrl: url });
    const buildFile = buildServer(path.join(repoRoot, "tests/.tmp", `bench-build-${process.pid}`));
    const env = { CHAT_RATE_LIMIT_PER_MINUTE: "100000000", SESSION_SECRET: "bench-shared-session-secret" };
    const loadBefore = os.loadavg();
    const instances: Record<string, unknown> = {};
    let acknowledged = 0;
    for (const count of [1, 2]) {
      const servers = await Promise.all(Array.from({ length: count }, () => startServer({ buildFile, databaseUrl: url, env })));
      try {
        const warmup = await runPhase(servers, database.flow, WARMUP_LOAD_MS);
        const phase = await runPhase(servers, database.flow, DURATION_MS);
        acknowledged += warmup.latencies.length + phase.latencies.length;
        const turns = phase.latencies.length;
        instances[`${count}`] = {
          turnsPerSecond: Math.round(turns / phase.seconds),
          p50Ms: round(percentile(phase.latencies, 0.5)),
          p99Ms: round(percentile(phase.latencies, 0.99)),
          serverCpuMsPerTurn: round(phase.serverCpuMs / Math.max(1, turns)),
          turns,
          conversations: phase.conversations,
          failedCustomers: phase.failures,
        };
      } finally {
        await Promise.all(servers.map((server) => server.stop()));
      }
    }
    const rowsPerTurn = await database.rowsPerTurn();
    const { db } = await import("~/utils/db.server");
    // Every turn answered 200 is one customer message (each had its own clientMessageId).
    const stored = { acknowledged, customerMessages: await db.message.count({ where: { role: "customer" } }) };
    database.cleanup();
    const floorDb = await runPostgresFloor(url, rowsPerTurn);
    const http = await runHttpFloor(CONCURRENCY, 5_000);
    const floorMsPerTurn = 1000 / floorDb.turnsPerSecond + 1000 / http.requestsPerSecond;
    const floorTurnsPerSecond = 1000 / floorMsPerTurn;
    const loadAfter = os.loadavg();
    const ratio = (entry: unknown) => round(floorTurnsPerSecond / Math.max(1, (entry as { turnsPerSecond: number }).turnsPerSecond));
    const result = {
      date: new Date().toISOString(),
      database: "postgresql",
      flow: database.flow.slug,
      concurrency: CONCURRENCY,
      durationSeconds: DURATION_MS / 1000,
      instances,
      turnsAcknowledgedAndStored: stored,
      rowsPerTurn,
      floor: { postgresTurnsPerSecond: Math.round(floorDb.turnsPerSecond), httpRoundTripsPerSecond: Math.round(http.requestsPerSecond) },
      floorTurnsPerSecond: Math.round(floorTurnsPerSecond),
      ratioToFloor: { "1": ratio(instances["1"]), "2": ratio(instances["2"]) },
      targets: { ratioToFloor: 3 },
      machine: { cpus: os.cpus().length, node: process.version, loadAverageBefore: loadBefore.map(round), loadAverageAfter: loadAfter.map(round) },
    };
    fs.mkdirSync(path.join(benchRoot, "results"), { recursive: true });
    fs.writeFileSync(path.join(benchRoot, "results/turns-postgres.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    return result;
  } finally {
    cluster.stop();
  }
}

if (require.main === module) runBenchmark(main);
