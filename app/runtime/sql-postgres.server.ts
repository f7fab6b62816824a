/**
 * The PostgreSQL implementation of the hand-written SQL seam (~/runtime/sql.server.ts), on the
 * pool Prisma itself uses (~/utils/db.server).
 * - READS return rows in the shape the SQLite implementation gives, so callers parse one shape:
 *   timestamps as ISO text ("…+00:00", what Prisma writes to SQLite), booleans as 1 / 0, 64-bit
 *   integers and numerics as numbers.
 * - WRITES keep SQLite's group commit: the writes requested while the previous group was
 *   committing go out together in ONE transaction, each inside its own savepoint, so one write's
 *   failure (a version guard that matched no row, a unique clientMessageId) rolls back that write
 *   alone. A few groups may be in flight at once (MAX_GROUPS_IN_FLIGHT); a conversation's
 *   writes still commit in order, since each waits for the previous. Across processes the per-conversation version column is
 *   the guarantee: the guarded UPDATE takes the conversation's row lock, so a turn committed by
 *   another instance in between makes it match no row (VersionGuardError → the turn is re-run on
 *   the new state). A deadlock between two instances' groups is reported as busy (retried).
 */
import pg from "pg";
import { z } from "zod";
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

const MAX_CACHED_SQL = 1000;
const splitCache = new Map<string, string[]>();

/**
 * The SQL cut at each `?` placeholder outside quoted strings and identifiers: n placeholders give
 * n + 1 pieces. The one scanner behind numbered parameters and inlined literals; cached, since
 * the statements are built from a few templates and scanning them character by character on
 * every write showed in profiles.
 */
function splitAtPlaceholders(sql: string): string[] {
  const cached = splitCache.get(sql);
  if (cached) return cached;
  const pieces: string[] = [];
  let quote: string | null = null;
  let from = 0;
  for (let index = 0; index < sql.length; index += 1) {
    const character = sql[index];
    if (quote) {
      if (character === quote) quote = null;
    } else if (character === "'" || character === '"') {
      quote = character;
    } else if (character === "?") {
      pieces.push(sql.slice(from, index));
      from = index + 1;
    }
  }
  pieces.push(sql.slice(from));
  if (splitCache.size >= MAX_CACHED_SQL) splitCache.clear();
  splitCache.set(sql, pieces);
  return pieces;
}

function joinPieces(pieces: string[], replace: (index: number) => string): string {
  let text = pieces[0];
  for (let index = 1; index < pieces.length; index += 1) text += replace(index - 1) + pieces[index];
  return text;
}

/** `?` placeholders → `$1, $2, …`, skipping quoted strings and identifiers. */
export function numberPlaceholders(sql: string): string {
  return joinPieces(splitAtPlaceholders(sql), (index) => `$${index + 1}`);
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
let groupsInFlight = 0;
let flushScheduled = false;

/**
 * How many groups may be committing at once. One group is one PostgreSQL backend executing every
 * write of the group in turn; with a single group in flight all of an instance's write work ran in
 * that one backend process, which on a busy machine got one process's share of the CPU while the
 * turns queued behind it. Order is unaffected where it matters: a conversation's next write is
 * requested only after its previous one committed (its lock), so concurrent groups never hold
 * two writes of one conversation.
 */
const MAX_GROUPS_IN_FLIGHT = readWriteGroups(process.env.DATABASE_WRITE_GROUPS);

// Zero or a negative number would leave every write waiting forever: refuse it at start-up, by name.
function readWriteGroups(raw: string | undefined): number {
  const parsed = z.coerce.number().int().min(1).max(32).safeParse(raw ?? 2);
  if (!parsed.success) throw new Error(`DATABASE_WRITE_GROUPS must be a whole number from 1 to 32 (got "${raw}")`);
  return parsed.data;
}

export function runWriteTransaction(statements: SqlStatement[], options: { guardFirst?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    pendingWrites.push({ statements, guardFirst: options.guardFirst === true, resolve, reject });
    scheduleFlush();
  });
}

/** Starts a group with everything requested so far, on the next turn of the event loop (so writes requested together share it). */
function scheduleFlush(): void {
  if (flushScheduled || groupsInFlight >= MAX_GROUPS_IN_FLIGHT || pendingWrites.length === 0) return;
  flushScheduled = true;
  setImmediate(() => {
    flushScheduled = false;
    if (groupsInFlight >= MAX_GROUPS_IN_FLIGHT || pendingWrites.length === 0) return;
    const batch = pendingWrites;
    pendingWrites = [];
    groupsInFlight += 1;
    void commitGroup(batch).finally(() => {
      groupsInFlight -= 1;
      scheduleFlush();
    });
  });
}

/**
 * Why one round trip per group: a turn is ~10 statements (the guarded UPDATE, one INSERT per
 * message and per event), and sent one by one with BEGIN / SAVEPOINT / RELEASE / COMMIT each is
 * a round trip with its own wake-ups on both sides, which was most of a turn's server CPU. So a
 * write is ONE multi-statement string through pg's simple query protocol (no parameters there,
 * so the values are inlined as quoted literals: the same untyped text pg sends as parameters,
 * which the server types from context just the same), and the whole group goes out as one
 * string too: BEGIN, each write in its own savepoint, COMMIT. When every write succeeds (nearly
 * always) the group costs one round trip whatever its size. When one fails, the string stops
 * there and the transaction is aborted: it is rolled back and the group is sent again write by
 * write (sendWriteByWrite), where a failed write is rolled back to its savepoint alone — the
 * version guard's UPDATE is wrapped so that matching no row raises an error, which is the only
 * way a statement can stop the rest of a string. Either way the group is one transaction.
 */
