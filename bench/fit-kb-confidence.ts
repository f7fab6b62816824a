/**
 * Fits the knowledge base's ranking weights and answer-confidence calibration
 * (app/engines/local/kb-confidence-model.json) on TUNING questions only:
 *   - the demo store: bench/data/kb-questions.json (answerable) + bench/data/kb-dev-unanswerable.json;
 *   - StackFAQ's `tune` part (bench/data/stackfaq.ts).
 * Held out from everything here: bench/data/kb-test-questions.json and StackFAQ's `report` part.
 * Ranking: a linear score over each article's evidence, fitted as a softmax over the articles
 * (the right article's log-probability, small ridge). Confidence: logistic regression of "the
 * first article is the right one" (never, for an unanswerable question) on the confidence
 * features, with and without sentence vectors, then an isotonic map of its output. The default minScore is the threshold that
 * minimises, over both domains, the cost of a wrong answer (2: worse than a handoff, as the spec
 * says) plus the cost of refusing a question the first article answers (1).
 * Run: npx tsx bench/fit-kb-confidence.ts   (a few minutes: it embeds both knowledge bases)
 */
import fs from "node:fs";
import path from "node:path";
import { buildEvalIndex, type EvalArticle, type EvalQuestion } from "~/engines/eval/kb-eval";
import { reliability } from "~/engines/eval/reliability";
import {
  calibratedConfidence,
  gatherEvidence,
  rawConfidence,
  scoreArticles,
  type ConfidenceModel,
  type IsotonicMap,
  type QuestionEvidence,
} from "~/engines/local/knowledge-ranker";
import { WorkerSentenceEncoder } from "~/engines/local/sentence-encoder.server";
import { exportArticlesForEval } from "~/kb/import.server";
import { fitLogistic } from "./calibration-fit";
import { loadStackFaq, stackFaqAvailable } from "./data/stackfaq";

const root = path.resolve(__dirname, "..");
const MODEL_FILE = path.join(root, "app/engines/local/kb-confidence-model.json");
const WRONG_ANSWER_COST = 2;
const RIDGE = 1e-3;

type Labelled = { evidence: QuestionEvidence; articleId: string | null };

async function collect(articles: EvalArticle[], questions: EvalQuestion[], encoder: WorkerSentenceEncoder): Promise<Labelled[]> {
  const index = buildEvalIndex(articles, encoder);
  await index.whenEmbedded();
  const rows: Labelled[] = [];
  for (const { question, articleId } of questions) {
    const evidence = await gatherEvidence(index, question);
    if (!evidence) continue;
    if (!evidence.semantic) throw new Error("the sentence encoder is unavailable: nothing to fit");
    rows.push({ evidence, articleId });
  }
  return rows;
}

/** The same question as the server sees it when it has no sentence vectors. */
function lexicalOnly({ evidence, articleId }: Labelled): Labelled | null {
  const articles = evidence.articles.filter((article) => article.lexical !== null);
  return articles.length ? { evidence: { semantic: false, unknownShare: evidence.unknownShare, articles }, articleId } : null;
}

