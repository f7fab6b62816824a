import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { serverBuildDirFor } from "../support/shared-build";
import { createMigratedDatabase, tmpDir } from "./migrate";

// Migrate one template database per run with the real migrations; each test file copies it.
// The integration and cli projects both name this set-up: the second one reuses the first's template.
export default function setup(project: TestProject) {
  const template = path.join(tmpDir, `template-${process.pid}.db`);
  if (!fs.existsSync(template)) createMigratedDatabase(template);
  project.provide("templateDatabase", template);
  project.provide("postgresCluster", null);
  // Built by the first file that serves the production build (tests/support/shared-build.ts).
  const serverBuild = serverBuildDirFor(tmpDir, process.pid);
  project.provide("serverBuildDir", serverBuild.dir);
  return () => {
    serverBuild.remove();
    fs.rmSync(template, { force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
