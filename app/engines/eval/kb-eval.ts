/**
 * `npm run -s kb -- eval --articles F --questions F`: retrieval quality of Baton's knowledge
 * index against a plain BM25 baseline (MiniSearch defaults: title + body, no stemming, no field
 * boosts, no fuzzy or prefix matching) on the same articles and questions. Prints one JSON line.
 * articles: [{ id, title, body, tags? }]; questions: [{ question, articleId }].
 * With `--answers FILE` (labels as in bench/data/kb-answers.json) the line also has `answers`:
 * how often the extractive answer contains the labelled answer (kb-answer-eval.ts).
 */
import { parseArgs } from "node:util";
import MiniSearch from "minisearch";
import { z } from "zod";
import { percentile } from "./intent-eval";
import { readJsonFile } from "./json-file";
import { AnswerLabelsSchema, evaluateAnswers } from "./kb-answer-eval";
import { KnowledgeIndex } from "../local/knowledge-index";
import { stripMarkdown } from "../local/markdown";

const ArticlesSchema = z.array(z.object({ id: z.string(), title: z.string(), body: z.string(), tags: z.array(z.string()).optional(), slug: z.string().optional() }));
const QuestionsSchema = z.array(z.object({ question: z.string(), articleId: z.string() }));
export type EvalArticle = z.infer<typeof ArticlesSchema>[number];
export type EvalQuestion = z.infer<typeof QuestionsSchema>[number];

export type RetrievalMetrics = { recallAt1: number; recallAt3: number; mrr: number; p99Ms: number };
type Ranker = (question: string) => string[];

const RANK_DEPTH = 10;
const USAGE = "usage: npm run -s kb -- eval --articles FILE --questions FILE [--answers FILE]";

export function measureRetrieval(rank: Ranker, questions: EvalQuestion[]): RetrievalMetrics {
  let atOne = 0;
  let atThree = 0;
  let reciprocal = 0;
  const timings: number[] = [];
  for (const { question, articleId } of questions) {
    const started = performance.now();
    const ids = rank(question).slice(0, RANK_DEPTH);
    timings.push(performance.now() - started);
    const position = ids.indexOf(articleId);
    if (position === 0) atOne += 1;
    if (position >= 0 && position < 3) atThree += 1;
    if (position >= 0) reciprocal += 1 / (position + 1);
  }
  timings.sort((a, b) => a - b);
  const count = Math.max(1, questions.length);
  return { recallAt1: atOne / count, recallAt3: atThree / count, mrr: reciprocal / count, p99Ms: percentile(timings, 0.99) };
}

function buildIndex(articles: EvalArticle[]): KnowledgeIndex {
  const index = new KnowledgeIndex();
  for (const article of articles) index.upsert({ ...article, slug: article.slug ?? article.id, tags: article.tags ?? [] });
  return index;
}

export function batonRanker(articles: EvalArticle[]): Ranker {
  const index = buildIndex(articles);
  return (question) => index.query(question, { limit: RANK_DEPTH }).map((article) => article.id);
}

export function plainBm25Ranker(articles: EvalArticle[]): Ranker {
  const search = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ["title", "body"] });
  search.addAll(articles.map((article) => ({ id: article.id, title: article.title, body: stripMarkdown(article.body) })));
  return (question) => search.search(question).map((result) => String(result.id));
}

export function evaluateKnowledgeRetrieval(articles: EvalArticle[], questions: EvalQuestion[]) {
  const round = (metrics: RetrievalMetrics) =>
    Object.fromEntries(Object.entries(metrics).map(([key, value]) => [key, Math.round(value * 10_000) / 10_000])) as RetrievalMetrics;
  const baton = measureRetrieval(batonRanker(articles), questions);
  const baseline = measureRetrieval(plainBm25Ranker(articles), questions);
  return { ...round(baton), questions: questions.length, articles: articles.length, baseline: { name: "plain BM25 (MiniSearch defaults)", ...round(baseline) } };
}

export async function runKbEvalCli(argv: string[]): Promise<number> {
  let values: { articles?: string; questions?: string; answers?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { articles: { type: "string" }, questions: { type: "string" }, answers: { type: "string" } }, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (!values.articles || !values.questions) {
    console.error(USAGE);
    return 1;
  }
  try {
    const articles = readJsonFile(values.articles, ArticlesSchema);
    const questions = readJsonFile(values.questions, QuestionsSchema);
    const labels = values.answers ? readJsonFile(values.answers, AnswerLabelsSchema).items : [];
    const unknown = [...questions, ...labels].find((q) => !articles.some((article) => article.id === q.articleId));
    if (unknown) throw new Error(`question ${JSON.stringify(unknown.question)} points to unknown article ${unknown.articleId}`);
    const retrieval = evaluateKnowledgeRetrieval(articles, questions);
    console.log(JSON.stringify(values.answers ? { ...retrieval, answers: evaluateAnswers(buildIndex(articles), labels) } : retrieval));
    return 0;
  } catch (error) {
    console.error(`kb eval failed: ${(error as Error).message}`);
    return 1;
  }
}
