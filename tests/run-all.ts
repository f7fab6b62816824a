/**
 * `npm test`: one vitest run over the unit, integration and e2e projects, then the plain
 * summary line CI reads ("tests: N passed, N failed"). Exits non-zero when any test failed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const report = path.join(root, "tests/.tmp/vitest-report.json");
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });

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
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(exitCode === 0 && passed > 0 ? 0 : 1);
