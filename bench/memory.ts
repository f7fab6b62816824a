/**
 * Server memory with many conversations left mid-flow. `npx tsx bench/memory.ts`.
 * Publishes FLOWS copies of the starter flow (distinct flow versions), then creates
 * CONVERSATIONS conversations over HTTP spread across them (each waits for the customer after
 * its greeting; every 10th also answers once), sampling the production server's resident memory
 * (VmRSS) as it goes. Bounded caches (compiled machines, token hashes, latest versions, rate
 * buckets) mean memory should level off instead of growing with the conversation count.
 * Writes bench/results/memory.json.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { benchRoot, createBenchDatabase, startBenchServer } from "../tests/support/bench-helpers";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const FLOWS = Number(process.env.BENCH_FLOWS ?? 100);
const CONCURRENCY = 32;

function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : NaN;
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

export async function main(): Promise<Record<string, unknown>> {
  const database = await createBenchDatabase("memory");
  const { publishFlow } = await import("~/runtime/flow-versions.server");
  const starter = JSON.parse(fs.readFileSync(path.join(benchRoot, "../flows/store-support.json"), "utf8")) as { slug: string; name: string };
  const slugs = Array.from({ length: FLOWS }, (_, index) => `memory-${index + 1}`);
  for (const slug of slugs) {
    const published = await publishFlow({ ...starter, slug, name: `${starter.name} ${slug}` });
    if (!published.ok) throw new Error(`cannot publish ${slug}`);
  }
  const server = await startBenchServer(database.url);
  const pid = server.child.pid as number;
  try {
    const samples: Array<{ conversations: number; rssMb: number }> = [{ conversations: 0, rssMb: residentMegabytes(pid) }];
    const checkpoints = new Set([500, 1_000, 2_500, 5_000, 7_500, CONVERSATIONS]);
    let created = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (created < CONVERSATIONS) {
          const index = created++;
          const conversation = await post(`${server.url}/api/chat/${slugs[index % slugs.length]}/conversations`, {});
          if (index % 10 === 0) {
            await post(`${server.url}/api/conversations/${conversation.conversationId}/messages`, { clientMessageId: randomUUID(), text: "Where is my order 4829301756?" }, conversation.token as string);
          }
          if (checkpoints.has(index + 1)) samples.push({ conversations: index + 1, rssMb: residentMegabytes(pid) });
        }
      }),
    );
    samples.sort((a, b) => a.conversations - b.conversations);
    const at = (count: number) => samples.find((sample) => sample.conversations === count)?.rssMb ?? NaN;
    const result = {
      date: new Date().toISOString(),
      conversations: CONVERSATIONS,
      flowVersions: FLOWS,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      samples,
      rssAfterWarmupMb: at(1_000),
      rssAtEndMb: at(CONVERSATIONS),
      growthAfterWarmupMb: Math.round((at(CONVERSATIONS) - at(1_000)) * 10) / 10,
      growthPerThousandMb: Math.round(((at(CONVERSATIONS) - at(1_000)) / ((CONVERSATIONS - 1_000) / 1_000)) * 100) / 100,
      caches: { compiledMachines: Number(process.env.FLOW_MACHINE_CACHE_SIZE ?? 64), tokenHashes: Number(process.env.TOKEN_CACHE_SIZE ?? 20_000) },
      machine: { node: process.version, note: "VmRSS of the server process (app/cli/serve.ts); 2 shared cores, other engineers' processes run at the same time" },
    };
    fs.mkdirSync(path.join(benchRoot, "results"), { recursive: true });
    fs.writeFileSync(path.join(benchRoot, "results/memory.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`memory: ${samples.map((sample) => `${sample.conversations}: ${sample.rssMb} MB`).join(", ")}; growth after warm-up ${result.growthAfterWarmupMb} MB`);
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
