import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createMigratedDatabase, repoRoot, tmpDir } from "./migrate";
import { TEMPLATE_PORT } from "../support/e2e-templates";

// e2e tests run the production build, as customers get it: build once per run. NODE_ENV must be
// production here (vitest sets "test"): a test-mode build calls jsxDEV, which React's production
// runtime — what remix-serve loads — does not have.
//
// Migrating and seeding a database takes ~7 s on a CI core, and ~60 apps start per run: the
// databases are migrated and seeded ONCE here (as `app/cli/seed.ts` does it, on the default port)
// and every app starts on a copy (tests/support/e2e-templates.ts points the copy at its own port).
export default function setup(project: TestProject) {
  execFileSync(path.join(repoRoot, "node_modules/.bin/remix"), ["build"], { cwd: repoRoot, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });

  const dir = path.join(tmpDir, `e2e-templates-${process.pid}`);
  const empty = path.join(dir, "empty.db");
  createMigratedDatabase(empty);
  const seeded = (demoHistory: boolean) => {
    const file = path.join(dir, demoHistory ? "demo-history.db" : "demo.db");
    fs.copyFileSync(empty, file);
    execFileSync(path.join(repoRoot, "node_modules/.bin/tsx"), ["app/cli/seed.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: `file:${file}`, BATON_DATA_DIR: dir, BATON_DEMO_HISTORY: demoHistory ? "on" : "off", PORT: String(TEMPLATE_PORT) },
      stdio: "pipe",
    });
    return file;
  };
  project.provide("e2eTemplates", { empty, demo: seeded(false), demoHistory: seeded(true) });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    e2eTemplates: { empty: string; demo: string; demoHistory: string };
  }
}
