import { execFileSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "../../app/utils/postgres-cluster.server";
import { repoRoot } from "./migrate";

// The integration suite on PostgreSQL: one throwaway cluster per run, one database migrated with
// the generated PostgreSQL migrations as the template; each test file gets its own copy of it
// (CREATE DATABASE … TEMPLATE, see integration-db.ts), as the SQLite project copies a file.
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  const templateUrl = cluster.url.replace(/\/postgres$/, "/baton_template");
  const pg = await import("pg");
  const admin = new pg.default.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query("CREATE DATABASE baton_template");
  await admin.end();
  execFileSync(path.join(repoRoot, "node_modules/.bin/prisma"), ["migrate", "deploy", "--config", "prisma/postgresql/prisma.config.ts"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: templateUrl },
    stdio: "pipe",
  });
  project.provide("postgresCluster", { adminUrl: cluster.url, template: "baton_template" });
  return () => cluster.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresCluster: { adminUrl: string; template: string } | null;
  }
}
