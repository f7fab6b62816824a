import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseUrl } from "../app/utils/database-url.server";

// Offline set-up (see README "Decisions"): the JS query engine with the better-sqlite3
// driver adapter, so neither generate nor migrate downloads a binary.
export default defineConfig({
  schema: path.join(__dirname, "schema.prisma"),
  migrations: { path: path.join(__dirname, "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: resolveDatabaseUrl() }),
});
