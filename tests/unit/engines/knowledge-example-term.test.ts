/**
 * The reranker's example-aware term (app/engines/local/knowledge-reranker.ts, kb-examples-model.json):
 * read only for a candidate with example questions, whose probability goes through its own Platt
 * step — so a knowledge base without example questions keeps the base model's scores (the
 * demo-store baseline in knowledge-examples.test.ts), and one with them gets the term.
 */
import { describe, expect, it } from "vitest";
import examplesJson from "~/engines/local/kb-examples-model.json";
import { KnowledgeIndex } from "~/engines/local/knowledge-index";
import { CONFIDENCE_MODEL, firstStage, gatherEvidence, rankArticles } from "~/engines/local/knowledge-ranker";
import {
  EXAMPLE_FEATURES,
  EXAMPLES_MODEL,
  exampleFeatures,
  exampleScore,
  parseExamplesModel,
  RERANKER_MODEL,
  rerankProbabilities,
  rerankScore,
  shareLogit,
  type ArticleSignals,
} from "~/engines/local/knowledge-reranker";
import { FakeSentenceEncoder } from "../../support/fake-sentence-encoder";
import { ARTICLES } from "./fixtures";

const signals = (cue: number, passageCoverage: number, examples?: ArticleSignals["examples"]): ArticleSignals => ({
  best: cue,
  mean: cue / 2,
  title: cue,
  cue,
  bm25: passageCoverage,
  coverage: passageCoverage,
  titleCoverage: passageCoverage,
  passageCoverage,
  agreement: passageCoverage + 2 * cue,
  typedAgreement: 0,
  firstStage: cue + passageCoverage,
  ...(examples ? { examples } : {}),
});

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe("the example-aware features", () => {
  it("are null for every candidate when none has example questions", () => {
    expect(exampleFeatures([signals(0.8, 1), signals(0.6, 0.5)], [0, 1])).toEqual([null, null]);
  });

  it("are given only to taught candidates, with gaps to the best other article's closest cue and words", () => {
    // The taught article's best example at 0.9; the best other is an untaught one whose generated cues reach 0.7.
    const all = [signals(0.6, 0.4, { cosine: 0.9, words: 0.8 }), signals(0.7, 0.5), signals(0.3, 0.1, { cosine: 0.65, words: 0.2 })];
    const [taught, untaught, other] = exampleFeatures(all, [0, 1, 2]);
    expect(untaught).toBeNull();
    const feature = (row: number[] | null, name: string) => row![EXAMPLE_FEATURES.indexOf(name)];
    expect(feature(taught, "exampleCosine")).toBe(0.9);
    expect(feature(taught, "exampleCosineGap")).toBeCloseTo(0.2, 10);
    expect(feature(taught, "exampleWordsGap")).toBeCloseTo(0.3, 10);
    expect(feature(taught, "exampleCosineAbove")).toBeCloseTo(0.15, 10);
    expect(feature(other, "exampleCosineGap")).toBeCloseTo(-0.25, 10);
    expect(feature(other, "exampleCosineAbove")).toBe(0);
  });
});

