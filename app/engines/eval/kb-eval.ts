/**
 * `npm run -s kb -- eval --articles FILE --questions FILE`: Baton's knowledge base on labelled
 * questions, as a customer meets it. Retrieval quality (recall@1/@3 and MRR over the answerable
 * questions, against a plain BM25 baseline: MiniSearch defaults, title + body, no stemming, no
 * field boosts, no fuzzy or prefix matching), and what the kb node does at its DEFAULT minScore:
 * answeredRight / answeredWrong / refused (fractions of the answerable questions),
 * answeredUnanswerable (fraction of the questions with `"articleId": null`), with the expected
 * calibration error of the answer confidence over all questions (an unanswerable question's
 * answer is never right); what the kb node offers instead of notFound (knowledge-suggestions.ts):
 * suggestedRight (fraction of the answerable questions refused with the right article among the
 * suggestions) and suggestedUnanswerable (fraction of the unanswerable questions not answered but
 * given suggestions). Timings are per question, wall clock and CPU (CPU includes the sentence
 * encoder's worker thread). Prints one JSON line.
 * articles: [{ id, title, body, tags?, questions? }] (`questions`: the article's example questions,
 * "Customers also ask"); questions: [{ question, articleId | null }].
 * `--lexical` ranks without sentence vectors (what Baton does when the encoder is unavailable).
 * With `--answers FILE` (labels as in bench/data/kb-answers.json) the line also has `answers`:
 * how often the extractive answer contains the labelled answer (kb-answer-eval.ts).
 */
import { parseArgs } from "node:util";
import MiniSearch from "minisearch";
import { z } from "zod";
import { percentile } from "./intent-eval";
import { readJsonFile } from "./json-file";
import { AnswerLabelsSchema, evaluateAnswers } from "./kb-answer-eval";
import { reliability } from "./reliability";
import { KnowledgeIndex } from "../local/knowledge-index";
import { CONFIDENCE_MODEL, rankArticles } from "../local/knowledge-ranker";
import { chooseSuggestions, LEXICAL_SUGGESTION_FLOOR, SUGGESTION_FLOOR } from "../local/knowledge-suggestions";
import { stripMarkdown } from "../local/markdown";
import { WorkerSentenceEncoder, type SentenceEncoder } from "../local/sentence-encoder.server";

const ArticlesSchema = z.array(
  z.object({ id: z.string(), title: z.string(), body: z.string(), tags: z.array(z.string()).optional(), questions: z.array(z.string()).optional(), slug: z.string().optional() }),
);
const QuestionsSchema = z.array(z.object({ question: z.string(), articleId: z.string().nullable() }));
export type EvalArticle = z.infer<typeof ArticlesSchema>[number];
export type EvalQuestion = z.infer<typeof QuestionsSchema>[number];

export type RetrievalMetrics = { recallAt1: number; recallAt3: number; mrr: number; p99Ms: number };
export type AbstentionMetrics = {
  minScore: number;
  answeredRight: number;
  answeredWrong: number;
  refused: number;
  answeredUnanswerable: number;
  ece: number;
};
/** Articles best first; `scores` are their confidences (empty for a ranker that has none). */
type Ranked = { ids: string[]; confidence: number; scores: number[] };
type Ranker = (question: string) => Promise<Ranked>;
type Timings = { wall: number[]; cpu: number[] };

const RANK_DEPTH = 10;
const USAGE = "usage: npm run -s kb -- eval --articles FILE --questions FILE [--answers FILE] [--lexical]";
const round = (value: number) => Math.round(value * 10_000) / 10_000;

async function rankAll(rank: Ranker, questions: EvalQuestion[]): Promise<{ ranked: Ranked[]; timings: Timings }> {
  const timings: Timings = { wall: [], cpu: [] };
  const ranked: Ranked[] = [];
  for (const { question } of questions) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    ranked.push(await rank(question));
    timings.wall.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    timings.cpu.push((used.user + used.system) / 1000);
  }
  return { ranked, timings };
}

export function measureRetrieval(ranked: Ranked[], questions: EvalQuestion[], timings: Timings): RetrievalMetrics {
  let atOne = 0;
  let atThree = 0;
  let reciprocal = 0;
  let answerable = 0;
  questions.forEach(({ articleId }, i) => {
    if (articleId === null) return;
    answerable += 1;
    const position = ranked[i].ids.slice(0, RANK_DEPTH).indexOf(articleId);
    if (position === 0) atOne += 1;
    if (position >= 0 && position < 3) atThree += 1;
    if (position >= 0) reciprocal += 1 / (position + 1);
  });
  const count = Math.max(1, answerable);
  return { recallAt1: atOne / count, recallAt3: atThree / count, mrr: reciprocal / count, p99Ms: percentile([...timings.wall].sort((a, b) => a - b), 0.99) };
}

/** What the kb node does with each question at `minScore`: answer from the first article, or take notFound. */
export function measureAbstention(ranked: Ranked[], questions: EvalQuestion[], minScore: number): AbstentionMetrics {
  let right = 0;
  let wrong = 0;
  let refused = 0;
  let unanswerableAnswered = 0;
  let unanswerable = 0;
  const outcomes = questions.map(({ articleId }, i) => {
    const { ids, confidence } = ranked[i];
    const correct = articleId !== null && ids[0] === articleId;
    const answered = ids.length > 0 && confidence >= minScore;
    if (articleId === null) {
      unanswerable += 1;
      if (answered) unanswerableAnswered += 1;
    } else if (!answered) refused += 1;
    else if (correct) right += 1;
    else wrong += 1;
    return { confidence, correct: correct ? 1 : 0 };
  });
  const answerable = Math.max(1, questions.length - unanswerable);
  return {
    minScore,
    answeredRight: round(right / answerable),
    answeredWrong: round(wrong / answerable),
    refused: round(refused / answerable),
    answeredUnanswerable: unanswerable ? round(unanswerableAnswered / unanswerable) : 0,
    ece: round(reliability(outcomes).ece),
  };
}

