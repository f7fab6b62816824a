/**
 * SQLite tuning for the turn hot path, applied once per process on the shared connection.
 * WAL lets readers run beside the writer and makes a commit one append; synchronous=NORMAL
 * in WAL mode still survives a process crash (SIGKILL) — only a power loss can drop the last
 * commits — which is the durability the turn engine promises. Checkpoints run mostly on a worker
 * thread (wal-checkpoints.server.ts). On PostgreSQL this is a no-op.
 */
import { databaseKind, getSqliteConnection, type Db } from "~/utils/db.server";
import { startWalCheckpoints } from "./wal-checkpoints.server";

const PAGE_CACHE_KIB = 32 * 1024;

const tuned = new WeakMap<object, Promise<void>>();

export function ensureSqliteTuned(db: Db): Promise<void> {
  let done = tuned.get(db);
  if (!done) {
    done = databaseKind === "sqlite" ? applyPragmas(db) : Promise.resolve();
    tuned.set(db, done);
  }
  return done;
}

async function applyPragmas(db: Db): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  // SQLite's default page cache (2 MB) is smaller than one busy minute's working set: every
  // turn's index leaves for 32 live conversations alone are ~700 pages, and a miss is a read
  // from the WAL or the file. 32 MB is allocated only as pages are used.
  await db.$queryRawUnsafe(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
  // better-sqlite3 already waits 5 s on a locked file; say so explicitly for other processes (CLI, tests).
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  startWalCheckpoints(await getSqliteConnection());
}
