/**
 * `npm test`: the typecheck and the lint, and one vitest run over the unit, integration and e2e
 * projects, all at once; then the plain summary line CI reads ("tests: N passed, N failed"; a failed typecheck
 * or lint counts as one failure each). Exits non-zero when anything failed.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const report = path.join(root, "tests/.tmp/vitest-report.json");
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });

// The checks run while vitest starts: each is one single-threaded process, and vitest's global
// set-ups (migrations, the production build, the demo databases) leave a core of the CI machine's
// two idle for most of a minute. Every check runs even when another fails, so one run shows every
// problem; their output is printed whole after the tests', not interleaved with it.
const checks = [
  { name: "typecheck", args: ["tsc", "--noEmit"] },
  { name: "lint", args: ["eslint", "--config", ".ci/eslint.config.mjs", "."] },
].filter((check) => !process.env.SKIP_CHECKS?.split(",").includes(check.name));

function runCheck(check: (typeof checks)[number]): Promise<{ passed: boolean; print: () => void }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin", check.args[0]), check.args.slice(1), { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => {
      const print = () => {
        console.log(`› ${check.name}`);
        if (output) process.stdout.write(output);
        if (code !== 0) console.log(`✗ ${check.name} failed`);
      };
      resolve({ passed: code === 0, print });
    });
  });
}

async function main() {
  const checking = Promise.all(checks.map(runCheck));
  const exitCode = await new Promise<number | null>((resolve) => {
    const vitest = spawn(
      path.join(root, "node_modules/.bin/vitest"),
      ["run", "--config", "tests/vitest.config.mts", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
      { cwd: root, stdio: "inherit" },
    );
    vitest.on("close", (code) => resolve(code));
  });
  const checked = await checking;
  for (const check of checked) check.print();
  const failedChecks = checked.filter((check) => !check.passed).length;

  let passed = 0;
  let failed = 0;
  if (fs.existsSync(report)) {
    const results = JSON.parse(fs.readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number };
    passed = results.numPassedTests;
    failed = results.numFailedTests;
  }
  if (exitCode !== 0 && failed === 0) failed = 1; // a crash or a failed suite counts as a failure
  failed += failedChecks;
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  process.exit(exitCode === 0 && failedChecks === 0 && passed > 0 ? 0 : 1);
}

void main();
