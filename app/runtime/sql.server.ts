/**
 * Hand-written SQL for the turn hot path. Prisma's client costs about 1 ms per ORM query on this
 * machine (and ~0.3 ms per raw one), several times the SQLite work itself, so:
 * - the per-turn READS run as cached prepared statements on a second, read-only better-sqlite3
 *   connection (WAL: readers never block the writer and see only committed data);
 * - the turn's WRITE stays on Prisma's connection as one raw batch transaction. Writes are kept
 *   on one connection on purpose: a second writer would make Prisma's read-then-write
 *   transactions elsewhere in the app fail with SQLITE_BUSY_SNAPSHOT whenever a turn commits
 *   in between.
 * Column names come from code, never from input. SQLite specific: the batch's version guard
 * uses changes() (see buildInsert); on PostgreSQL the same turn is an interactive transaction
 * checking the UPDATE's row count (README "Scale path").
 */
import Database from "better-sqlite3";
import { db } from "~/utils/db.server";
import { resolveDatabaseUrl } from "~/utils/database-url";

export type SqlScalar = string | number | Date | null;
export type SqlAssignment = SqlScalar | { increment: number };

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

let connection: { setting: string | undefined; db: Database.Database; statements: Map<string, Database.Statement> } | null = null;

function open() {
  // resolveDatabaseUrl() creates the data folder (a syscall): only call it when the setting changed.
  if (connection && connection.setting === process.env.DATABASE_URL) return connection;
  const url = resolveDatabaseUrl();
  connection?.db.close();
  const reader = new Database(url.replace(/^file:/, ""), { timeout: 5_000 });
  reader.pragma("query_only = ON");
  connection = { setting: process.env.DATABASE_URL, db: reader, statements: new Map() };
  return connection;
}

function statement(sql: string, raw = false): Database.Statement {
  const current = open();
  const key = raw ? `raw:${sql}` : sql;
  let prepared = current.statements.get(key);
  if (!prepared) {
    prepared = current.db.prepare(sql).raw(raw);
    // Multi-row inserts vary in row count; keep the cache from growing without bound.
    if (current.statements.size > 500) current.statements.clear();
    current.statements.set(key, prepared);
  }
  return prepared;
}

export function toSqlValue(value: SqlScalar): string | number | null {
  return value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value;
}

export function queryOne<T = Record<string, unknown>>(sql: string, params: SqlScalar[]): T | undefined {
  return statement(sql).get(...params.map(toSqlValue)) as T | undefined;
}

export function queryAll<T = Record<string, unknown>>(sql: string, params: SqlScalar[]): T[] {
  return statement(sql).all(...params.map(toSqlValue)) as T[];
}

/** Rows as arrays (columns in SELECT order): no object per row, for large reads (analytics). */
export function queryRows(sql: string, params: SqlScalar[]): unknown[][] {
  return statement(sql, true).all(...params.map(toSqlValue)) as unknown[][];
}

export type SqlStatement = { sql: string; params: SqlScalar[] };

/** The first statement (the version-guarded UPDATE) matched no row: the batch was rolled back. */
export class VersionGuardError extends Error {}

/**
 * Runs the statements as ONE transaction on Prisma's connection. The statement after the
 * first must be built with a guard column (buildInsert) so a first statement that changed no
 * row makes it fail and rolls everything back.
 */
export async function runGuardedBatch(statements: SqlStatement[]): Promise<void> {
  try {
    await db.$transaction(statements.map((statement) => db.$executeRawUnsafe(statement.sql, ...statement.params.map(toSqlValue))));
  } catch (error) {
    if (GUARD_FAILURE.test(describe(error))) throw new VersionGuardError();
    throw error;
  }
}

const GUARD_FAILURE = /NOT NULL constraint failed: (Message\.role|Event\.type)/;
const UNIQUE_FAILURE = /UNIQUE constraint failed/;

function describe(error: unknown): string {
  const { message, meta } = (error ?? {}) as { message?: unknown; meta?: unknown };
  return `${String(message ?? "")} ${JSON.stringify(meta ?? {})}`;
}

/** A unique-index hit (seq or clientMessageId taken by another writer) is worth a retry. */
export function isUniqueConflict(error: unknown): boolean {
  return UNIQUE_FAILURE.test(describe(error));
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

/**
 * A multi-row INSERT; every row has the first row's columns. `guardColumn` (NOT NULL): in the
 * first row its value is written only when the previous statement changed exactly one row,
 * else NULL — which the column refuses, failing the whole transaction.
 */
export function buildInsert(table: string, rows: Array<Record<string, SqlScalar>>, guardColumn?: string): SqlStatement {
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0) throw new Error("buildInsert needs at least one row");
  const params: SqlScalar[] = [];
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const guardedTuple = `(${columns.map((column) => (column === guardColumn ? "CASE WHEN changes() = 1 THEN ? END" : "?")).join(", ")})`;
  for (const row of rows) for (const column of columns) params.push(row[column] ?? null);
  const tuples = rows.map((_, index) => (index === 0 && guardColumn ? guardedTuple : tuple));
  return { sql: `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${tuples.join(", ")}`, params };
}
