/**
 * The PostgreSQL implementation of the hand-written SQL seam (~/runtime/sql.server.ts), on the
 * pool Prisma itself uses (~/utils/db.server).
 * - READS return rows in the shape the SQLite implementation gives, so callers parse one shape:
 *   timestamps as ISO text ("…+00:00", what Prisma writes to SQLite), booleans as 1 / 0, 64-bit
 *   integers and numerics as numbers.
 * - WRITES keep SQLite's group commit: the writes requested while the previous group was
 *   committing go out together in ONE transaction, each inside its own savepoint, so one write's
 *   failure (a version guard that matched no row, a unique clientMessageId) rolls back that write
 *   alone. One group is in flight per process at a time, which also keeps this process's writes
 *   in the order they were requested. Across processes the per-conversation version column is
 *   the guarantee: the guarded UPDATE takes the conversation's row lock, so a turn committed by
 *   another instance in between makes it match no row (VersionGuardError → the turn is re-run on
 *   the new state). A deadlock between two instances' groups is reported as busy (retried).
 */
import pg from "pg";
import { getPostgresPool } from "~/utils/db.server";
import { VersionGuardError, type SqlScalar, type SqlStatement } from "./sql-types";

const OID = { bool: 16, int8: 20, numeric: 1700, timestamp: 1114, timestamptz: 1184 } as const;

function timestampText(value: string): string {
  // "2026-12-06 13:05:01.5" (UTC, as Prisma stores it) → "2026-12-06T13:05:01.500+00:00"
  const utc = /[+-]\d\d(:?\d\d)?$/.test(value) ? value : `${value.replace(" ", "T")}Z`;
  return new Date(utc).toISOString().replace("Z", "+00:00");
}

const sqliteShapedTypes = {
  getTypeParser(oid: number, format?: string): (value: string) => unknown {
    if (format === "binary") return pg.types.getTypeParser(oid, "binary") as (value: string) => unknown;
    switch (oid) {
      case OID.bool:
        return (value: string) => (value === "t" ? 1 : 0);
      case OID.int8:
      case OID.numeric:
        return Number;
      case OID.timestamp:
      case OID.timestamptz:
        return timestampText;
      default:
        return pg.types.getTypeParser(oid, "text");
    }
  },
} as pg.CustomTypesConfig;

const numbered = new Map<string, string>();

/** `?` placeholders → `$1, $2, …`, skipping quoted strings and identifiers. */
export function numberPlaceholders(sql: string): string {
  let text = numbered.get(sql);
  if (text !== undefined) return text;
  let index = 0;
  let quote: string | null = null;
  text = "";
  for (const character of sql) {
    if (quote) {
      if (character === quote) quote = null;
      text += character;
    } else if (character === "'" || character === '"') {
      quote = character;
      text += character;
    } else if (character === "?") {
      text += `$${++index}`;
    } else {
      text += character;
    }
  }
  if (numbered.size > 1000) numbered.clear();
  numbered.set(sql, text);
  return text;
}

function bind(params: SqlScalar[]): Array<string | number | null> {
  // Dates as UTC text: pg would otherwise format them in the process's local time zone, and the
  // columns are `timestamp(3)` without a zone (Prisma stores UTC).
  return params.map((value) => (value instanceof Date ? value.toISOString() : value));
}

/**
 * PostgreSQL text cannot hold U+0000 and refuses a parameter containing it, where SQLite simply
 * finds nothing: a lookup by an id or token from the outside (the chat API) would become a 500.
 * No stored value contains it, so in a READ it is replaced by U+FFFD, which matches the same nothing.
 */
const NUL = String.fromCharCode(0);

function bindForRead(params: SqlScalar[]): Array<string | number | null> {
  return bind(params).map((value) => (typeof value === "string" && value.includes(NUL) ? value.replaceAll(NUL, "\uFFFD") : value));
}

async function query(sql: string, params: SqlScalar[], rowMode?: "array"): Promise<pg.QueryResult> {
  return getPostgresPool().query({ text: numberPlaceholders(sql), values: bindForRead(params), types: sqliteShapedTypes, ...(rowMode ? { rowMode } : {}) });
}

export async function queryOne<T>(sql: string, params: SqlScalar[]): Promise<T | undefined> {
  return (await query(sql, params)).rows[0] as T | undefined;
}

export async function queryAll<T>(sql: string, params: SqlScalar[]): Promise<T[]> {
  return (await query(sql, params)).rows as T[];
}

export async function queryRows(sql: string, params: SqlScalar[]): Promise<unknown[][]> {
  return (await query(sql, params, "array")).rows as unknown[][];
}

type PendingWrite = { statements: SqlStatement[]; guardFirst: boolean; resolve: () => void; reject: (error: unknown) => void };

let pendingWrites: PendingWrite[] = [];
let flushing = false;

export function runWriteTransaction(statements: SqlStatement[], options: { guardFirst?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    pendingWrites.push({ statements, guardFirst: options.guardFirst === true, resolve, reject });
    if (!flushing) {
      flushing = true;
      setImmediate(() => void flushPendingWrites());
    }
  });
}

async function flushPendingWrites(): Promise<void> {
  while (pendingWrites.length > 0) {
    const batch = pendingWrites;
    pendingWrites = [];
    await commitGroup(batch);
  }
  flushing = false;
}

async function commitGroup(batch: PendingWrite[]): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await getPostgresPool().connect();
  } catch (error) {
    for (const write of batch) write.reject(error);
    return;
  }
  const failures = new Map<PendingWrite, unknown>();
  let broken: unknown = null;
  try {
    await client.query("BEGIN");
    for (const write of batch) {
      await client.query("SAVEPOINT write");
      try {
        for (const [index, statement] of write.statements.entries()) {
          const { rowCount } = await client.query(numberPlaceholders(statement.sql), bind(statement.params));
          if (index === 0 && write.guardFirst && rowCount !== 1) throw new VersionGuardError();
        }
        await client.query("RELEASE SAVEPOINT write");
      } catch (error) {
        failures.set(write, error);
        await client.query("ROLLBACK TO SAVEPOINT write");
      }
    }
    await client.query("COMMIT");
  } catch (error) {
    // The transaction itself failed (the connection, a deadlock, COMMIT): every write in it is gone.
    broken = error;
    await client.query("ROLLBACK").catch(() => undefined);
  } finally {
    client.release(broken instanceof Error && isConnectionError(broken) ? broken : undefined);
  }
  for (const write of batch) {
    if (broken) write.reject(broken);
    else if (failures.has(write)) write.reject(failures.get(write));
    else write.resolve();
  }
}

function isConnectionError(error: Error): boolean {
  return !("code" in error) || typeof (error as { code?: unknown }).code !== "string" || !/^[0-9A-Z]{5}$/.test((error as { code: string }).code);
}
