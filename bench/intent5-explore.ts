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

/**
 * (c) The message's cosine to its best ridge-regularised linear combination of the intent's
 * examples: a paraphrase may mix two examples' halves ("cancel" + "my reservation") that neither
 * the nearest example nor the mean matches. Precomputed per intent: (G + λI)⁻¹ with G the Gram matrix.
 */
function subspaceProjector(examples: Float32Array[], lambda: number, shrunkFit = false) {
  const n = examples.length;
  const gram = examples.map((a, i) => examples.map((b, j) => dot(a, b) + (i === j ? lambda : 0)));
  const inverse = invert(gram);
  const rawGram = examples.map((a) => examples.map((b) => dot(a, b)));
  return (query: Float32Array) => {
    const xq = examples.map((example) => dot(example, query));
    const a = inverse.map((row) => row.reduce((sum, value, j) => sum + value * xq[j], 0));
    // cos(q, Xᵀa) = (a·Xq) / |Xᵀa|, |Xᵀa|² = aᵀGa.
    const along = a.reduce((sum, value, i) => sum + value * xq[i], 0);
    // The ridge-shrunk squared projection length qᵀX(G+λI)⁻¹Xᵀq: a direction the phrases barely span counts little.
    if (shrunkFit) return along;
    let norm = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) norm += a[i] * a[j] * rawGram[i][j];
    return norm > 0 ? along / Math.sqrt(norm) : 0;
  };
}

function invert(matrix: number[][]): number[][] {
  const n = matrix.length;
  const m = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const p = m[col][col] || 1e-12;
    for (let j = 0; j < 2 * n; j++) m[col][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col];
      if (f !== 0) for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[col][j];
    }
  }
  return m.map((row) => row.slice(n));
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
    const subspaces = [0.1, 0.5, 2, 0.02].map((lambda) => byIntent.map((examples) => subspaceProjector(examples, lambda)));
    const fits = [0.1, 0.5].map((lambda) => byIntent.map((examples) => subspaceProjector(examples, lambda, true)));
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
        subspace01: subspaces[0][at](query),
        subspace05: subspaces[1][at](query),
        subspace2: subspaces[2][at](query),
        subspace002: subspaces[3][at](query),
        subspaceFit01: fits[0][at](query),
        subspaceFit05: fits[1][at](query),
        // The same projection onto the span of the message's 7 nearest background phrases: "something else" as a subspace too.
        backgroundSubspace: subspaceProjector(
          backgroundCosines
            .map((cosine, i) => ({ cosine, i }))
            .sort((x, y) => y.cosine - x.cosine)
            .slice(0, byIntent[at].length)
            .map(({ i }) => semantic.background[i]),
          0.1,
        )(query),
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
  "refit:+subspace01": ["subspace01"],
  "refit:+subspace05": ["subspace05"],
  "refit:+subspace2": ["subspace2"],
  "refit:+subspace002": ["subspace002"],
  "refit:+subspaceFit01": ["subspaceFit01"],
  "refit:+subspaceFit05": ["subspaceFit05"],
  "refit:+subspace01+backgroundSubspace": ["subspace01", "backgroundSubspace"],
  "refit:+subspace01+quadratic": ["subspace01", "nearestSquared", "centroidGapSquared", "backgroundSquared", "nearestByBackground", "centroidGapByBackground", "nearestByCentroid", "similarityByNearest", "marginByNearest"],
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
