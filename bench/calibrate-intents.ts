/**
 * Fits the intent confidence calibration (app/engines/local/intent-calibration.ts) on
 * CLINC150 train.json ONLY: 80 phrases per intent to train, 20 held out. For intent sets of
 * several sizes, a held-out phrase of an included intent is a positive when the model ranks
 * its intent first; held-out phrases of the intents left out, and train.json's oos rows, are
 * the customer asking for something else (negatives). Prints the Platt coefficients and the
 * calibration error. Run: npx tsx bench/calibrate-intents.ts
 */
import path from "node:path";
import { readLabelledRows, sampleIntents, type LabelledRow } from "~/engines/eval/intent-eval";
import { scoreIntents, trainIntentModel } from "~/engines/local/intent-model";

const dataDir = process.env.CLINC150_DIR ?? path.resolve(__dirname, "../../shared/data/clinc150");

type Sample = { logProbability: number; similarity: number; logIntents: number; correct: number; weight: number };

function splitTrain(rows: LabelledRow[]) {
  const pool: LabelledRow[] = [];
  const held: LabelledRow[] = [];
  for (const intent of sampleIntents(rows, 100)) {
    intent.examples.slice(0, 80).forEach((text) => pool.push({ text, intent: intent.name }));
    intent.examples.slice(80).forEach((text) => held.push({ text, intent: intent.name }));
  }
  return { pool, held, oos: rows.filter((row) => row.intent === "oos") };
}

function seeded(seed: number) {
  let state = seed;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
}

function collect(split: ReturnType<typeof splitTrain>): Sample[] {
  const allIntents = sampleIntents(split.pool, 80);
  const random = seeded(7);
  const samples: Sample[] = [];
  for (const shots of [10, 80]) {
    for (const size of [3, 5, 10, 25, 150]) {
      const repeats = size === 150 ? 1 : 4;
      for (let repeat = 0; repeat < repeats; repeat++) {
        const chosen = [...allIntents].sort(() => random() - 0.5).slice(0, size);
        const included = new Set(chosen.map((intent) => intent.name));
        const model = trainIntentModel(chosen.map((intent) => ({ name: intent.name, examples: intent.examples.slice(0, shots) })));
        const inside = split.held.filter((row) => included.has(row.intent));
        const outside = [...split.held.filter((row) => !included.has(row.intent)), ...split.oos]
          .sort(() => random() - 0.5)
          .slice(0, Math.max(100, inside.length / 2));
        // Each (shots, size, repeat) setting weighs the same, and negatives a third of it.
        const insideWeight = 2 / 3 / inside.length;
        const outsideWeight = 1 / 3 / outside.length;
        for (const row of [...inside, ...outside]) {
          const [top] = scoreIntents(model, row.text);
          const correct = top.name === row.intent ? 1 : 0;
          const weight = included.has(row.intent) ? insideWeight : outsideWeight;
          samples.push({ logProbability: Math.log(Math.max(top.probability, 1e-9)), similarity: top.similarity, logIntents: Math.log(size), correct, weight });
        }
      }
    }
  }
  return samples;
}

function fit(samples: Sample[]) {
  let [a, b, d, c] = [1, 1, 0, 0];
  for (let iteration = 0; iteration < 6000; iteration++) {
    let [ga, gb, gd, gc, total] = [0, 0, 0, 0, 0];
    for (const s of samples) {
      const p = 1 / (1 + Math.exp(-(a * s.logProbability + b * s.similarity + d * s.logIntents + c)));
      const error = (p - s.correct) * s.weight;
      ga += error * s.logProbability;
      gb += error * s.similarity;
      gd += error * s.logIntents;
      gc += error;
      total += s.weight;
    }
    a -= (2 * ga) / total;
    b -= (2 * gb) / total;
    d -= (0.5 * gd) / total;
    c -= (2 * gc) / total;
  }
  return { logProbability: round(a), similarity: round(b), logIntents: round(d), intercept: round(c) };
}

function expectedCalibrationError(samples: Sample[], coefficients: ReturnType<typeof fit>): number {
  const bins = Array.from({ length: 10 }, () => ({ weight: 0, confidence: 0, correct: 0 }));
  let total = 0;
  for (const s of samples) {
    const z = coefficients.logProbability * s.logProbability + coefficients.similarity * s.similarity + coefficients.logIntents * s.logIntents;
    const p = 1 / (1 + Math.exp(-(z + coefficients.intercept)));
    const bin = bins[Math.min(9, Math.floor(p * 10))];
    bin.weight += s.weight;
    bin.confidence += p * s.weight;
    bin.correct += s.correct * s.weight;
    total += s.weight;
  }
  return bins.reduce((sum, bin) => sum + Math.abs(bin.confidence - bin.correct), 0) / total;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function main(): void {
  const split = splitTrain(readLabelledRows(path.join(dataDir, "train.json")));
  const samples = collect(split);
  const coefficients = fit(samples);
  console.log(JSON.stringify({ coefficients, samples: samples.length, ece: round(expectedCalibrationError(samples, coefficients)) }));
}

if (require.main === module) main();
