/**
 * Does a post-processed sentence space (bench/sentence-space.ts) separate meanings
 * better than USE-lite's raw vectors? A quick check on plain cosines, before any model is refitted:
 *   (a) knowledge base, both domains, every question set in bench/data (all spent): articles ranked
 *       by the question's best passage cosine alone — recall@1 and MRR of the answerable questions —
 *       and the AUROC of the first article's cosine for answerable vs unanswerable questions;
 *   (b) intents, CLINC150 a–m small-flow-like trials: 4 intents × 6 train phrases, nearest centroid
 *       over the val phrases of those intents (accuracy), and the AUROC of the best centroid cosine
 *       for those phrases vs out-of-scope ones (val `oos` rows + 100 val phrases of other a–m
 *       intents); 30 trials, fixed seed.
 * Spaces: raw (k = 0); the corpus mean and the top k directions removed, k in {1, 2, 3, 5, 8, 12};
 * and full whitening (BERT-whitening: x ↦ L⁻¹(x − mean) with Σ = L Lᵀ the corpus covariance plus a
 * small ridge, then unit length; cosines equal Mahalanobis-normalised inner products).
 * Writes bench/results/sentence-space-diagnostic.json (keeping its `refits` section: the out-of-fold
 * figures of bench/fit-kb-confidence.ts run once per k with the map wired into article-vectors.ts on branch `space`, written by hand).
 * Run: npx tsx bench/sentence-space-diagnostic.ts   (after bench/fit-sentence-space.ts)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SENTENCE_VECTOR_SIZE } from "~/engines/local/sentence-encoder.server";
import { toSentenceSpace } from "./sentence-space";
import { corpusMoments } from "./fit-sentence-space";
import { isTuningIntent, kbDomains, passagesOf, rawVectors, readClinc } from "./sentence-space-data";
import { seeded } from "./seeded-random";

const root = path.resolve(__dirname, "..");
const RESULTS_FILE = path.join(root, "bench/results/sentence-space-diagnostic.json");
const KS = [0, 1, 2, 3, 5, 8, 12];
const TRIALS = 30;
const INTENTS_PER_TRIAL = 4;
const PHRASES_PER_INTENT = 6;
const OTHER_INTENT_PHRASES = 100;
/** Ridge added to the covariance before whitening, as a share of its mean eigenvalue. */
const WHITENING_RIDGE = 1e-3;
const n = SENTENCE_VECTOR_SIZE;

type Space = { name: string; map: (vector: Float32Array) => Float32Array };

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Area under the ROC curve of `positives` above `negatives` (ties count a half). */
export function auroc(positives: number[], negatives: number[]): number {
  const all = [...positives.map((score) => ({ score, positive: true })), ...negatives.map((score) => ({ score, positive: false }))].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].score === all[i].score) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) if (all[t].positive) rankSum += averageRank;
    i = j;
  }
  return (rankSum - (positives.length * (positives.length + 1)) / 2) / (positives.length * negatives.length);
}

/** x ↦ L⁻¹(x − mean), unit length, with L the Cholesky factor of the ridged covariance. */
async function whitening(): Promise<Space> {
  const { mean, covariance } = await corpusMoments();
  const trace = covariance.reduce((sum, row, i) => sum + row[i], 0);
  const ridge = (WHITENING_RIDGE * trace) / n;
  const lower = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = covariance[i][j] + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      lower[i][j] = i === j ? Math.sqrt(sum) : sum / lower[j][j];
    }
  }
  return {
    name: "whitened",
    map: (vector) => {
      const out = new Float32Array(n);
      const z = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let sum = vector[i] - mean[i];
        for (let k = 0; k < i; k++) sum -= lower[i][k] * z[k];
        z[i] = sum / lower[i][i];
      }
      const norm = Math.sqrt(z.reduce((total, value) => total + value * value, 0)) || 1;
      for (let i = 0; i < n; i++) out[i] = z[i] / norm;
      return out;
    },
  };
}

/** null where a file has no question of the kind (kb-dev-unanswerable.json has no answerable one). */
type KbFigures = { questions: number; unanswerable: number; recallAt1: number | null; mrr: number | null; aurocAnswerable: number | null };

function kbFigures(results: Array<{ rightAt: number | null; top: number }>): KbFigures {
  const answerable = results.filter((result) => result.rightAt !== null);
  const unanswerable = results.filter((result) => result.rightAt === null);
  return {
    questions: results.length,
    unanswerable: unanswerable.length,
    recallAt1: answerable.length ? round(answerable.filter((result) => result.rightAt === 0).length / answerable.length) : null,
    mrr: answerable.length ? round(answerable.reduce((sum, result) => sum + 1 / (1 + result.rightAt!), 0) / answerable.length) : null,
    aurocAnswerable: answerable.length && unanswerable.length ? round(auroc(answerable.map((result) => result.top), unanswerable.map((result) => result.top))) : null,
  };
}

/** (a): per domain and per question file, articles ranked by the best passage cosine. */
async function knowledgeBase(spaces: Space[]) {
  const domains = kbDomains();
  const texts = domains.flatMap((domain) => [...domain.articles.flatMap(passagesOf), ...domain.sets.flatMap((set) => set.questions.map((question) => question.question))]);
  const vectors = await rawVectors(texts);
  const out: Record<string, Record<string, { all: KbFigures; bySource: Record<string, KbFigures> }>> = {};
  for (const space of spaces) {
    out[space.name] = {};
    for (const domain of domains) {
      const articles = domain.articles.map((article) => ({ id: article.id, passages: passagesOf(article).map((text) => space.map(vectors.get(text)!)) }));
      const bySource: Record<string, KbFigures> = {};
      const all: Array<{ rightAt: number | null; top: number }> = [];
      for (const set of domain.sets) {
        const results = set.questions.map(({ question, articleId }) => {
          const q = space.map(vectors.get(question)!);
          const scored = articles.map((article) => ({ id: article.id, best: Math.max(...article.passages.map((passage) => dot(q, passage))) })).sort((a, b) => b.best - a.best);
          return { rightAt: articleId === null ? null : scored.findIndex((article) => article.id === articleId), top: scored[0].best };
        });
        bySource[set.source] = kbFigures(results);
        all.push(...results);
      }
      out[space.name][domain.name] = { all: kbFigures(all), bySource };
    }
  }
  return out;
}


