/**
 * Start-up on PostgreSQL, where several instances may start at the same moment against one
 * database: the migrations and the demo seed run under one session-level advisory lock, so
 * exactly one instance migrates and seeds while the others wait, then find both done.
 */
import pg from "pg";

/** Arbitrary but fixed: every Baton instance takes the same lock number ("baton" in ASCII). */
export const START_LOCK_KEY = 0x6261746f6e;

/** Runs `work` while holding the start-up advisory lock on the database at `url`. */
export async function withStartLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [START_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [START_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** The URL without its password, for logs. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}
