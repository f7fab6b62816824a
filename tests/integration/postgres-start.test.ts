/**
 * `npm start` on PostgreSQL when several instances start at the same moment: the database part
 * of the start (app/cli/prepare-database.ts) run twice at once against one empty database
 * migrates it once and seeds the demo workspace once. Runs in the integration-pg project only.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, inject, it } from "vitest";
import { repoRoot } from "../support/built-server";

function prepare(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/prepare-database.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, BATON_DEMO_HISTORY: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

it("migrates and seeds an empty database once when two instances start at the same moment", { timeout: 240_000 }, async () => {
  const cluster = inject("postgresCluster");
  if (!cluster) throw new Error("this test needs the integration-pg project's PostgreSQL cluster");
  const name = `starts_${Date.now()}`;
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = cluster.adminUrl.replace(/\/postgres$/, `/${name}`);
  try {
    const runs = await Promise.all([prepare(url), prepare(url)]);
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    expect(runs.filter((run) => run.output.includes("created 3 people")).length).toBe(1);
    expect(runs.filter((run) => run.output.includes("already has a workspace: not seeded")).length).toBe(1);
    const database = new pg.Client({ connectionString: url });
    await database.connect();
    try {
      const count = async (sql: string) => Number((await database.query<{ n: string }>(sql)).rows[0].n);
      expect(await count(`SELECT count(*) AS n FROM "User"`)).toBe(3);
      expect(await count(`SELECT count(*) AS n FROM "Team"`)).toBe(2);
      const migrations = fs.readdirSync(path.join(repoRoot, "prisma/postgresql/migrations")).filter((entry) => /^\d/.test(entry));
      expect(await count(`SELECT count(*) AS n FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`)).toBe(migrations.length);
    } finally {
      await database.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
