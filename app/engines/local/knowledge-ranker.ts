/**
 * Ranks articles for a question and says how likely the first one is the right answer.
 *
 * Evidence per article: lexical (MiniSearch BM25 relative to the best match, the IDF-weighted
 * coverage of the question's words, the lexical rank) and semantic (the best cosine between the
 * question and one of the article's passages, its gap to the best article's, the cosine with the
 * title alone). A linear score over that evidence ranks the articles; a softmax over the scores
 * and the gap to the runner-up say how clearly the first one wins. The answer confidence is a
 * logistic calibration of (softmax share, gap, semantic similarity, word coverage, share of the
 * question's words no article contains), fitted on labelled questions including unanswerable
 * ones (bench/fit-kb-confidence.ts writes kb-confidence-model.json): of answers given at 0.8,
 * about 80% are from the right article. A near-tie lowers it, and so do key words no article
 * covers. The logistic's output then goes through an isotonic map (observed accuracy by output,
 * pooled until monotone, each pool's rate shrunk toward 1/2 so no pool reads as certain), which
 * fixes what a linear logistic cannot shape. Without sentence vectors (encoder down, article
 * still being embedded) the ranking is BM25 and a separate calibration over lexical evidence
 * alone gives the confidence.
 */
import { z } from "zod";
import modelJson from "./kb-confidence-model.json";
import { contentTokens, type KnowledgeIndex, type LexicalMatch } from "./knowledge-index";
import type { RetrievedArticle } from "../types";

const WeightsSchema = z.array(z.number());
/** A monotone map from the logistic's output to the observed accuracy (isotonic regression): points to interpolate between. */
const IsotonicSchema = z.object({ x: z.array(z.number().min(0).max(1)), y: z.array(z.number().min(0).max(1)) }).refine((map) => map.x.length === map.y.length && map.x.length > 0);
export type IsotonicMap = z.infer<typeof IsotonicSchema>;
export const ConfidenceModelSchema = z.object({
  about: z.string(),
  hybrid: z.object({ rank: WeightsSchema.length(6), confidence: WeightsSchema.length(6), isotonic: IsotonicSchema }),
  lexical: z.object({ confidence: WeightsSchema.length(4), isotonic: IsotonicSchema }),
  defaultMinScore: z.number().min(0).max(1),
});
export type ConfidenceModel = z.infer<typeof ConfidenceModelSchema>;

export const CONFIDENCE_MODEL: ConfidenceModel = ConfidenceModelSchema.parse(modelJson);

/** What one article has for the question; the order of `rankFeatures` matches the model's `hybrid.rank`. */
export type ArticleEvidence = { id: string; lexical: LexicalMatch | null; rankFeatures: number[] };
export type QuestionEvidence = { semantic: boolean; unknownShare: number; articles: ArticleEvidence[] };

/** Everything the ranking and the confidence are computed from (the fit script reuses it). */
export async function gatherEvidence(index: KnowledgeIndex, query: string, tags?: string[]): Promise<QuestionEvidence | null> {
  // Nothing but filler ("hi", "where is it?"): no article can be meant.
  if (contentTokens(query).length === 0) return null;
  const ids = index.ids(tags);
  if (ids.length === 0) return null;
  const lexical = index.query(query, { tags, limit: Number.POSITIVE_INFINITY });
  const unknownShare = index.unknownTermShare(query);
  const byId = new Map(lexical.map((match) => [match.id, match]));
  const similarities = await index.similarities(query, ids);
  if (!similarities) {
    if (lexical.length === 0) return null;
    return { semantic: false, unknownShare, articles: lexical.map((match) => ({ id: match.id, lexical: match, rankFeatures: [] })) };
  }
  const topBm25 = Math.max(1e-9, ...lexical.map((match) => match.bm25));
  let topSemantic = -1;
  for (const { best } of similarities.values()) topSemantic = Math.max(topSemantic, best);
  const lexicalRank = new Map(lexical.map((match, rank) => [match.id, rank]));
  const articles = ids.map((id) => {
    const similarity = similarities.get(id)!;
    const match = byId.get(id) ?? null;
    const rank = lexicalRank.get(id);
    return {
      id,
      lexical: match,
      rankFeatures: [similarity.best, similarity.best - topSemantic, similarity.title, (match?.bm25 ?? 0) / topBm25, match?.score ?? 0, rank === undefined ? 0 : 1 / (1 + rank)],
    };
  });
  return { semantic: true, unknownShare, articles };
}

