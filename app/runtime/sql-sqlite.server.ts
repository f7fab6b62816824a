/**
 * The SQLite implementation of the hand-written SQL seam (~/runtime/sql.server.ts):
 * - the turn's WRITE runs as ONE synchronous better-sqlite3 transaction on Prisma's own
 *   connection (getSqliteConnection), with cached statements. Writes requested together share
 *   one transaction, each inside its own savepoint (group commit, see runWriteTransaction).
 *   Writes stay on one connection on purpose: a second writer would make Prisma's
 *   read-then-write transactions elsewhere in the app fail with SQLITE_BUSY_SNAPSHOT whenever a
 *   turn commits in between. A synchronous transaction cannot interleave with anything else in
 *   this process; it only has to wait while Prisma itself holds a transaction open on the
 *   connection (an inbox action, a publish);
 * - small READS (a turn's own read) run as cached statements on that writing connection while it
 *   is between transactions, where the page cache stays warm (see smallReadConnection); large
 *   ones (analytics) on a second, read-only connection (WAL: readers never block the writer and
 *   see only committed data).
 */
import Database from "better-sqlite3";
import { getSqliteConnection, openSqliteConnection } from "~/utils/db.server";
import { resolveDatabaseUrl } from "~/utils/database-url.server";
import { VersionGuardError, type SqlScalar, type SqlStatement } from "./sql-types";

const MAX_CACHED_STATEMENTS = 500;
/** Longer than any Prisma transaction in the app; a wait this long means something is stuck. */
const MAX_WAIT_FOR_CONNECTION_MS = 10_000;

const statementCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
type PendingWrite = { statements: SqlStatement[]; guardFirst: boolean; resolve: () => void; reject: (error: unknown) => void };
type GroupWriter = Database.Transaction<(batch: PendingWrite[], failures: unknown[]) => void>;

const groupWriters = new WeakMap<Database.Database, GroupWriter>();

/**
 * One transaction function per connection (better-sqlite3 builds a wrapper per transaction()
 * call): the group's transaction, and inside it each write as a nested transaction, which
 * better-sqlite3 runs as a SAVEPOINT, so one write's failure rolls back that write alone.
 */
function groupWriterFor(connection: Database.Database): GroupWriter {
  let group = groupWriters.get(connection);
  if (!group) {
    const single = connection.transaction((statements: SqlStatement[], guardFirst: boolean) => {
      statements.forEach((statement, index) => {
        const { changes } = prepared(connection, statement.sql).run(...bind(statement.params));
        if (index === 0 && guardFirst && changes !== 1) throw new VersionGuardError();
      });
    });
    group = connection.transaction((batch: PendingWrite[], failures: unknown[]) => {
      batch.forEach((write, index) => {
        try {
          single(write.statements, write.guardFirst);
        } catch (error) {
          // Some errors (disk full, I/O) end the whole transaction, not just the savepoint:
          // then the writes before this one are gone too, and the group fails as one.
          if (!connection.inTransaction) throw error;
          failures[index] = error;
        }
      });
    });
    groupWriters.set(connection, group);
  }
  return group;
}

function prepared(connection: Database.Database, sql: string, raw = false): Database.Statement {
  let cache = statementCaches.get(connection);
  if (!cache) statementCaches.set(connection, (cache = new Map()));
  const key = raw ? `raw:${sql}` : sql;
  let statement = cache.get(key);
  if (!statement) {
    statement = connection.prepare(sql);
    // Numbers, not BigInts, on either connection (Prisma's adapter turns safe integers on for its own).
    statement.safeIntegers(false);
    if (raw) statement.raw(true);
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    cache.set(key, statement);
  }
  return statement;
}

let reader: { setting: string | undefined; db: Database.Database } | null = null;

function readConnection(): Database.Database {
  // resolveDatabaseUrl() creates the data folder (a syscall): only call it when the setting changed.
  if (reader && reader.setting === process.env.DATABASE_URL) return reader.db;
  const url = resolveDatabaseUrl();
  reader?.db.close();
  const connection = new Database(url.replace(/^file:/, ""), { timeout: 5_000 });
  connection.pragma("query_only = ON");
  reader = { setting: process.env.DATABASE_URL, db: connection };
  return connection;
}