export type SuggestionMetrics = { suggestedRight: number; suggestedUnanswerable: number };

/** What the kb node offers below `minScore`: how often the right article is among its suggestions, and how often an unanswerable question gets any. */
export function measureSuggestions(ranked: Ranked[], questions: EvalQuestion[], minScore: number, floor: number): SuggestionMetrics {
  let right = 0;
  let answerable = 0;
  let suggestedUnanswerable = 0;
  let unanswerable = 0;
  questions.forEach(({ articleId }, i) => {
    const { ids, confidence, scores } = ranked[i];
    const refused = ids.length === 0 || confidence < minScore;
    const offered = refused ? chooseSuggestions(ids.map((id, at) => ({ id, score: scores[at] ?? 0 })), minScore, floor).map((article) => article.id) : [];
    if (articleId === null) {
      unanswerable += 1;
      if (offered.length > 0) suggestedUnanswerable += 1;
    } else {
      answerable += 1;
      if (offered.includes(articleId)) right += 1;
    }
  });
  return { suggestedRight: round(right / Math.max(1, answerable)), suggestedUnanswerable: unanswerable ? round(suggestedUnanswerable / unanswerable) : 0 };
}

export function buildEvalIndex(articles: EvalArticle[], encoder?: SentenceEncoder): KnowledgeIndex {
  const index = new KnowledgeIndex({ encoder });
  for (const article of articles) index.upsert({ ...article, slug: article.slug ?? article.id, tags: article.tags ?? [] });
  return index;
}

export function batonRanker(index: KnowledgeIndex): Ranker {
  return async (question) => {
    const ranked = await rankArticles(index, question, { limit: RANK_DEPTH });
    return { ids: ranked.map((article) => article.id), confidence: ranked[0]?.score ?? 0, scores: ranked.map((article) => article.score) };
  };
}

export function plainBm25Ranker(articles: EvalArticle[]): Ranker {
  const search = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ["title", "body"] });
  search.addAll(articles.map((article) => ({ id: article.id, title: article.title, body: stripMarkdown(article.body) })));
  return async (question) => ({ ids: search.search(question).map((result) => String(result.id)), confidence: 0, scores: [] });
}

const roundAll = <T extends Record<string, number>>(metrics: T) => Object.fromEntries(Object.entries(metrics).map(([key, value]) => [key, round(value)])) as T;

/**
 * The whole evaluation. With an encoder the index embeds every article first (as the server does
 * in the background), so each question is ranked with sentence vectors.
 */
export async function evaluateKnowledgeBase(articles: EvalArticle[], questions: EvalQuestion[], options: { encoder?: SentenceEncoder; minScore?: number } = {}) {
  const index = buildEvalIndex(articles, options.encoder);
  await index.whenEmbedded();
  // The encoder may have failed: then Baton ranks on words alone, and the line says so.
  const semantic = (await index.similarities("which article", index.ids())) !== null;
  const baton = await rankAll(batonRanker(index), questions);
  const baseline = await rankAll(plainBm25Ranker(articles), questions);
  const cpu = [...baton.timings.cpu].sort((a, b) => a - b);
  const wall = [...baton.timings.wall].sort((a, b) => a - b);
  const minScore = options.minScore ?? CONFIDENCE_MODEL.defaultMinScore;
  return {
    ...roundAll(measureRetrieval(baton.ranked, questions, baton.timings)),
    ...measureAbstention(baton.ranked, questions, minScore),
    ...measureSuggestions(baton.ranked, questions, minScore, semantic ? SUGGESTION_FLOOR : LEXICAL_SUGGESTION_FLOOR),
    semantic,
    questions: questions.length,
    unanswerable: questions.filter((question) => question.articleId === null).length,
    articles: articles.length,
    exampleQuestions: articles.reduce((sum, article) => sum + (article.questions?.length ?? 0), 0),
    perQuestion: roundAll({ p50Ms: percentile(wall, 0.5), p99Ms: percentile(wall, 0.99), p50CpuMs: percentile(cpu, 0.5), p99CpuMs: percentile(cpu, 0.99) }),
    baseline: { name: "plain BM25 (MiniSearch defaults)", ...roundAll(measureRetrieval(baseline.ranked, questions, baseline.timings)) },
  };
}

export async function runKbEvalCli(argv: string[]): Promise<number> {
  let values: { articles?: string; questions?: string; answers?: string; lexical?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { articles: { type: "string" }, questions: { type: "string" }, answers: { type: "string" }, lexical: { type: "boolean" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (!values.articles || !values.questions) {
    console.error(USAGE);
    return 1;
  }
  let encoder: WorkerSentenceEncoder | null = null;
  try {
    const articles = readJsonFile(values.articles, ArticlesSchema);
    const questions = readJsonFile(values.questions, QuestionsSchema);
    const labels = values.answers ? readJsonFile(values.answers, AnswerLabelsSchema).items : [];
    const unknown = [...questions, ...labels].find((q) => q.articleId !== null && !articles.some((article) => article.id === q.articleId));
    if (unknown) throw new Error(`question ${JSON.stringify(unknown.question)} points to unknown article ${unknown.articleId}`);
    encoder = values.lexical ? null : new WorkerSentenceEncoder();
    const result = await evaluateKnowledgeBase(articles, questions, { encoder: encoder ?? undefined });
    console.log(JSON.stringify(values.answers ? { ...result, answers: evaluateAnswers(buildEvalIndex(articles), labels) } : result));
    return 0;
  } catch (error) {
    console.error(`kb eval failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await encoder?.close();
  }
}
