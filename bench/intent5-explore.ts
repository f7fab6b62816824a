/**
 * intent5 exploration (issue #15 item 4): candidate "in-scope paraphrase or unrelated?" signals
 * on the small-flows bench's a–m trials only (bench/small-flows-explore.ts draws them; n–z stays
 * unseen). Each candidate is tested the way intent4 tested its signals: the confidence is refitted
 * on the trials themselves, cross-fitted (even trials score the odd ones and back), with and
 * without the candidate, so a gain means the signal carries evidence the calibration's own
 * features lack. A candidate that gains is then added to the shipped calibration
 * (bench/calibrate-intents.ts, train.json a–m) and measured at the default threshold.
 * Run: SMALL_FLOWS_VECTORS=file npx tsx bench/intent5-explore.ts [candidate ...]
 */
import fs from "node:fs";
import path from "node:path";
import { backgroundVectors } from "~/engines/local/intent-background";
import { attachSemantic, scoreIntents, trainIntentModel, type IntentSignals } from "~/engines/local/intent-model";
import { withNamePhrases } from "~/engines/local/intent-name";
import type { IntentDefinition } from "~/engines/types";
import { embedAll } from "./sentence-vectors";
import { BASELINE, crossFit, humanName, loadTrials, report, runVariant, type MessageOutcome, type Variant } from "./small-flows-explore";

type Vectors = Map<string, Float32Array>;

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
const std = (values: number[]) => {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
};
const topMean = (values: number[], count: number) => mean([...values].sort((a, b) => b - a).slice(0, count));

/** Per-intent statistics computed once per model: leave-one-out nearest / centroid cosines and their spread, and how close the centroid sits to the background. */
function intentStatistics(examples: Float32Array[], centroid: Float32Array, background: Float32Array[]) {
  const looNearest = examples.map((vector, i) => Math.max(-1, ...examples.filter((_, j) => j !== i).map((other) => dot(vector, other))));
  const looCentroid = examples.map((vector) => {
    const others = new Float32Array(vector.length);
    for (const other of examples) if (other !== vector) for (let d = 0; d < others.length; d++) others[d] += other[d];
    const norm = Math.sqrt(dot(others, others)) || 1;
    return dot(others, vector) / norm;
  });
  const backgroundToCentroid = background.map((phrase) => dot(phrase, centroid));
  // Each example's nearest background phrase: how close the intent's phrases sit to "something else".
  const exampleBackground = examples.map((vector) => Math.max(-1, ...background.map((phrase) => dot(phrase, vector))));
  return {
    looNearestMean: mean(looNearest),
    looNearestStd: Math.max(0.03, std(looNearest)),
    looNearestMin: Math.min(...looNearest),
    looCentroidStd: Math.max(0.03, std(looCentroid)),
    looCentroidMin: Math.min(...looCentroid),
    centroidHub: topMean(backgroundToCentroid, 3),
    exampleBackground: mean(exampleBackground),
  };
}

/** The product's model (names as examples) plus candidate signals on the best intent, as `extra`. */
const CANDIDATES: Variant = {
  name: "baseline+candidates",
  score(intents: IntentDefinition[], _texts: string[], vectors: Vectors) {
    const learned = withNamePhrases(intents);
    const lexical = trainIntentModel(learned);
    const byIntent = learned.map((intent) => intent.examples.map((text) => vectors.get(text)!));
    const fused = attachSemantic(lexical, byIntent, backgroundVectors());
    const semantic = fused.semantic!;
    const stats = byIntent.map((examples, k) => intentStatistics(examples, semantic.centroids[k], semantic.background));
    return (text: string) => {
      const ranked = scoreIntents(fused, text, vectors.get(text));
      const query = vectors.get(text);
      if (!query || ranked.length === 0 || !ranked[0].semantic) return ranked;
      const best = ranked[0];
      const at = fused.names.indexOf(best.name);
      const s = stats[at];
      const { nearest, centroid, typical, background } = best.semantic!;
      const backgroundCosines = semantic.background.map((phrase) => dot(phrase, query));
      const backgroundMax = Math.max(-1, ...backgroundCosines);
      const closerBackground = backgroundCosines.filter((cosine) => cosine > nearest).length;
      const nearestTwo = topMean(byIntent[at].map((vector) => dot(vector, query)), 2);
      const extra = {
        nearestGapLoo: nearest - s.looNearestMean,
        nearestZ: (nearest - s.looNearestMean) / s.looNearestStd,
        centroidZ: (centroid - typical) / s.looCentroidStd,
        nearestAboveMin: nearest - s.looNearestMin,
        centroidAboveMin: centroid - s.looCentroidMin,
        centroidHub: s.centroidHub,
        cslsCentroid: 2 * centroid - s.centroidHub - background,
        exampleBackground: s.exampleBackground,
        backgroundMargin: nearest - backgroundMax,
        logCloserBackground: Math.log1p(closerBackground),
        anyCloserBackground: closerBackground > 0 ? 1 : 0,
        nearestTwo,
        // Second-order terms: does the evidence need a curve the linear calibration cannot draw?
        nearestSquared: nearest * nearest,
        centroidGapSquared: (centroid - typical) ** 2,
        backgroundSquared: background * background,
        nearestByBackground: nearest * background,
        centroidGapByBackground: (centroid - typical) * background,
        nearestByCentroid: nearest * centroid,
        similarityByNearest: best.similarity * nearest,
        marginByNearest: Math.log(Math.max(best.probability, 1e-9) / Math.max(best.runnerUp, 1e-9)) * nearest,
      };
      return [{ ...best, extra } as IntentSignals, ...ranked.slice(1)];
    };
  },
};

