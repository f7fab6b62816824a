/**
 * How long after a start the demo knowledge base ranks with sentence vectors, on the first start
 * (nothing stored: every passage and cue embedded) and on the next (read back from the
 * SentenceVector table). Each start is a fresh process running what the server runs at start-up
 * (knowledge-store.server.ts: build the index, embed in the background) against one SQLite
 * database holding the 47 demo articles; "ready" is when every article has its vectors. The
 * first question after it is timed too (on the second start it also loads the model, which
 * nothing before it needed). Writes bench/results/kb-vector-store.json.
 *
 *   npx tsx bench/kb-vector-store.ts
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMigratedDatabase } from "../tests/setup/migrate";
import { benchRoot, round, runBenchmark } from "../tests/support/bench-helpers";

const QUESTION = "how long does standard shipping take?";

type StartFigures = {
  readyMsSinceProcessStart: number;
  readyMsSinceIndexAsked: number;
  readyCpuMs: number;
  firstQuestionMs: number;
  articles: number;
  vectorsStoredBefore: number;
  vectorsStoredAfter: number;
};

/** One start: runs in its own process, prints its figures as one JSON line. */
async function measureStart(): Promise<void> {
  const cpuAtImport = process.cpuUsage();
  const asked = performance.now();
  const { db } = await import("~/utils/db.server");
  const vectorsStoredBefore = await db.sentenceVector.count();
  const { getKnowledgeIndex } = await import("~/engines/knowledge-store.server");
  const index = await getKnowledgeIndex();
  await index.whenEmbedded();
  const ready = performance.now();
  // process.cpuUsage counts every thread of the process: the encoder's worker included.
  const cpu = process.cpuUsage(cpuAtImport);
  const similarities = await index.similarities(QUESTION, index.ids());
  if (!similarities) throw new Error("the index has no vectors after whenEmbedded");
  const answered = performance.now();
  const figures: StartFigures = {
    readyMsSinceProcessStart: round(ready),
    readyMsSinceIndexAsked: round(ready - asked),
    readyCpuMs: round((cpu.user + cpu.system) / 1000),
    firstQuestionMs: round(answered - ready),
    articles: index.size,
    vectorsStoredBefore,
    vectorsStoredAfter: await db.sentenceVector.count(),
  };
  console.log(JSON.stringify(figures));
}

async function main(): Promise<void> {
  const file = path.join(benchRoot, "..", "tests/.tmp", `bench-kb-vector-store-${process.pid}.db`);
  createMigratedDatabase(file);
  const env = { ...process.env, DATABASE_URL: `file:${file}`, BATON_SEMANTIC_SEARCH: "on" };
  try {
    process.env.DATABASE_URL = env.DATABASE_URL;
    const { importArticles } = await import("~/kb/import.server");
    const { DEMO_KNOWLEDGE_BASE_DIR } = await import("~/workspace/seed-knowledge-base.server");
    const imported = await importArticles(DEMO_KNOWLEDGE_BASE_DIR);
    if (!imported.ok) throw new Error("the demo knowledge base does not import");
    const { db } = await import("~/utils/db.server");
    await db.$disconnect();

    const starts: StartFigures[] = [];
    for (const label of ["first", "second"]) {
      const run = spawnSync(path.join(benchRoot, "../node_modules/.bin/tsx"), [__filename, "--start"], { env, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`the ${label} start failed:\n${run.stderr}`);
      const figures = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as StartFigures;
      console.log(`${label} start: vectors ready ${figures.readyMsSinceProcessStart} ms after the process started (${figures.readyCpuMs} ms CPU), first question ${figures.firstQuestionMs} ms; stored vectors ${figures.vectorsStoredBefore} → ${figures.vectorsStoredAfter}`);
      starts.push(figures);
    }
    const result = {
      date: new Date().toISOString(),
      loadAverage: os.loadavg().map(round),
      cores: os.cpus().length,
      question: QUESTION,
      firstStart: starts[0],
      secondStart: starts[1],
    };
    fs.writeFileSync(path.join(benchRoot, "results/kb-vector-store.json"), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  }
}

runBenchmark(process.argv.includes("--start") ? measureStart : main);