export function toSqlValue(value: SqlScalar): string | number | null {
  // The same text form Prisma's SQLite adapter writes, so Prisma reads these dates back.
  return value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value;
}

function bind(params: SqlScalar[]): Array<string | number | null> {
  return params.map(toSqlValue);
}

/**
 * Small reads run on the writing connection whenever it is between transactions: its page cache
 * stays valid across its own commits, while the read-only connection's whole cache is dropped
 * after every commit it did not make (SQLite resets a pager when the WAL moved), so each read
 * there goes back to the file page by page. Inside a transaction (Prisma's, still open) the
 * writing connection would show uncommitted rows, so the read-only one answers then.
 */
function smallReadConnection(): Database.Database {
  const writer = openSqliteConnection();
  return writer && !writer.inTransaction ? writer : readConnection();
}

export function queryOne<T = Record<string, unknown>>(sql: string, params: SqlScalar[]): T | undefined {
  return prepared(smallReadConnection(), sql).get(...bind(params)) as T | undefined;
}

export function queryAll<T = Record<string, unknown>>(sql: string, params: SqlScalar[]): T[] {
  return prepared(smallReadConnection(), sql).all(...bind(params)) as T[];
}

/** Rows as arrays (columns in SELECT order): no object per row, for large reads (analytics). */
export function queryRows(sql: string, params: SqlScalar[]): unknown[][] {
  // Its own cached statement: switching a shared one to raw mode would change it for every caller.
  return prepared(readConnection(), sql, true).all(...bind(params)) as unknown[][];
}

/**
 * Runs the statements as ONE transaction on Prisma's connection (BEGIN IMMEDIATE, so another
 * process's writer makes it wait on the busy timeout instead of failing half-way). With
 * `guardFirst`, a first statement that changed no row rolls the write back (VersionGuardError).
 *
 * Group commit: writes requested in the same turn of the event loop are committed together
 * when it ends (setImmediate), each inside its own savepoint. A write is still all-or-nothing
 * and its promise settles only after the COMMIT, but the pages several writes share (the
 * tables' right edges, the time-ordered indexes, the file header) go to the WAL once per group
 * instead of once per write, and so do BEGIN and COMMIT's locking. Alone, a write waits for
 * nothing: the group is flushed as soon as the current I/O callbacks are done.
 */
export function runWriteTransaction(statements: SqlStatement[], options: { guardFirst?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    pendingWrites.push({ statements, guardFirst: options.guardFirst === true, resolve, reject });
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(() => void flushPendingWrites());
    }
  });
}

let pendingWrites: PendingWrite[] = [];
let flushScheduled = false;

async function flushPendingWrites(): Promise<void> {
  let connection: Database.Database;
  try {
    connection = await connectionBetweenTransactions();
  } catch (error) {
    for (const write of takePendingWrites()) write.reject(error);
    return;
  }
  // Writes requested while waiting join this group. From here to the end nothing awaits:
  // no other work can run on the connection in between.
  const batch = takePendingWrites();
  const failures: unknown[] = new Array(batch.length);
  try {
    groupWriterFor(connection).immediate(batch, failures);
  } catch (error) {
    for (const write of batch) write.reject(error);
    return;
  }
  batch.forEach((write, index) => (index in failures ? write.reject(failures[index]) : write.resolve()));
}

/** Prisma's connection once Prisma holds no transaction open on it. */
async function connectionBetweenTransactions(): Promise<Database.Database> {
  const connection = await getSqliteConnection();
  const deadline = Date.now() + MAX_WAIT_FOR_CONNECTION_MS;
  while (connection.inTransaction) {
    if (Date.now() > deadline) throw new Error("The database connection stayed inside another transaction");
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return connection;
}

function takePendingWrites(): PendingWrite[] {
  const batch = pendingWrites;
  pendingWrites = [];
  flushScheduled = false;
  return batch;
}

