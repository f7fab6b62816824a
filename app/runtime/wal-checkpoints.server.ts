/**
 * WAL checkpoints off the request thread. SQLite's automatic checkpoint runs inside the commit
 * that crosses 1,000 WAL pages: that commit copies the pages into the database file and fsyncs
 * it, and the event loop waits on the disk, for every request in flight (about as long as the
 * turn's own writes, per turn, on this machine's disk). Instead, a worker thread with its own
 * connection runs PASSIVE checkpoints (they never block a writer or a reader) every
 * CHECKPOINT_INTERVAL_MS, and the serving connection stops checkpointing itself once that
 * worker is running. Durability is unchanged: a commit is in the WAL either way. If the worker
 * fails, the connection goes back to checkpointing itself.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

const CHECKPOINT_INTERVAL_MS = Number(process.env.WAL_CHECKPOINT_INTERVAL_MS ?? 200) || 200;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

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
    if (connection.open) connection.pragma("wal_autocheckpoint = 0");
  });
  const fallBack = (reason: unknown) => {
    if (reason instanceof Error) console.warn("[sqlite] the checkpoint worker stopped; checkpointing on the server thread again:", reason.message);
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  worker.once("error", fallBack);
  worker.once("exit", fallBack);
}
