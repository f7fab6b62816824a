/**
 * Turn throughput and latency of the PRODUCTION build over HTTP, against the floor measured in
 * the same run. `npx tsx bench/turns.ts` (or `npm run bench`). Writes bench/results/turns.json.
 *
 * Load: CONCURRENCY simulated customers, each running full conversations of the starter flow
 * flows/store-support.json (create → scripted messages until the bot hands off or ends → next
 * conversation). Only message turns are timed; creating conversations is load, not a turn.
 * Two phases on the same server, one after the other:
 * - saturated (closed loop): each customer sends its next message as soon as it has the reply:
 *   turns/s, p50 and p99 at full load (mean latency = CONCURRENCY / throughput, Little's law);
 * - paced (open loop): the same customers offered BENCH_PACED_RATE turns/s in all, each on its
 *   own schedule; latency counts from when a message was due, and the result says whether the
 *   server kept up with the offered rate.
 * Server CPU ms per turn (from /proc) is the figure to compare across runs on a shared machine.
 * Floor: the same rows per turn written with bare better-sqlite3, one transaction per turn, plus
 * a bare node:http round trip at the same concurrency: floor time per turn = write + round trip.
 *
 * The same run then measures PostgreSQL (issue 13): 1 and 2 instances on one throwaway database
 * beside their own floor (bench/turns-postgres.ts, in a child process: the app picks its
 * database once per process). turns.json holds both; without PostgreSQL's binaries its
 * `postgresql` entry says so and the SQLite half stands. BENCH_TURNS_DATABASES=sqlite (or
 * postgresql) runs one half only and leaves the other's figures in turns.json as they were.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBenchDatabase, benchRoot, percentile, round, runBenchmark, runHttpFloor, runSqliteFloor, startBenchServer } from "../tests/support/bench-helpers";
import { describePostgresTurns, type PostgresTurnsResult } from "./turns-postgres";
import { runEachScriptOnce, runPhase, type PhaseResult } from "./turns-load";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
// The paced phase: the same customers offered this many turns per second in all.
const PACED_TURNS_PER_SECOND = Number(process.env.BENCH_PACED_RATE ?? 500);
const PACED_DURATION_MS = Number(process.env.BENCH_PACED_DURATION_MS ?? 10_000);
// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
// BENCH_NODE_ARGS="--trace-gc …": extra node flags for the server; BENCH_SERVER_LOG=<file>: the tail of its output.
const SERVER_NODE_ARGS = [
  ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean),
  ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
];
const WARMUP_MS = 1_000;
// Full load before anything is measured: a cold server spends its first seconds compiling hot code
// (V8's optimising compiler runs on its own threads, counted in the server's CPU). Measured: the
// first phase after a short warm-up cost ~35% more CPU per turn than the same phase run second.
const WARMUP_LOAD_MS = Number(process.env.BENCH_WARMUP_LOAD_MS ?? 5_000);
/** Below this share of the offered rate the server did not keep up with it. */
const KEPT_UP_SHARE = 0.95;
const DATABASES = (process.env.BENCH_TURNS_DATABASES ?? "sqlite,postgresql").split(",");
const RESULT_FILE = path.join(benchRoot, "results/turns.json");

/** CPU time the server spent per timed turn (conversation starts included, as in the load). */
function cpuPerTurn(phase: PhaseResult): number {
  return round(phase.serverCpuMs / Math.max(1, phase.latencies.length));
}

