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
