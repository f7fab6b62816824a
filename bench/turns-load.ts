/**
 * The turns benchmark's load generator, shared by its SQLite half (bench/turns.ts) and its
 * PostgreSQL half (bench/turns-postgres.ts): simulated customers running whole conversations of
 * a flow over HTTP against one or more servers, and the CPU the servers spent meanwhile.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { postJson as post, type BenchFlow } from "../tests/support/bench-helpers";
import type { RunningServer } from "../tests/support/built-server";

/** `acknowledged` counts every turn answered 200, timed or not; `turns` only the timed ones. */
export type Customer = { latencies: number[]; turns: number; acknowledged: number; conversations: number; statuses: Record<string, number> };

/**
 * Open-loop pacing of one customer: message k is due at `firstAt + k * intervalMs`, whether or
 * not the previous reply came on time; a turn's latency counts from when it was due, so a server
 * that falls behind is charged for the wait it caused (no coordinated omission).
 */
type Pacing = { nextAt: number; intervalMs: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function newCustomer(): Customer {
  return { latencies: [], turns: 0, acknowledged: 0, conversations: 0, statuses: {} };
}

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
      customer.acknowledged += 1;
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

/** Every script once against one server (trains the intent model, warms the caches); returns the turns answered. */
export async function runEachScriptOnce(baseUrl: string, flow: BenchFlow): Promise<number> {
  const customer = newCustomer();
  for (const [index] of flow.scripts.entries()) {
    await runCustomer(baseUrl, { ...flow, scripts: [flow.scripts[index]] }, Date.now() + 60_000, Number.MAX_SAFE_INTEGER, customer, 0, { rounds: 1 });
  }
  return customer.acknowledged;
}

export type PhaseResult = {
  seconds: number;
  /** Timed turns' latencies, sorted. */
  latencies: number[];
  conversations: number;
  endings: Record<string, number>;
  /** Every turn answered 200, timed or not (the warm-up included): what must be stored. */
  acknowledged: number;
  /** Customers stopped by a failed request (the error is printed). */
  failedCustomers: number;
  serverCpuMs: number;
  /** CPU of other processes the caller asked to watch (e.g. the PostgreSQL server), in ms. */
  extraCpuMs: number;
  loadGeneratorCpuMs: number;
};

/**
 * `concurrency` customers for warmupMs + durationMs, customer i on server i mod n (as a load
 * balancer would spread them); only turns after the warm-up are timed and counted in the CPU.
 * With `pacedRate` the customers together are offered that many turns a second (open loop).
 */
export async function runPhase(
  servers: RunningServer[],
  flow: BenchFlow,
  options: { concurrency: number; durationMs: number; warmupMs: number; pacedRate?: number; extraCpuMs?: () => number },
): Promise<PhaseResult> {
  const { concurrency, durationMs, warmupMs, pacedRate, extraCpuMs = () => 0 } = options;
  const start = Date.now();
  const measureFrom = start + warmupMs;
  const until = measureFrom + durationMs;
  const customers = Array.from({ length: concurrency }, newCustomer);
  const serversCpuMs = () => servers.reduce((sum, server) => sum + processCpuMs(server.child.pid as number), 0);
  let serverCpuStart = 0;
  let extraCpuStart = 0;
  let loadCpuStart = process.cpuUsage();
  const cpuMark = setTimeout(() => {
    serverCpuStart = serversCpuMs();
    extraCpuStart = extraCpuMs();
    loadCpuStart = process.cpuUsage();
  }, measureFrom - Date.now());
  // Paced: each customer offers pacedRate / concurrency turns a second, phases spread over one interval.
  const intervalMs = pacedRate ? (1000 * concurrency) / pacedRate : 0;
  const now = performance.now();
  let failedCustomers = 0;
  await Promise.all(
    customers.map((customer, index) =>
      runCustomer(servers[index % servers.length].url, flow, until, measureFrom, customer, index, {
        pacing: pacedRate ? { nextAt: now + (intervalMs * index) / concurrency, intervalMs } : undefined,
      }).catch((error: unknown) => {
        failedCustomers += 1;
        console.error(error);
      }),
    ),
  );
  clearTimeout(cpuMark);
  const serverCpuMs = serversCpuMs() - serverCpuStart;
  const extra = extraCpuMs() - extraCpuStart;
  const loadCpu = process.cpuUsage(loadCpuStart);
  const endings: Record<string, number> = {};
  for (const customer of customers) for (const [status, count] of Object.entries(customer.statuses)) endings[status] = (endings[status] ?? 0) + count;
  return {
    seconds: durationMs / 1000,
    latencies: customers.flatMap((customer) => customer.latencies).sort((a, b) => a - b),
    conversations: customers.reduce((sum, customer) => sum + customer.conversations, 0),
    endings,
    acknowledged: customers.reduce((sum, customer) => sum + customer.acknowledged, 0),
    failedCustomers,
    serverCpuMs,
    extraCpuMs: extra,
    loadGeneratorCpuMs: (loadCpu.user + loadCpu.system) / 1000,
  };
}

/** utime + stime of a process, in ms (Linux /proc; clock ticks are 100 Hz on Linux). */
export function processCpuMs(pid: number): number {
  return statFields(pid).slice(11, 13).reduce((sum, ticks) => sum + Number(ticks) * 10, 0);
}

/** The fields of /proc/<pid>/stat after the command name (field 3, the state, first). */
export function statFields(pid: number): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}