const dot = (weights: number[], features: number[]) => features.reduce((sum, value, i) => sum + value * weights[i], weights[features.length] ?? 0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export type ScoredArticle = { id: string; lexical: LexicalMatch | null; confidenceFeatures: number[] };

/**
 * Articles best first, each with the features its confidence is computed from: with sentence
 * vectors (softmax share, gap to the best other article, semantic similarity, coverage, unknown
 * words), without them (BM25 order; coverage, its gap to the best other article, unknown words).
 */
export function scoreArticles(evidence: QuestionEvidence, rankWeights: number[]): ScoredArticle[] {
  if (!evidence.semantic) {
    // Coverage, not BM25, for the gap: one weak fuzzy match alone must not look like a clear winner.
    const coverage = evidence.articles.map((article) => article.lexical?.score ?? 0);
    return evidence.articles
      .map((article, i) => ({ id: article.id, lexical: article.lexical, confidenceFeatures: [coverage[i], coverage[i] - bestOther(coverage, i), evidence.unknownShare], order: article.lexical?.bm25 ?? 0 }))
      .sort((a, b) => b.order - a.order)
      .map(({ order: _order, ...article }) => article);
  }
  const scores = evidence.articles.map((article) => dot(rankWeights, article.rankFeatures));
  const top = Math.max(...scores);
  const exp = scores.map((score) => Math.exp(score - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return evidence.articles
    .map((article, i) => ({
      id: article.id,
      lexical: article.lexical,
      confidenceFeatures: [exp[i] / sum, scores[i] - bestOther(scores, i), article.rankFeatures[0], article.lexical?.score ?? 0, evidence.unknownShare],
      order: scores[i],
    }))
    .sort((a, b) => b.order - a.order)
    .map(({ order: _order, ...article }) => article);
}

function bestOther(values: number[], index: number): number {
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (i !== index && values[i] > best) best = values[i];
  return Number.isFinite(best) ? best : 0;
}

/** The logistic's output before the isotonic step (what the fit script calibrates). */
export function rawConfidence(semantic: boolean, features: number[], model: ConfidenceModel = CONFIDENCE_MODEL): number {
  return sigmoid(dot(semantic ? model.hybrid.confidence : model.lexical.confidence, features));
}

/** Piecewise-linear between the map's points, flat beyond its ends. */
export function applyIsotonic(map: IsotonicMap, p: number): number {
  const { x, y } = map;
  if (p <= x[0]) return y[0];
  for (let i = 1; i < x.length; i++) {
    if (p <= x[i]) return x[i] === x[i - 1] ? y[i] : y[i - 1] + ((y[i] - y[i - 1]) * (p - x[i - 1])) / (x[i] - x[i - 1]);
  }
  return y[y.length - 1];
}

export function calibratedConfidence(semantic: boolean, features: number[], model: ConfidenceModel = CONFIDENCE_MODEL): number {
  return applyIsotonic(semantic ? model.hybrid.isotonic : model.lexical.isotonic, rawConfidence(semantic, features, model));
}

/** The articles best first, `score` = the calibrated probability that this article answers the question. */
export async function rankArticles(index: KnowledgeIndex, query: string, options: { tags?: string[]; limit?: number } = {}): Promise<RetrievedArticle[]> {
  const evidence = await gatherEvidence(index, query, options.tags);
  if (!evidence) return [];
  return scoreArticles(evidence, CONFIDENCE_MODEL.hybrid.rank)
    .slice(0, options.limit ?? 5)
    .map(({ id, confidenceFeatures }) => {
      const article = index.get(id)!;
      return { id, slug: article.slug, title: article.title, tags: article.tags, score: calibratedConfidence(evidence.semantic, confidenceFeatures) };
    });
}
