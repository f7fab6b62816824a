/**
 * Try it's list on words alone: the confidence is fitted for the first article only, so a later
 * article's figure can be higher than the first's while ranked below it. Only the first keeps its
 * figure there; with sentence vectors every article does. The order is never changed.
 */
import { describe, expect, it } from "vitest";
import { listOfferedArticles, listTriedArticles } from "~/kb/try-it-list";

// What words-only ranking gave for "do gift cards expire" on a fresh start: the runner-up scored higher.
const ranked = [
  { id: "gift", slug: "gift-cards", title: "Gift cards", tags: [], score: 0.62 },
  { id: "refund", slug: "refunds", title: "Refunds to a gift card", tags: [], score: 0.81 },
  { id: "store", slug: "store-credit", title: "Store credit", tags: [], score: 0.2 },
];

describe("listTriedArticles", () => {
  it("on words alone shows the first article's confidence only, the others as matched without a figure or a pass", () => {
    for (const reason of ["warming", "unavailable"] as const) {
      const listed = listTriedArticles(ranked, reason, 0.7);
      expect(listed.map((article) => article.id)).toEqual(["gift", "refund", "store"]);
      expect(listed.map((article) => article.score)).toEqual([0.62, null, null]);
      expect(listed.map((article) => article.reachesMinScore)).toEqual([false, false, false]);
      expect(listTriedArticles(ranked, reason, 0.6)[0].reachesMinScore).toBe(true);
    }
  });

  it("with sentence vectors shows every article's confidence against the minimum", () => {
    const listed = listTriedArticles(ranked, null, 0.7);
    expect(listed.map((article) => [article.id, article.score, article.reachesMinScore])).toEqual([
      ["gift", 0.62, false],
      ["refund", 0.81, true],
      ["store", 0.2, false],
    ]);
  });
});

describe("listOfferedArticles", () => {
  const offered = ranked.map(({ score, ...article }) => ({ ...article, confidence: score, text: `${article.title}: the passage.` }));

  it("on words alone keeps the first offered article's confidence and shows the others without one, in the engine's order", () => {
    for (const reason of ["warming", "unavailable"] as const) {
      const listed = listOfferedArticles(offered, reason);
      expect(listed.map((article) => [article.id, article.confidence])).toEqual([
        ["gift", 0.62],
        ["refund", null],
        ["store", null],
      ]);
      expect(listed[1].text).toBe("Refunds to a gift card: the passage.");
    }
  });

  it("with sentence vectors keeps every offered article's confidence", () => {
    expect(listOfferedArticles(offered, null).map((article) => article.confidence)).toEqual([0.62, 0.81, 0.2]);
  });
});