async function commitGroup(batch: PendingWrite[]): Promise<void> {
  const failures = new Map<PendingWrite, unknown>();
  const scripts = new Map<PendingWrite, string>();
  for (const write of batch) {
    try {
      scripts.set(write, writeScript(write));
    } catch (error) {
      failures.set(write, error);
    }
  }
  const sendable = batch.filter((write) => scripts.has(write));
  if (sendable.length === 0) return settle(batch, failures, null);
  let client: pg.PoolClient;
  try {
    client = await getPostgresPool().connect();
  } catch (error) {
    return settle(batch, failures, error);
  }
  let broken: unknown = null;
  try {
    const texts = sendable.map((write) => scripts.get(write) as string);
    const committed = sendable.length > 1 && (await sendAsOne(client, texts));
    if (!committed) await sendWriteByWrite(client, sendable, texts, failures);
  } catch (error) {
    // The transaction itself failed (the connection, a deadlock, COMMIT): every write in it is gone.
    broken = error;
    await client.query("ROLLBACK").catch(() => undefined);
  } finally {
    client.release(broken instanceof Error && isConnectionError(broken) ? broken : undefined);
  }
  settle(batch, failures, broken);
}

/** The whole group in one string; false (rolled back, nothing written) when a statement failed. */
async function sendAsOne(client: pg.PoolClient, texts: string[]): Promise<boolean> {
  try {
    await client.query(`BEGIN;\n${texts.join(";\n")};\nCOMMIT`);
    return true;
  } catch (error) {
    if (error instanceof Error && isConnectionError(error)) throw error;
    // Aborted by the failed statement (or already ended, if COMMIT itself failed): start over.
    await client.query("ROLLBACK");
    return false;
  }
}

/** One round trip per write, so that a failed write is rolled back to its own savepoint alone. */
async function sendWriteByWrite(client: pg.PoolClient, sendable: PendingWrite[], texts: string[], failures: Map<PendingWrite, unknown>): Promise<void> {
  let committed = false;
  for (const [index, write] of sendable.entries()) {
    const last = index === sendable.length - 1;
    const text = `${index === 0 ? "BEGIN;\n" : ""}${texts[index]}${last ? ";\nCOMMIT" : ""}`;
    try {
      await client.query(text);
      committed = last;
    } catch (error) {
      failures.set(write, isGuardFailure(error) ? new VersionGuardError() : error);
      // Fails too when the error was the COMMIT itself (the transaction is gone): then every write is.
      await client.query("ROLLBACK TO SAVEPOINT write").catch(() => {
        throw error;
      });
    }
  }
  if (!committed) await client.query("COMMIT");
}

function settle(batch: PendingWrite[], failures: Map<PendingWrite, unknown>, broken: unknown): void {
  for (const write of batch) {
    if (failures.has(write)) write.reject(failures.get(write));
    else if (broken) write.reject(broken);
    else write.resolve();
  }
}

const GUARD_MARKER = "version guard matched";

/**
 * The guarded UPDATE as a statement that raises when it changed no row (or several): an error is
 * the only way a statement can stop the rest of a simple-query string. The cast of a non-constant
 * text is evaluated only in the ELSE branch, at run time (a constant 1/0 would be folded at plan time).
 */
function guarded(update: string): string {
  return `WITH "guarded" AS (${update} RETURNING 1) SELECT CASE WHEN count(*) = 1 THEN 1 ELSE ('${GUARD_MARKER} ' || count(*) || ' rows')::int END FROM "guarded"`;
}

function isGuardFailure(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "22P02" && error.message.includes(GUARD_MARKER);
}

function writeScript(write: PendingWrite): string {
  const statements = write.statements.map((statement, index) => {
    const sql = inlineParameters(statement);
    return index === 0 && write.guardFirst ? guarded(sql) : sql;
  });
  return ["SAVEPOINT write", ...statements, "RELEASE SAVEPOINT write"].join(";\n");
}

/** A value as an untyped SQL literal, what a text parameter is to the server. */
function literal(value: SqlScalar): string {
  if (value === null) return "NULL";
  const text = value instanceof Date ? value.toISOString() : String(value);
  // The protocol ends the query text at U+0000, so a value holding one would cut the statement
  // short; PostgreSQL refuses it as a parameter too (22021), so the write fails the same way.
  if (text.includes(NUL)) throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
  return quoteLiteral(text);
}

/** pg.escapeLiteral's output (quotes doubled; with a backslash, E'' and backslashes doubled), without its character-by-character loop. */
export function quoteLiteral(text: string): string {
  const quoted = text.replaceAll("'", "''");
  return text.includes("\\") ? ` E'${quoted.replaceAll("\\", "\\\\")}'` : `'${quoted}'`;
}

/** `?` placeholders → literals, skipping quoted strings and identifiers (as numberPlaceholders). */
export function inlineParameters(statement: SqlStatement): string {
  const { params, sql } = statement;
  const pieces = splitAtPlaceholders(sql);
  if (pieces.length - 1 !== params.length) throw new Error(`${pieces.length - 1 > params.length ? "Too few" : "Too many"} parameters for: ${sql}`);
  return joinPieces(pieces, (index) => literal(params[index]));
}

function isConnectionError(error: Error): boolean {
  return !("code" in error) || typeof (error as { code?: unknown }).code !== "string" || !/^[0-9A-Z]{5}$/.test((error as { code: string }).code);
}
