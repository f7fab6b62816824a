import fs from "node:fs";
import path from "node:path";

/** The folder for the embedded database and the generated session secret. */
export function dataDirectory(): string {
  return path.resolve(process.env.BATON_DATA_DIR ?? "data");
}

/**
 * The SQLite URL: DATABASE_URL when set, else ./data/baton.db. The parent folder is created
 * here because better-sqlite3 will not create it and a fresh clone has no data/ folder.
 */
export function resolveDatabaseUrl(): string {
  const url = process.env.DATABASE_URL ?? `file:${path.join(dataDirectory(), "baton.db")}`;
  const filePath = url.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  return url;
}
