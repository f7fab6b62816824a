/**
 * Intent detection on CLINC150 (../shared/data/clinc150): Baton's embedded classifier against
 * the JavaScript libraries a developer would otherwise pick (NLP.js, natural), in two settings:
 * 10 phrases per intent (what a support lead types into a node) and the full training split.
 * Baton runs through the public command (`npm run -s nlu -- eval`); the peers run in-process
 * through the same harness (same phrases, same threshold rule on val.json, same timing).
 * As the issue asks, --test is val.json: the threshold is chosen on and reported on val.
 * Writes bench/results/nlu.json and prints a table. Run alone: npx tsx bench/nlu.ts
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { evaluateIntentClassifier, readLabelledRows, type EvalClassifier, type IntentEvalResult } from "~/engines/eval/intent-eval";
import { createNaturalBayesClassifier, createNaturalLogisticClassifier, createNlpJsClassifier } from "./nlu-peers";

const root = path.resolve(__dirname, "..");
const dataDir = process.env.CLINC150_DIR ?? path.resolve(root, "../shared/data/clinc150");
const trainFile = path.join(dataDir, "train.json");
const valFile = path.join(dataDir, "val.json");
const settings: { label: string; shots: number | "all" }[] = [
  { label: "10 per intent", shots: 10 },
  { label: "full train split", shots: "all" },
];
// natural's logistic regression trains one dense model per class in pure JS matrices: on the
// full split (15,000 phrases × 150 intents) it does not finish in any reasonable time.
const peerSkips: Record<string, (number | "all")[]> = { "natural LogisticRegressionClassifier 8.1": ["all"] };

type Row = { classifier: string; setting: string; shots: number | "all" } & (IntentEvalResult | { skipped: string });

function runBaton(shots: number | "all"): IntentEvalResult {
  const output = execFileSync(
    path.join(root, "node_modules/.bin/tsx"),
    ["app/cli/nlu.ts", "eval", "--train", trainFile, "--val", valFile, "--test", valFile, "--shots", String(shots)],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split("\n").pop() ?? "{}") as IntentEvalResult;
}

async function runPeer(make: () => EvalClassifier, shots: number | "all") {
  const classifier = make();
  const data = { train: readLabelledRows(trainFile), val: readLabelledRows(valFile), test: readLabelledRows(valFile), shots };
  // NLP.js prints a line per training epoch; keep the table readable.
  const log = console.log;
  console.log = () => undefined;
  try {
    return { name: classifier.name, result: await evaluateIntentClassifier(classifier, data) };
  } finally {
    console.log = log;
  }
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const { label, shots } of settings) {
    rows.push({ classifier: "Baton (embedded)", setting: label, shots, ...runBaton(shots) });
    for (const make of [createNlpJsClassifier, createNaturalBayesClassifier, createNaturalLogisticClassifier]) {
      const name = make().name;
      if (peerSkips[name]?.includes(shots)) {
        rows.push({ classifier: name, setting: label, shots, skipped: "training does not finish in reasonable time" });
        continue;
      }
      const { result } = await runPeer(make, shots);
      rows.push({ classifier: name, setting: label, shots, ...result });
    }
  }
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const report = { dataset: "CLINC150 (train → threshold and report on val)", generatedAt: new Date().toISOString(), rows };
  fs.writeFileSync(path.join(root, "bench/results/nlu.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log("setting           classifier                                in-scope acc  oos recall  oos prec  oos F1   train ms  p50 ms  p99 ms");
  for (const row of rows) {
    const head = `${row.setting.padEnd(18)}${row.classifier.padEnd(42)}`;
    if ("skipped" in row) console.log(`${head}skipped: ${row.skipped}`);
    else {
      console.log(
        `${head}${percent(row.inScopeAccuracy).padStart(12)}${percent(row.oosRecall).padStart(12)}${percent(row.oosPrecision).padStart(10)}` +
          `${percent(row.oosF1).padStart(8)}${row.trainMs.toFixed(0).padStart(11)}${row.p50Ms.toFixed(3).padStart(8)}${row.p99Ms.toFixed(3).padStart(8)}`,
      );
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
