/**
 * Small intent steps on CLINC150 (../shared/data/clinc150): 2, 3, 4 and 6 intents × 6 phrases
 * drawn from train.json, tested on val.json at the intent step's default threshold, through the
 * public command (`npm run -s nlu -- small-flows`), with NLP.js and natural's Bayes classifier
 * on the same trials. Every constant of Baton's classifier was chosen on intents a–m; n–z is
 * reported as the held-out half. Writes bench/results/nlu-small-flows.json and prints a table.
 * Run alone: npx tsx bench/nlu-small-flows.ts
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { OfferScore, SmallFlowResult } from "~/engines/eval/small-flows";
import { OFFER_FLOOR } from "~/nodes/intent/offer";

const root = path.resolve(__dirname, "..");
const dataDir = process.env.CLINC150_DIR ?? path.resolve(root, "../shared/data/clinc150");
const tsx = path.join(root, "node_modules/.bin/tsx");
const loadAverage = () => os.loadavg().map((load) => load.toFixed(1)).join(" / ");
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function main(): void {
  const loadAtStart = loadAverage();
  const started = performance.now();
  const args = ["app/cli/nlu.ts", "small-flows", "--train", path.join(dataDir, "train.json"), "--test", path.join(dataDir, "val.json")];
  const output = execFileSync(tsx, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const result = JSON.parse(output.trim().split("\n").pop() ?? "{}") as { threshold: number; results: SmallFlowResult[] };
  const report = {
    dataset: "CLINC150: trials drawn from train.json, tested on val.json (in scope: the trial's intents; unrelated: oos rows and other intents' phrases, a third of the messages)",
    generatedAt: new Date().toISOString(),
    machine: `${os.cpus().length} cores, load average (1 / 5 / 15 min) ${loadAtStart} at the start, ${loadAverage()} at the end`,
    wallClockSeconds: Math.round((performance.now() - started) / 100) / 10,
    note:
      "a-m: the intents every constant was chosen on; n-z: never tuned on. Per-message times: wall clock and CPU of the process " +
      "(the sentence encoder's worker thread included); repeated trials reuse cached sentence vectors, so `nlu.json` (no cache) is the latency figure.",
    ...result,
  };
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench/results/nlu-small-flows.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`threshold ${result.threshold} (the intent step's default)`);
  console.log("classifier                               half   routed right  unrelated taken    ECE   taken: oos / same half / other half");
  for (const row of result.results) {
    for (const half of ["a-m", "n-z"] as const) {
      const score = row.halves[half];
      console.log(`${row.name.padEnd(41)}${half.padEnd(7)}${percent(score.routedRight).padStart(12)}${percent(score.unrelatedTaken).padStart(17)}${score.ece.toFixed(3).padStart(7)}   ${Object.values(score.unrelatedTakenBySource).map(percent).join(" / ")}`);
    }
  }
  for (const row of result.results) if (row.offer) printOffer(row.name, row.offer);
}

/** "Did you mean…?": the a–m sweep the floor is chosen on, then both halves at the chosen floor (n–z is never swept). */
function printOffer(name: string, offer: NonNullable<SmallFlowResult["offer"]>): void {
  const columns = "routed right after offer   in scope offered without own   unrelated offered   unrelated taken after offer";
  const line = (label: string, score: OfferScore) =>
    `${label.padEnd(12)}${percent(score.routedRightAfterOffer).padStart(24)}${percent(score.inScopeOfferedWithoutOwn).padStart(31)}${percent(score.unrelatedOffered).padStart(20)}${percent(score.unrelatedTakenAfterOffer).padStart(30)}`;
  console.log(`\n${name}, "Did you mean…?" below the threshold; floor rule: ${offer.rule}`);
  console.log(`a-m floor   ${columns}`);
  for (const score of offer.sweepAM) console.log(line(score.floor.toFixed(2), score));
  console.log(`chosen floor ${offer.chosenFloor ?? "none"} (the product's OFFER_FLOOR: ${OFFER_FLOOR}${offer.chosenFloor === OFFER_FLOOR ? "" : ", DIFFERENT: update app/nodes/intent/offer.ts"})`);
  for (const half of ["a-m", "n-z"] as const) {
    const score = offer.atChosenFloor[half];
    if (score) console.log(line(half, score));
  }
}

if (require.main === module) main();
