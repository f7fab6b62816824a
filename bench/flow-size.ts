/**
 * Conversation cost against flow size: a generated 12-step and 1,000-step flow (the document
 * limit is 1,000 steps) published into a fresh database, then, for each, conversations started
 * and answered once through the runtime (createConversation + handleCustomerMessage, embedded
 * engines, real SQLite). Publishing compiles and trains the version once, so no conversation
 * pays for it: a start and a turn should cost about the same on both flows. Reports the median
 * and p95 wall and CPU time per start and per turn, the stored snapshot's size, what publishing
 * (the once-per-version work) took, and the very first start after it (the first customer's).
 * Writes bench/results/flow-size.json. Run alone: npx tsx bench/flow-size.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createBenchDatabase } from "../tests/support/bench-helpers";
import { generateLargeFlow } from "../tests/support/large-flow";

// The generator builds 10-step blocks between a start and an end: 12 is the smallest flow with one of each kind.
const SIZES = [12, 1000];
const CONVERSATIONS = 40;
const WARMUP = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

function summary(samples: Array<{ ms: number; cpuMs: number }>) {
  const wall = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const cpu = samples.map((sample) => sample.cpuMs).sort((a, b) => a - b);
  return { medianMs: round(percentile(wall, 50)), p95Ms: round(percentile(wall, 95)), cpuMedianMs: round(percentile(cpu, 50)) };
}

async function main() {
  const database = await createBenchDatabase("flow-size");
  const { db } = await import("~/utils/db.server");
  const { publishFlow } = await import("~/runtime/flow-versions.server");
  const { createConversation } = await import("~/runtime/conversations.server");
  const { handleCustomerMessage } = await import("~/runtime/turn.server");
  const rows = [];
  try {
    for (const size of SIZES) {
      const document = { ...generateLargeFlow(size), slug: `generated-${size}`, name: `Generated ${size}` };
      const published = await timed(() => publishFlow(document, { client: db }));
      if (!published.value.ok) throw new Error(`the ${size}-step flow does not publish: ${JSON.stringify(published.value.errors.slice(0, 3))}`);
      const starts: Array<{ ms: number; cpuMs: number }> = [];
      let firstStartMs = 0;
      const turns: Array<{ ms: number; cpuMs: number }> = [];
      for (let index = 0; index < WARMUP + CONVERSATIONS; index += 1) {
        const start = await timed(() => createConversation({ slug: document.slug, channel: "api" }));
        if (!start.value) throw new Error("no conversation");
        const conversationId = start.value.conversationId;
        if (index === 0) firstStartMs = start.ms;
        const turn = await timed(() => handleCustomerMessage({ conversationId, clientMessageId: `m-${index}`, text: "I want to track my order" }));
        if (turn.value.status !== "bot") throw new Error(`unexpected turn status ${turn.value.status}`);
        if (index >= WARMUP) {
          starts.push(start);
          turns.push(turn);
        }
      }
      const snapshot = await db.$queryRawUnsafe<Array<{ bytes: number | bigint }>>(
        `SELECT avg(length(snapshot)) AS bytes FROM Conversation WHERE flowId = (SELECT id FROM Flow WHERE slug = ?)`,
        document.slug,
      );
      rows.push({
        steps: size,
        publishMs: round(published.ms),
        firstStartMs: round(firstStartMs),
        start: summary(starts),
        turn: summary(turns),
        snapshotBytes: Math.round(Number(snapshot[0]?.bytes ?? 0)),
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
  } finally {
    database.cleanup();
  }
  const [small, large] = rows;
  const result = {
    benchmark: "flow-size",
    conversations: CONVERSATIONS,
    rows,
    startRatio: round(large.start.cpuMedianMs / small.start.cpuMedianMs),
    turnRatio: round(large.turn.cpuMedianMs / small.turn.cpuMedianMs),
    loadAverage: os.loadavg().map(round),
    node: process.version,
    cpus: os.cpus().length,
    at: new Date().toISOString(),
  };
  const outDir = path.resolve(__dirname, "results");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "flow-size.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
