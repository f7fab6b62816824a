/**
 * Fits the knowledge base's ranking and answer confidence on TUNING questions only:
 *   - the demo store: bench/data/kb-questions.json (answerable) + bench/data/kb-dev-unanswerable.json;
 *   - StackFAQ's `tune` part (bench/data/stackfaq.ts).
 * Held out from everything here: bench/data/kb-test-questions.json and StackFAQ's `report` part.
 *
 * Writes two files next to the ranker:
 *   - kb-confidence-model.json: the first stage's linear ranking weights (a softmax over the
 *     articles, the right article's log-probability, small ridge), the words-only confidence
 *     (logistic + isotonic map, for when there are no sentence vectors) and the default minScore;
 *   - kb-reranker-model.json: the second stage (knowledge-reranker.ts), a pointwise logistic
 *     regression of "this candidate is the right article" over the first stage's top candidates,
 *     pooled over both domains (an unanswerable question's candidates are all wrong), then a Platt
 *     step fitted on the first candidates' OUT-OF-FOLD logits so the shown confidence is calibrated
 *     for articles the model did not see.
 *   - kb-examples-model.json: the reranker's example-aware term (knowledge-reranker.ts), read only
 *     for candidates with example questions, and its own Platt step. Fitted with the base model
 *     held fixed on the same tuning questions asked of the knowledge bases WITH example questions
 *     (bench/kb-examples.ts: the demo store with bench/data/kb-article-questions.json; StackFAQ
 *     with each thread's first two dev paraphrases, those left out of the questions), with the
 *     same folds: fold f's questions are scored by the base model fitted without fold f's
 *     articles plus a term fitted without them either.
 * Model choices (ridge strength) and the default minScore are made on cross-validation grouped by
 * article (a question's fold is its right article's, so every fold's articles are unseen by the
 * model that scores them). The default minScore is the lowest threshold at which, in BOTH
 * domains, answers from a wrong article stay ≤ 8% of answerable questions and answered
 * unanswerable ones ≤ 8% (the issue's targets); among those, the one refusing least.
 * Run: npx tsx bench/fit-kb-confidence.ts   (a few minutes the first time: it embeds both
 * knowledge bases; vectors are cached in the OS temp folder, so re-runs take seconds)
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildEvalIndex, type EvalArticle, type EvalQuestion } from "~/engines/eval/kb-eval";
import { reliability } from "~/engines/eval/reliability";
import {
  applyIsotonic,
  firstStage,
  gatherEvidence,
  lexicalConfidence,
  lexicalRanking,
  rawLexicalConfidence,
  type ConfidenceModel,
  type IsotonicMap,
  type QuestionEvidence,
} from "~/engines/local/knowledge-ranker";
import { EXAMPLE_FEATURES, RERANK_FEATURES, shareLogit, type ExamplesModel, type RerankerModel } from "~/engines/local/knowledge-reranker";
import { WorkerSentenceEncoder, type SentenceEncoder } from "~/engines/local/sentence-encoder.server";
import { exportArticlesForEval } from "~/kb/import.server";
import { fitLogistic } from "./calibration-fit";
import { loadStackFaq, stackFaqAvailable } from "./data/stackfaq";
import { demoConditions, stackFaqConditions } from "./kb-examples";

const root = path.resolve(__dirname, "..");
const MODEL_FILE = path.join(root, "app/engines/local/kb-confidence-model.json");
const RERANKER_FILE = path.join(root, "app/engines/local/kb-reranker-model.json");
const EXAMPLES_FILE = path.join(root, "app/engines/local/kb-examples-model.json");
const RANK_RIDGE = 1e-3;
const CANDIDATES = 10;
const FOLDS = 5;
const RIDGES = [0.3, 1, 3, 10, 30];
const TARGET = { wrong: 0.08, unanswerable: 0.08 };

type Domain = "demo" | "stackfaq";
type Labelled = { evidence: QuestionEvidence; articleId: string | null; domain: Domain; fold: number };

/** Vectors by text, kept in the OS temp folder between runs of this script (the model is deterministic). */
class CachedEncoder implements SentenceEncoder {
  private readonly file = path.join(os.tmpdir(), "baton-kb-fit-vectors.json");
  private readonly cache = new Map<string, Float32Array>();
  private dirty = false;

