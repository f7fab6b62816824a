import fs from "node:fs";
import path from "node:path";

/** The two databases Baton runs on: embedded SQLite (the default) or a shared PostgreSQL server. */
export type DatabaseKind = "sqlite" | "postgresql";

/** The folder for the embedded database and the generated session secret. */
export function dataDirectory(): string {
  return path.resolve(process.env.BATON_DATA_DIR ?? "data");
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Which database a (checked) DATABASE_URL names. */
export function databaseKindOf(url: string): DatabaseKind {
  return POSTGRES_URL.test(url) ? "postgresql" : "sqlite";
}

/**
 * Why a DATABASE_URL is not usable, or null. `file:` URLs are SQLite, `postgresql://` and
 * `postgres://` URLs PostgreSQL. Anything else used to be taken as a file path (`mysql://…` made a
 * folder named "mysql:"), so two instances "sharing a database" silently had one each: refused.
 */
export function checkDatabaseUrl(url: string): string | null {
  if (POSTGRES_URL.test(url)) {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname && !parsed.searchParams.get("host")) return "DATABASE_URL names no PostgreSQL host: use postgresql://user:password@host:5432/database";
    } catch {
      return "DATABASE_URL is not a valid postgresql:// URL: use postgresql://user:password@host:5432/database";
    }
    return null;
  }
  if (!url.startsWith("file:")) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
    const what = scheme ? `a ${scheme}: URL` : "not a URL";
    return `DATABASE_URL is ${what}; Baton runs on SQLite (a file: URL such as file:./data/baton.db, or leave it unset) or PostgreSQL (postgresql://user:password@host:5432/database)`;
  }
  if (url === "file:") return "DATABASE_URL names no file: use a file: URL such as file:./data/baton.db (or leave it unset)";
  return null;
}

/**
 * The database URL: DATABASE_URL when set, else ./data/baton.db. For SQLite the parent folder is
 * created here because better-sqlite3 will not create it and a fresh clone has no data/ folder.
 */
export function resolveDatabaseUrl(): string {
  const url = process.env.DATABASE_URL || `file:${path.join(dataDirectory(), "baton.db")}`;
  const problem = checkDatabaseUrl(url);
  if (problem) throw new Error(problem);
  if (databaseKindOf(url) === "postgresql") return url;
  const filePath = url.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  return url;
}

/** The kind of database this process runs on (DATABASE_URL, checked). */
export function currentDatabaseKind(): DatabaseKind {
  return databaseKindOf(resolveDatabaseUrl());
}
