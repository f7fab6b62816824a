/** Which articles a kb step offers when it is unsure, and the local retriever returning them. */
import { describe, expect, it } from "vitest";
import { LocalKnowledgeRetriever } from "~/engines/local/knowledge-retriever";
import { chooseSuggestions, MAX_SUGGESTIONS, MIN_ARTICLE_CONFIDENCE, SUGGESTION_FLOOR } from "~/engines/local/knowledge-suggestions";
import { buildFixtureIndex } from "./fixtures";

const ranked = (...scores: number[]) => scores.map((score, i) => ({ id: `a${i}`, score }));
const ids = (articles: Array<{ id: string }>) => articles.map((article) => article.id);

describe("choosing suggestions", () => {
  it("offers the best few below minScore when together they are likely enough to hold the right article", () => {
    expect(SUGGESTION_FLOOR).toBeGreaterThan(MIN_ARTICLE_CONFIDENCE);
    expect(ids(chooseSuggestions(ranked(0.3, 0.25, 0.1, 0.09), 0.73))).toEqual(["a0", "a1", "a2"]);
    expect(ids(chooseSuggestions(ranked(0.6), 0.73))).toEqual(["a0"]);
    expect(chooseSuggestions(ranked(0.3, 0.25, 0.1, 0.09, 0.08), 0.73)).toHaveLength(MAX_SUGGESTIONS);
  });

  it("offers nothing when the probability is spread thin, and never an article under the per-article minimum", () => {
    expect(chooseSuggestions(ranked(0.3, 0.2, 0.04, 0.04), 0.73)).toEqual([]);
    expect(chooseSuggestions(ranked(0.5), 0.73)).toEqual([]);
    expect(ids(chooseSuggestions(ranked(0.5, 0.04), 0.73, 0.5))).toEqual(["a0"]);
    expect(chooseSuggestions([], 0.73)).toEqual([]);
  });

  it("never offers an article that reached minScore (that one is answered)", () => {
    expect(ids(chooseSuggestions(ranked(0.8, 0.3, 0.25), 0.73))).toEqual(["a1", "a2"]);
  });
});

describe("the local retriever asked to suggest", () => {
  const index = buildFixtureIndex();
  const retriever = new LocalKnowledgeRetriever(async () => index);
  const query = "express shipping to the moon base";

  it("returns the close articles with the answer each gives, only when asked", async () => {
    const close = await retriever.search({ query, limit: MAX_SUGGESTIONS });
    expect(close[0].score).toBeLessThan(0.7);
    expect(await retriever.answer({ query, minScore: 0.7 })).toBeNull();
    const result = await retriever.answer({ query, minScore: 0.7, suggest: true });
    expect(result && "suggestions" in result).toBe(true);
    const suggestions = result && "suggestions" in result ? result.suggestions : [];
    expect(suggestions.map((article) => [article.id, article.confidence])).toEqual(chooseSuggestions(close, 0.7).map((article) => [article.id, article.score]));
    expect(suggestions[0]).toMatchObject({ id: "shipping", slug: "shipping-times", title: "Shipping times and tracking", text: expect.stringContaining("Express shipping") });
  });

  it("answers as before when the best article reaches minScore, and suggests nothing for a question about nothing here", async () => {
    const answer = await retriever.answer({ query, minScore: 0.3, suggest: true });
    expect(answer && "article" in answer ? answer.article.id : null).toBe("shipping");
    expect(await retriever.answer({ query: "how do I bake sourdough bread", minScore: 0.7, suggest: true })).toBeNull();
  });
});
