/**
 * The turns benchmark's PostgreSQL half (issue 13), run by bench/turns.ts in a child process
 * (`tsx bench/turns-postgres.ts <result.json>`): the app picks its database once per process,
 * and the SQLite half has picked SQLite by then.
 *
 * The production build on a throwaway PostgreSQL cluster (the helper the integration-pg tests
 * use), with 1 and then 2 instances on the same database (customers split between them, as a
 * load balancer would), saturated closed loop as in the SQLite half. Against the PostgreSQL floor
 * measured right after each phase (the machine's load changes from minute to minute): the same
 * rows per turn written by bare `pg` (one transaction per turn: the version-guarded UPDATE, the
 * messages, the events) at the same concurrency, in a twin database, plus a bare node:http round trip. The throwaway cluster runs with fsync and synchronous_commit off
 * for the app and the floor alike. Besides turns/s, CPU per turn: the app servers', the
 * PostgreSQL server's (every backend, from /proc), and the floor's the same way — steadier than
 * rates on a shared machine. On 2 cores two instances cannot be faster than one; what must hold
 * is the cost per turn (≤ 3× the floor) and no errors or lost turns.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from "../app/utils/postgres-cluster.server";
import { createBenchDatabase, percentile, round, runHttpFloor } from "../tests/support/bench-helpers";
import { createMigratedPostgresDatabase } from "../tests/setup/migrate";
import { buildServer, repoRoot, startServer, type RunningServer } from "../tests/support/built-server";
import { processCpuMs, runEachScriptOnce, runPhase, statFields } from "./turns-load";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const DURATION_MS = Number(process.env.BENCH_PG_DURATION_MS ?? 10_000);
const WARMUP_LOAD_MS = Number(process.env.BENCH_WARMUP_LOAD_MS ?? 5_000);
/** BENCH_PG_INSTANCES=1 measures one instance only (quicker while profiling). */
const INSTANCE_COUNTS = (process.env.BENCH_PG_INSTANCES ?? "1,2").split(",").map(Number).filter((count) => count > 0);
const FLOOR_TURNS = 4_000;
const HTTP_FLOOR_REQUESTS = 5_000;
const TARGET_RATIO = 3;
// BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile there when it stops.
const SERVER_NODE_ARGS = [
  ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean),
  ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
];

type RowsPerTurn = { messages: number; events: number; snapshotBytes: number };

export type PostgresInstancesResult = {
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The app servers' CPU (all instances) per timed turn. */
  serverCpuMsPerTurn: number;
  /** The PostgreSQL server's CPU (every backend) per timed turn. */
  postgresCpuMsPerTurn: number;
  turns: number;
  conversations: number;
  failedCustomers: number;
  /** Floor turns/s ÷ these turns/s: how many floor turns one of these costs in time. */
  ratioToFloor: number;
  /** (server + PostgreSQL CPU per turn) ÷ the floor's (pg client + PostgreSQL + bare HTTP server). */
  cpuRatioToFloor: number;
  /** The floor measured right after this phase. */
  floor: FloorResult;
};

export type FloorResult = {
  postgresTurnsPerSecond: number;
  httpRoundTripsPerSecond: number;
  turnsPerSecond: number;
  clientCpuMsPerTurn: number;
  postgresCpuMsPerTurn: number;
  httpServerCpuMsPerRequest: number;
  cpuMsPerTurn: number;
};

export type PostgresTurnsResult =
  | { skipped: string }
  | {
      database: "postgresql";
      postgresVersion: string;
      concurrency: number;
      durationSeconds: number;
      instances: Record<string, PostgresInstancesResult>;
      /** Every turn answered 200 (warm-ups included) vs the customer messages stored: equal means none lost or doubled. */
      turnsAcknowledgedAndStored: { acknowledged: number; customerMessages: number };
      rowsPerTurn: RowsPerTurn;
      targets: { ratioToFloor: number };
      loadAverageBefore: number[];
      loadAverageAfter: number[];
    };

/**
 * CPU of the whole PostgreSQL server: the postmaster, its live children (backends, WAL writer,
 * checkpointer…) and the children it already reaped (cutime/cstime), in ms.
 */
function postgresCpuMs(cluster: PostgresCluster): number {
  const postmaster = Number(fs.readFileSync(path.join(cluster.dir, "data/postmaster.pid"), "utf8").split("\n")[0]);
  const own = statFields(postmaster);
  let total = [11, 12, 13, 14].reduce((sum, field) => sum + Number(own[field]) * 10, 0);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(Number(entry));
      if (Number(fields[1]) === postmaster) total += processCpuMs(Number(entry));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** The app's database, migrated, and an empty twin for the floor (so its rows never count as the app's). */
async function createBenchDatabasesOn(cluster: PostgresCluster): Promise<{ url: string; floorUrl: string }> {
  const url = await createMigratedPostgresDatabase(cluster.url, "baton_bench");
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query("CREATE DATABASE baton_floor TEMPLATE baton_bench");
  } finally {
    await admin.end();
  }
  return { url, floorUrl: cluster.url.replace(/\/postgres$/, "/baton_floor") };
}

