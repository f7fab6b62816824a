/**
 * Ranks articles for a question and says how likely the first one is the right answer.
 *
 * Two stages. The first is a linear score over each article's evidence — lexical (MiniSearch BM25
 * relative to the best match, the IDF-weighted coverage of the question's words, the lexical
 * rank) and semantic (the best cosine between the question and one of the article's passages, its
 * gap to the best article's, the cosine with the title alone) — fitted as a softmax over the
 * articles (kb-confidence-model.json `hybrid.rank`). Its top candidates go to the second stage
 * (knowledge-reranker.ts): a logistic model over richer evidence and each signal's gap to the best
 * other article, whose calibrated probability orders the candidates and IS the answer confidence:
 * of answers given at 0.8, about 80% are from the right article. Both are fitted on labelled
 * questions of two domains, unanswerable ones included (bench/fit-kb-confidence.ts).
 *
 * Without sentence vectors (encoder down, article still being embedded) a logistic over lexical
 * evidence alone (exact coverage, its gap to the runner-up, how many terms match, the BM25 margin,
 * unknown words: LEXICAL_FEATURES), followed by an isotonic map, gives each article's confidence,
 * and the articles are ranked by it.
 */
import { z } from "zod";
import modelJson from "./kb-confidence-model.json";
import { answerTypeOf } from "./knowledge-answer-type";
import { contentTokens, type KnowledgeIndex, type LexicalMatch } from "./knowledge-index";
import { candidateFeatures, exampleFeatures, RERANKER_MODEL, rerankProbabilities, type ArticleSignals, type QuestionContext, type RerankerModel } from "./knowledge-reranker";
import { TAUGHT_CONFIDENCE, taughtAnswers } from "./taught-question";
import type { RetrievedArticle } from "../types";

/**
 * The words-only confidence's features, in the order of kb-confidence-model.json `lexical.confidence`:
 * - exact: the IDF-weighted share of the question's terms the article has exactly (a fuzzy match
 *   of a word no article has — "train" ~ "trainers" — is no evidence that this article is meant);
 * - exactGap: exact minus the best other article's (three articles covering "refund" equally is a tie);
 * - title: the share in the title;
 * - matchedTerms: how many terms match exactly, up to 3, ÷ 3 (one word in common — "bananas" and a
 *   body's "Banana Republic", "anyone" and "never share a code with anyone" — is a coincidence as often as not);
 * - bm25Margin: BM25 over the best other article's, as (own − other) ÷ the larger;
 * - fuzzyOnly: the coverage that fuzzy and prefix matches add on top of exact;
 * - unknownShare: the share of the question's terms no article has;
 * - singleTerm: 1 when the question has one content term (nothing else to corroborate it).
 */
export const LEXICAL_FEATURES = ["exact", "exactGap", "title", "matchedTerms", "bm25Margin", "fuzzyOnly", "unknownShare", "singleTerm"];

const WeightsSchema = z.array(z.number());
/** A monotone map from the logistic's output to the observed accuracy (isotonic regression): points to interpolate between. */
const IsotonicSchema = z.object({ x: z.array(z.number().min(0).max(1)), y: z.array(z.number().min(0).max(1)) }).refine((map) => map.x.length === map.y.length && map.x.length > 0);
export type IsotonicMap = z.infer<typeof IsotonicSchema>;
export const ConfidenceModelSchema = z.object({
  about: z.string(),
  /** The first stage's linear ranking weights (the confidence with sentence vectors is the reranker's). */
  hybrid: z.object({ rank: WeightsSchema.length(6) }),
  lexical: z.object({ confidence: WeightsSchema.length(LEXICAL_FEATURES.length + 1), isotonic: IsotonicSchema }),
  defaultMinScore: z.number().min(0).max(1),
});
export type ConfidenceModel = z.infer<typeof ConfidenceModelSchema>;

export const CONFIDENCE_MODEL: ConfidenceModel = ConfidenceModelSchema.parse(modelJson);

