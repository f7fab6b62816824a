/**
 * How Try it lists the articles retrieval found. With sentence vectors each article's confidence
 * is calibrated on its own, so every row shows its figure. On words alone (before the vectors are
 * ready, or with matching by meaning off) the confidence is fitted for the FIRST article only —
 * the one the bot would answer from — so a later article can show a higher figure than the one
 * ranked above it, and a lead would tune on a number the bot never uses. There the list gives the
 * first article's figure and shows the others as "also matched", without one; the articles an
 * unsure step offers follow the same rule. The ranking itself is the engine's and is never changed
 * here.
 */
import type { KbSuggestion, RetrievedArticle } from "~/engines/types";
import type { WordsOnlyReason } from "./words-only";

/** `score` null: an article listed without a confidence ("also matched"). */
export type TriedArticle = Omit<RetrievedArticle, "score"> & { score: number | null; reachesMinScore: boolean };

export function listTriedArticles(retrieved: readonly RetrievedArticle[], wordsOnly: WordsOnlyReason, minScore: number): TriedArticle[] {
  return retrieved.map((article, index) => {
    const score = wordsOnly && index > 0 ? null : article.score;
    return { ...article, score, reachesMinScore: score !== null && score >= minScore };
  });
}

/** `confidence` null: an offered article shown without a figure (words alone, not the first). */
export type OfferedArticle = Omit<KbSuggestion, "confidence"> & { confidence: number | null };

export function listOfferedArticles(offered: readonly OfferedArticle[], wordsOnly: WordsOnlyReason): OfferedArticle[] {
  return offered.map((article, index) => ({ ...article, confidence: wordsOnly && index > 0 ? null : article.confidence }));
}
