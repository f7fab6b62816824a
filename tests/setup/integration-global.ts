import path from "node:path";
import type { TestProject } from "vitest/node";
import { createMigratedDatabase, tmpDir } from "./migrate";

// Migrate one template database per run with the real migrations; each test file copies it.
export default function setup(project: TestProject) {
  const template = path.join(tmpDir, `template-${process.pid}.db`);
  createMigratedDatabase(template);
  project.provide("templateDatabase", template);
  project.provide("postgresCluster", null);
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