/**
 * What one article has for the question: `rankFeatures` in the order of the model's `hybrid.rank`
 * (the first stage), `signals` for the second (knowledge-reranker.ts; `firstStage` is filled in
 * when the first stage has scored it).
 */
export type ArticleEvidence = { id: string; lexical: LexicalMatch | null; words: WordEvidence; rankFeatures: number[]; signals: ArticleSignals; inScope: boolean; matchedExample?: string };
/**
 * The words-only confidence's own evidence for one article: the IDF-weighted share of the
 * question's terms it contains exactly (same stem), how many terms that is, and the share in its title.
 */
export type WordEvidence = { exact: number; matched: number; title: number };
export type QuestionEvidence = { semantic: boolean; unknownShare: number; contentTerms: number; articles: ArticleEvidence[] };

const NO_SIGNALS: ArticleSignals = { best: 0, mean: 0, title: 0, cue: 0, bm25: 0, coverage: 0, titleCoverage: 0, passageCoverage: 0, agreement: 0, typedAgreement: 0, firstStage: 0 };

/**
 * Everything the ranking and the confidence are computed from (the fit script reuses it). With
 * sentence vectors, every article of the knowledge base is described, and those outside `tags`
 * are marked out of scope: they are never answered from, but the confidence in an article of the
 * scope is measured against them too, so a kb step limited to "shipping" does not answer "I want
 * a refund" from the shipping-fee article just because the refunds articles are out of its sight.
 */
export async function gatherEvidence(index: KnowledgeIndex, query: string, tags?: string[]): Promise<QuestionEvidence | null> {
  // Nothing but filler ("hi", "where is it?"): no article can be meant.
  const tokens = contentTokens(query, index.language);
  if (tokens.length === 0) return null;
  const scope = new Set(index.ids(tags));
  if (scope.size === 0) return null;
  const unknownShare = index.unknownTermShare(query);
  const contentTerms = new Set(tokens).size;
  const ids = index.ids();
  const similarities = await index.similarities(query, ids);
  const terms = index.weightedTerms(query);
  const wordsOf = (id: string, titleShare?: number): WordEvidence => {
    const { share, matched } = index.exactCoverage(id, terms);
    return { exact: share, matched, title: titleShare ?? index.fieldCoverage(id, terms).title };
  };
  if (!similarities) {
    const lexical = index.query(query, { tags, limit: Number.POSITIVE_INFINITY });
    if (lexical.length === 0) return null;
    return { semantic: false, unknownShare, contentTerms, articles: lexical.map((match) => ({ id: match.id, lexical: match, words: wordsOf(match.id), rankFeatures: [], signals: NO_SIGNALS, inScope: true })) };
  }
  const lexical = index.query(query, { limit: Number.POSITIVE_INFINITY });
  const byId = new Map(lexical.map((match) => [match.id, match]));
  const topBm25 = Math.max(1e-9, ...lexical.map((match) => match.bm25));
  let topSemantic = -1;
  for (const { best } of similarities.values()) topSemantic = Math.max(topSemantic, best);
  const lexicalRank = new Map(lexical.map((match, rank) => [match.id, rank]));
  const answerType = answerTypeOf(query);
  const typed = answerType === "time" || answerType === "amount";
  const articles = ids.map((id) => {
    const similarity = similarities.get(id)!;
    const match = byId.get(id) ?? null;
    const rank = lexicalRank.get(id);
    const bm25 = (match?.bm25 ?? 0) / topBm25;
    const coverage = match?.score ?? 0;
    const fields = index.fieldCoverage(id, terms);
    return {
      id,
      lexical: match,
      words: wordsOf(id, fields.title),
      rankFeatures: [similarity.best, similarity.best - topSemantic, similarity.title, bm25, coverage, rank === undefined ? 0 : 1 / (1 + rank)],
      signals: {
        best: similarity.best,
        mean: similarity.mean,
        title: similarity.title,
        cue: similarity.cue,
        bm25,
        coverage,
        titleCoverage: fields.title,
        passageCoverage: Math.max(0, ...fields.passages),
        // Words and meaning agreeing in ONE section: the best passage by its word coverage + 2 × its cosine.
        agreement: Math.max(0, ...fields.passages.map((share, i) => share + 2 * (similarity.passages[i] ?? 0))),
        // The same, over the passages holding the kind of answer asked for (a time for "how long", an amount for "how much").
        typedAgreement: typed ? Math.max(0, ...holding(index.passagesHolding(id, answerType), fields.passages, similarity.passages)) : 0,
        firstStage: 0,
        // Only a taught article has this key: without it the reranker's example term is never read.
        ...(similarity.examples ? { examples: { cosine: Math.max(...similarity.examples), words: Math.max(0, ...fields.examples) } } : {}),
      },
      inScope: scope.has(id),
      // Named only when the example question matched better than anything the article itself says.
      ...(similarity.example !== undefined && similarity.cue > similarity.best ? { matchedExample: similarity.example } : {}),
    };
  });
  return { semantic: true, unknownShare, contentTerms, articles };
}

