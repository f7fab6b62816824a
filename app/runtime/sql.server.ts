/**
 * Hand-written SQL for the turn hot path. Prisma's client costs far more per query than the
 * SQLite work itself (its query compiler, the adapter preparing every statement anew), so:
 * - the per-turn READS run as cached prepared statements on a second, read-only better-sqlite3
 *   connection (WAL: readers never block the writer and see only committed data);
 * - the turn's WRITE runs as ONE synchronous better-sqlite3 transaction on Prisma's own
 *   connection (getSqliteConnection), with cached statements. Writes stay on one connection on
 *   purpose: a second writer would make Prisma's read-then-write transactions elsewhere in the
 *   app fail with SQLITE_BUSY_SNAPSHOT whenever a turn commits in between. A synchronous
 *   transaction cannot interleave with anything else in this process; it only has to wait while
 *   Prisma itself holds a transaction open on the connection (an inbox action, a publish).
 * Column names come from code, never from input. SQLite specific: on PostgreSQL the same turn is
 * an interactive transaction checking the UPDATE's row count (README "Scale path").
 */
import Database from "better-sqlite3";
import { getSqliteConnection } from "~/utils/db.server";
import { resolveDatabaseUrl } from "~/utils/database-url";

export type SqlScalar = string | number | Date | null;
export type SqlAssignment = SqlScalar | { increment: number };
export type SqlStatement = { sql: string; params: SqlScalar[] };

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const MAX_CACHED_STATEMENTS = 500;
/** Longer than any Prisma transaction in the app; a wait this long means something is stuck. */
const MAX_WAIT_FOR_CONNECTION_MS = 10_000;

const statementCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const writers = new WeakMap<Database.Database, Database.Transaction<(statements: SqlStatement[], guardFirst: boolean) => void>>();

/** One transaction function per connection (better-sqlite3 builds a wrapper per transaction() call). */
function writerFor(connection: Database.Database) {
  let write = writers.get(connection);
  if (!write) {
    write = connection.transaction((statements: SqlStatement[], guardFirst: boolean) => {
      statements.forEach((statement, index) => {
        const { changes } = prepared(connection, statement.sql).run(...bind(statement.params));
        if (index === 0 && guardFirst && changes !== 1) throw new VersionGuardError();
      });
    });
    writers.set(connection, write);
  }
  return write;
}

function prepared(connection: Database.Database, sql: string): Database.Statement {
  let cache = statementCaches.get(connection);
  if (!cache) statementCaches.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    cache.set(sql, statement);
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

export function queryOne<T = Record<string, unknown>>(sql: string, params: SqlScalar[]): T | undefined {
  return prepared(readConnection(), sql).get(...bind(params)) as T | undefined;
}

export function queryAll<T = Record<string, unknown>>(sql: string, params: SqlScalar[]): T[] {
  return prepared(readConnection(), sql).all(...bind(params)) as T[];
}

/** The first statement (the version-guarded UPDATE) matched no row: nothing was written. */
export class VersionGuardError extends Error {}

/**
 * Runs the statements as ONE transaction on Prisma's connection (BEGIN IMMEDIATE, so another
 * process's writer makes it wait on the busy timeout instead of failing half-way). With
 * `guardFirst`, a first statement that changed no row rolls everything back (VersionGuardError).
 */
export async function runWriteTransaction(statements: SqlStatement[], options: { guardFirst?: boolean } = {}): Promise<void> {
  const connection = await getSqliteConnection();
  const deadline = Date.now() + MAX_WAIT_FOR_CONNECTION_MS;
  while (connection.inTransaction) {
    if (Date.now() > deadline) throw new Error("The database connection stayed inside another transaction");
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  // From here to the end nothing awaits: no other work can run on the connection in between.
  writerFor(connection).immediate(statements, options.guardFirst === true);
}

const UNIQUE_FAILURE = /UNIQUE constraint failed/;

function describe(error: unknown): string {
  const { message, meta } = (error ?? {}) as { message?: unknown; meta?: unknown };
  return `${String(message ?? "")} ${JSON.stringify(meta ?? {})}`;
}

/** A unique-index hit (seq or clientMessageId taken by another writer) is worth a retry. */
export function isUniqueConflict(error: unknown): boolean {
  return UNIQUE_FAILURE.test(describe(error));
}

/** Another process holds the database's write lock beyond the busy timeout. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT";
}

function quote(identifier: string): string {
  if (!IDENTIFIER.test(identifier)) throw new Error(`Not an SQL identifier: ${identifier}`);
  return `"${identifier}"`;
}

export function buildUpdate(table: string, set: Record<string, SqlAssignment | undefined>, where: Record<string, SqlScalar>): SqlStatement {
  const params: SqlScalar[] = [];
  const assignments = Object.entries(set).flatMap(([column, value]) => {
    if (value === undefined) return [];
    if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      params.push(value.increment);
      return [`${quote(column)} = ${quote(column)} + ?`];
    }
    params.push(value);
    return [`${quote(column)} = ?`];
  });
  const conditions = Object.entries(where).map(([column, value]) => {
    params.push(value);
    return `${quote(column)} = ?`;
  });
  return { sql: `UPDATE ${quote(table)} SET ${assignments.join(", ")} WHERE ${conditions.join(" AND ")}`, params };
}

const insertSql = new Map<string, string>();

/** One INSERT per row (every row has the first row's columns): the same SQL, so one cached statement. */
export function buildInserts(table: string, rows: Array<Record<string, SqlScalar>>): SqlStatement[] {
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0) return [];
  const key = `${table}(${columns.join(",")})`;
  let sql = insertSql.get(key);
  if (!sql) {
    sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
    if (insertSql.size >= MAX_CACHED_STATEMENTS) insertSql.clear();
    insertSql.set(key, sql);
  }
  const text = sql;
  return rows.map((row) => ({ sql: text, params: columns.map((column) => row[column] ?? null) }));
}
