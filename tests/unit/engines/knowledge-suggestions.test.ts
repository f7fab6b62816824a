/** Which articles a kb step offers when it is unsure, and the local retriever returning them. */
import { describe, expect, it } from "vitest";
import { LocalKnowledgeRetriever } from "~/engines/local/knowledge-retriever";
import { chooseSuggestions, LEXICAL_SUGGESTION_FLOOR, MAX_SUGGESTIONS, MIN_ARTICLE_CONFIDENCE, SUGGESTION_FLOOR } from "~/engines/local/knowledge-suggestions";
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
    expect(chooseSuggestions(ranked(0.3, 0.15, 0.04, 0.04), 0.73)).toEqual([]);
    expect(chooseSuggestions(ranked(0.45), 0.73)).toEqual([]);
    expect(ids(chooseSuggestions(ranked(0.5, 0.04), 0.73, 0.5))).toEqual(["a0"]);
    expect(chooseSuggestions([], 0.73)).toEqual([]);
  });

  it("never offers an article that reached minScore (that one is answered)", () => {
    expect(ids(chooseSuggestions(ranked(0.8, 0.3, 0.25), 0.73))).toEqual(["a1", "a2"]);
  });
});

describe("the local retriever asked to suggest", () => {
  // The fixture index has no sentence encoder: words alone, with their own floor.
  const index = buildFixtureIndex();
  const retriever = new LocalKnowledgeRetriever(async () => index);
  // "update" is in no article: the password article is likely (0.77 on words alone), not sure enough for 0.8.
  const query = "update the account password";

  it("returns the close articles with the answer each gives, only when asked", async () => {
    const close = await retriever.search({ query, limit: MAX_SUGGESTIONS });
    expect(close[0].score).toBeLessThan(0.8);
    expect(await retriever.answer({ query, minScore: 0.8 })).toBeNull();
    const result = await retriever.answer({ query, minScore: 0.8, suggest: true });
    const suggestions = result && "suggestions" in result ? result.suggestions : [];
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.map((article) => [article.id, article.confidence])).toEqual(chooseSuggestions(close, 0.8, LEXICAL_SUGGESTION_FLOOR).map((article) => [article.id, article.score]));
    expect(suggestions.find((article) => article.id === "password")).toMatchObject({ slug: "reset-password", title: "Reset your password", text: expect.stringContaining("password") });
  });

  it("answers as before when the best article reaches minScore; suggests nothing when the matches are weak or absent", async () => {
    const answer = await retriever.answer({ query, minScore: 0.7, suggest: true });
    expect(answer && "article" in answer ? answer.article.id : null).toBe((await retriever.search({ query }))[0].id);
    // One partial match and a weak one: not likely enough together on words alone.
    expect(await retriever.answer({ query: "express shipping to the moon base", minScore: 0.7, suggest: true })).toBeNull();
    expect(await retriever.answer({ query: "how do I bake sourdough bread", minScore: 0.7, suggest: true })).toBeNull();
  });
});
