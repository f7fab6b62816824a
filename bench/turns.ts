/**
 * Turn throughput and latency of the PRODUCTION build over HTTP, against the floor measured in
 * the same run. `npx tsx bench/turns.ts` (or `npm run bench`). Writes bench/results/turns.json.
 *
 * Load: CONCURRENCY simulated customers, each running full conversations of the starter flow
 * flows/store-support.json (create → scripted messages until the bot hands off or ends → next
 * conversation). Only message turns are timed; creating conversations is load, not a turn.
 * Floor: the same rows per turn written with bare better-sqlite3, one transaction per turn, plus
 * a bare node:http round trip at the same concurrency: floor time per turn = write + round trip.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBenchDatabase, benchRoot, percentile, postJson as post, runHttpFloor, runSqliteFloor, startBenchServer, type BenchFlow } from "../tests/support/bench-helpers";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
const SERVER_NODE_ARGS = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const WARMUP_MS = 1_000;

type Customer = { latencies: number[]; turns: number; conversations: number; statuses: Record<string, number> };

async function runCustomer(baseUrl: string, flow: BenchFlow, until: number, measureFrom: number, customer: Customer, index: number, rounds = Infinity): Promise<void> {
  for (let round = 0; Date.now() < until && round < rounds; round += 1) {
    const script = flow.scripts[(index + round) % flow.scripts.length];
    const created = await post(`${baseUrl}/api/chat/${flow.slug}/conversations`, {});
    if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.json)}`);
    const { conversationId, token } = created.json as { conversationId: string; token: string };
    customer.conversations += 1;
    for (const text of script) {
      if (Date.now() >= until) return;
      const started = performance.now();
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

export async function main(): Promise<Record<string, unknown>> {
  const database = await createBenchDatabase("turns");
  const server = await startBenchServer(database.url, {}, SERVER_NODE_ARGS);
  try {
    const flow = database.flow;
    // Train the intent model and warm the caches once, so the run measures steady state.
    for (const [index] of flow.scripts.entries()) {
      await runCustomer(server.url, { ...flow, scripts: [flow.scripts[index]] }, Date.now() + 60_000, Number.MAX_SAFE_INTEGER, { latencies: [], turns: 0, conversations: 0, statuses: {} }, 0, 1);
    }
    const start = Date.now();
    const measureFrom = start + WARMUP_MS;
    const until = measureFrom + DURATION_MS;
    const customers: Customer[] = Array.from({ length: CONCURRENCY }, () => ({ latencies: [], turns: 0, conversations: 0, statuses: {} }));
    const pid = server.child.pid as number;
    let serverCpuStart = 0;
    let loadCpuStart = process.cpuUsage();
    const cpuMark = setTimeout(() => {
      serverCpuStart = processCpuMs(pid);
      loadCpuStart = process.cpuUsage();
    }, measureFrom - Date.now());
    const loadBefore = os.loadavg();
    await Promise.all(customers.map((customer, index) => runCustomer(server.url, flow, until, measureFrom, customer, index)));
    clearTimeout(cpuMark);
    const serverCpuMs = processCpuMs(pid) - serverCpuStart;
    const loadCpu = process.cpuUsage(loadCpuStart);
    const loadAfter = os.loadavg();
    const seconds = DURATION_MS / 1000;
    const latencies = customers.flatMap((customer) => customer.latencies).sort((a, b) => a - b);
    const turns = latencies.length;
    const rowsPerTurn = await database.rowsPerTurn();
    await server.stop();

    const sqlite = runSqliteFloor(rowsPerTurn, 4_000);
    const http = await runHttpFloor(CONCURRENCY, 5_000);
    const floorMsPerTurn = 1000 / sqlite.turnsPerSecond + 1000 / http.requestsPerSecond;
    const floorTurnsPerSecond = 1000 / floorMsPerTurn;
    const turnsPerSecond = turns / seconds;
    const statuses: Record<string, number> = {};
    for (const customer of customers) for (const [status, count] of Object.entries(customer.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
    const result = {
      date: new Date().toISOString(),
      flow: flow.slug,
      concurrency: CONCURRENCY,
      durationSeconds: seconds,
      turns,
      conversations: customers.reduce((sum, customer) => sum + customer.conversations, 0),
      endings: statuses,
      turnsPerSecond: Math.round(turnsPerSecond),
      p50Ms: round(percentile(latencies, 0.5)),
      p99Ms: round(percentile(latencies, 0.99)),
      maxMs: round(latencies.at(-1) ?? 0),
      // CPU time the server process spent per timed turn (conversation starts included, as in the load):
      // much less sensitive to other load on the machine than wall-clock figures.
      serverCpuMsPerTurn: round(serverCpuMs / Math.max(1, turns)),
      // What one core fully given to the server would do at that cost (an estimate, not a measurement).
      turnsPerServerCpuSecond: Math.round((1000 * Math.max(1, turns)) / Math.max(1, serverCpuMs)),
      loadGeneratorCpuMsPerTurn: round((loadCpu.user + loadCpu.system) / 1000 / Math.max(1, turns)),
      rowsPerTurn,
      floor: {
        sqliteTurnsPerSecond: Math.round(sqlite.turnsPerSecond),
        httpRoundTripsPerSecond: Math.round(http.requestsPerSecond),
        httpP50Ms: round(http.p50Ms),
      },
      floorTurnsPerSecond: Math.round(floorTurnsPerSecond),
      ratioToFloor: round(floorTurnsPerSecond / turnsPerSecond),
      targets: { turnsPerSecond: 500, p99Ms: 50, ratioToFloor: 10 },
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
        `server CPU ${result.serverCpuMsPerTurn} ms/turn; floor ${result.floorTurnsPerSecond} turns/s (sqlite ${result.floor.sqliteTurnsPerSecond}/s, http ${result.floor.httpRoundTripsPerSecond}/s); ratio ${result.ratioToFloor}`,
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
