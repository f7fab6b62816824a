import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";

// Every test file gets its own copy of the migrated database, so files can run in parallel
// and each starts empty. Set before any test imports ~/utils/db.server. On the PostgreSQL
// project (integration-pg) the copy is a database made from the migrated template.
const postgres = inject("postgresCluster");
const cleanUp = postgres ? await copyPostgresTemplate(postgres) : copySqliteTemplate(inject("templateDatabase"));
process.env.SESSION_SECRET ??= "integration-test-secret";

afterAll(async () => {
  const { db, databaseKind, getPostgresPool } = await import("~/utils/db.server");
  // A publish warms its intent models in the background: their stored-vector read must not
  // outlive the pool ("Cannot use a pool after calling end").
  const { closeSentenceVectorStore } = await import("~/engines/sentence-vector-store.server");
  await closeSentenceVectorStore();
  await db.$disconnect();
  if (databaseKind === "postgresql") await getPostgresPool().end();
  await cleanUp();
});

function copySqliteTemplate(template: string): () => Promise<void> {
  const file = path.join(path.dirname(template), `file-${randomUUID()}.db`);
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  return async () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  };
}

async function copyPostgresTemplate(cluster: { adminUrl: string; template: string }): Promise<() => Promise<void>> {
  const name = `file_${randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  // CREATE DATABASE … TEMPLATE needs the template to have no other session: files start in parallel.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${cluster.template}`);
      break;
    } catch (error) {
      if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    }
  }
  await admin.end();
  process.env.DATABASE_URL = cluster.adminUrl.replace(/\/postgres$/, `/${name}`);
  return async () => {
    const dropper = new pg.Client({ connectionString: cluster.adminUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
}
