/**
 * `npm test`: the typecheck and the lint, then one vitest run over the unit, integration and e2e
 * projects, then the plain summary line CI reads ("tests: N passed, N failed"; a failed typecheck
 * or lint counts as one failure each). Exits non-zero when anything failed.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const report = path.join(root, "tests/.tmp/vitest-report.json");
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });

// Both checks run at once (each is one single-threaded process; a CI machine has 2 cores), and
// both run even when the other fails, so one run shows every problem. Each one's output is
// printed whole when it ends, not interleaved with the other's.
const checks = [
  { name: "typecheck", args: ["tsc", "--noEmit"] },
  { name: "lint", args: ["eslint", "--config", ".ci/eslint.config.mjs", "."] },
].filter((check) => !process.env.SKIP_CHECKS?.split(",").includes(check.name));

function runCheck(check: (typeof checks)[number]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin", check.args[0]), check.args.slice(1), { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => {
      console.log(`› ${check.name}`);
      if (output) process.stdout.write(output);
      if (code !== 0) console.log(`✗ ${check.name} failed`);
      resolve(code === 0);
    });
  });
}

async function main() {
  const passedChecks = await Promise.all(checks.map(runCheck));
  const failedChecks = passedChecks.filter((passed) => !passed).length;

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
}

void main();
