/**
 * Article usage on the knowledge base pages (/kb and /kb/:id) over a large event log:
 * BENCH_CONVERSATIONS conversations (default 100,000; one in ten a builder preview run) with
 * BENCH_EVENTS events (default 1,000,000), of which every conversation's `kb.answered` and most
 * `kb.feedback` are the ones counted. Times getArticleUsage(): the first call of a process (it
 * reads every kb event once, in batches, and the longest event-loop stall meanwhile), then the calls the pages make afterwards with 20 new kb events
 * written before each (median of RUNS), for the whole list and for one article.
 * Writes bench/results/kb-usage.json.
 * Run alone: npx tsx bench/kb-usage.ts
 */
import fs from "node:fs";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { createMigratedDatabase, tmpDir } from "../tests/setup/migrate";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = 5;
const root = path.resolve(__dirname, "..");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function time(run: () => Promise<unknown>, before: () => void = () => undefined): Promise<number> {
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    before();
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return round(median(samples));
}

/** Appends kb events the way the runtime would (a new customer shown an article and rating it). */
function appendKbEvents(file: string, articleIds: string[], pairs: number): void {
  const sqlite = new Database(file);
  const { flowId, flowVersionId } = sqlite.prepare("SELECT flowId, flowVersionId FROM Conversation LIMIT 1").get() as { flowId: string; flowVersionId: string };
  const at = new Date().toISOString().replace("Z", "+00:00");
  const conversation = sqlite.prepare("INSERT INTO Conversation (id, flowId, flowVersionId, channel, tokenHash, createdAt, updatedAt, lastMessageAt) VALUES (?, ?, ?, 'web', ?, ?, ?, ?)");
  const event = sqlite.prepare("INSERT INTO Event (id, conversationId, flowId, type, nodeId, payload, createdAt) VALUES (?, ?, ?, ?, 'kb', ?, ?)");
  sqlite.transaction(() => {
    for (let index = 0; index < pairs; index += 1) {
      const id = randomUUID();
      const articleId = articleIds[index % articleIds.length];
      conversation.run(id, flowId, flowVersionId, id, at, at, at);
      event.run(randomUUID(), id, flowId, "kb.answered", JSON.stringify({ articleId }), at);
      event.run(randomUUID(), id, flowId, "kb.feedback", JSON.stringify({ helpful: true, articleId }), at);
    }
  })();
  sqlite.close();
}

function fillEventLog(file: string, articleIds: string[]): { kbEvents: number } {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const flowId = randomUUID();
  const versionId = randomUUID();
  const now = Date.now();
  // Stored the way Prisma's SQLite adapter stores DateTime: ISO text with an explicit offset.
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  sqlite.prepare("INSERT INTO Flow (id, slug, name, draft, updatedAt) VALUES (?, 'bench', 'Bench', '{}', ?)").run(flowId, iso(now));
  sqlite.prepare("INSERT INTO FlowVersion (id, flowId, number, document, documentHash) VALUES (?, ?, 1, '{}', 'x')").run(versionId, flowId);
  const conversation = sqlite.prepare("INSERT INTO Conversation (id, flowId, flowVersionId, channel, tokenHash, createdAt, updatedAt, lastMessageAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const event = sqlite.prepare("INSERT INTO Event (id, conversationId, flowId, type, nodeId, payload, createdAt) VALUES (?, ?, ?, ?, 'kb', ?, ?)");
  const otherPerConversation = Math.max(0, Math.floor(EVENTS / CONVERSATIONS) - 2);
  let kbEvents = 0;
  sqlite.transaction(() => {
    for (let index = 0; index < CONVERSATIONS; index += 1) {
      const id = randomUUID();
      // 30 days of traffic in the order it happened: the log is appended to as time passes.
      const at = now - 30 * 86_400_000 + Math.floor((index / CONVERSATIONS) * 30 * 86_400_000);
      conversation.run(id, flowId, versionId, index % 10 === 0 ? "preview" : "web", id, iso(at), iso(at), iso(at));
      const articleId = articleIds[index % articleIds.length];
      event.run(randomUUID(), id, flowId, "kb.answered", JSON.stringify({ articleId, slug: "s", title: "t", score: 0.7 }), iso(at));
      event.run(randomUUID(), id, flowId, "kb.feedback", JSON.stringify({ helpful: index % 3 !== 0, articleId }), iso(at + 1));
      kbEvents += 2;
      for (let other = 0; other < otherPerConversation; other += 1) event.run(randomUUID(), id, flowId, "node.entered", "{}", iso(at + 2 + other));
    }
  })();
  sqlite.close();
  return { kbEvents };
}

export async function main(): Promise<Record<string, unknown>> {
  const file = path.join(tmpDir, `bench-kb-usage-${process.pid}.db`);
  createMigratedDatabase(file);
  process.env.DATABASE_URL = `file:${file}`;
  try {
    const { db } = await import("~/utils/db.server");
    const { seedKnowledgeBase } = await import("~/workspace/seed-knowledge-base.server");
    const { getArticleUsage } = await import("~/kb/usage.server");
    await seedKnowledgeBase(db, path.join(root, "app/workspace/knowledge-base"));
    const articleIds = (await db.article.findMany({ select: { id: true } })).map((row) => row.id);
    const filling = performance.now();
    const { kbEvents } = fillEventLog(file, articleIds);
    const fillSeconds = Math.round((performance.now() - filling) / 100) / 10;
    const totalEvents = await db.event.count();

    // The first call reads the whole log in batches; the longest event-loop stall is how long a
    // customer's turn in the same process could have been held up meanwhile.
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    stalls.enable();
    const cold = performance.now();
    await getArticleUsage();
    const firstCallMs = round(performance.now() - cold);
    stalls.disable();
    const firstCallLongestStallMs = round(stalls.max / 1e6);
    const append = () => appendKbEvents(file, articleIds, 10);
    const allMs = await time(() => getArticleUsage(), append);
    const oneMs = await time(() => getArticleUsage({ articleId: articleIds[0] }), append);
    const usage = await getArticleUsage({ articleId: articleIds[0] });
    await db.$disconnect();
    const result = {
      benchmark: "kb-usage",
      note: "Noisy: measured on a shared 2-core machine while other engineers ran builds and tests (see loadAverage1m).",
      loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10,
      conversations: CONVERSATIONS,
      events: totalEvents,
      kbEvents,
      articles: articleIds.length,
      fillSeconds,
      firstCallMs,
      firstCallLongestStallMs,
      listUsageMedianMs: allMs,
      oneArticleUsageMedianMs: oneMs,
      sampleArticle: usage.get(articleIds[0]),
    };
    fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
    fs.writeFileSync(path.join(root, "bench/results/kb-usage.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`kb-usage: ${totalEvents.toLocaleString("en-US")} events (${kbEvents.toLocaleString("en-US")} kb): first call ${firstCallMs} ms (longest event-loop stall ${firstCallLongestStallMs} ms), then whole list ${allMs} ms, one article ${oneMs} ms (median of ${RUNS}, 20 new kb events before each)`);
    return result;
  } finally {
    if (process.env.BENCH_KEEP_DB) console.log(`kept ${file}`);
    else for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
