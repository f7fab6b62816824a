/**
 * Hand-written SQL: the one seam every raw query goes through. Prisma's client costs far more
 * per query than the database work itself on the turn's hot path, so turns (and a few other
 * hot or large reads) use plain SQL here. Two implementations, chosen once at start-up from
 * DATABASE_URL: SQLite (sql-sqlite.server.ts: synchronous better-sqlite3 on Prisma's own
 * connection) and PostgreSQL (sql-postgres.server.ts: the pg pool Prisma uses). Both commit
 * writes in groups, each write in its own savepoint, with the version-column guard.
 *
 * Statements use `?` placeholders and double-quoted identifiers, which both databases read the
 * same; where the dialects differ (JSON fields, epoch milliseconds, SQLite's index hints) the
 * SQL is built with `sqlDialect` below, so a query is written once.
 */
import { databaseKind } from "~/utils/db.server";
import * as postgres from "./sql-postgres.server";
import * as sqlite from "./sql-sqlite.server";
import type { SqlScalar, SqlStatement } from "./sql-types";

export { buildInserts, buildUpdate, VersionGuardError, type SqlAssignment, type SqlScalar, type SqlStatement } from "./sql-types";

const onPostgres = databaseKind === "postgresql";

export async function queryOne<T = Record<string, unknown>>(sql: string, params: SqlScalar[]): Promise<T | undefined> {
  return onPostgres ? postgres.queryOne<T>(sql, params) : sqlite.queryOne<T>(sql, params);
}

export async function queryAll<T = Record<string, unknown>>(sql: string, params: SqlScalar[]): Promise<T[]> {
  return onPostgres ? postgres.queryAll<T>(sql, params) : sqlite.queryAll<T>(sql, params);
}

/** Rows as arrays (columns in SELECT order): no object per row, for large reads (analytics). */
export async function queryRows(sql: string, params: SqlScalar[]): Promise<unknown[][]> {
  return onPostgres ? postgres.queryRows(sql, params) : sqlite.queryRows(sql, params);
}

/**
 * Runs the statements as ONE all-or-nothing write, committed together with the other writes
 * requested meanwhile (group commit). With `guardFirst`, a first statement that changed no row
 * rolls the write back (VersionGuardError).
 */
export function runWriteTransaction(statements: SqlStatement[], options: { guardFirst?: boolean } = {}): Promise<void> {
  return onPostgres ? postgres.runWriteTransaction(statements, options) : sqlite.runWriteTransaction(statements, options);
}

function describe(error: unknown): string {
  const { message, meta } = (error ?? {}) as { message?: unknown; meta?: unknown };
  return `${String(message ?? "")} ${JSON.stringify(meta ?? {})}`;
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

// SQLite's message, PostgreSQL's (also inside Prisma's errors' meta) and its SQLSTATE.
const UNIQUE_FAILURE = /UNIQUE constraint failed|duplicate key value violates unique constraint/;

/** A unique-index hit (seq or clientMessageId taken by another writer) is worth a retry. */
export function isUniqueConflict(error: unknown): boolean {
  return codeOf(error) === "23505" || UNIQUE_FAILURE.test(describe(error));
}

// SQLite: the write lock held beyond the busy timeout. PostgreSQL: a deadlock between two
// instances' transactions, a serialization failure, a lock not available.
const BUSY_CODES = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "40P01", "40001", "55P03"]);

/** Another writer is in the way; the same write may succeed when tried again. */
export function isBusy(error: unknown): boolean {
  return BUSY_CODES.has(String(codeOf(error)));
}

function jsonPath(path: string): string[] {
  if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(path)) throw new Error(`Not a JSON path: ${path}`);
  return path.split(".");
}

/**
 * A JSON text column's field as text. PostgreSQL reads it through `jsonb` (the whole document
 * converted, numbers and nested values normalised) or through `json` (the text scanned for the
 * one field, values as written).
 */
function jsonField(column: string, path: string, postgresType: "jsonb" | "json"): string {
  const keys = jsonPath(path);
  return onPostgres ? `((${column})::${postgresType} #>> '{${keys.join(",")}}')` : `json_extract(${column}, '$.${keys.join(".")}')`;
}

/** SQL fragments that differ between the two databases. Arguments are SQL from code, never input. */
export const sqlDialect = {
  /** A JSON document column's field as text ("a.b" is `$.a.b`); null when missing. */
  jsonText(column: string, path: string): string {
    return jsonField(column, path, "jsonb");
  },
  /** A JSON number field as a number. */
  jsonNumber(column: string, path: string): string {
    return onPostgres ? `${jsonField(column, path, "jsonb")}::float8` : jsonField(column, path, "jsonb");
  },
  /**
   * jsonText for a filter over thousands of rows, each field read once: PostgreSQL scans the text
   * for the field (`json`) instead of converting each whole document to `jsonb` per expression,
   * which was half the intent review's page query (bench/intent-review.ts). The same text for
   * strings, true / false and null or missing fields; a number or a nested value comes back as
   * written (`1e-3`, not `0.001`), so read numbers with scannedJsonNumber, not as text.
   */
  scannedJsonText(column: string, path: string): string {
    return jsonField(column, path, "json");
  },
  /** jsonNumber, read as scannedJsonText reads text. */
  scannedJsonNumber(column: string, path: string): string {
    return onPostgres ? `${jsonField(column, path, "json")}::float8` : jsonField(column, path, "json");
  },
  /** A JSON boolean field as 1 / 0 (null when missing). */
  jsonFlag(column: string, path: string): string {
    const keys = jsonPath(path);
    return onPostgres ? `(((${column})::jsonb #> '{${keys.join(",")}}')::boolean)::int` : `json_extract(${column}, '$.${keys.join(".")}')`;
  },
  /** A timestamp column as epoch milliseconds (an integer). */
  epochMs(column: string): string {
    return onPostgres ? `CAST(ROUND(EXTRACT(EPOCH FROM ${column}) * 1000) AS BIGINT)` : `CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`;
  },
  /** The column, telling SQLite not to use an index on it (unary +); PostgreSQL plans by itself. */
  unindexed(column: string): string {
    return onPostgres ? column : `+${column}`;
  },
  /** An inner join that keeps the left table first in the plan (SQLite's CROSS JOIN … ON; PostgreSQL plans a plain JOIN itself). */
  leftFirstJoin(): string {
    return onPostgres ? "JOIN" : "CROSS JOIN";
  },
  /** The larger of two values. */
  greatest(a: string, b: string): string {
    return onPostgres ? `GREATEST(${a}, ${b})` : `MAX(${a}, ${b})`;
  },
};
