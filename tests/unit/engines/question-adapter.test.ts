/**
 * The question adapter experiment (bench/question-adapter-explore.ts): its hand-written gradient
 * equals the loss's finite differences (with and without the "no article" option), and a fit
 * learns a mapping the raw cosine cannot see — questions written near the WRONG article's passage
 * (a fixed permutation) are ranked right after training, on questions it was not trained on.
 */
import { describe, expect, it } from "vitest";
import { addQuestionGradient, BASE, figures, fitAdapter, identity, mapWith, type Adapter, type ArticleTexts, type Domain, type Question } from "../../../bench/question-adapter-explore";

const SIZE = 512;

/** mulberry32: reproducible, not from the encoder (the adapter must hold for any input). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32 - 0.5;
  };
}

function unit(values: ArrayLike<number>): Float32Array {
  const norm = Math.sqrt(Array.from(values).reduce((sum, value) => sum + value * value, 0));
  return Float32Array.from(values, (value) => value / norm);
}

const randomUnit = (random: () => number) => unit(Array.from({ length: SIZE }, random));

describe("addQuestionGradient", () => {
  const random = generator(7);
  const rank = 4;
  const params = Float64Array.from({ length: 2 * SIZE * rank + 1 }, () => random() * 0.1);
  const adapter: Adapter = { rank, u: params.subarray(0, SIZE * rank), v: params.subarray(SIZE * rank, 2 * SIZE * rank) };
  const articles: ArticleTexts[] = Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, passages: [randomUnit(random), randomUnit(random)], cues: [randomUnit(random)] }));
  const question = randomUnit(random);
  const none = () => params[params.length - 1];

  it.each([
    ["an answerable question", 2],
    ["an unanswerable one, against the no-article option", -1],
  ])("matches finite differences for %s", (_, right) => {
    const loss = () => addQuestionGradient(adapter, articles, question, right, 0.1, new Float64Array(params.length), none());
    const gradient = new Float64Array(params.length);
    addQuestionGradient(adapter, articles, question, right, 0.1, gradient, none());
    for (const index of [0, 7, SIZE * rank + 3, SIZE * rank + 100, params.length - 1]) {
      const old = params[index];
      params[index] = old + 1e-5;
      const up = loss();
      params[index] = old - 1e-5;
      const down = loss();
      params[index] = old;
      expect(gradient[index]).toBeCloseTo((up - down) / 2e-5, 5);
    }
  });
});

describe("fitAdapter", () => {
  it("learns to send questions near the wrong article's passage to the right one", () => {
    const random = generator(15);
    const articles: ArticleTexts[] = Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, passages: [randomUnit(random)], cues: [] }));
    // Article a's questions sit near article (a + 1) mod 6's passage: the raw cosine ranks them wrong.
    const ask = (count: number): Question[] =>
      articles.flatMap((article, a) =>
        Array.from({ length: count }, () => {
          const near = articles[(a + 1) % articles.length].passages[0];
          return { vector: unit(Array.from(near, (value) => value + 0.02 * random())), articleId: article.id, source: "synthetic", fold: 0 };
        }),
      );
    const domain: Domain = { name: "demo", articles, questions: ask(10) };
    const adapter = fitAdapter(articles, domain.questions, { ...BASE, rank: 8, epochs: 40, batch: 8, learningRate: 0.02, ridge: 1e-4 });
    const unseen = ask(5);
    expect(figures(domain, unseen, identity, false).recallAt1).toBe(0);
    expect(figures(domain, unseen, mapWith(adapter), false).recallAt1).toBeGreaterThan(0.9);
  });
});