/** The same rows per turn as the app writes, by bare pg: one transaction per turn, CONCURRENCY at a time. */
async function runPostgresFloor(url: string, rows: RowsPerTurn, cpuOfPostgres: () => number) {
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const now = new Date().toISOString();
  // A flow of its own per run: the floor runs once after each phase.
  const flowId = `floor-${randomUUID()}`;
  await pool.query(`INSERT INTO "Flow" ("id", "slug", "name", "draft", "draftUpdatedAt", "createdAt", "updatedAt") VALUES ($2, $2, 'F', '{}', $1, $1, $1)`, [now, flowId]);
  await pool.query(`INSERT INTO "FlowVersion" ("id", "flowId", "number", "document", "documentHash", "createdAt") VALUES ($2, $2, 1, '{}', 'h', $1)`, [now, flowId]);
  const conversations = Array.from({ length: CONCURRENCY }, () => ({ id: randomUUID(), version: 1, seq: 0 }));
  for (const conversation of conversations) {
    await pool.query(
      `INSERT INTO "Conversation" ("id", "flowId", "flowVersionId", "tokenHash", "lastMessageAt", "createdAt", "updatedAt", "version") VALUES ($1, $4, $4, $2, $3, $3, $3, 1)`,
      [conversation.id, randomUUID(), now, flowId],
    );
  }
  const clients = await Promise.all(conversations.map(() => pool.connect()));
  const snapshot = JSON.stringify({ pad: "x".repeat(Math.max(0, rows.snapshotBytes - 12)) });
  const messagesPerTurn = Math.max(1, Math.round(rows.messages));
  const eventsPerTurn = Math.max(0, Math.round(rows.events));
  let remaining = FLOOR_TURNS;
  const clientCpuStart = process.cpuUsage();
  const postgresCpuStart = cpuOfPostgres();
  const started = performance.now();
  await Promise.all(
    conversations.map(async (conversation, index) => {
      const client = clients[index];
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
          await client.query(`INSERT INTO "Event" ("id", "conversationId", "flowId", "type", "nodeId", "payload", "createdAt") VALUES ($1, $2, $4, 'node.entered', 'n1', '{"a":1}', $3)`, [
            randomUUID(),
            conversation.id,
            at,
            flowId,
          ]);
        }
        await client.query("COMMIT");
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientCpuStart);
  const postgresCpu = cpuOfPostgres() - postgresCpuStart;
  for (const client of clients) client.release();
  await pool.end();
  return {
    turnsPerSecond: FLOOR_TURNS / seconds,
    clientCpuMsPerTurn: (clientCpu.user + clientCpu.system) / 1000 / FLOOR_TURNS,
    postgresCpuMsPerTurn: postgresCpu / FLOOR_TURNS,
  };
}

async function countStoredCustomerMessages(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS "count" FROM "Message" WHERE "role" = 'customer'`);
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL floor: bare pg writes of the app's rows per turn + a bare HTTP round trip. */
async function measureFloor(floorUrl: string, rows: RowsPerTurn, cpuOfPostgres: () => number): Promise<FloorResult> {
  const floorDb = await runPostgresFloor(floorUrl, rows, cpuOfPostgres);
  const http = await runHttpFloor(CONCURRENCY, HTTP_FLOOR_REQUESTS);
  return {
    postgresTurnsPerSecond: floorDb.turnsPerSecond,
    httpRoundTripsPerSecond: http.requestsPerSecond,
    turnsPerSecond: 1000 / (1000 / floorDb.turnsPerSecond + 1000 / http.requestsPerSecond),
    clientCpuMsPerTurn: floorDb.clientCpuMsPerTurn,
    postgresCpuMsPerTurn: floorDb.postgresCpuMsPerTurn,
    httpServerCpuMsPerRequest: http.serverCpuMsPerRequest,
    cpuMsPerTurn: floorDb.clientCpuMsPerTurn + floorDb.postgresCpuMsPerTurn + http.serverCpuMsPerRequest,
  };
}

function roundFloor(floor: FloorResult): FloorResult {
  return {
    ...floor,
    postgresTurnsPerSecond: Math.round(floor.postgresTurnsPerSecond),
    httpRoundTripsPerSecond: Math.round(floor.httpRoundTripsPerSecond),
    turnsPerSecond: Math.round(floor.turnsPerSecond),
    clientCpuMsPerTurn: round(floor.clientCpuMsPerTurn),
    postgresCpuMsPerTurn: round(floor.postgresCpuMsPerTurn),
    httpServerCpuMsPerRequest: round(floor.httpServerCpuMsPerRequest),
    cpuMsPerTurn: round(floor.cpuMsPerTurn),
  };
}

export async function measurePostgresTurns(): Promise<PostgresTurnsResult> {
  const bin = findPostgresBinaries();
  if (!bin || !fs.existsSync(path.join(bin, "initdb"))) {
    return { skipped: `PostgreSQL's binaries were not found (${bin ?? "nothing under /usr/lib/postgresql"}; apt-get install -y postgresql, or set POSTGRES_BIN_DIR)` };
  }
  const postgresVersion = execFileSync(path.join(bin, "postgres"), ["--version"], { encoding: "utf8" }).trim();
  const cluster = await startPostgresCluster();
  try {
    const { url, floorUrl } = await createBenchDatabasesOn(cluster);
    const database = await createBenchDatabase("turns-postgres", { postgresUrl: url });
    const buildFile = buildServer(path.join(repoRoot, "tests/.tmp", `bench-build-pg-${process.pid}`));
    const env = { CHAT_RATE_LIMIT_PER_MINUTE: "100000000", SESSION_SECRET: "bench-shared-session-secret" };
    const cpuOfPostgres = () => postgresCpuMs(cluster);
    const loadAverageBefore = os.loadavg().map(round);
    const instances: Record<string, PostgresInstancesResult> = {};
    let acknowledged = 0;
    for (const count of INSTANCE_COUNTS) {
      const servers: RunningServer[] = await Promise.all(Array.from({ length: count }, () => startServer({ buildFile, databaseUrl: url, env, nodeArgs: SERVER_NODE_ARGS })));
      let phase: Awaited<ReturnType<typeof runPhase>>;
      try {
        for (const server of servers) acknowledged += await runEachScriptOnce(server.url, database.flow);
        const warmup = await runPhase(servers, database.flow, { concurrency: CONCURRENCY, durationMs: WARMUP_LOAD_MS, warmupMs: 0 });
        phase = await runPhase(servers, database.flow, { concurrency: CONCURRENCY, durationMs: DURATION_MS, warmupMs: 1_000, extraCpuMs: cpuOfPostgres });
        acknowledged += warmup.acknowledged + phase.acknowledged;
      } finally {
        await Promise.all(servers.map((server) => server.stop()));
      }
      const floor = await measureFloor(floorUrl, await database.rowsPerTurn(), cpuOfPostgres);
      const turns = phase.latencies.length;
      const turnsPerSecond = turns / phase.seconds;
      const serverCpuMsPerTurn = phase.serverCpuMs / Math.max(1, turns);
      const postgresCpuMsPerTurn = phase.extraCpuMs / Math.max(1, turns);
      instances[String(count)] = {
        turnsPerSecond: Math.round(turnsPerSecond),
        p50Ms: round(percentile(phase.latencies, 0.5)),
        p99Ms: round(percentile(phase.latencies, 0.99)),
        serverCpuMsPerTurn: round(serverCpuMsPerTurn),
        postgresCpuMsPerTurn: round(postgresCpuMsPerTurn),
        turns,
        conversations: phase.conversations,
        failedCustomers: phase.failedCustomers,
        ratioToFloor: round(floor.turnsPerSecond / Math.max(1, turnsPerSecond)),
        cpuRatioToFloor: round((serverCpuMsPerTurn + postgresCpuMsPerTurn) / floor.cpuMsPerTurn),
        floor: roundFloor(floor),
      };
    }
    const rowsPerTurn = await database.rowsPerTurn();
    const customerMessages = await countStoredCustomerMessages(url);
    database.cleanup();
    return {
      database: "postgresql",
      postgresVersion,
      concurrency: CONCURRENCY,
      durationSeconds: DURATION_MS / 1000,
      instances,
      turnsAcknowledgedAndStored: { acknowledged, customerMessages },
      rowsPerTurn,
      targets: { ratioToFloor: TARGET_RATIO },
      loadAverageBefore,
      loadAverageAfter: os.loadavg().map(round),
    };
  } finally {
    cluster.stop();
  }
}

