/**
 * The second stage of the KB ranking (app/engines/local/knowledge-reranker.ts): its features are
 * measured against the best OTHER article, and its probabilities come from a softmax with a "no
 * article" option, so a near-tie and a weak best match both lower the confidence.
 */
import { describe, expect, it } from "vitest";
import { contentTokens } from "~/engines/local/knowledge-index";
import { candidateFeatures, RERANK_FEATURES, RERANKER_MODEL, rerankProbabilities, shareLogit, type ArticleSignals } from "~/engines/local/knowledge-reranker";

const signals = (best: number, coverage: number): ArticleSignals => ({
  best,
  mean: best / 2,
  title: best,
  cue: best,
  bm25: coverage,
  coverage,
  titleCoverage: coverage,
  passageCoverage: coverage,
  agreement: coverage + 2 * best,
  typedAgreement: 0,
  firstStage: best + coverage,
});

const feature = (row: number[], name: string) => row[RERANK_FEATURES.indexOf(name)];

describe("reranker features", () => {
  it("give each signal's gap to the best other article in scope, and ranks over all articles", () => {
    const all = [signals(0.8, 1), signals(0.6, 0.5), signals(0.3, 0.9)];
    const [first, second] = candidateFeatures(all, [0, 1], { unknownShare: 0.25, contentTerms: 3 });
    expect(first).toHaveLength(RERANK_FEATURES.length);
    expect(feature(first, "bestGap")).toBeCloseTo(0.2, 10);
    expect(feature(second, "bestGap")).toBeCloseTo(-0.2, 10);
    // Coverage: the third article (not a candidate) still counts as the best other for the second.
    expect(feature(second, "coverageGap")).toBeCloseTo(-0.5, 10);
    expect(feature(first, "bestRank")).toBe(1);
    expect(feature(second, "bestRank")).toBe(1 / 2);
    expect(feature(first, "unknownShare")).toBe(0.25);
    expect(feature(first, "contentTerms")).toBeCloseTo(Math.log(4), 10);
  });
});

describe("reranker probabilities", () => {
  it("are the log-odds of a share of the softmax with a 'no article' option", () => {
    const scores = [2, 1, -1];
    const noArticle = 0.5;
    const total = Math.exp(noArticle) + scores.reduce((sum, score) => sum + Math.exp(score), 0);
    const p = Math.exp(2) / total;
    expect(shareLogit(scores, noArticle, 0)).toBeCloseTo(Math.log(p / (1 - p)), 10);
    expect(shareLogit([800, 0], 0, 0)).toBeGreaterThan(700);
  });

  it("as fitted, favour the clear winner over the same article in a near-tie, and stay below 1 together", () => {
    const clear = candidateFeatures([signals(0.8, 1), signals(0.4, 0.3), signals(0.35, 0.2)], [0, 1, 2], { unknownShare: 0, contentTerms: 3 });
    const tied = candidateFeatures([signals(0.8, 1), signals(0.79, 1), signals(0.35, 0.2)], [0, 1, 2], { unknownShare: 0, contentTerms: 3 });
    const clearP = rerankProbabilities(clear, RERANKER_MODEL);
    const tiedP = rerankProbabilities(tied, RERANKER_MODEL);
    expect(clearP[0]).toBeGreaterThan(tiedP[0]);
    expect(clearP[0]).toBeGreaterThan(clearP[1]);
    for (const p of [...clearP, ...tiedP]) expect(p).toBeGreaterThan(0);
    expect(clearP[0]).toBeLessThan(1);
  });
});

describe("topic words of a question", () => {
  it("leave out 'how long … take', which asks for a duration and says nothing about the topic", () => {
    expect(contentTokens("how long does standard shipping take?")).toEqual(["standard", "shipping"]);
    expect(contentTokens("do you sell long sleeve shirts")).toContain("long");
  });
});