function holding(holds: boolean[], coverage: number[], cosines: number[]): number[] {
  return coverage.map((share, i) => (holds[i] ? share + 2 * (cosines[i] ?? 0) : 0));
}

const dot = (weights: number[], features: number[]) => features.reduce((sum, value, i) => sum + value * weights[i], weights[features.length] ?? 0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The second stage's input for one question: its candidates (best first by the first stage), their
 * feature vectors, their example-aware features (null for an article without example questions)
 * and whether each is in the step's scope; `rest` are the in-scope articles left out.
 */
export type Candidates = { ids: string[]; features: number[][]; taught: Array<number[] | null>; inScope: boolean[]; rest: string[] };

/**
 * The first stage: every article's linear score. The best `count` of the scope, and the best
 * `count` of the whole knowledge base, become the reranker's candidates: an article of the scope
 * competes for the probability with the articles outside it that fit the question better.
 */
export function firstStage(evidence: QuestionEvidence, rankWeights: number[], count: number): Candidates {
  const signals = evidence.articles.map((article) => ({ ...article.signals, firstStage: dot(rankWeights, article.rankFeatures) }));
  const order = signals.map((_, i) => i).sort((a, b) => signals[b].firstStage - signals[a].firstStage);
  const scoped = order.filter((i) => evidence.articles[i].inScope);
  const chosen = [...new Set([...scoped.slice(0, count), ...order.slice(0, count)])].sort((a, b) => signals[b].firstStage - signals[a].firstStage);
  const context: QuestionContext = { unknownShare: evidence.unknownShare, contentTerms: evidence.contentTerms };
  return {
    ids: chosen.map((i) => evidence.articles[i].id),
    features: candidateFeatures(signals, chosen, context),
    taught: exampleFeatures(signals, chosen),
    inScope: chosen.map((i) => evidence.articles[i].inScope),
    rest: scoped.slice(count).map((i) => evidence.articles[i].id),
  };
}

export type RankedId = { id: string; score: number };

/** With sentence vectors: the candidates in the reranker's order with its calibrated probability, then the rest below them. */
export function rerank(evidence: QuestionEvidence, model: ConfidenceModel = CONFIDENCE_MODEL, reranker: RerankerModel = RERANKER_MODEL): RankedId[] {
  const candidates = firstStage(evidence, model.hybrid.rank, reranker.candidates);
  const probabilities = rerankProbabilities(candidates.features, reranker, candidates.taught);
  const ranked = candidates.ids
    .map((id, i) => ({ id, score: probabilities[i] }))
    .filter((_, i) => candidates.inScope[i])
    .sort((a, b) => b.score - a.score);
  const floor = ranked[ranked.length - 1]?.score ?? 0;
  return [...ranked, ...candidates.rest.map((id) => ({ id, score: floor }))];
}

/**
 * Without sentence vectors: every article with the features of its words-only confidence
 * (LEXICAL_FEATURES) and that confidence, most confident first (BM25 breaks ties). Ordered by the
 * confidence, not by BM25: BM25 alone put "how do I return an item" on an article at 0.39 above
 * one at 0.76 — a ranking that contradicted its own scores.
 */
export function lexicalRanking(evidence: QuestionEvidence, model: ConfidenceModel = CONFIDENCE_MODEL): Array<{ id: string; confidenceFeatures: number[]; score: number }> {
  const exact = evidence.articles.map((article) => article.words.exact);
  const bm25 = evidence.articles.map((article) => article.lexical?.bm25 ?? 0);
  return evidence.articles
    .map((article, i) => {
      const other = bestOther(bm25, i);
      const { words } = article;
      return {
        id: article.id,
        confidenceFeatures: [
          words.exact,
          words.exact - bestOther(exact, i),
          words.title,
          Math.min(words.matched, 3) / 3,
          (bm25[i] - other) / Math.max(bm25[i], other, 1e-9),
          Math.max(0, (article.lexical?.score ?? 0) - words.exact),
          evidence.unknownShare,
          evidence.contentTerms <= 1 ? 1 : 0,
        ],
        order: bm25[i],
      };
    })
    .map((article) => ({ ...article, score: lexicalConfidence(article.confidenceFeatures, model) }))
    .sort((a, b) => b.score - a.score || b.order - a.order)
    .map(({ order: _order, ...article }) => article);
}

function bestOther(values: number[], index: number): number {
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (i !== index && values[i] > best) best = values[i];
  return Number.isFinite(best) ? best : 0;
}

/** The lexical logistic's output before the isotonic step (what the fit script calibrates). */
export function rawLexicalConfidence(features: number[], model: ConfidenceModel = CONFIDENCE_MODEL): number {
  return sigmoid(dot(model.lexical.confidence, features));
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

export function lexicalConfidence(features: number[], model: ConfidenceModel = CONFIDENCE_MODEL): number {
  return applyIsotonic(model.lexical.isotonic, rawLexicalConfidence(features, model));
}

/** Every article of the evidence best first, `score` = the calibrated probability that it answers the question. */
export function rankEvidence(evidence: QuestionEvidence): RankedId[] {
  if (evidence.semantic) return rerank(evidence);
  return lexicalRanking(evidence).map(({ id, score }) => ({ id, score }));
}

/**
 * The articles best first, `score` = the calibrated probability that this article answers the
 * question; `matchedExample` when one of its example questions was the closest thing to it.
 */
export async function rankArticles(index: KnowledgeIndex, query: string, options: { tags?: string[]; limit?: number } = {}): Promise<RetrievedArticle[]> {
  const taught = taughtAnswers(index, query, options.tags);
  const evidence = await gatherEvidence(index, query, options.tags);
  if (!evidence && taught.length === 0) return [];
  const examples = new Map(evidence?.articles.flatMap((article) => (article.matchedExample ? [[article.id, article.matchedExample] as const] : [])) ?? []);
  for (const { id, example } of taught) examples.set(id, example);
  const ranked = evidence ? rankEvidence(evidence) : [];
  // A question the lead taught goes to the article it was taught to, first (taught-question.ts).
  const taughtIds = new Set(taught.map((answer) => answer.id));
  return [...taught.map(({ id }) => ({ id, score: TAUGHT_CONFIDENCE })), ...ranked.filter((article) => !taughtIds.has(article.id))]
    .slice(0, options.limit ?? 5)
    .map(({ id, score }) => {
      const article = index.get(id)!;
      const matchedExample = examples.get(id);
      return { id, slug: article.slug, title: article.title, tags: article.tags, score, ...(matchedExample ? { matchedExample } : {}) };
    });
}
