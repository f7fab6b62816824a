/**
 * The second stage of the knowledge base's ranking, and its answer confidence in one: a logistic
 * model of "this article answers the question" over the first stage's top candidates.
 *
 * Each candidate is described by signals of both kinds — meaning (the question's cosine with the
 * article's best passage, with all its passages on average, with its title, with its best cue:
 * title + first sentence or title + a heading) and words (BM25 relative to the best article, the
 * IDF-weighted share of the question's content words the article, its title and its best passage
 * contain) and the first stage's score — each also as its gap to the best OTHER article in scope,
 * plus ranks, the share of the question's words no article contains and the question's length.
 * The gaps are what make one pointwise model both a ranking and a confidence: "the shipping
 * article's meaning is far behind the closest article's" lowers its probability whatever its
 * words say, and a near-tie on every signal lowers the first article's.
 *
 * The model (kb-reranker-model.json) is fitted by bench/fit-kb-confidence.ts on the tuning
 * questions of two knowledge bases (the demo store, StackFAQ), with cross-validation grouped by
 * article, followed by a one-variable Platt step so the first article's probability is calibrated
 * as the answer confidence that a kb node's `minScore` is compared with.
 *
 * Example questions ("Customers also ask") add a term of their own, read only for a candidate
 * that has some (kb-examples-model.json). They are customers' questions, so a paraphrase of one
 * meets it at a cosine the passages never reach, and the base model — fitted without them — reads
 * that as the usual, unsure evidence: with examples it was right more often than it said (ECE
 * 0.057 → 0.099 on the demo store's tuning questions) and refused nearly as much as before. The
 * term is fitted with the base model held fixed, on the tuning questions WITH examples, and a
 * taught candidate's probability gets its own Platt step. A knowledge base without example
 * questions never reaches either, so its rankings and confidences stay exactly the base model's.
 */
import { z } from "zod";
import examplesJson from "./kb-examples-model.json";
import modelJson from "./kb-reranker-model.json";

/** Per article, everything the second stage reads (knowledge-ranker.ts gathers it). */
export type ArticleSignals = {
  best: number;
  mean: number;
  title: number;
  cue: number;
  bm25: number;
  coverage: number;
  titleCoverage: number;
  passageCoverage: number;
  agreement: number;
  typedAgreement: number;
  firstStage: number;
  /** Only for an article with example questions. */
  examples?: ExampleSignals;
};

/**
 * A taught article's evidence from its example questions: the best one's cosine with the question,
 * and the largest IDF-weighted share of the question's content words one of them contains.
 */
export type ExampleSignals = { cosine: number; words: number };

export type QuestionContext = { unknownShare: number; contentTerms: number };

/** The signals every article has (the base model's). */
type SignalName = Exclude<keyof ArticleSignals, "examples">;
const SIGNALS: SignalName[] = ["best", "mean", "title", "cue", "bm25", "coverage", "titleCoverage", "passageCoverage", "agreement", "typedAgreement", "firstStage"];
const RANKED_BY: SignalName[] = ["best", "bm25", "firstStage"];

/** The names of the model's features, in order (the model file repeats them, and is refused if they differ). */
export const RERANK_FEATURES: string[] = [
  ...SIGNALS,
  ...SIGNALS.map((signal) => `${signal}Gap`),
  ...RANKED_BY.map((signal) => `${signal}Rank`),
  "unknownShare",
  "contentTerms",
];

export const RerankerModelSchema = z.object({
  about: z.string(),
  /** How many of the first stage's articles are scored (the rest keep the first stage's order, below them). */
  candidates: z.number().int().positive(),
  features: z.array(z.string()),
  /** Standardisation: (x - mean) / scale, then the weights; the intercept is the "no article" option's score. */
  mean: z.array(z.number()),
  scale: z.array(z.number().positive()),
  weights: z.array(z.number()),
  intercept: z.number(),
  /** The Platt step on the first candidate's logit: p = sigmoid(a * logit + b). */
  platt: z.object({ a: z.number(), b: z.number() }),
});
export type RerankerModel = z.infer<typeof RerankerModelSchema>;

function parseModel(json: unknown): RerankerModel {
  const model = RerankerModelSchema.parse(json);
  const n = RERANK_FEATURES.length;
  if (model.features.join() !== RERANK_FEATURES.join() || model.mean.length !== n || model.scale.length !== n || model.weights.length !== n) {
    throw new Error("kb-reranker-model.json does not match the reranker's features: re-run bench/fit-kb-confidence.ts");
  }
  return model;
}

export const RERANKER_MODEL: RerankerModel = parseModel(modelJson);

/** The example-aware term's features, in order (the model file repeats them, and is refused if they differ). */
export const EXAMPLE_FEATURES: string[] = ["exampleCosine", "exampleCosineGap", "exampleWords", "exampleWordsGap", "exampleCosineAbove"];

export const ExamplesModelSchema = z.object({
  about: z.string(),
  features: z.array(z.string()),
  /** Standardisation of the features as in the base model; `bias` is added to every taught candidate's score. */
  mean: z.array(z.number()),
  scale: z.array(z.number().positive()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** The Platt step for a question with at least one taught candidate (the base model's otherwise). */
  platt: z.object({ a: z.number(), b: z.number() }),
});
export type ExamplesModel = z.infer<typeof ExamplesModelSchema>;

export function parseExamplesModel(json: unknown): ExamplesModel {
  const model = ExamplesModelSchema.parse(json);
  const n = EXAMPLE_FEATURES.length;
  if (model.features.join() !== EXAMPLE_FEATURES.join() || model.mean.length !== n || model.scale.length !== n || model.weights.length !== n) {
    throw new Error("kb-examples-model.json does not match the reranker's example features: re-run bench/fit-kb-confidence.ts");
  }
  return model;
}

export const EXAMPLES_MODEL: ExamplesModel = parseExamplesModel(examplesJson);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The two best values of one signal over all articles, so each article's gap to the best OTHER is O(1). */
function topTwo(values: number[]): [number, number] {
  let first = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value > first) [first, second] = [value, first];
    else if (value > second) second = value;
  }
  return [first, Number.isFinite(second) ? second : first];
}

