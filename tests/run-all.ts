/**
 * `npm test`: the typecheck and the lint, then one vitest run over the unit, integration and e2e
 * projects, then the plain summary line CI reads ("tests: N passed, N failed"; a failed typecheck
 * or lint counts as one failure each). Exits non-zero when anything failed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const report = path.join(root, "tests/.tmp/vitest-report.json");
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });

// Both checks run even when the first fails, so one run shows every problem.
const checks = [
  { name: "typecheck", args: ["tsc", "--noEmit"] },
  { name: "lint", args: ["eslint", "--config", ".ci/eslint.config.mjs", "."] },
].filter((check) => !process.env.SKIP_CHECKS?.split(",").includes(check.name));
let failedChecks = 0;
for (const check of checks) {
  console.log(`› ${check.name}`);
  const result = spawnSync(path.join(root, "node_modules/.bin", check.args[0]), check.args.slice(1), { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    failedChecks += 1;
    console.log(`✗ ${check.name} failed`);
  }
}

const run = spawnSync(
  path.join(root, "node_modules/.bin/vitest"),
  ["run", "--config", "tests/vitest.config.mts", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);

let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number };
  passed = results.numPassedTests;
  failed = results.numFailedTests;
}
const exitCode = run.status ?? 1;
if (exitCode !== 0 && failed === 0) failed = 1; // a crash or a failed suite counts as a failure
failed += failedChecks;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(exitCode === 0 && failedChecks === 0 && passed > 0 ? 0 : 1);
