import fs from "node:fs";
import path from "node:path";

/** The folder for the embedded database and the generated session secret. */
export function dataDirectory(): string {
  return path.resolve(process.env.BATON_DATA_DIR ?? "data");
}

/**
 * Why a DATABASE_URL is not usable, or null. Only SQLite `file:` URLs work until another
 * database is supported: anything else used to be taken as a file path (`postgresql://…` made a
 * folder named "postgresql:"), so two instances "sharing a database" silently had one each.
 */
export function checkDatabaseUrl(url: string): string | null {
  if (!url.startsWith("file:")) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
    const what = scheme ? `a ${scheme}: URL` : "not a URL";
    return `DATABASE_URL is ${what}; Baton supports only SQLite for now: use a file: URL such as file:./data/baton.db (or leave it unset)`;
  }
  if (url === "file:") return "DATABASE_URL names no file: use a file: URL such as file:./data/baton.db (or leave it unset)";
  return null;
}

/**
 * The SQLite URL: DATABASE_URL when set, else ./data/baton.db. The parent folder is created
 * here because better-sqlite3 will not create it and a fresh clone has no data/ folder.
 */
export function resolveDatabaseUrl(): string {
  const url = process.env.DATABASE_URL || `file:${path.join(dataDirectory(), "baton.db")}`;
  const problem = checkDatabaseUrl(url);
  if (problem) throw new Error(problem);
  const filePath = url.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  return url;
}