/**
 * Feature vectors (RERANK_FEATURES order) of the articles at `candidates` (indexes into `all`);
 * gaps and ranks are over every article in scope, not only the candidates.
 */
export function candidateFeatures(all: ArticleSignals[], candidates: number[], context: QuestionContext): number[][] {
  const tops = SIGNALS.map((signal) => topTwo(all.map((article) => article[signal])));
  const ranks = RANKED_BY.map((signal) => {
    const order = all.map((_, i) => i).sort((a, b) => all[b][signal] - all[a][signal]);
    const rank = new Map(order.map((articleIndex, position) => [articleIndex, position]));
    return (i: number) => 1 / (1 + rank.get(i)!);
  });
  return candidates.map((i) => {
    const article = all[i];
    const values = SIGNALS.map((signal) => article[signal]);
    const gaps = SIGNALS.map((signal, s) => {
      const [first, second] = tops[s];
      return article[signal] - (article[signal] >= first ? second : first);
    });
    return [...values, ...gaps, ...ranks.map((rankOf) => rankOf(i)), context.unknownShare, Math.log1p(context.contentTerms)];
  });
}

/**
 * The example-aware features (EXAMPLE_FEATURES order) of the candidates at `candidates`, null for
 * one without example questions: the best example question's cosine; its gap to the best other
 * article's closest cue (that article's best example question when it has some, its generated
 * cues' otherwise: a question two articles' example questions both fit is no clear match for
 * either); the share of the question's words one example contains, and its gap to the best other
 * article's (example words, or best passage's words when it has no examples); and how far the
 * cosine rises above 0.75, where a rewording of the very same question sits (not tuned: the
 * fit weighs it, and puts most of the weight on the two gaps). Of the variants tried on the tuning
 * parts (gaps only, the base model reading the generated cues only, a cosine over the mean, the
 * base features' weights let free for taught articles), this one had the lowest out-of-fold
 * log-loss of the first answer.
 */
export function exampleFeatures(all: ArticleSignals[], candidates: number[]): Array<number[] | null> {
  if (!candidates.some((i) => all[i].examples)) return candidates.map(() => null);
  const [first, second] = topTwo(all.map((article) => article.examples?.cosine ?? article.cue));
  const [firstWords, secondWords] = topTwo(all.map((article) => article.examples?.words ?? article.passageCoverage));
  return candidates.map((i) => {
    const examples = all[i].examples;
    if (!examples) return null;
    return [
      examples.cosine,
      examples.cosine - (examples.cosine >= first ? second : first),
      examples.words,
      examples.words - (examples.words >= firstWords ? secondWords : firstWords),
      Math.max(0, examples.cosine - 0.75),
    ];
  });
}

/** The example-aware term of a taught candidate's score. */
export function exampleScore(features: number[], model: ExamplesModel = EXAMPLES_MODEL): number {
  let score = model.bias;
  for (let i = 0; i < features.length; i++) score += (model.weights[i] * (features[i] - model.mean[i])) / model.scale[i];
  return score;
}

/** A candidate's score: the linear part of the listwise model (the "no article" option scores the intercept). */
export function rerankScore(features: number[], model: RerankerModel = RERANKER_MODEL): number {
  let score = 0;
  for (let i = 0; i < features.length; i++) score += (model.weights[i] * (features[i] - model.mean[i])) / model.scale[i];
  return score;
}

/**
 * The log-odds of candidate `at`'s share of the softmax over the candidates and the "no article"
 * option: log(p / (1 - p)), computed without overflow.
 */
export function shareLogit(scores: number[], noArticle: number, at: number): number {
  let others = noArticle;
  for (let i = 0; i < scores.length; i++) if (i !== at) others = logAddExp(others, scores[i]);
  return scores[at] - others;
}

function logAddExp(a: number, b: number): number {
  const top = Math.max(a, b);
  return top + Math.log(Math.exp(a - top) + Math.exp(b - top));
}

/**
 * Each candidate's score: the base model's, plus the example-aware term for a taught candidate
 * (`taught[i]`: its exampleFeatures row, null or absent for an article without example questions).
 */
export function candidateScores(features: number[][], model: RerankerModel = RERANKER_MODEL, taught: Array<number[] | null> = [], examples: ExamplesModel = EXAMPLES_MODEL): number[] {
  return features.map((x, i) => {
    const row = taught[i];
    // Not "+ 0" for an untaught one: its score stays the base model's, bit for bit.
    return row ? rerankScore(x, model) + exampleScore(row, examples) : rerankScore(x, model);
  });
}

/**
 * Each candidate's calibrated probability of being the right article (the Platt step over its
 * share's log-odds): a taught candidate's through the example questions' Platt step — fitted on
 * first answers that all had example questions — and an untaught one's through the base model's,
 * even beside taught ones (an article not yet taught, in a knowledge base where others are).
 */
export function rerankProbabilities(features: number[][], model: RerankerModel = RERANKER_MODEL, taught: Array<number[] | null> = [], examples: ExamplesModel = EXAMPLES_MODEL): number[] {
  const scores = candidateScores(features, model, taught, examples);
  return scores.map((_, i) => {
    const platt = taught[i] ? examples.platt : model.platt;
    return sigmoid(platt.a * shareLogit(scores, model.intercept, i) + platt.b);
  });
}
