import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "../../app/utils/postgres-cluster.server";
import { serverBuildDirFor } from "../support/shared-build";
import { createMigratedPostgresDatabase, tmpDir } from "./migrate";

// The integration suite on PostgreSQL: one throwaway cluster per run, one database migrated with
// the generated PostgreSQL migrations as the template; each test file gets its own copy of it
// (CREATE DATABASE … TEMPLATE, see integration-db.ts), as the SQLite project copies a file.
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  await createMigratedPostgresDatabase(cluster.url, "baton_template");
  project.provide("postgresCluster", { adminUrl: cluster.url, template: "baton_template" });
  const serverBuild = serverBuildDirFor(tmpDir, process.pid);
  project.provide("serverBuildDir", serverBuild.dir);
  return async () => {
    await cluster.stop();
    serverBuild.remove();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresCluster: { adminUrl: string; template: string } | null;
  }
}
