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
// Migrating and seeding a database takes ~7 s on a CI core, reading the demo articles for their
// meaning ~50 s of CPU, and ~60 apps start per run: the databases are prepared ONCE here, with the
// app's own command lines, and every app starts on a copy (tests/support/e2e-templates.ts points
// the copy at its app's port).
export default function setup(project: TestProject) {
  execFileSync(path.join(repoRoot, "node_modules/.bin/remix"), ["build"], { cwd: repoRoot, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });

  const dir = path.join(tmpDir, `e2e-templates-${process.pid}`);
  const empty = path.join(dir, "empty.db");
  const demo = path.join(dir, "demo.db");
  const demoHistory = path.join(dir, "demo-history.db");
  createMigratedDatabase(empty);
  fs.copyFileSync(empty, demo);
  runOn(demo, ["app/cli/seed.ts"], { BATON_DEMO_HISTORY: "off" });
  // The articles read for their meaning once (~50 s of CPU), not by each app at its start.
  runOn(demo, ["app/cli/kb.ts", "index"]);
  // The seed only adds what is missing: the history goes on top of the seeded, indexed copy.
  fs.copyFileSync(demo, demoHistory);
  runOn(demoHistory, ["app/cli/seed.ts"], { BATON_DEMO_HISTORY: "on" });
  project.provide("e2eTemplates", { empty, demo, demoHistory });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

/** Runs an app command line on one template database (on the starters' own port, TEMPLATE_PORT). */
function runOn(databaseFile: string, args: string[], env: Record<string, string> = {}) {
  execFileSync(path.join(repoRoot, "node_modules/.bin/tsx"), args, {
    cwd: repoRoot,
    env: { ...process.env, ...env, DATABASE_URL: `file:${databaseFile}`, BATON_DATA_DIR: path.dirname(databaseFile), PORT: String(TEMPLATE_PORT) },
    stdio: "pipe",
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    e2eTemplates: { empty: string; demo: string; demoHistory: string };
  }
}
