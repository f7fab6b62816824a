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
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBenchDatabase, benchRoot, percentile, postJson as post, runHttpFloor, runSqliteFloor, startBenchServer, type BenchFlow } from "../tests/support/bench-helpers";
import type { RunningServer } from "../tests/support/built-server";

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

export type Customer = { latencies: number[]; turns: number; conversations: number; statuses: Record<string, number> };

/**
 * Open-loop pacing of one customer: message k is due at `firstAt + k * intervalMs`, whether or
 * not the previous reply came on time; a turn's latency counts from when it was due, so a server
 * that falls behind is charged for the wait it caused (no coordinated omission).
 */
type Pacing = { nextAt: number; intervalMs: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCustomer(
  baseUrl: string,
  flow: BenchFlow,
  until: number,
  measureFrom: number,
  customer: Customer,
  index: number,
  options: { rounds?: number; pacing?: Pacing } = {},
): Promise<void> {
  const { rounds = Infinity, pacing } = options;
  for (let round = 0; Date.now() < until && round < rounds; round += 1) {
    const script = flow.scripts[(index + round) % flow.scripts.length];
    const created = await post(`${baseUrl}/api/chat/${flow.slug}/conversations`, {});
    if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.json)}`);
    const { conversationId, token } = created.json as { conversationId: string; token: string };
    customer.conversations += 1;
    for (const text of script) {
      let started = performance.now();
      if (pacing) {
        const due = pacing.nextAt;
        pacing.nextAt += pacing.intervalMs;
        if (due > started) await sleep(due - started);
        started = due;
      }
      if (Date.now() >= until) return;
      const reply = await post(`${baseUrl}/api/conversations/${conversationId}/messages`, { clientMessageId: randomUUID(), text }, token);
      const elapsed = performance.now() - started;
      if (reply.status !== 200) throw new Error(`turn failed: ${reply.status} ${JSON.stringify(reply.json)}`);
      if (Date.now() >= measureFrom) {
        customer.latencies.push(elapsed);
        customer.turns += 1;
      }
      const status = String(reply.json.status);
      if (status !== "bot") {
        customer.statuses[status] = (customer.statuses[status] ?? 0) + 1;
        break;
      }
    }
  }
}

type PhaseResult = {
  seconds: number;
  latencies: number[];
  conversations: number;
  endings: Record<string, number>;
  serverCpuMs: number;
  loadGeneratorCpuMs: number;
};

/** CONCURRENCY customers for WARMUP_MS + durationMs; only turns after the warm-up are timed. */
async function runPhase(server: RunningServer, flow: BenchFlow, durationMs: number, pacedRate?: number): Promise<PhaseResult> {
  const start = Date.now();
  const measureFrom = start + WARMUP_MS;
  const until = measureFrom + durationMs;
  const customers: Customer[] = Array.from({ length: CONCURRENCY }, () => ({ latencies: [], turns: 0, conversations: 0, statuses: {} }));
  const pid = server.child.pid as number;
  let serverCpuStart = 0;
  let loadCpuStart = process.cpuUsage();
  const cpuMark = setTimeout(() => {
    serverCpuStart = processCpuMs(pid);
    loadCpuStart = process.cpuUsage();
  }, measureFrom - Date.now());
  // Paced: each customer offers pacedRate / CONCURRENCY turns a second, phases spread over one interval.
  const intervalMs = pacedRate ? (1000 * CONCURRENCY) / pacedRate : 0;
  const now = performance.now();
  await Promise.all(
    customers.map((customer, index) =>
      runCustomer(server.url, flow, until, measureFrom, customer, index, {
        pacing: pacedRate ? { nextAt: now + (intervalMs * index) / CONCURRENCY, intervalMs } : undefined,
      }),
    ),
  );
  clearTimeout(cpuMark);
  const loadCpu = process.cpuUsage(loadCpuStart);
  const endings: Record<string, number> = {};
  for (const customer of customers) for (const [status, count] of Object.entries(customer.statuses)) endings[status] = (endings[status] ?? 0) + count;
  return {
    seconds: durationMs / 1000,
    latencies: customers.flatMap((customer) => customer.latencies).sort((a, b) => a - b),
    conversations: customers.reduce((sum, customer) => sum + customer.conversations, 0),
    endings,
    serverCpuMs: processCpuMs(pid) - serverCpuStart,
    loadGeneratorCpuMs: (loadCpu.user + loadCpu.system) / 1000,
  };
}

/** CPU time the server spent per timed turn (conversation starts included, as in the load). */
function cpuPerTurn(phase: PhaseResult): number {
  return round(phase.serverCpuMs / Math.max(1, phase.latencies.length));
}

export async function main(): Promise<Record<string, unknown>> {
  const database = await createBenchDatabase("turns");
  const server = await startBenchServer(database.url, {}, SERVER_NODE_ARGS);
  try {
    const flow = database.flow;
    // Train the intent model and warm the caches once, so the run measures steady state.
    for (const [index] of flow.scripts.entries()) {
      await runCustomer(server.url, { ...flow, scripts: [flow.scripts[index]] }, Date.now() + 60_000, Number.MAX_SAFE_INTEGER, { latencies: [], turns: 0, conversations: 0, statuses: {} }, 0, { rounds: 1 });
    }
    await runPhase(server, flow, WARMUP_LOAD_MS);
    const loadBefore = os.loadavg();
    const saturated = await runPhase(server, flow, DURATION_MS);
    const paced = await runPhase(server, flow, PACED_DURATION_MS, PACED_TURNS_PER_SECOND);
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
    fs.mkdirSync(path.join(benchRoot, "results"), { recursive: true });
    fs.writeFileSync(path.join(benchRoot, "results/turns.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `turns: ${result.turnsPerSecond} turns/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms at ${CONCURRENCY} customers; ` +
        `server CPU ${result.serverCpuMsPerTurn} ms/turn; floor ${result.floorTurnsPerSecond} turns/s (sqlite ${result.floor.sqliteTurnsPerSecond}/s, http ${result.floor.httpRoundTripsPerSecond}/s); ratio ${result.ratioToFloor}\n` +
        `paced at ${PACED_TURNS_PER_SECOND} turns/s offered: ${result.pacedTurnsPerSecond} turns/s served${pacedKeptUp ? "" : " (the server did NOT keep up)"}, p50 ${result.pacedP50Ms} ms, p99 ${result.pacedP99Ms} ms, ` +
        `server CPU ${result.pacedServerCpuMsPerTurn} ms/turn; load average ${result.loadAverage} on ${result.machine.cpus} cores`,
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

/** utime + stime of a process, in ms (Linux /proc; clock ticks are 100 Hz on Linux). */
function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
