/**
 * The CLINC150-style intent evaluation behind `npm run nlu -- eval` and bench/nlu.ts. Any
 * classifier that returns a best intent with a confidence can be measured the same way: train
 * on K examples per intent (oos rows never used: a support lead writes none), choose the
 * out-of-scope threshold on the validation file, report on the test file.
 */
import { z } from "zod";
import { fnv1a } from "~/utils/fnv1a";
import type { IntentDefinition, RankedIntent } from "../types";
import { readJsonFile } from "./json-file";
import { reliability, type ReliabilityBin } from "./reliability";

export const OUT_OF_SCOPE = "oos";

const LabelledRowsSchema = z.array(z.object({ text: z.string(), intent: z.string() }));
export type LabelledRow = z.infer<typeof LabelledRowsSchema>[number];

export type EvalClassifier = {
  name: string;
  train(intents: IntentDefinition[]): Promise<void>;
  /** The best in-scope intent and its confidence; thresholding is the harness's job. `ranked`: every intent's confidence, when the classifier gives them. */
  classify(text: string): Promise<{ name: string | null; confidence: number; ranked?: RankedIntent[] }>;
};

export type IntentEvalResult = {
  inScopeAccuracy: number;
  oosRecall: number;
  oosPrecision: number;
  oosF1: number;
  threshold: number;
  trainMs: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * The same in CPU time of this process: on a shared machine wall-clock percentiles include
   * the time the scheduler gave to other processes; CPU time does not (but does include GC).
   */
  trainCpuMs: number;
  p50CpuMs: number;
  p99CpuMs: number;
  /** How far the confidence of the top intent is from its chance of being right (oos rows: never right), 0..1. */
  ece: number;
  reliability: ReliabilityBin[];
  /**
   * In-scope accuracy and ECE over the intents whose names start with a–m and with n–z
   * (Baton's constants were chosen on a–m: n–z is the part nothing was tuned on; out-of-scope
   * rows count in both).
   */
  byHalf: Record<"a-m" | "n-z", { inScopeAccuracy: number; ece: number }>;
};

/** Intents are split by the first letter of their name: a–m for choosing constants, n–z held out. */
export const halfOf = (intent: string): "a-m" | "n-z" => (intent.localeCompare("n") < 0 ? "a-m" : "n-z");

export function readLabelledRows(file: string): LabelledRow[] {
  return readJsonFile(file, LabelledRowsSchema);
}

/**
 * K examples per intent, the same K for every intent; which K is reproducible (a fixed hash
 * order of the texts), so two runs — and two libraries — train on exactly the same phrases.
 */
export function sampleIntents(rows: LabelledRow[], shots: number | "all"): IntentDefinition[] {
  const byIntent = new Map<string, string[]>();
  for (const row of rows) {
    if (row.intent === OUT_OF_SCOPE) continue;
    const list = byIntent.get(row.intent) ?? [];
    list.push(row.text);
    byIntent.set(row.intent, list);
  }
  return [...byIntent].map(([name, texts]) => {
    const ordered = shots === "all" ? texts : [...texts].sort((a, b) => fnv1a(a) - fnv1a(b) || a.localeCompare(b));
    return { name, examples: shots === "all" ? ordered : ordered.slice(0, shots) };
  });
}

type Prediction = { gold: string; name: string | null; confidence: number };

export type Timings = { wall: number[]; cpu: number[] };

/** Runs `work` and adds its wall-clock and CPU milliseconds to `timings`. */
export async function timed<T>(timings: Timings | undefined, work: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  if (timings) {
    timings.wall.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    timings.cpu.push((used.user + used.system) / 1000);
  }
  return result;
}

async function predictAll(classifier: EvalClassifier, rows: LabelledRow[], timings?: Timings): Promise<Prediction[]> {
  const predictions: Prediction[] = [];
  for (const row of rows) {
    const { name, confidence } = await timed(timings, () => classifier.classify(row.text));
    predictions.push({ gold: row.intent, name, confidence });
  }
  return predictions;
}

export function measure(predictions: Prediction[], threshold: number) {
  let inScope = 0;
  let inScopeCorrect = 0;
  let oos = 0;
  let oosCaught = 0;
  let predictedOos = 0;
  for (const { gold, name, confidence } of predictions) {
    const predicted = name === null || confidence < threshold ? OUT_OF_SCOPE : name;
    if (predicted === OUT_OF_SCOPE) predictedOos += 1;
    if (gold === OUT_OF_SCOPE) {
      oos += 1;
      if (predicted === OUT_OF_SCOPE) oosCaught += 1;
    } else {
      inScope += 1;
      if (predicted === gold) inScopeCorrect += 1;
    }
  }
  const oosRecall = oos ? oosCaught / oos : 0;
  const oosPrecision = predictedOos ? oosCaught / predictedOos : 0;
  const oosF1 = oosRecall + oosPrecision > 0 ? (2 * oosRecall * oosPrecision) / (oosRecall + oosPrecision) : 0;
  return { inScopeAccuracy: inScope ? inScopeCorrect / inScope : 0, oosRecall, oosPrecision, oosF1 };
}

/**
 * The threshold that maximises the mean of in-scope accuracy and out-of-scope F1 on the
 * validation predictions: both target metrics count equally, and every library gets the same rule.
 */
export function chooseThreshold(predictions: Prediction[]): number {
  const candidates = [0, ...new Set(predictions.map((p) => p.confidence))].sort((a, b) => a - b);
  let best = { threshold: 0, objective: -1 };
  for (const threshold of candidates) {
    const metrics = measure(predictions, threshold);
    const objective = (metrics.inScopeAccuracy + metrics.oosF1) / 2;
    if (objective > best.objective) best = { threshold, objective };
  }
  return best.threshold;
}

export async function evaluateIntentClassifier(
  classifier: EvalClassifier,
  data: { train: LabelledRow[]; val: LabelledRow[]; test: LabelledRow[]; shots: number | "all" },
): Promise<IntentEvalResult> {
  const intents = sampleIntents(data.train, data.shots);
  const training: Timings = { wall: [], cpu: [] };
  await timed(training, () => classifier.train(intents));
  const threshold = chooseThreshold(await predictAll(classifier, data.val));
  const timings: Timings = { wall: [], cpu: [] };
  const predictions = await predictAll(classifier, data.test, timings);
  const metrics = measure(predictions, threshold);
  const outcome = ({ gold, name, confidence }: Prediction) => ({ confidence, correct: name === gold ? 1 : 0 });
  const calibration = reliability(predictions.map(outcome));
  const half = (which: "a-m" | "n-z") => {
    const rows = predictions.filter((p) => p.gold === OUT_OF_SCOPE || halfOf(p.gold) === which);
    return { inScopeAccuracy: measure(rows, threshold).inScopeAccuracy, ece: reliability(rows.map(outcome)).ece };
  };
  const wall = timings.wall.sort((a, b) => a - b);
  const cpu = timings.cpu.sort((a, b) => a - b);
  return {
    ...metrics,
    threshold,
    trainMs: training.wall[0],
    p50Ms: percentile(wall, 0.5),
    p99Ms: percentile(wall, 0.99),
    trainCpuMs: training.cpu[0],
    p50CpuMs: percentile(cpu, 0.5),
    p99CpuMs: percentile(cpu, 0.99),
    ece: calibration.ece,
    reliability: calibration.bins,
    byHalf: { "a-m": half("a-m"), "n-z": half("n-z") },
  };
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}
