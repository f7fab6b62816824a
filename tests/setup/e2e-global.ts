import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { createMigratedDatabase, repoRoot, tmpDir } from "./migrate";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/chromium";
import { TEMPLATE_PORT } from "../support/e2e-templates";
import { FileSentenceVectorStore } from "../support/file-sentence-vector-store";
import { buildForProduction, copyBuild } from "../support/private-build";

// e2e tests run the production build, as customers get it: built once per run, and copied at once
// to a private folder every app of the run serves (tests/support/private-build.ts).
//
// Migrating and seeding a database takes ~7 s on a CI core, reading the demo articles for their
// meaning ~70 s of CPU, and ~60 apps start per run: the databases are prepared ONCE here, with the
// app's own command lines, and every app starts on a copy (tests/support/e2e-templates.ts points
// the copy at its app's port).
//
// One Chromium serves the whole run (each test still gets a fresh browser context): launching one
// per file cost ~2 s of the file's start-up.
export default async function setup(project: TestProject) {
  buildForProduction();
  const build = path.join(tmpDir, `e2e-build-${process.pid}`);
  copyBuild(build);

  const dir = path.join(tmpDir, `e2e-templates-${process.pid}`);
  const empty = path.join(dir, "empty.db");
  const demo = path.join(dir, "demo.db");
  const demoHistory = path.join(dir, "demo-history.db");
  createMigratedDatabase(empty);
  fs.copyFileSync(empty, demo);
  runOn(demo, ["app/cli/seed.ts"], { BATON_DEMO_HISTORY: "off" });
  // The articles read for their meaning once (~70 s of CPU), not by each app at its start. Global
  // set-ups run before any test file, so the knowledge-ranker unit test, which ranks the same
  // articles with the same model, reads these vectors from the files instead of embedding them again.
  runOn(demo, ["app/cli/kb.ts", "index"]);
  await new FileSentenceVectorStore().putFromDatabase(demo);
  // The seed only adds what is missing: the history goes on top of the seeded, indexed copy.
  fs.copyFileSync(demo, demoHistory);
  runOn(demoHistory, ["app/cli/seed.ts"], { BATON_DEMO_HISTORY: "on" });

  const browser = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  project.provide("e2eBuild", build);
  project.provide("e2eTemplates", { empty, demo, demoHistory });
  project.provide("e2eBrowser", browser.wsEndpoint());
  return async () => {
    await browser.close();
    for (const folder of [dir, build]) fs.rmSync(folder, { recursive: true, force: true });
  };
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
    /** The private copy of the production build every app serves (tests/support/private-build.ts). */
    e2eBuild: string;
    e2eTemplates: { empty: string; demo: string; demoHistory: string };
    /** The run's Chromium (playwright-core's browser server), for `chromium.connect`. */
    e2eBrowser: string;
  }
}
