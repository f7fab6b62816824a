/**
 * The database client, chosen once per process from DATABASE_URL: `file:` → SQLite through
 * better-sqlite3 (the embedded default), `postgresql://` → PostgreSQL through @prisma/adapter-pg
 * (the scale path: several instances on one database). Both Prisma clients are generated from
 * the same data model (prisma/postgresql is generated from prisma/schema.prisma), so the
 * PostgreSQL one is typed as the SQLite one: the model API is identical.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import type pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgres/client";
import { databaseKindOf, resolveDatabaseUrl, type DatabaseKind } from "./database-url.server";
import { createPostgresPool } from "./postgres-pool.server";

export type Db = PrismaClient;

/**
 * The adapter factory that also remembers the better-sqlite3 connection it opens, so the turn
 * engine can write on Prisma's OWN connection without Prisma's per-query overhead (see
 * ~/runtime/sql.server.ts). One connection for every writer matters in WAL mode: a second
 * writing connection would make Prisma's read-then-write transactions fail with
 * SQLITE_BUSY_SNAPSHOT whenever the other one commits in between.
 */
class SharedConnectionAdapterFactory extends PrismaBetterSQLite3 {
  connection: Database.Database | null = null;

  override async connect(): ReturnType<PrismaBetterSQLite3["connect"]> {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 Database on `client` (checked by a test, so an upgrade that renames it fails loudly).
    const client = (adapter as unknown as { client?: unknown }).client;
    if (!(client instanceof Database)) throw new Error("The Prisma SQLite adapter no longer exposes its connection: update getSqliteConnection");
    this.connection = client;
    return adapter;
  }
}

type SharedDatabase = {
  kind: DatabaseKind;
  client: PrismaClient;
  /** SQLite only: remembers Prisma's better-sqlite3 connection. */
  factory: SharedConnectionAdapterFactory | null;
  /** PostgreSQL only: the pool Prisma queries through, shared with the hand-written SQL. */
  pool: pg.Pool | null;
};

function createClient(): SharedDatabase {
  const url = resolveDatabaseUrl();
  if (databaseKindOf(url) === "postgresql") {
    const pool = createPostgresPool(url);
    const client = new PostgresPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
    return { kind: "postgresql", client, factory: null, pool };
  }
  const factory = new SharedConnectionAdapterFactory({ url });
  return { kind: "sqlite", client: new PrismaClient({ adapter: factory }), factory, pool: null };
}

// One client per process; kept on globalThis so dev-server rebuilds do not open a new pool each time.
const globalForDb = globalThis as unknown as { __batonDatabase?: ReturnType<typeof createClient> };
const shared = globalForDb.__batonDatabase ?? (globalForDb.__batonDatabase = createClient());
export const db: PrismaClient = shared.client;

/** The database this process runs on, fixed at start-up. */
export const databaseKind: DatabaseKind = shared.kind;

/** The PostgreSQL pool Prisma uses (PostgreSQL only). */
export function getPostgresPool(): pg.Pool {
  if (!shared.pool) throw new Error("Not running on PostgreSQL");
  return shared.pool;
}

/** Prisma's own better-sqlite3 connection if it is open now (no connecting: for synchronous callers). */
export function openSqliteConnection(): Database.Database | null {
  const current = shared.factory?.connection;
  return current?.open ? current : null;
}

/** Prisma's own better-sqlite3 connection (connecting the client first when needed). */
export async function getSqliteConnection(): Promise<Database.Database> {
  const current = openSqliteConnection();
  if (current) return current;
  await db.$connect();
  const connection = openSqliteConnection();
  if (!connection) throw new Error("The database connection is not open");
  return connection;
}