describe("the example-aware term", () => {
  const features = [
    [0.7, 0.5, 0.6, 0.6, 0.7, 0.6, 0.3, 0.5, 1.8, 0, 8, 0.1, 0.1, 0.1, 0.1, 0.3, 0.2, 0.2, 0.2, 0.3, 0, 2, 1, 1, 1, 0, 1.4],
    [0.6, 0.5, 0.5, 0.5, 0.4, 0.4, 0.1, 0.3, 1.5, 0, 6, -0.1, -0.1, -0.1, -0.1, -0.3, -0.2, -0.2, -0.2, -0.3, 0, -2, 0.5, 0.5, 0.5, 0, 1.4],
  ];

  it("leaves the base model's probabilities alone when no candidate is taught", () => {
    const scores = features.map((x) => rerankScore(x, RERANKER_MODEL));
    const expected = scores.map((_, i) => sigmoid(RERANKER_MODEL.platt.a * shareLogit(scores, RERANKER_MODEL.intercept, i) + RERANKER_MODEL.platt.b));
    expect(rerankProbabilities(features, RERANKER_MODEL, [null, null])).toStrictEqual(expected);
    expect(rerankProbabilities(features, RERANKER_MODEL)).toStrictEqual(expected);
  });

  it("adds to a taught candidate's score, whose probability goes through the example questions' Platt step", () => {
    const taughtRow = [0.85, 0.15, 0.7, 0.4, 0.1];
    const scores = [rerankScore(features[0], RERANKER_MODEL) + exampleScore(taughtRow, EXAMPLES_MODEL), rerankScore(features[1], RERANKER_MODEL)];
    // The taught candidate through the example questions' Platt step, the untaught one beside it through the base model's.
    const expected = [
      sigmoid(EXAMPLES_MODEL.platt.a * shareLogit(scores, RERANKER_MODEL.intercept, 0) + EXAMPLES_MODEL.platt.b),
      sigmoid(RERANKER_MODEL.platt.a * shareLogit(scores, RERANKER_MODEL.intercept, 1) + RERANKER_MODEL.platt.b),
    ];
    const probabilities = rerankProbabilities(features, RERANKER_MODEL, [taughtRow, null]);
    expect(probabilities).toStrictEqual(expected);
    expect(probabilities[0]).not.toBe(rerankProbabilities(features, RERANKER_MODEL)[0]);
  });

  it("as fitted, trusts a clear example match more than one another article's example fits as well", () => {
    const clear = exampleScore([0.85, 0.2, 0.7, 0.5, 0.1]);
    const tied = exampleScore([0.85, 0, 0.7, 0, 0.1]);
    expect(clear).toBeGreaterThan(tied);
  });
});

describe("a knowledge base with example questions", () => {
  it("ranks with the term: the taught article's confidence is the term's probability, the others' evidence has none", async () => {
    const index = new KnowledgeIndex({ encoder: new FakeSentenceEncoder() });
    for (const article of ARTICLES) index.upsert(article.id === "shipping" ? { ...article, questions: ["Can my grandmother pick up the parcel for me?"] } : article);
    await index.whenEmbedded();
    const question = "can my grandmother pick up the parcel";

    const evidence = (await gatherEvidence(index, question))!;
    expect(evidence.articles.find((article) => article.id === "shipping")!.signals.examples).toBeDefined();
    expect(evidence.articles.filter((article) => article.id !== "shipping").every((article) => article.signals.examples === undefined)).toBe(true);

    const candidates = firstStage(evidence, CONFIDENCE_MODEL.hybrid.rank, RERANKER_MODEL.candidates);
    const shippingAt = candidates.ids.indexOf("shipping");
    expect(candidates.taught[shippingAt]).toHaveLength(EXAMPLE_FEATURES.length);
    expect(candidates.taught.filter((row) => row !== null)).toHaveLength(1);

    const withTerm = rerankProbabilities(candidates.features, RERANKER_MODEL, candidates.taught);
    const [first] = await rankArticles(index, question);
    expect(first.id).toBe("shipping");
    expect(first.score).toBe(withTerm[shippingAt]);
    expect(first.score).not.toBe(rerankProbabilities(candidates.features, RERANKER_MODEL)[shippingAt]);
  });
});

describe("kb-examples-model.json", () => {
  it("validates, names the reranker's example features in order and keeps a rising Platt step", () => {
    const model = parseExamplesModel(examplesJson);
    expect(model.features).toEqual(EXAMPLE_FEATURES);
    expect(model.weights).toHaveLength(EXAMPLE_FEATURES.length);
    expect(model.platt.a).toBeGreaterThan(0);
  });

  it("is refused when its features are not the reranker's", () => {
    expect(() => parseExamplesModel({ ...examplesJson, features: ["exampleCosine"] })).toThrow(/re-run bench\/fit-kb-confidence.ts/);
    expect(() => parseExamplesModel({ ...examplesJson, scale: examplesJson.scale.map(() => 0) })).toThrow();
  });
});
