/**
 * How long a customer's message waits for its sentence vector at the encoder's worker thread
 * (the wait a turn's intent or kb step has), to choose BATON_EMBEDDING_DEADLINE_MS:
 *   npx tsx bench/embedding-wait.ts
 * Three phases, one fresh worker: the first message (the model loading), then 60 distinct
 * messages one after another on an idle worker, then 60 more while 1,000 article passages are
 * being embedded in the background (start-up, an import). Prints wall-clock p50/p95/p99/max and
 * the machine's load average; run it on a machine as busy as production is.
 */
import os from "node:os";
import { WorkerSentenceEncoder } from "~/engines/local/sentence-encoder.server";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (value: number) => value.toFixed(0).padStart(5);
  return `${label.padEnd(34)} n=${samples.length}  p50 ${f(percentile(sorted, 50))} ms  p95 ${f(percentile(sorted, 95))} ms  p99 ${f(percentile(sorted, 99))} ms  max ${f(sorted.at(-1)!)} ms`;
}

async function timeOne(encoder: WorkerSentenceEncoder, text: string): Promise<number> {
  const started = performance.now();
  await encoder.embed([text]);
  return performance.now() - started;
}

async function main() {
  const encoder = new WorkerSentenceEncoder({ cacheSize: 0 });
  const cpuStart = process.cpuUsage();
  console.log(`load average ${os.loadavg().map((value) => value.toFixed(2)).join(" ")}, ${os.cpus().length} cores`);
  console.log(summary("first message (model loading)", [await timeOne(encoder, "where is my order?")]));
  const idle: number[] = [];
  for (let i = 0; i < 60; i++) idle.push(await timeOne(encoder, `how long does shipping to zone ${i} take?`));
  console.log(summary("one message, idle worker", idle));
  const passages = Array.from({ length: 1000 }, (_, i) => `Passage ${i}: orders ship within two business days and arrive in three to five more, tracked by email.`);
  const backlog = encoder.embed(passages);
  // A later event-loop turn: a message flushed with the passages would queue behind all of them (measured apart below).
  await new Promise((resolve) => setImmediate(resolve));
  const busy: number[] = [];
  for (let i = 0; i < 60; i++) busy.push(await timeOne(encoder, `can I return item number ${i} without a receipt?`));
  console.log(summary("one message, 1,000 passages queued", busy));
  await backlog;
  // The unlucky case: a message that arrives in the same event-loop turn as a large batch is flushed with it, behind it.
  const sameTick = encoder.embed(passages.map((passage) => `${passage} (again)`));
  console.log(summary("one message flushed with 1,000", [await timeOne(encoder, "is there a fee for returns?")]));
  await sameTick;
  const cpu = process.cpuUsage(cpuStart);
  console.log(`main-thread CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; load average now ${os.loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  await encoder.close();
}

void main();