const SETS: Record<string, string[]> = {
  "refit:baseline": [],
  "refit:+nearestGapLoo": ["nearestGapLoo"],
  "refit:+nearestZ": ["nearestZ"],
  "refit:+centroidZ": ["centroidZ"],
  "refit:+aboveMin": ["nearestAboveMin", "centroidAboveMin"],
  "refit:+centroidHub": ["centroidHub"],
  "refit:+cslsCentroid": ["cslsCentroid"],
  "refit:+exampleBackground": ["exampleBackground"],
  "refit:+backgroundMargin": ["backgroundMargin"],
  "refit:+closerBackground": ["logCloserBackground", "anyCloserBackground"],
  "refit:+nearestTwo": ["nearestTwo"],
  "refit:+a": ["nearestZ", "centroidZ", "nearestGapLoo"],
  "refit:+b": ["backgroundMargin", "logCloserBackground", "anyCloserBackground", "centroidHub"],
  "refit:+quadratic": ["nearestSquared", "centroidGapSquared", "backgroundSquared", "nearestByBackground", "centroidGapByBackground", "nearestByCentroid", "similarityByNearest", "marginByNearest"],
  "refit:+quadratic-semantic": ["nearestSquared", "centroidGapSquared", "backgroundSquared", "nearestByBackground", "centroidGapByBackground", "nearestByCentroid"],
  "refit:+all": ["nearestGapLoo", "nearestZ", "centroidZ", "nearestAboveMin", "centroidAboveMin", "centroidHub", "cslsCentroid", "exampleBackground", "backgroundMargin", "logCloserBackground", "anyCloserBackground", "nearestTwo"],
};

function brief(name: string, records: MessageOutcome[]) {
  const r = report(name, records);
  return { variant: name, atDefault: r.atDefault, atFourPercent: { threshold: r.atFourPercent.threshold, routedRight: r.atFourPercent.routedRight }, takenAtRouted: r.takenAtRouted };
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const { trials, vectors } = await loadTrials((trial) => trial.intents.map((intent) => humanName(intent.name)));
  if (wanted.length === 0 || wanted.includes("baseline")) console.log(JSON.stringify(brief("baseline", runVariant(BASELINE, trials, vectors))));
  if (wanted.length === 0 || wanted.includes("wider-background")) {
    const extra = await stackFaqQuestions();
    const records = runVariant(widerBackgroundVariant(extra), trials, vectors);
    console.log(JSON.stringify(brief("wider-background", records)));
    console.log(JSON.stringify(brief("refit:wider-background", crossFit(records, []))));
  }
  const records = runVariant(CANDIDATES, trials, vectors);
  for (const [name, extras] of Object.entries(SETS).filter(([name]) => wanted.length === 0 || wanted.includes(name))) {
    console.log(JSON.stringify(brief(name, crossFit(records, extras))));
  }
}

if (require.main === module) void main();

/**
 * (b) a background from more domains: the shipped 300 NLU++ banking and hotel requests plus one
 * question per StackFAQ article (web-app help, 125), so "something else" is not only banking.
 */
export function widerBackgroundVariant(extra: Float32Array[]): Variant {
  return {
    name: "wider-background",
    score(intents, _texts, vectors) {
      const learned = withNamePhrases(intents);
      const fused = attachSemantic(trainIntentModel(learned), learned.map((intent) => intent.examples.map((text) => vectors.get(text)!)), [...backgroundVectors(), ...extra]);
      return (text: string) => scoreIntents(fused, text, vectors.get(text));
    },
  };
}

/** One dev question per StackFAQ article, embedded (kept next to the trials' vectors). */
async function stackFaqQuestions(): Promise<Float32Array[]> {
  const file = path.resolve(__dirname, "../../shared/data/stackfaq/dev.json");
  const dev = JSON.parse(fs.readFileSync(file, "utf8")) as { text: string; article: string }[];
  const seen = new Set<string>();
  const picked = dev.filter((question) => !seen.has(question.article) && seen.add(question.article)).map((question) => question.text);
  const vectors = await embedAll(picked, process.env.SMALL_FLOWS_VECTORS ? `${process.env.SMALL_FLOWS_VECTORS}.stackfaq` : undefined);
  return picked.map((text) => vectors.get(text)!);
}