async function measureSqliteTurns(): Promise<Record<string, unknown>> {
  const database = await createBenchDatabase("turns");
  const server = await startBenchServer(database.url, {}, SERVER_NODE_ARGS);
  try {
    const flow = database.flow;
    // Train the intent model and warm the caches once, so the run measures steady state.
    await runEachScriptOnce(server.url, flow);
    const phase = { concurrency: CONCURRENCY, warmupMs: WARMUP_MS };
    await runPhase([server], flow, { ...phase, durationMs: WARMUP_LOAD_MS });
    const loadBefore = os.loadavg();
    const saturated = await runPhase([server], flow, { ...phase, durationMs: DURATION_MS });
    const paced = await runPhase([server], flow, { ...phase, durationMs: PACED_DURATION_MS, pacedRate: PACED_TURNS_PER_SECOND });
    const loadAfter = os.loadavg();
    const rowsPerTurn = await database.rowsPerTurn();
    if (process.env.BENCH_SERVER_LOG) fs.writeFileSync(process.env.BENCH_SERVER_LOG, server.output());
    await server.stop();

    const sqlite = runSqliteFloor(rowsPerTurn, 4_000);
    const http = await runHttpFloor(CONCURRENCY, 5_000);
    const floorMsPerTurn = 1000 / sqlite.turnsPerSecond + 1000 / http.requestsPerSecond;
    const floorTurnsPerSecond = 1000 / floorMsPerTurn;
    const latencies = saturated.latencies;
    const turns = latencies.length;
    const turnsPerSecond = turns / saturated.seconds;
    const pacedAchieved = paced.latencies.length / paced.seconds;
    const pacedKeptUp = pacedAchieved >= KEPT_UP_SHARE * PACED_TURNS_PER_SECOND;
    const result = {
      date: new Date().toISOString(),
      flow: flow.slug,
      concurrency: CONCURRENCY,
      // Closed loop: every customer sends its next message as soon as the reply arrives (saturation).
      durationSeconds: saturated.seconds,
      turns,
      conversations: saturated.conversations,
      endings: saturated.endings,
      // Customers stopped by a failed request (printed above): 0 in a sound run.
      failedCustomers: saturated.failedCustomers + paced.failedCustomers,
      turnsPerSecond: Math.round(turnsPerSecond),
      p50Ms: round(percentile(latencies, 0.5)),
      p99Ms: round(percentile(latencies, 0.99)),
      maxMs: round(latencies.at(-1) ?? 0),
      // Much less sensitive to other load on the machine than wall-clock figures.
      serverCpuMsPerTurn: cpuPerTurn(saturated),
      // What one core fully given to the server would do at that cost (an estimate, not a measurement).
      turnsPerServerCpuSecond: Math.round((1000 * Math.max(1, turns)) / Math.max(1, saturated.serverCpuMs)),
      loadGeneratorCpuMsPerTurn: round(saturated.loadGeneratorCpuMs / Math.max(1, turns)),
      // Open loop: the same customers offered PACED_TURNS_PER_SECOND in all; latency from when each message was due.
      pacedOfferedTurnsPerSecond: PACED_TURNS_PER_SECOND,
      pacedTurnsPerSecond: Math.round(pacedAchieved),
      pacedKeptUp,
      pacedP50Ms: round(percentile(paced.latencies, 0.5)),
      pacedP99Ms: round(percentile(paced.latencies, 0.99)),
      pacedMaxMs: round(paced.latencies.at(-1) ?? 0),
      pacedServerCpuMsPerTurn: cpuPerTurn(paced),
      pacedDurationSeconds: paced.seconds,
      rowsPerTurn,
      floor: {
        sqliteTurnsPerSecond: Math.round(sqlite.turnsPerSecond),
        httpRoundTripsPerSecond: Math.round(http.requestsPerSecond),
        httpP50Ms: round(http.p50Ms),
      },
      floorTurnsPerSecond: Math.round(floorTurnsPerSecond),
      ratioToFloor: round(floorTurnsPerSecond / turnsPerSecond),
      targets: { turnsPerSecond: 500, p99Ms: 50, ratioToFloor: 10 },
      // The highest 1-minute load average seen, before and after both phases.
      loadAverage: round(Math.max(loadBefore[0], loadAfter[0])),
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        loadAverageBefore: loadBefore.map(round),
        loadAverageAfter: loadAfter.map(round),
        note: describeLoad(loadBefore, loadAfter, os.cpus().length),
      },
    };
    console.log(
      `sqlite: ${result.turnsPerSecond} turns/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms at ${CONCURRENCY} customers; ` +
        `server CPU ${result.serverCpuMsPerTurn} ms/turn; floor ${result.floorTurnsPerSecond} turns/s (sqlite ${result.floor.sqliteTurnsPerSecond}/s, http ${result.floor.httpRoundTripsPerSecond}/s); ratio ${result.ratioToFloor}\n` +
        `sqlite, paced at ${PACED_TURNS_PER_SECOND} turns/s offered: ${result.pacedTurnsPerSecond} turns/s served${pacedKeptUp ? "" : " (the server did NOT keep up)"}, p50 ${result.pacedP50Ms} ms, p99 ${result.pacedP99Ms} ms, ` +
        `server CPU ${result.pacedServerCpuMsPerTurn} ms/turn; failed customers ${saturated.failedCustomers + paced.failedCustomers}; load average ${result.loadAverage} on ${result.machine.cpus} cores`,
    );
    return result;
  } finally {
    await server.stop();
    database.cleanup();
  }
}

function describeLoad(before: number[], after: number[], cpus: number): string {
  const load = Math.max(before[0], after[0]);
  const shared = `${cpus} shared cores; the load generator runs on the same cores; serverCpuMsPerTurn is the steadier figure`;
  if (load <= cpus) return `${shared}; the machine was not overloaded during the run (load ${round(load)})`;
  return `${shared}; the machine was OVERLOADED by other processes (load average ${round(load)} on ${cpus} cores): turns/s and latencies show the share of CPU this run got, not the server's capacity, and even CPU time per turn is inflated by the contention`;
}

/**
 * The PostgreSQL half in its own process (see the header); a failure there is recorded in its
 * entry instead of failing the SQLite half.
 */
function measurePostgresTurnsInChild(): PostgresTurnsResult | { failed: string } {
  const out = path.join(benchRoot, `../tests/.tmp/turns-postgres-${process.pid}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const run = spawnSync(path.join(benchRoot, "../node_modules/.bin/tsx"), [path.join(benchRoot, "turns-postgres.ts"), out], { stdio: "inherit" });
  if (run.status !== 0 || !fs.existsSync(out)) return { failed: `bench/turns-postgres.ts exited with ${run.status ?? run.signal}` };
  const result = JSON.parse(fs.readFileSync(out, "utf8")) as PostgresTurnsResult;
  fs.rmSync(out, { force: true });
  return result;
}

export async function main(): Promise<Record<string, unknown>> {
  const previous = fs.existsSync(RESULT_FILE) ? (JSON.parse(fs.readFileSync(RESULT_FILE, "utf8")) as Record<string, unknown>) : {};
  const { postgresql: previousPostgres, ...previousSqlite } = previous;
  const sqlite = DATABASES.includes("sqlite") ? await measureSqliteTurns() : previousSqlite;
  const postgresql = DATABASES.includes("postgresql") ? measurePostgresTurnsInChild() : previousPostgres;
  const result = { ...sqlite, postgresql };
  fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  if (postgresql && typeof postgresql === "object" && !("failed" in postgresql)) console.log(describePostgresTurns(postgresql as PostgresTurnsResult));
  else console.log(`postgresql: ${JSON.stringify(postgresql)}`);
  return result;
}

if (require.main === module) runBenchmark(main);
