/**
 * `npm run bench`: every benchmark, one after another (they share 2 cores, so never in
 * parallel). Each writes its figures to bench/results/<name>.json; this prints a one-line
 * summary per benchmark and fails when one of them fails.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const benchmarks = ["compile", "flow-size", "turns", "memory", "nlu", "nlu-small-flows", "kb", "kb-vector-store", "kb-usage", "canvas", "analytics", "streams"];

let failed = 0;
for (const name of benchmarks) {
  console.log(`\n=== bench/${name}.ts`);
  const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join("bench", `${name}.ts`)], {
    cwd: root,
    stdio: "inherit",
  });
  if (run.status !== 0) {
    failed += 1;
    console.error(`bench/${name}.ts failed (exit ${run.status})`);
  }
}
console.log(`\nbenchmarks: ${benchmarks.length - failed} passed, ${failed} failed; results in bench/results/`);
process.exit(failed === 0 ? 0 : 1);
