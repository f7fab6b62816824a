/**
 * Fits the intent confidence calibrations (app/engines/local/intent-calibration.ts) on
 * CLINC150 train.json ONLY, and only on its intents whose names start with a–m (n–z and val.json
 * stay unseen for reporting), cross-validated inside it: the first 100 phrases of each intent are
 * cut into 5 folds of 20; for each fold a model is trained on (some of) the other 80 and
 * measured on the 20 held out. For intent sets of several sizes and example counts, a held-out
 * phrase of an included intent is a positive when the model's most probable intent is its own;
 * held-out phrases of the intents left out, and train.json's oos rows, are the customer asking
 * for something else (negatives, always wrong). Prints the coefficients fitted on all folds and
 * the OUT-OF-FOLD expected calibration error and log loss (each fold scored by a calibration
 * fitted on the other four). Every model is weighed twice: lexical alone (`--calibration
 * lexical`, the fallback when the sentence encoder is unavailable) and fused with the sentence
 * vectors (`--calibration semantic`, the default). Also prints the fused top-1 accuracy, to
 * choose the model's semanticWeight (`--semantic-weight W`).
 * Run: npx tsx bench/calibrate-intents.ts [--calibration semantic|lexical] [--features a,b,c] [--fit-max-intents N]
 * (CALIBRATION_VECTORS=file keeps the sentence vectors between runs.)
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { halfOf, OUT_OF_SCOPE, readLabelledRows, sampleIntents, type LabelledRow } from "~/engines/eval/intent-eval";
import { CALIBRATION_FEATURES, calibrationFeatures, LEXICAL_CALIBRATION_FEATURES, type CalibrationFeature, type IntentCalibration } from "~/engines/local/intent-calibration";
import { backgroundVectors } from "~/engines/local/intent-background";
import { attachSemantic, DEFAULT_INTENT_MODEL_OPTIONS, trainIntentModel, weighIntents } from "~/engines/local/intent-model";
import { intentNamePhrase, withNamePhrases } from "~/engines/local/intent-name";
import { fitLogistic, reliability, type WeightedSample } from "./calibration-fit";
import { embedAll } from "./sentence-vectors";

const dataDir = process.env.CLINC150_DIR ?? path.resolve(__dirname, "../../shared/data/clinc150");
const FOLDS = 5;
const FOLD_SIZE = 20;
const SHOTS = [5, 6, 10, 25, 80];
// 73 = every a–m intent.
const SIZES = [1, 2, 3, 4, 6, 10, 25, 40, 73];
/** The half of the intents every constant is chosen on (the guard against fitting one data set). */
export const isTuningIntent = (name: string) => name !== OUT_OF_SCOPE && halfOf(name) === "a-m";

/**
 * The share of messages reaching an intent step that are about none of its intents, which a
 * probability must assume: a third for a step with up to 6 intents, falling (on a log scale) to
 * 5% for 73 and more, because the more a step lists the more of what customers say it covers.
 * A constant third made 73-intent confidences too low (ECE 0.098 on val.json a–m, 3% oos).
 */
export function unrelatedShare(intents: number): number {
  const [small, large] = [6, 73];
  if (intents <= small) return 1 / 3;
  if (intents >= large) return 0.05;
  return 1 / 3 + (0.05 - 1 / 3) * (Math.log(intents / small) / Math.log(large / small));
}

type Evidence = Parameters<typeof calibrationFeatures>[0];
type Context = Parameters<typeof calibrationFeatures>[1];
type Kind = "lexical" | "semantic";
type Sample = WeightedSample & { evidence: Evidence; context: Context; fold: number; setting: string; kind: Kind; inScope: boolean };
type Vectors = Map<string, Float32Array>;

function seeded(seed: number) {
  let state = seed;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
}

