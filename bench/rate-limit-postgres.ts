/**
 * What the shared chat rate limit costs on PostgreSQL: it runs on every public chat request, so
 * its one statement (app/runtime/api/rate-limit-postgres.server.ts) is timed against the
 * cheapest round trip there is on the same pool (`SELECT 1`), one at a time and 32 in flight,
 * beside the in-memory bucket SQLite uses. A throwaway cluster, nothing else running on it.
 *
 *   npx tsx bench/rate-limit-postgres.ts   → bench/results/rate-limit-postgres.json
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startPostgresCluster } from "../app/utils/postgres-cluster.server";
import { benchRoot, round, runBenchmark } from "../tests/support/bench-helpers";
import { createMigratedPostgresDatabase } from "../tests/setup/migrate";

const SEQUENTIAL = 3_000;
const CONCURRENT = 6_000;
const IN_FLIGHT = 32;
const CLIENTS = 500;

type Timed = { perCallUs: number; cpuPerCallUs: number; perSecond: number };

/** Runs `call` `total` times with `inFlight` at once; wall time and this process's CPU per call. */
async function time(total: number, inFlight: number, call: (index: number) => Promise<unknown>): Promise<Timed> {
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) await call(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { perCallUs: round((seconds * 1e6) / total), cpuPerCallUs: round((used.user + used.system) / total), perSecond: round(total / seconds) };
}

async function main() {
  const cluster = await startPostgresCluster();
  try {
    const url = await createMigratedPostgresDatabase(cluster.url, "baton_bench");
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    // The throwaway cluster commits asynchronously; production's default waits for the WAL flush.
    await admin.query("ALTER DATABASE baton_bench SET synchronous_commit = on");
    await admin.end();
    // The app's modules read DATABASE_URL when first imported.
    process.env.DATABASE_URL = url;
    const { getPostgresPool } = await import("../app/utils/db.server");
    const { takeFromPostgres } = await import("../app/runtime/api/rate-limit-postgres.server");
    const { takeFromMemory } = await import("../app/runtime/api/rate-limit-memory.server");
    const pool = getPostgresPool();
    const key = (index: number) => `turn:192.0.2.${index % 250}:token-${index % CLIENTS}`;
    const limit = 100_000_000; // never refuses: every call does the full upsert
    // Warm the pool's connections and their prepared statement.
    await time(500, IN_FLIGHT, (index) => takeFromPostgres(key(index), limit, Date.now()));

    // WAL writes per call: a commit that waits for the flush writes the WAL itself, every time;
    // an asynchronous one leaves it to the WAL writer, which batches.
    const walWrites = async () => Number((await pool.query<{ wal_write: string }>("SELECT wal_write FROM pg_stat_wal")).rows[0].wal_write);
    const walWritesPerCall = async (call: (index: number) => Promise<unknown>) => {
      const before = await walWrites();
      for (let index = 0; index < 1_000; index += 1) await call(index);
      return round(((await walWrites()) - before) / 1_000);
    };

    const result = {
      date: new Date().toISOString(),
      loadAverage: os.loadavg().map(round),
      clients: CLIENTS,
      floor: {
        sequential: await time(SEQUENTIAL, 1, () => pool.query("SELECT 1")),
        concurrent: await time(CONCURRENT, IN_FLIGHT, () => pool.query("SELECT 1")),
      },
      sharedLimit: {
        sequential: await time(SEQUENTIAL, 1, (index) => takeFromPostgres(key(index), limit, Date.now())),
        concurrent: await time(CONCURRENT, IN_FLIGHT, (index) => takeFromPostgres(key(index), limit, Date.now())),
      },
      walWritesPerCall: {
        sharedLimit: await walWritesPerCall((index) => takeFromPostgres(key(index), limit, Date.now())),
        // The same row touched by a plain autocommit statement, for comparison.
        plainUpdate: await walWritesPerCall((index) => pool.query('UPDATE "ChatRateLimit" SET "readyAt" = "readyAt" + 0 WHERE "key" = (SELECT "key" FROM "ChatRateLimit" LIMIT 1) RETURNING $1::int', [index])),
      },
      // One process on SQLite: a Map lookup.
      memoryLimit: await time(100_000, 1, async (index) => takeFromMemory(key(index), limit, Date.now())),
    };
    await pool.end();
    fs.mkdirSync(path.join(benchRoot, "results"), { recursive: true });
    fs.writeFileSync(path.join(benchRoot, "results/rate-limit-postgres.json"), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    cluster.stop();
  }
}

runBenchmark(main);