function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

/** (b): nearest-centroid trials on CLINC150's a–m intents. */
async function intents(spaces: Space[]) {
  const train = readClinc("train").filter((row) => isTuningIntent(row.intent));
  const val = readClinc("val");
  const names = [...new Set(train.map((row) => row.intent))].sort();
  const random = seeded(15);
  const trials = Array.from({ length: TRIALS }, () => {
    const chosen = sample(names, INTENTS_PER_TRIAL, random);
    const examples = chosen.map((intent) => sample(train.filter((row) => row.intent === intent).map((row) => row.text), PHRASES_PER_INTENT, random));
    const inScope = val.filter((row) => chosen.includes(row.intent)).map((row) => ({ text: row.text, intent: chosen.indexOf(row.intent) }));
    const others = sample(val.filter((row) => isTuningIntent(row.intent) && !chosen.includes(row.intent)).map((row) => row.text), OTHER_INTENT_PHRASES, random);
    const outOfScope = [...val.filter((row) => row.intent === "oos").map((row) => row.text), ...others];
    return { examples, inScope, outOfScope };
  });
  const vectors = await rawVectors(trials.flatMap((trial) => [...trial.examples.flat(), ...trial.inScope.map((row) => row.text), ...trial.outOfScope]));
  const out: Record<string, { accuracy: number; aurocOutOfScope: number }> = {};
  for (const space of spaces) {
    const mapped = new Map<string, Float32Array>();
    const at = (text: string) => mapped.get(text) ?? mapped.set(text, space.map(vectors.get(text)!)).get(text)!;
    let right = 0;
    let total = 0;
    let aurocSum = 0;
    for (const trial of trials) {
      const centroids = trial.examples.map((phrases) => {
        const centroid = new Float32Array(n);
        for (const phrase of phrases) at(phrase).forEach((value, i) => (centroid[i] += value));
        const norm = Math.sqrt(dot(centroid, centroid)) || 1;
        return centroid.map((value) => value / norm);
      });
      const best = (text: string) => {
        const cosines = centroids.map((centroid) => dot(at(text), centroid));
        const top = Math.max(...cosines);
        return { intent: cosines.indexOf(top), top };
      };
      const inScope = trial.inScope.map((row) => ({ ...best(row.text), expected: row.intent }));
      right += inScope.filter((row) => row.intent === row.expected).length;
      total += inScope.length;
      aurocSum += auroc(
        inScope.map((row) => row.top),
        trial.outOfScope.map((text) => best(text).top),
      );
    }
    out[space.name] = { accuracy: round(right / total), aurocOutOfScope: round(aurocSum / trials.length) };
  }
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg();
  const spaces: Space[] = [...KS.map((k) => ({ name: `k=${k}`, map: (vector: Float32Array) => toSentenceSpace(vector, k) })), await whitening()];
  const kb = await knowledgeBase(spaces);
  const intentFigures = await intents(spaces);
  const report = {
    about:
      "Plain cosines only, no model refitted. kb: articles ranked by the question's best passage cosine (title first, as the knowledge index cuts them); recallAt1/mrr over answerable questions; aurocAnswerable = AUROC of the first article's cosine, answerable (positive) vs unanswerable questions; every question set in bench/data (all spent) plus StackFAQ's dev tune/report parts. intents: CLINC150 a–m, 30 seeded trials of 4 intents × 6 train phrases, nearest centroid on the val phrases of those intents; aurocOutOfScope = mean per-trial AUROC of the best centroid cosine, those phrases vs val oos rows + 100 val phrases of other a–m intents. k=0 is raw USE-lite; k>0 the corpus mean and top k directions removed (sentence-space.json); whitened: full whitening with a ridge of 1e-3 × the mean eigenvalue.",
    generatedAt: new Date().toISOString(),
    wallSeconds: Math.round((performance.now() - started) / 1000),
    loadAverage: { before: loadBefore.map(round), after: os.loadavg().map(round) },
    kb,
    intents: intentFigures,
    // The refits per k (bench/fit-kb-confidence.ts, one run per k, branch `space`) are recorded here by hand: kept across re-runs.
    ...(fs.existsSync(RESULTS_FILE) ? { refits: (JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8")) as { refits?: unknown }).refits } : {}),
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log("space        demo r@1  mrr    auroc | stackfaq r@1  mrr    auroc | intents acc  oos-auroc");
  for (const space of spaces) {
    const [demo, stackfaq] = [kb[space.name].demo.all, kb[space.name].stackfaq.all];
    const intent = intentFigures[space.name];
    const f = (value: number | null) => (value === null ? "  -  " : value.toFixed(3));
    console.log(`${space.name.padEnd(12)} ${f(demo.recallAt1)}  ${f(demo.mrr)}  ${f(demo.aurocAnswerable)} | ${f(stackfaq.recallAt1)}  ${f(stackfaq.mrr)}  ${f(stackfaq.aurocAnswerable)} | ${f(intent.accuracy)}  ${f(intent.aurocOutOfScope)}`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