function collectFold(rows: LabelledRow[], fold: number, vectors: Vectors, semanticWeight: number): Sample[] {
  const intents = sampleIntents(rows, FOLDS * FOLD_SIZE).filter((intent) => isTuningIntent(intent.name));
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
      const repeats = size === pool.length ? 1 : 3;
      for (let repeat = 0; repeat < repeats; repeat++) {
        const chosen = [...pool].sort(() => random() - 0.5).slice(0, size);
        const included = new Set(chosen.map((intent) => intent.name));
        // As the classifier learns them: each intent's name is one more example phrase (intent-name.ts).
        const definitions = withNamePhrases(chosen.map((intent) => ({ name: intent.name, examples: intent.examples.slice(0, shots) })));
        const lexical = trainIntentModel(definitions, { semanticWeight });
        const fused = attachSemantic(lexical, definitions.map((intent) => intent.examples.map((text) => vectors.get(text)!)), backgroundVectors());
        const context = { intents: size, examplesPerIntent: lexical.examplesPerIntent };
        const inside = held.filter((row) => included.has(row.intent));
        const outside = [...held.filter((row) => !included.has(row.intent)), ...oos]
          .sort(() => random() - 0.5)
          .slice(0, Math.max(100, inside.length / 2));
        // Each (shots, size, repeat) setting weighs the same; unrelated messages get their share of it.
        const unrelated = unrelatedShare(size);
        const insideWeight = (1 - unrelated) / inside.length;
        const outsideWeight = unrelated / outside.length;
        for (const row of [...inside, ...outside]) {
          const inScope = included.has(row.intent);
          const weight = inScope ? insideWeight : outsideWeight;
          for (const [kind, top] of [
            ["lexical", weighIntents(lexical, row.text)[0]],
            ["semantic", weighIntents(fused, row.text, vectors.get(row.text))[0]],
          ] as const) {
            const evidence = { probability: top.probability, runnerUp: top.runnerUp, similarity: top.similarity, semantic: top.semantic };
            samples.push({ evidence, context, correct: top.name === row.intent ? 1 : 0, weight, fold, setting: `${shots}x${size}`, kind, inScope });
          }
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

/**
 * `fitMaxIntents`: the out-of-fold calibrations are fitted only on sets of at most that many
 * intents and still scored on all, to see how a feature set carries past the fitted range.
 */
function evaluateFeatureSet(samples: Sample[], names: CalibrationFeature[], fitMaxIntents = Infinity) {
  const design = (sample: Sample) => {
    const features = calibrationFeatures(sample.evidence, sample.context);
    return names.map((name) => features[name]);
  };
  // Out of fold: every sample is scored by a calibration that never saw its fold.
  const outOfFold = samples.map((sample) => ({ ...sample, confidence: 0 }));
  for (let fold = 0; fold < FOLDS; fold++) {
    const coefficients = fitLogistic(samples.filter((s) => s.fold !== fold && s.context.intents <= fitMaxIntents).map((s) => ({ ...s, x: design(s) })));
    for (const sample of outOfFold) {
      if (sample.fold !== fold) continue;
      const z = design(sample).reduce((sum, value, i) => sum + value * coefficients[i], coefficients[names.length]);
      sample.confidence = 1 / (1 + Math.exp(-z));
    }
  }
  const final = fitLogistic(samples.map((s) => ({ ...s, x: design(s) })));
  const measured = reliability(outOfFold);
  // Top-1 accuracy on in-scope phrases, each setting weighing the same (what semanticWeight is chosen by).
  const inScope = samples.filter((s) => s.inScope && s.context.intents > 1);
  const topOneAccuracy = inScope.reduce((sum, s) => sum + s.correct * s.weight, 0) / inScope.reduce((sum, s) => sum + s.weight, 0);
  // Per setting: one global fit must not be right on average and wrong for 150 intents × 80 phrases.
  const settings = [...new Set(samples.map((s) => s.setting))];
  const bySetting = Object.fromEntries(settings.map((setting) => [setting, round(reliability(outOfFold.filter((s) => s.setting === setting)).ece)]));
  const sizes = [...new Set(samples.map((s) => s.context.intents))];
  const byIntents = Object.fromEntries(sizes.map((size) => [size, round(reliability(outOfFold.filter((s) => s.context.intents === size)).ece)]));
  return {
    calibration: toCalibration(names, final),
    samples: samples.length,
    topOneAccuracy: round(topOneAccuracy),
    outOfFold: { ece: round(measured.ece), logLoss: round(measured.logLoss), worstSettingEce: Math.max(...Object.values(bySetting)), byIntents, bySetting, bins: measured.bins },
  };
}

/** Collecting trains ~700 models; CALIBRATION_SAMPLES=file keeps the samples to compare feature sets quickly. */
async function loadOrCollectSamples(semanticWeight: number): Promise<Sample[]> {
  const cache = process.env.CALIBRATION_SAMPLES;
  if (cache && fs.existsSync(cache)) return JSON.parse(fs.readFileSync(cache, "utf8")) as Sample[];
  const rows = readLabelledRows(path.join(dataDir, "train.json")).filter((row) => row.intent === "oos" || isTuningIntent(row.intent));
  const names = [...new Set(rows.map((row) => row.intent))].flatMap((name) => intentNamePhrase(name) ?? []);
  const vectors = await embedAll([...rows.map((row) => row.text), ...names], process.env.CALIBRATION_VECTORS);
  const samples = Array.from({ length: FOLDS }, (_, fold) => collectFold(rows, fold, vectors, semanticWeight)).flat();
  if (cache) fs.writeFileSync(cache, JSON.stringify(samples));
  return samples;
}

const LEXICAL_FEATURES: CalibrationFeature[] = [...LEXICAL_CALIBRATION_FEATURES];
/**
 * The fused calibration's features: the intent count enters as log K and as 1/K products, not as
 * log K products. Fitted on sets of up to 25 intents, the log K products put the ECE of 73-intent
 * sets at 0.083 (out of fold) and the 1/K ones at 0.022, so the 1/K ones are what is trusted to
 * carry a fit over up to 73 a–m intents to CLINC150's 150. One exception: the background keeps
 * its log K product (0.025 on the same check; as 1/K, CLINC150 val.json a–m out-of-scope F1
 * 0.667 instead of 0.694, because the background then still weighs heavily at 150 intents).
 */
const SEMANTIC_FEATURES: CalibrationFeature[] = [
  "logProbability",
  "logMargin",
  "similarity",
  "logIntents",
  "logExamples",
  "similarityByLogExamples",
  "singleIntent",
  "centroid",
  "nearest",
  "centroidByLogExamples",
  "centroidGap",
  "background",
  "rival",
  "inverseIntents",
  "centroidByInverseIntents",
  "backgroundByLogIntents",
];

/** One JSON line per feature set (`--features a,b` may repeat, to compare); the default is all that apply. */
export async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      features: { type: "string", multiple: true },
      calibration: { type: "string", default: "semantic" },
      "semantic-weight": { type: "string" },
      "fit-max-intents": { type: "string" },
    },
  });
  const kind = values.calibration as Kind;
  if (kind !== "semantic" && kind !== "lexical") throw new Error("--calibration semantic|lexical");
  const defaults = kind === "semantic" ? SEMANTIC_FEATURES : LEXICAL_FEATURES;
  const featureSets = (values.features ?? [defaults.join(",")]).map((list) => list.split(",") as CalibrationFeature[]);
  const unknown = featureSets.flat().find((name) => !CALIBRATION_FEATURES.includes(name));
  if (unknown) throw new Error(`unknown feature ${unknown}; known: ${CALIBRATION_FEATURES.join(", ")}`);
  const semanticWeight = values["semantic-weight"] === undefined ? DEFAULT_INTENT_MODEL_OPTIONS.semanticWeight : Number(values["semantic-weight"]);
  const samples = (await loadOrCollectSamples(semanticWeight)).filter((sample) => sample.kind === kind);
  const fitMaxIntents = values["fit-max-intents"] === undefined ? Infinity : Number(values["fit-max-intents"]);
  for (const names of featureSets) {
    console.log(JSON.stringify({ kind, semanticWeight, fitMaxIntents, features: names, ...evaluateFeatureSet(samples, names, fitMaxIntents) }));
  }
}

if (require.main === module) void main();