/** Softmax ranking weights by gradient descent (Adam); no intercept: a softmax ignores a constant. */
function fitRanking(rows: Labelled[]): number[] {
  const answerable = rows.filter((row) => row.articleId !== null && row.evidence.articles.some((article) => article.id === row.articleId));
  const size = answerable[0].evidence.articles[0].rankFeatures.length;
  let weights = new Array<number>(size).fill(0);
  const m = new Array<number>(size).fill(0);
  const v = new Array<number>(size).fill(0);
  for (let step = 1; step <= 600; step++) {
    const gradient = weights.map((weight) => 2 * RIDGE * weight);
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

type Top = { features: number[]; correct: number; answerable: boolean };

function tops(rows: Labelled[], rankWeights: number[]): Top[] {
  return rows.map(({ evidence, articleId }) => {
    const [first] = scoreArticles(evidence, rankWeights);
    return { features: first.confidenceFeatures, correct: first.id === articleId ? 1 : 0, answerable: articleId !== null };
  });
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Isotonic regression (pool adjacent violators) of "right" on the logistic's output; each pool
 * becomes a point (its mean output, its rate of right answers with one right and one wrong added,
 * so a pool of 30 right answers reads 97%, not 100%).
 */
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
  // The added right and wrong answer weigh more in small pools: keep the map non-decreasing after it.
  let floor = 0;
  const y = pools.map((pool) => (floor = Math.max(floor, round((pool.correct + 1) / (pool.n + 2)))));
  return { x: pools.map((pool) => round(pool.sumP / pool.n)), y };
}

function chooseMinScore(domains: Array<{ semantic: boolean; tops: Top[] }>, model: ConfidenceModel): number {
  let best = { minScore: 0.5, cost: Number.POSITIVE_INFINITY };
  for (let minScore = 0.05; minScore < 0.96; minScore += 0.05) {
    const cost =
      domains.reduce((sum, domain) => {
        let total = 0;
        for (const top of domain.tops) {
          const answered = calibratedConfidence(domain.semantic, top.features, model) >= minScore;
          if (answered && !top.correct) total += WRONG_ANSWER_COST;
          if (!answered && top.correct) total += 1;
        }
        return sum + total / domain.tops.length;
      }, 0) / domains.length;
    if (cost < best.cost - 1e-9) best = { minScore: round(minScore), cost };
  }
  return best.minScore;
}

async function main(): Promise<void> {
  if (!stackFaqAvailable()) throw new Error("StackFAQ is missing (set STACKFAQ_DIR)");
  const encoder = new WorkerSentenceEncoder();
  try {
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as EvalQuestion[];
    const demoQuestions = [...read("bench/data/kb-questions.json"), ...read("bench/data/kb-dev-unanswerable.json")];
    const demo = await collect(exportArticlesForEval(path.join(root, "app/workspace/knowledge-base")), demoQuestions, encoder);
    const stackFaq = loadStackFaq("tune");
    const faq = await collect(stackFaq.articles, stackFaq.questions, encoder);
    const all = [...demo, ...faq];
    const rank = fitRanking(all);
    const hybridTops = tops(all, rank);
    const lexicalRows = all.map(lexicalOnly).filter((row): row is Labelled => row !== null);
    const lexicalTops = tops(lexicalRows, rank);
    const confidence = (data: Top[]) => fitLogistic(data.map((top) => ({ x: top.features, correct: top.correct, weight: 1 }))).map(round);
    const identity: IsotonicMap = { x: [0, 1], y: [0, 1] };
    const model: ConfidenceModel = {
      about: `Fitted by bench/fit-kb-confidence.ts on ${new Date().toISOString().slice(0, 10)} from ${demo.length} demo-store tuning questions and ${faq.length} StackFAQ tune-part questions (held out: bench/data/kb-test-questions.json, StackFAQ report part).`,
      hybrid: { rank, confidence: confidence(hybridTops), isotonic: identity },
      lexical: { confidence: confidence(lexicalTops), isotonic: identity },
      defaultMinScore: 0,
    };
    const isotonic = (semantic: boolean, data: Top[]) => fitIsotonic(data.map((top) => ({ p: rawConfidence(semantic, top.features, model), correct: top.correct })));
    model.hybrid.isotonic = isotonic(true, hybridTops);
    model.lexical.isotonic = isotonic(false, lexicalTops);
    const perDomain = (rows: Labelled[]) => tops(rows, rank);
    model.defaultMinScore = chooseMinScore(
      [
        { semantic: true, tops: perDomain(demo) },
        { semantic: true, tops: perDomain(faq) },
      ],
      model,
    );
    fs.writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
    const ece = (semantic: boolean, data: Top[]) => round(reliability(data.map((top) => ({ confidence: calibratedConfidence(semantic, top.features, model), correct: top.correct }))).ece);
    console.log(JSON.stringify({ ...model, tuningEce: { hybrid: ece(true, hybridTops), lexical: ece(false, lexicalTops) } }, null, 2));
  } finally {
    await encoder.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
