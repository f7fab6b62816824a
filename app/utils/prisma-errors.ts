/**
 * Prisma's known request errors, told apart by their `code` ("P2002" unique violation, "P2025"
 * record not found, "P2034" write conflict, "P2028" transaction wait timed out). By the code's
 * value, never by class: the SQLite and the PostgreSQL clients are generated apart
 * (~/generated/prisma, ~/generated/prisma-postgres), so an `instanceof` against one client's
 * class can miss the other's errors. Raw driver errors (better-sqlite3's "SQLITE_…", pg's
 * SQLSTATE "23505") carry other codes: ~/runtime/sql.server.ts reads those.
 */
export type PrismaErrorCode = "P2002" | "P2025" | "P2028" | "P2034";

export function hasPrismaCode(error: unknown, code: PrismaErrorCode): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