/** One line per instance count, for the console. */
export function describePostgresTurns(result: PostgresTurnsResult): string {
  if ("skipped" in result) return `postgresql: skipped (${result.skipped})`;
  const lines = Object.entries(result.instances).map(
    ([count, entry]) =>
      `postgresql, ${count} instance${count === "1" ? "" : "s"}: ${entry.turnsPerSecond} turns/s, p50 ${entry.p50Ms} ms, p99 ${entry.p99Ms} ms; ` +
      `CPU per turn: server ${entry.serverCpuMsPerTurn} ms + PostgreSQL ${entry.postgresCpuMsPerTurn} ms; failed customers ${entry.failedCustomers}; ` +
      `floor right after: ${entry.floor.turnsPerSecond} turns/s (pg ${entry.floor.postgresTurnsPerSecond}/s, http ${entry.floor.httpRoundTripsPerSecond}/s), ${entry.floor.cpuMsPerTurn} ms CPU per turn; ` +
      `ratio to floor ${entry.ratioToFloor} (CPU ${entry.cpuRatioToFloor})`,
  );
  const stored = result.turnsAcknowledgedAndStored;
  lines.push(`postgresql: acknowledged ${stored.acknowledged} turns, stored ${stored.customerMessages}`);
  return lines.join("\n");
}

if (require.main === module) {
  measurePostgresTurns().then(
    (result) => {
      // With a result file (bench/turns.ts) the parent prints the summary.
      const out = process.argv[2];
      if (out) fs.writeFileSync(out, JSON.stringify(result));
      else console.log(describePostgresTurns(result));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
