/**
 * SQLite tuning for the turn hot path, applied once per process on the shared connection.
 * WAL lets readers run beside the writer and makes a commit one append; synchronous=NORMAL
 * in WAL mode still survives a process crash (SIGKILL) — only a power loss can drop the last
 * commits — which is the durability the turn engine promises. Checkpoints run mostly on a worker
 * thread (wal-checkpoints.server.ts). On PostgreSQL this is a no-op.
 */
import { getSqliteConnection, type Db } from "~/utils/db.server";
import { startWalCheckpoints } from "./wal-checkpoints.server";

const tuned = new WeakMap<object, Promise<void>>();

export function ensureSqliteTuned(db: Db): Promise<void> {
  let done = tuned.get(db);
  if (!done) {
    done = applyPragmas(db);
    tuned.set(db, done);
  }
  return done;
}

async function applyPragmas(db: Db): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  // better-sqlite3 already waits 5 s on a locked file; say so explicitly for other processes (CLI, tests).
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  startWalCheckpoints(await getSqliteConnection());
}
