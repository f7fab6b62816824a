/**
 * Fits the intent confidence calibration (app/engines/local/intent-calibration.ts) on
 * CLINC150 train.json ONLY, cross-validated inside it: the first 100 phrases of each intent are
 * cut into 5 folds of 20; for each fold a model is trained on (some of) the other 80 and
 * measured on the 20 held out. For intent sets of several sizes and example counts, a held-out
 * phrase of an included intent is a positive when the model's most probable intent is its own;
 * held-out phrases of the intents left out, and train.json's oos rows, are the customer asking
 * for something else (negatives, always wrong). Prints the coefficients fitted on all folds and
 * the OUT-OF-FOLD expected calibration error and log loss (each fold scored by a calibration
 * fitted on the other four). Run: npx tsx bench/calibrate-intents.ts [--features a,b,c]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readLabelledRows, sampleIntents, type LabelledRow } from "~/engines/eval/intent-eval";
import { CALIBRATION_FEATURES, calibrationFeatures, type CalibrationFeature, type IntentCalibration } from "~/engines/local/intent-calibration";
import { trainIntentModel, weighIntents } from "~/engines/local/intent-model";
import { fitLogistic, reliability, type WeightedSample } from "./calibration-fit";

const dataDir = process.env.CLINC150_DIR ?? path.resolve(__dirname, "../../shared/data/clinc150");
const FOLDS = 5;
const FOLD_SIZE = 20;
const SHOTS = [5, 10, 25, 80];
const SIZES = [1, 2, 3, 5, 10, 25, 150];

type Evidence = Parameters<typeof calibrationFeatures>[0];
type Context = Parameters<typeof calibrationFeatures>[1];
type Sample = WeightedSample & { evidence: Evidence; context: Context; fold: number; setting: string };

function seeded(seed: number) {
  let state = seed;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
}

function collectFold(rows: LabelledRow[], fold: number): Sample[] {
  const intents = sampleIntents(rows, FOLDS * FOLD_SIZE);
  const pool = intents.map((intent) => ({
    name: intent.name,
    examples: intent.examples.filter((_, position) => Math.floor(position / FOLD_SIZE) !== fold),
  }));
  const held = intents.flatMap((intent) =>
    intent.examples.slice(fold * FOLD_SIZE, (fold + 1) * FOLD_SIZE).map((text) => ({ text, intent: intent.name })),
  );
  const oos = rows.filter((row) => row.intent === "oos");
  const random = seeded(7 + fold);
  const samples: Sample[] = [];
  for (const shots of SHOTS) {
    for (const size of SIZES) {
      const repeats = size === 150 ? 1 : 3;
      for (let repeat = 0; repeat < repeats; repeat++) {
        const chosen = [...pool].sort(() => random() - 0.5).slice(0, size);
        const included = new Set(chosen.map((intent) => intent.name));
        const model = trainIntentModel(chosen.map((intent) => ({ name: intent.name, examples: intent.examples.slice(0, shots) })));
        const context = { intents: size, examplesPerIntent: shots };
        const inside = held.filter((row) => included.has(row.intent));
        const outside = [...held.filter((row) => !included.has(row.intent)), ...oos]
          .sort(() => random() - 0.5)
          .slice(0, Math.max(100, inside.length / 2));
        // Each (shots, size, repeat) setting weighs the same, and negatives a third of it.
        const insideWeight = 2 / 3 / inside.length;
        const outsideWeight = 1 / 3 / outside.length;
        for (const row of [...inside, ...outside]) {
          const [top] = weighIntents(model, row.text);
          const correct = top.name === row.intent ? 1 : 0;
          const weight = included.has(row.intent) ? insideWeight : outsideWeight;
          const evidence = { probability: top.probability, runnerUp: top.runnerUp, similarity: top.similarity };
          samples.push({ evidence, context, correct, weight, fold, setting: `${shots}x${size}` });
        }
      }
    }
  }
  return samples;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function toCalibration(names: CalibrationFeature[], coefficients: number[]): IntentCalibration {
  const calibration = { intercept: round(coefficients[names.length]) } as IntentCalibration;
  for (const name of CALIBRATION_FEATURES) calibration[name] = 0;
  names.forEach((name, i) => (calibration[name] = round(coefficients[i])));
  return calibration;
}

function evaluateFeatureSet(samples: Sample[], names: CalibrationFeature[]) {
  const design = (sample: Sample) => {
    const features = calibrationFeatures(sample.evidence, sample.context);
    return names.map((name) => features[name]);
  };
  // Out of fold: every sample is scored by a calibration that never saw its fold.
  const outOfFold = samples.map((sample) => ({ ...sample, confidence: 0 }));
  for (let fold = 0; fold < FOLDS; fold++) {
    const coefficients = fitLogistic(samples.filter((s) => s.fold !== fold).map((s) => ({ ...s, x: design(s) })));
    for (const sample of outOfFold) {
      if (sample.fold !== fold) continue;
      const z = design(sample).reduce((sum, value, i) => sum + value * coefficients[i], coefficients[names.length]);
      sample.confidence = 1 / (1 + Math.exp(-z));
    }
  }
  const final = fitLogistic(samples.map((s) => ({ ...s, x: design(s) })));
  const measured = reliability(outOfFold);
  // Per setting: one global fit must not be right on average and wrong for 150 intents × 80 phrases.
  const settings = [...new Set(samples.map((s) => s.setting))];
  const bySetting = Object.fromEntries(settings.map((setting) => [setting, round(reliability(outOfFold.filter((s) => s.setting === setting)).ece)]));
  return {
    calibration: toCalibration(names, final),
    samples: samples.length,
    outOfFold: { ece: round(measured.ece), logLoss: round(measured.logLoss), worstSettingEce: Math.max(...Object.values(bySetting)), bySetting, bins: measured.bins },
  };
}

/** Collecting trains 260 models; CALIBRATION_SAMPLES=file keeps the samples to compare feature sets quickly. */
function loadOrCollectSamples(): Sample[] {
  const cache = process.env.CALIBRATION_SAMPLES;
  if (cache && fs.existsSync(cache)) return JSON.parse(fs.readFileSync(cache, "utf8")) as Sample[];
  const rows = readLabelledRows(path.join(dataDir, "train.json"));
  const samples = Array.from({ length: FOLDS }, (_, fold) => collectFold(rows, fold)).flat();
  if (cache) fs.writeFileSync(cache, JSON.stringify(samples));
  return samples;
}

/** One JSON line per feature set (`--features a,b` may repeat, to compare); the default is all of them. */
export function main(): void {
  const { values } = parseArgs({ options: { features: { type: "string", multiple: true } } });
  const featureSets = (values.features ?? [CALIBRATION_FEATURES.join(",")]).map((list) => list.split(",") as CalibrationFeature[]);
  const unknown = featureSets.flat().find((name) => !CALIBRATION_FEATURES.includes(name));
  if (unknown) throw new Error(`unknown feature ${unknown}; known: ${CALIBRATION_FEATURES.join(", ")}`);
  const samples = loadOrCollectSamples();
  for (const names of featureSets) console.log(JSON.stringify({ features: names, ...evaluateFeatureSet(samples, names) }));
}

if (require.main === module) main();
