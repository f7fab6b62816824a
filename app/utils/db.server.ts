import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { resolveDatabaseUrl } from "./database-url";

export type Db = PrismaClient;

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: resolveDatabaseUrl() }) });
}

// One client per process; kept on globalThis so dev-server rebuilds do not open a new pool each time.
const globalForDb = globalThis as unknown as { __batonDb?: PrismaClient };
export const db: PrismaClient = globalForDb.__batonDb ?? (globalForDb.__batonDb = createClient());
