/**
 * Server memory with many conversations left mid-flow. `npx tsx bench/memory.ts`.
 * Publishes FLOWS copies of the starter flow (distinct flow versions), then creates
 * CONVERSATIONS conversations over HTTP spread across them (each waits for the customer after
 * its greeting; every 10th also answers once). The caches are run PAST their bounds on purpose:
 * the token-hash cache is lowered to TOKEN_CACHE_SIZE (2,000 by default here, a fifth of the
 * conversations) and the compiled-machine cache (64) holds fewer versions than there are (100).
 * At each checkpoint the production server collects garbage and reports its heap in use
 * (SIGUSR2 with --expose-gc, see app/cli/serve.ts), besides its resident memory.
 * FAILS (exit 1) when the heap after GC grows by more than GROWTH_LIMIT_MB between the first
 * checkpoint past every cache bound and the end: a bounded server must level off.
 * Writes bench/results/memory.json.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { MEMORY_LINE } from "~/cli/server-process";
import type { RunningServer } from "../tests/support/built-server";
import { benchRoot, createBenchDatabase, startBenchServer } from "../tests/support/bench-helpers";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const FLOWS = Number(process.env.BENCH_FLOWS ?? 100);
const TOKEN_CACHE_SIZE = Number(process.env.TOKEN_CACHE_SIZE ?? 2_000);
const MACHINE_CACHE_SIZE = Number(process.env.FLOW_MACHINE_CACHE_SIZE ?? 64);
const GROWTH_LIMIT_MB = Number(process.env.BENCH_MEMORY_GROWTH_LIMIT_MB ?? 10);
const CONCURRENCY = 32;

function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? megabytes(Number(match[1]) * 1024) : NaN;
}

function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/** Asks the server to collect garbage and waits for the heap figure it prints. */
async function heapAfterGc(server: RunningServer): Promise<number> {
  const before = server.output().lastIndexOf(MEMORY_LINE);
  server.child.kill("SIGUSR2");
  for (let waited = 0; waited < 10_000; waited += 20) {
    const output = server.output();
    const at = output.lastIndexOf(MEMORY_LINE);
    const line = at > before ? output.slice(at + MEMORY_LINE.length).split("\n")[0] : "";
    if (line.trim().endsWith("}")) return megabytes((JSON.parse(line) as { heapUsed: number }).heapUsed);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the server did not report its memory (started without --expose-gc?)");
}

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

type Sample = { conversations: number; heapAfterGcMb: number; rssMb: number };

export async function main(): Promise<Record<string, unknown>> {
  const database = await createBenchDatabase("memory");
  const { publishFlow } = await import("~/runtime/flow-versions.server");
  const starter = JSON.parse(fs.readFileSync(path.join(benchRoot, "../flows/store-support.json"), "utf8")) as { slug: string; name: string };
  const slugs = Array.from({ length: FLOWS }, (_, index) => `memory-${index + 1}`);
  for (const slug of slugs) {
    const published = await publishFlow({ ...starter, slug, name: `${starter.name} ${slug}` });
    if (!published.ok) throw new Error(`cannot publish ${slug}`);
  }
  const env = { TOKEN_CACHE_SIZE: String(TOKEN_CACHE_SIZE), FLOW_MACHINE_CACHE_SIZE: String(MACHINE_CACHE_SIZE) };
  const server = await startBenchServer(database.url, env, ["--expose-gc"]);
  const pid = server.child.pid as number;
  try {
    const sample = async (conversations: number): Promise<Sample> => ({ conversations, heapAfterGcMb: await heapAfterGc(server), rssMb: residentMegabytes(pid) });
    const samples: Sample[] = [await sample(0)];
    // The first checkpoint past every cache bound: all token hashes evicted once, every version compiled.
    const settled = Math.min(CONVERSATIONS, Math.max(2 * TOKEN_CACHE_SIZE, 2 * FLOWS));
    const checkpoints = [500, 1_000, settled, 5_000, 7_500, CONVERSATIONS].filter((count, index, all) => count <= CONVERSATIONS && all.indexOf(count) === index).sort((a, b) => a - b);
    let created = 0;
    const started = Date.now();
    for (const checkpoint of checkpoints) {
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (created < checkpoint) {
            const index = created++;
            const conversation = await post(`${server.url}/api/chat/${slugs[index % slugs.length]}/conversations`, {});
            if (index % 10 === 0) {
              await post(`${server.url}/api/conversations/${conversation.conversationId}/messages`, { clientMessageId: randomUUID(), text: "Where is my order 4829301756?" }, conversation.token as string);
            }
          }
        }),
      );
      samples.push(await sample(checkpoint));
    }
    const at = (count: number) => samples.find((entry) => entry.conversations === count) as Sample;
    const growth = Math.round((at(CONVERSATIONS).heapAfterGcMb - at(settled).heapAfterGcMb) * 10) / 10;
    const result = {
      date: new Date().toISOString(),
      conversations: CONVERSATIONS,
      flowVersions: FLOWS,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      caches: { tokenHashes: TOKEN_CACHE_SIZE, compiledMachines: MACHINE_CACHE_SIZE },
      samples,
      settledAt: settled,
      heapAfterGcAtSettledMb: at(settled).heapAfterGcMb,
      heapAfterGcAtEndMb: at(CONVERSATIONS).heapAfterGcMb,
      heapGrowthAfterSettledMb: growth,
      growthLimitMb: GROWTH_LIMIT_MB,
      passed: growth <= GROWTH_LIMIT_MB,
      machine: {
        node: process.version,
        note: "heap in use after a forced GC, and VmRSS, of the server process (app/cli/serve.ts); RSS also holds freed pages V8 keeps and native SQLite memory, so the bound is checked on the heap; 2 shared cores, other engineers' processes run at the same time",
      },
    };
    fs.mkdirSync(path.join(benchRoot, "results"), { recursive: true });
    fs.writeFileSync(path.join(benchRoot, "results/memory.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `memory: ${samples.map((entry) => `${entry.conversations}: heap ${entry.heapAfterGcMb} MB (rss ${entry.rssMb})`).join(", ")}; ` +
        `heap growth after ${settled} conversations ${growth} MB (limit ${GROWTH_LIMIT_MB} MB)`,
    );
    if (!result.passed) throw new Error(`heap grew by ${growth} MB after every cache was full (limit ${GROWTH_LIMIT_MB} MB)`);
    return result;
  } finally {
    await server.stop();
    database.cleanup();
  }
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
