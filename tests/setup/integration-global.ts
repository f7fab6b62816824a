import path from "node:path";
import type { TestProject } from "vitest/node";
import { serverBuildDirFor } from "../support/shared-build";
import { createMigratedDatabase, tmpDir } from "./migrate";

// Migrate one template database per run with the real migrations; each test file copies it.
export default function setup(project: TestProject) {
  const template = path.join(tmpDir, `template-${process.pid}.db`);
  createMigratedDatabase(template);
  project.provide("templateDatabase", template);
  project.provide("postgresCluster", null);
  // Built by the first file that serves the production build (tests/support/shared-build.ts).
  const serverBuild = serverBuildDirFor(tmpDir, process.pid);
  project.provide("serverBuildDir", serverBuild.dir);
  return serverBuild.remove;
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
