/**
 * WAL checkpoints mostly off the request thread. SQLite's automatic checkpoint runs inside the
 * commit that crosses 1,000 WAL pages (a turn writes ~20: rows plus their index pages): that
 * commit copies the pages into the database file and fsyncs it while the event loop waits on
 * the disk, for every request in flight. Measured with the bench's bare writes on this machine:
 * about as long as the writes themselves, per turn.
 * So a worker thread with its own connection runs PASSIVE checkpoints (they never block a
 * writer or a reader) every CHECKPOINT_INTERVAL_MS and does the bulk of the copying and
 * flushing, and the serving connection checkpoints itself only every SERVING_CHECKPOINT_PAGES.
 * That one still matters: a checkpoint running beside a stream of commits never catches up with
 * the last frame, and the WAL only starts over after a complete one, which the serving
 * connection's own (with no commit in between, little left to copy) provides — without it the
 * WAL file grows without bound under steady load. Durability is unchanged: a commit is in the
 * WAL either way. If the worker fails, the connection checkpoints at SQLite's default again.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

const CHECKPOINT_INTERVAL_MS = Number(process.env.WAL_CHECKPOINT_INTERVAL_MS ?? 50) || 50;
export const SERVING_CHECKPOINT_PAGES = 10_000;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;
/** The WAL file is cut back to this size when it starts over (it keeps its largest size otherwise). */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const connection = new Database(workerData.file, { timeout: 5000 });
setInterval(() => {
  try {
    connection.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    // A busy database is retried at the next tick; anything else ends the worker (the server checkpoints again).
    if (error.code !== "SQLITE_BUSY" && error.code !== "SQLITE_LOCKED") throw error;
  }
}, workerData.intervalMs);
parentPort.postMessage("ready");
`;

const started = new WeakSet<Database.Database>();

/** The driver's path: from the server build (CommonJS) exactly; elsewhere resolved from the working directory. */
function driverPath(): string {
  return typeof require === "function" ? require.resolve("better-sqlite3") : "better-sqlite3";
}

export function startWalCheckpoints(connection: Database.Database): void {
  if (started.has(connection) || connection.memory || !connection.open) return;
  started.add(connection);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: driverPath(), file: path.resolve(connection.name), intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  worker.unref();
  worker.once("message", () => {
    if (!connection.open) return;
    connection.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    connection.pragma(`wal_autocheckpoint = ${SERVING_CHECKPOINT_PAGES}`);
  });
  const fallBack = (reason: unknown) => {
    if (reason instanceof Error) console.warn("[sqlite] the checkpoint worker stopped; checkpointing on the server thread again:", reason.message);
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  worker.once("error", fallBack);
  worker.once("exit", fallBack);
}
