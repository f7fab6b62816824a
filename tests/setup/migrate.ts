import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "../..");
export const tmpDir = path.join(repoRoot, "tests/.tmp");

/** Creates a fresh SQLite file at `file` and applies the real migrations to it. */
export function createMigratedDatabase(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  execFileSync(
    path.join(repoRoot, "node_modules/.bin/prisma"),
    ["migrate", "deploy", "--config", "prisma/prisma.config.ts"],
    { cwd: repoRoot, env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" },
  );
}

/**
 * Creates database `name` on the cluster behind `adminUrl` (a connection to its `postgres`
 * database) and applies the generated PostgreSQL migrations to it; returns its URL.
 */
export async function createMigratedPostgresDatabase(adminUrl: string, name: string): Promise<string> {
  const pg = await import("pg");
  const admin = new pg.default.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  execFileSync(path.join(repoRoot, "node_modules/.bin/prisma"), ["migrate", "deploy", "--config", "prisma/postgresql/prisma.config.ts"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return url;
}
