/**
 * What both implementations of the hand-written SQL seam share: statement and value types, the
 * version-guard error, and the UPDATE / INSERT builders. Statements use `?` placeholders (the
 * PostgreSQL implementation numbers them); column names come from code, never from input.
 */
export type SqlScalar = string | number | Date | null;
export type SqlAssignment = SqlScalar | { increment: number };
export type SqlStatement = { sql: string; params: SqlScalar[] };

/** The first statement (the version-guarded UPDATE) matched no row: nothing was written. */
export class VersionGuardError extends Error {}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const MAX_CACHED_STATEMENTS = 500;

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