  constructor(private readonly inner: WorkerSentenceEncoder) {
    if (fs.existsSync(this.file)) {
      for (const [text, base64] of Object.entries(JSON.parse(fs.readFileSync(this.file, "utf8")) as Record<string, string>)) {
        const bytes = Buffer.from(base64, "base64");
        this.cache.set(text, new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
      }
    }
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((text) => !this.cache.has(text)))];
    if (missing.length) {
      const vectors = await this.inner.embed(missing);
      missing.forEach((text, i) => this.cache.set(text, vectors[i]));
      this.dirty = true;
    }
    return texts.map((text) => this.cache.get(text)!);
  }

  save(): void {
    if (!this.dirty) return;
    const out: Record<string, string> = {};
    for (const [text, vector] of this.cache) out[text] = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64");
    fs.writeFileSync(this.file, JSON.stringify(out));
  }
}

/** A question's fold: its right article's (hashed), or for an unanswerable question its own. */
function foldOf(key: string): number {
  return crypto.createHash("sha1").update(key).digest()[0] % FOLDS;
}

async function collect(domain: Domain, articles: EvalArticle[], questions: EvalQuestion[], encoder: SentenceEncoder): Promise<Labelled[]> {
  const index = buildEvalIndex(articles, encoder);
  await index.whenEmbedded();
  const rows: Labelled[] = [];
  for (const { question, articleId } of questions) {
    const evidence = await gatherEvidence(index, question);
    if (!evidence) continue;
    if (!evidence.semantic) throw new Error("the sentence encoder is unavailable: nothing to fit");
    rows.push({ evidence, articleId, domain, fold: foldOf(`${domain}:${articleId ?? question}`) });
  }
  return rows;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** First-stage softmax ranking weights by gradient descent (Adam); no intercept: a softmax ignores a constant. */
function fitRanking(rows: Labelled[]): number[] {
  const answerable = rows.filter((row) => row.articleId !== null && row.evidence.articles.some((article) => article.id === row.articleId));
  const size = answerable[0].evidence.articles[0].rankFeatures.length;
  let weights = new Array<number>(size).fill(0);
  const m = new Array<number>(size).fill(0);
  const v = new Array<number>(size).fill(0);
  for (let step = 1; step <= 600; step++) {
    const gradient = weights.map((weight) => 2 * RANK_RIDGE * weight);
    for (const { evidence, articleId } of answerable) {
      const scores = evidence.articles.map((article) => article.rankFeatures.reduce((sum, x, i) => sum + x * weights[i], 0));
      const top = Math.max(...scores);
      const exp = scores.map((score) => Math.exp(score - top));
      const total = exp.reduce((a, b) => a + b, 0);
      evidence.articles.forEach((article, j) => {
        const p = exp[j] / total - (article.id === articleId ? 1 : 0);
        article.rankFeatures.forEach((x, i) => (gradient[i] += (p * x) / answerable.length));
      });
    }
    weights = weights.map((weight, i) => {
      m[i] = 0.9 * m[i] + 0.1 * gradient[i];
      v[i] = 0.999 * v[i] + 0.001 * gradient[i] ** 2;
      return weight - (0.05 * (m[i] / (1 - 0.9 ** step))) / (Math.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8);
    });
  }
  return weights.map(round);
}

/** One question's candidates for the second stage, with labels. */
type Group = { ids: string[]; features: number[][]; labels: number[]; articleId: string | null; domain: Domain; fold: number };

function groups(rows: Labelled[], rankWeights: number[]): Group[] {
  return rows.map(({ evidence, articleId, domain, fold }) => {
    const { ids, features } = firstStage(evidence, rankWeights, CANDIDATES);
    return { ids, features, labels: ids.map((id) => (id === articleId ? 1 : 0)), articleId, domain, fold };
  });
}

type Standardised = { mean: number[]; scale: number[] };

function standardisation(rows: number[][]): Standardised {
  const n = rows[0].length;
  const mean = new Array<number>(n).fill(0);
  const square = new Array<number>(n).fill(0);
  for (const row of rows) row.forEach((x, i) => ((mean[i] += x), (square[i] += x * x)));
  mean.forEach((_, i) => (mean[i] /= rows.length));
  const scale = square.map((sum, i) => Math.sqrt(Math.max(sum / rows.length - mean[i] ** 2, 0)) || 1);
  return { mean, scale };
}

type Linear = Standardised & { weights: number[]; intercept: number };

/**
 * 400 Adam steps (learning rate 0.05) from zero over n weights and a last, unpenalised bias;
 * `addGradient` adds the data's gradient at `beta` to `gradient`, which starts as the ridge term
 * (ridge × weight ÷ groups).
 */
function minimiseWithAdam(n: number, ridge: number, groups: number, addGradient: (beta: number[], gradient: number[]) => void): number[] {
  const beta = new Array<number>(n + 1).fill(0);
  const m = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  for (let step = 1; step <= 400; step++) {
    const gradient = beta.map((b, i) => (i < n ? (ridge * b) / groups : 0));
    addGradient(beta, gradient);
    for (let i = 0; i <= n; i++) {
      m[i] = 0.9 * m[i] + 0.1 * gradient[i];
      v[i] = 0.999 * v[i] + 0.001 * gradient[i] ** 2;
      beta[i] -= (0.05 * (m[i] / (1 - 0.9 ** step))) / (Math.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8);
    }
  }
  return beta;
}

/**
 * Listwise fit: for each question a softmax over its candidates AND a "no article" option whose
 * score is the intercept; the right candidate's log-probability (the "no article" option's for an
 * unanswerable question, or when the right article is not among the candidates) is maximised, with
 * an L2 penalty, by Adam. A candidate's probability is then exp(s) / (exp(intercept) + Σ exp(s_j)).
 */
function fitReranker(training: Group[], ridge: number): Linear {
  const standard = standardisation(training.flatMap((group) => group.features));
  const scaled = training.map((group) => group.features.map((x) => x.map((value, i) => (value - standard.mean[i]) / standard.scale[i])));
  const n = RERANK_FEATURES.length;
  const beta = minimiseWithAdam(n, ridge, training.length, (beta, gradient) => {
    training.forEach((group, g) => {
      const scores = scaled[g].map((x) => x.reduce((sum, value, i) => sum + value * beta[i], 0));
      const top = Math.max(beta[n], ...scores);
      const exp = scores.map((score) => Math.exp(score - top));
      const none = Math.exp(beta[n] - top);
      const total = none + exp.reduce((sum, value) => sum + value, 0);
      const right = group.labels.indexOf(1);
      scaled[g].forEach((x, j) => {
        const residual = exp[j] / total - (j === right ? 1 : 0);
        for (let i = 0; i < n; i++) gradient[i] += (residual * x[i]) / training.length;
      });
      gradient[n] += (none / total - (right < 0 ? 1 : 0)) / training.length;
    });
  });
  return { ...standard, weights: beta.slice(0, n), intercept: beta[n] };
}

const logitOf = (model: Linear, x: number[]) => x.reduce((sum, value, i) => sum + (model.weights[i] * (value - model.mean[i])) / model.scale[i], 0);

/** What the reranker makes of one question: its first article, that article's logit, and whether it is the right one. */
type Top = { id: string; logit: number; correct: number; answerable: boolean; domain: Domain; rightAt: number; taught?: boolean };

function topOf(model: Linear, group: Group): Top {
  const scores = group.features.map((x) => logitOf(model, x));
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const best = order[0];
  const right = group.labels.indexOf(1);
  return { id: group.ids[best], logit: shareLogit(scores, model.intercept, best), correct: group.labels[best], answerable: group.articleId !== null, domain: group.domain, rightAt: right < 0 ? -1 : order.indexOf(right) };
}

/** Every question scored by the model fitted on the other folds (its article never seen in training); `models[f]` scored fold f. */
function outOfFold(all: Group[], ridge: number): { tops: Top[]; models: Linear[] } {
  const tops: Top[] = new Array(all.length);
  const models: Linear[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = fitReranker(
      all.filter((group) => group.fold !== fold),
      ridge,
    );
    models.push(model);
    all.forEach((group, i) => {
      if (group.fold === fold) tops[i] = topOf(model, group);
    });
  }
  return { tops, models };
}

function fitPlatt(tops: Top[]): { a: number; b: number } {
  const [a, b] = fitLogistic(tops.map((top) => ({ x: [top.logit], correct: top.correct, weight: 1 })));
  return { a: round(a), b: round(b) };
}

const plattP = (platt: { a: number; b: number }, logit: number) => sigmoid(platt.a * logit + platt.b);

type Outcome = { recallAt1: number; recallAt3: number; right: number; wrong: number; refused: number; unanswerable: number; ece: number };

function outcomes(tops: Top[], confidence: (top: Top) => number, minScore: number): Outcome {
  const answerable = tops.filter((top) => top.answerable);
  const unanswerable = tops.filter((top) => !top.answerable);
  const answered = (top: Top) => confidence(top) >= minScore;
  const share = (list: Top[], test: (top: Top) => boolean) => round(list.filter(test).length / Math.max(1, list.length));
  return {
    recallAt1: share(answerable, (top) => top.rightAt === 0),
    recallAt3: share(answerable, (top) => top.rightAt >= 0 && top.rightAt < 3),
    right: share(answerable, (top) => answered(top) && top.correct === 1),
    wrong: share(answerable, (top) => answered(top) && top.correct === 0),
    refused: share(answerable, (top) => !answered(top)),
    unanswerable: share(unanswerable, answered),
    ece: round(reliability(tops.map((top) => ({ confidence: confidence(top), correct: top.correct }))).ece),
  };
}

const DOMAINS: Domain[] = ["demo", "stackfaq"];

/** The lowest threshold meeting the wrong-answer and unanswerable targets in both domains (else the one closest to them). */
function chooseMinScore(tops: Top[], confidence: (top: Top) => number): number {
  let best = { minScore: 0.5, excess: Number.POSITIVE_INFINITY, refused: Number.POSITIVE_INFINITY };
  for (let step = 10; step <= 95; step++) {
    const minScore = step / 100;
    let excess = 0;
    let refused = 0;
    for (const domain of DOMAINS) {
      const outcome = outcomes(
        tops.filter((top) => top.domain === domain),
        confidence,
        minScore,
      );
      excess += Math.max(0, outcome.wrong - TARGET.wrong) + Math.max(0, outcome.unanswerable - TARGET.unanswerable);
      refused += outcome.refused;
    }
    if (excess < best.excess - 1e-9 || (Math.abs(excess - best.excess) <= 1e-9 && refused < best.refused - 1e-9)) best = { minScore, excess, refused };
  }
  return best.minScore;
}

/** Isotonic regression (pool adjacent violators) of "right" on the words-only logistic's output, each pool shrunk toward 1/2. */
function fitIsotonic(points: Array<{ p: number; correct: number }>): IsotonicMap {
  const sorted = [...points].sort((a, b) => a.p - b.p);
  const pools: Array<{ sumP: number; correct: number; n: number }> = [];
  for (const { p, correct } of sorted) {
    pools.push({ sumP: p, correct, n: 1 });
    while (pools.length > 1) {
      const last = pools[pools.length - 1];
      const before = pools[pools.length - 2];
      if (before.correct / before.n < last.correct / last.n) break;
      pools.splice(pools.length - 2, 2, { sumP: before.sumP + last.sumP, correct: before.correct + last.correct, n: before.n + last.n });
    }
  }
  let floor = 0;
  const y = pools.map((pool) => (floor = Math.max(floor, round((pool.correct + 1) / (pool.n + 2)))));
  return { x: pools.map((pool) => round(pool.sumP / pool.n)), y };
}

/** The same questions as the server ranks them without sentence vectors: calibration of the words-only confidence. */
function fitLexical(rows: Labelled[]): ConfidenceModel["lexical"] {
  const tops = rows.flatMap(({ evidence, articleId }) => {
    const articles = evidence.articles.filter((article) => article.lexical !== null);
    if (!articles.length) return [];
    const [first] = lexicalRanking({ ...evidence, semantic: false, articles });
    return [{ features: first.confidenceFeatures, correct: first.id === articleId ? 1 : 0 }];
  });
  const confidence = fitLogistic(tops.map((top) => ({ x: top.features, correct: top.correct, weight: 1 }))).map(round);
  const model = { hybrid: { rank: [] }, lexical: { confidence, isotonic: { x: [0, 1], y: [0, 1] } } } as unknown as ConfidenceModel;
  const isotonic = fitIsotonic(tops.map((top) => ({ p: rawLexicalConfidence(top.features, model), correct: top.correct })));
  const ece = reliability(tops.map((top) => ({ confidence: applyIsotonic(isotonic, rawLexicalConfidence(top.features, model)), correct: top.correct }))).ece;
  console.error(`words-only confidence: tuning ECE ${round(ece)}`);
  return { confidence, isotonic };
}

// ---- Example questions: the reranker's example-aware term, the base model held fixed ----

/** A question's candidates on a knowledge base with example questions: each one's example-aware features, null when untaught. */
type TaughtGroup = Group & { taught: Array<number[] | null> };

function taughtGroups(rows: Labelled[], rankWeights: number[]): TaughtGroup[] {
  return rows.map(({ evidence, articleId, domain, fold }) => {
    const { ids, features, taught } = firstStage(evidence, rankWeights, CANDIDATES);
    return { ids, features, taught, labels: ids.map((id) => (id === articleId ? 1 : 0)), articleId, domain, fold };
  });
}

type ExampleTerm = Standardised & { weights: number[]; bias: number };

const termOf = (term: ExampleTerm, row: number[]) => row.reduce((sum, value, i) => sum + (term.weights[i] * (value - term.mean[i])) / term.scale[i], term.bias);

/** Every candidate's score: the base model's logit, plus the term for a taught one (knowledge-reranker.ts candidateScores). */
function taughtScores(base: Linear, term: ExampleTerm | null, group: TaughtGroup): number[] {
  return group.features.map((x, j) => {
    const row = group.taught[j];
    return term && row ? logitOf(base, x) + termOf(term, row) : logitOf(base, x);
  });
}

/**
 * The same listwise objective as fitReranker (softmax over the candidates and the "no article"
 * option), with the base model's scores and intercept as fixed offsets: only the term's weights
 * and bias move, so everything the base model learned without example questions stays.
 */
function fitExampleTerm(training: TaughtGroup[], base: Linear, ridge: number): ExampleTerm {
  const standard = standardisation(training.flatMap((group) => group.taught.filter((row): row is number[] => row !== null)));
  const n = EXAMPLE_FEATURES.length;
  const offsets = training.map((group) => group.features.map((x) => logitOf(base, x)));
  const scaled = training.map((group) => group.taught.map((row) => (row ? row.map((value, i) => (value - standard.mean[i]) / standard.scale[i]) : null)));
  const beta = minimiseWithAdam(n, ridge, training.length, (beta, gradient) => {
    training.forEach((group, g) => {
      const scores = offsets[g].map((offset, j) => {
        const z = scaled[g][j];
        return z ? offset + beta[n] + z.reduce((sum, value, i) => sum + value * beta[i], 0) : offset;
      });
      const top = Math.max(base.intercept, ...scores);
      const exp = scores.map((score) => Math.exp(score - top));
      const total = Math.exp(base.intercept - top) + exp.reduce((sum, value) => sum + value, 0);
      const right = group.labels.indexOf(1);
      scaled[g].forEach((z, j) => {
        if (!z) return;
        const residual = exp[j] / total - (j === right ? 1 : 0);
        for (let i = 0; i < n; i++) gradient[i] += (residual * z[i]) / training.length;
        gradient[n] += residual / training.length;
      });
    });
  });
  return { ...standard, weights: beta.slice(0, n), bias: beta[n] };
}

function taughtTop(base: Linear, term: ExampleTerm | null, group: TaughtGroup): Top {
  const scores = taughtScores(base, term, group);
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const best = order[0];
  const right = group.labels.indexOf(1);
  return {
    id: group.ids[best],
    logit: shareLogit(scores, base.intercept, best),
    correct: group.labels[best],
    answerable: group.articleId !== null,
    domain: group.domain,
    rightAt: right < 0 ? -1 : order.indexOf(right),
    taught: group.taught[best] !== null,
  };
}

/** Fold f scored by the base model that did not see fold f's articles plus a term fitted on the other folds (null ridge: no term, today's model). */
function outOfFoldTaught(all: TaughtGroup[], baseModels: Linear[], ridge: number | null): Top[] {
  const tops: Top[] = new Array(all.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const base = baseModels[fold];
    const term =
      ridge === null
        ? null
        : fitExampleTerm(
            all.filter((group) => group.fold !== fold),
            base,
            ridge,
          );
    all.forEach((group, i) => {
      if (group.fold === fold) tops[i] = taughtTop(base, term, group);
    });
  }
  return tops;
}

function perDomain(tops: Top[], confidence: (top: Top) => number, minScore: number): Record<Domain, Outcome> {
  return Object.fromEntries(DOMAINS.map((domain) => [domain, outcomes(tops.filter((top) => top.domain === domain), confidence, minScore)])) as Record<Domain, Outcome>;
}

/**
 * The example-aware term: its ridge by the out-of-fold log-loss of the first answers (each with a
 * Platt step refitted on those logits), compared with today's model on the same questions.
 */
function fitExamples(rows: Labelled[], rankWeights: number[], baseModels: Linear[], finalBase: Linear, basePlatt: { a: number; b: number }, minScore: number, about: string): { model: ExamplesModel; report: unknown } {
  const all = taughtGroups(rows, rankWeights);
  const before = outOfFoldTaught(all, baseModels, null);
  let chosen = { ridge: RIDGES[0], logLoss: Number.POSITIVE_INFINITY, tops: [] as Top[] };
  // As in the reranker: a taught first answer through the Platt step fitted here, an untaught one through the base model's.
  const calibrated = (platt: { a: number; b: number }) => (top: Top) => plattP(top.taught ? platt : basePlatt, top.logit);
  const fitTaughtPlatt = (tops: Top[]) => fitPlatt(tops.filter((top) => top.taught));
  for (const ridge of RIDGES) {
    const tops = outOfFoldTaught(all, baseModels, ridge);
    const confidence = calibrated(fitTaughtPlatt(tops));
    const { logLoss } = reliability(tops.map((top) => ({ confidence: confidence(top), correct: top.correct })));
    console.error(`examples, ridge ${ridge}: out-of-fold recall@1 ${outcomes(tops, () => 1, 0).recallAt1}, log-loss of the first answer ${round(logLoss)}`);
    if (logLoss < chosen.logLoss) chosen = { ridge, logLoss, tops };
  }
  const platt = fitTaughtPlatt(chosen.tops);
  const confidence = calibrated(platt);
  for (let t = 0.3; t < 0.91; t += 0.05) {
    const line = DOMAINS.map((domain) => {
      const o = outcomes(chosen.tops.filter((top) => top.domain === domain), confidence, t);
      return `${domain} right ${o.right} wrong ${o.wrong} refused ${o.refused} unans ${o.unanswerable}`;
    });
    console.error(`examples t=${t.toFixed(2)} ${line.join(" | ")}`);
  }
  for (const domain of DOMAINS) {
    const bins = reliability(chosen.tops.filter((top) => top.domain === domain).map((top) => ({ confidence: confidence(top), correct: top.correct }))).bins;
    console.error(`examples ${domain} reliability (out of fold): ${bins.filter((bin) => bin.share > 0).map((bin) => `${bin.from.toFixed(1)}: ${bin.confidence} → ${bin.accuracy} (${bin.share})`).join(", ")}`);
  }
  const term = fitExampleTerm(all, finalBase, chosen.ridge);
  const model: ExamplesModel = {
    about: `${about} Example term: the same questions asked of the knowledge bases with example questions (${rows.filter((row) => row.domain === "demo").length} demo-store, ${rows.filter((row) => row.domain === "stackfaq").length} StackFAQ questions): bench/data/kb-article-questions.json on the demo store, each StackFAQ thread's first two dev paraphrases (left out of its questions). The base reranker held fixed; ridge ${chosen.ridge} chosen by ${FOLDS}-fold cross-validation grouped by article; Platt step fitted on the out-of-fold logits of the first candidates.`,
    features: EXAMPLE_FEATURES,
    mean: term.mean.map(round),
    scale: term.scale.map(round),
    weights: term.weights.map(round),
    bias: round(term.bias),
    platt,
  };
  const report = {
    ridge: chosen.ridge,
    platt,
    untaughtFirstAnswers: chosen.tops.filter((top) => !top.taught).length,
    // The same rule as the default's, on the questions with example questions: for the record (one default serves both).
    minScoreByTheSameRule: chooseMinScore(chosen.tops, confidence),
    outOfFoldAtDefault: { before: perDomain(before, (top) => plattP(basePlatt, top.logit), minScore), after: perDomain(chosen.tops, confidence, minScore) },
    weights: Object.fromEntries(EXAMPLE_FEATURES.map((name, i) => [name, model.weights[i]])),
  };
  return { model, report };
}

async function main(): Promise<void> {
  if (!stackFaqAvailable()) throw new Error("StackFAQ is missing (set STACKFAQ_DIR)");
  const worker = new WorkerSentenceEncoder();
  const encoder = new CachedEncoder(worker);
  try {
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as EvalQuestion[];
    const demoQuestions = [...read("bench/data/kb-questions.json"), ...read("bench/data/kb-dev-unanswerable.json")];
    const demo = await collect("demo", exportArticlesForEval(path.join(root, "app/workspace/knowledge-base")), demoQuestions, encoder);
    const stackFaq = loadStackFaq("tune");
    const faq = await collect("stackfaq", stackFaq.articles, stackFaq.questions, encoder);
    const demoTaught = demoConditions();
    const faqTaught = stackFaqConditions();
    const taught = [...(await collect("demo", demoTaught.withExamples, demoTaught.questions, encoder)), ...(await collect("stackfaq", faqTaught.withExamples, faqTaught.questions, encoder))];
    encoder.save();
    const all = [...demo, ...faq];
    const rank = fitRanking(all);
    const candidates = groups(all, rank);
    for (const domain of DOMAINS) {
      const answerable = candidates.filter((group) => group.domain === domain && group.articleId !== null);
      console.error(`${domain}: first stage alone, recall@1 ${round(answerable.filter((group) => group.labels[0] === 1).length / answerable.length)} (in-sample)`);
    }

    // Ridge strength by grouped cross-validation: the out-of-fold log-loss of the first candidates.
    let chosen = { ridge: RIDGES[0], logLoss: Number.POSITIVE_INFINITY, tops: [] as Top[], models: [] as Linear[] };
    for (const ridge of RIDGES) {
      const { tops, models } = outOfFold(candidates, ridge);
      const platt = fitPlatt(tops);
      const { logLoss } = reliability(tops.map((top) => ({ confidence: plattP(platt, top.logit), correct: top.correct })));
      const r1 = outcomes(tops, () => 1, 0).recallAt1;
      console.error(`ridge ${ridge}: out-of-fold recall@1 ${r1}, log-loss of the first answer ${round(logLoss)}`);
      if (logLoss < chosen.logLoss) chosen = { ridge, logLoss, tops, models };
    }
    const platt = fitPlatt(chosen.tops);
    const confidence = (top: Top) => plattP(platt, top.logit);
    const minScore = chooseMinScore(chosen.tops, confidence);
    // The trade-off the default sits on, per domain (out-of-fold): for the record, on stderr.
    {
      for (let t = 0.3; t < 0.91; t += 0.05) {
        const line = DOMAINS.map((domain) => {
          const o = outcomes(chosen.tops.filter((top) => top.domain === domain), confidence, t);
          return `${domain} right ${o.right} wrong ${o.wrong} refused ${o.refused} unans ${o.unanswerable}`;
        });
        console.error(`t=${t.toFixed(2)} ${line.join(" | ")}`);
      }
    }
    const crossValidated = Object.fromEntries(
      DOMAINS.map((domain) => [
        domain,
        outcomes(
          chosen.tops.filter((top) => top.domain === domain),
          confidence,
          minScore,
        ),
      ]),
    );

    const final = fitReranker(candidates, chosen.ridge);
    const date = new Date().toISOString().slice(0, 10);
    const about = `Fitted by bench/fit-kb-confidence.ts on ${date} from ${demo.length} demo-store tuning questions and ${faq.length} StackFAQ tune-part questions (held out: bench/data/kb-test-questions.json, StackFAQ report part).`;
    const reranker: RerankerModel = {
      about: `${about} Ridge ${chosen.ridge} chosen by ${FOLDS}-fold cross-validation grouped by article; Platt step fitted on the out-of-fold logits of the first candidates.`,
      candidates: CANDIDATES,
      features: RERANK_FEATURES,
      mean: final.mean.map(round),
      scale: final.scale.map(round),
      weights: final.weights.map(round),
      intercept: round(final.intercept),
      platt,
    };
    const model: ConfidenceModel = { about, hybrid: { rank }, lexical: fitLexical(all), defaultMinScore: minScore };
    const examples = fitExamples(taught, rank, chosen.models, final, platt, minScore, about);
    fs.writeFileSync(RERANKER_FILE, `${JSON.stringify(reranker, null, 2)}\n`);
    fs.writeFileSync(EXAMPLES_FILE, `${JSON.stringify(examples.model, null, 2)}\n`);
    fs.writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
    // The words-only confidence at the chosen default, for the record.
    const lexicalAnswered = all.filter(({ evidence }) => {
      const articles = evidence.articles.filter((article) => article.lexical !== null);
      return articles.length > 0 && lexicalConfidence(lexicalRanking({ ...evidence, semantic: false, articles })[0].confidenceFeatures, model) >= minScore;
    }).length;
    const weights = Object.fromEntries(RERANK_FEATURES.map((name, i) => [name, reranker.weights[i]]));
    console.log(JSON.stringify({ ridge: chosen.ridge, platt, defaultMinScore: minScore, crossValidated, lexicalAnsweredShare: round(lexicalAnswered / all.length), weights, examples: examples.report }, null, 2));
  } finally {
    await worker.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
