/**
 * "These articles might help": when no article reaches a kb step's minScore, the step may offer
 * the customer the closest few instead of handing off at once, as Zendesk's and Intercom's bots
 * do. Which ones: the best MAX_SUGGESTIONS below minScore with a confidence of at least
 * MIN_ARTICLE_CONFIDENCE (an article with under a 5 % chance is not worth a button), offered only
 * when together they are at least SUGGESTION_FLOOR likely to hold the right article (the
 * confidences are calibrated per article, so their sum estimates that chance). A question about
 * nothing in the knowledge base spreads its probability thin, so it usually gets none.
 *
 * SUGGESTION_FLOOR was chosen on the tuning questions only (bench/kb-suggestion-floor.ts: the
 * demo store's and StackFAQ's tuning parts, at the default minScore): the lowest floor at which
 * fewer than half of each domain's unanswerable questions get suggestions; the right article is
 * then among the suggestions for most refused answerable questions of both (see README).
 * Ranked on words alone (encoder off or not ready, a non-English knowledge base), confidences are
 * per article rather than shares of one probability, so weak matches add up faster: that ranking
 * has its own floor, LEXICAL_SUGGESTION_FLOOR, chosen the same way (`--lexical`).
 */
import { selectPassage } from "./passage";
import type { KnowledgeIndex } from "./knowledge-index";
import type { KbSuggestions, RetrievedArticle } from "../types";

export const MAX_SUGGESTIONS = 3;
export const MIN_ARTICLE_CONFIDENCE = 0.05;
export const SUGGESTION_FLOOR = 0.48;
export const LEXICAL_SUGGESTION_FLOOR = 0.66;

/** Of the ranked articles (best first), those worth offering when none reached `minScore`; empty when they are not worth it. */
export function chooseSuggestions<T extends { score: number }>(ranked: T[], minScore: number, floor = SUGGESTION_FLOOR): T[] {
  const offered = ranked.filter((article) => article.score < minScore && article.score >= MIN_ARTICLE_CONFIDENCE).slice(0, MAX_SUGGESTIONS);
  const together = offered.reduce((sum, article) => sum + article.score, 0);
  return together >= floor ? offered : [];
}

/** The suggestions with the answer each gives if picked, or null when none is worth offering. */
export async function buildSuggestions(index: KnowledgeIndex, ranked: RetrievedArticle[], query: string, minScore: number): Promise<KbSuggestions | null> {
  // Whether `ranked` came from sentence vectors: the ranking asked the same (the query's vector is cached).
  const semantic = (await index.similarities(query, index.ids())) !== null;
  const suggestions = chooseSuggestions(ranked, minScore, semantic ? SUGGESTION_FLOOR : LEXICAL_SUGGESTION_FLOOR).flatMap((candidate) => {
    const article = index.get(candidate.id);
    if (!article) return [];
    const text = selectPassage(article.outline, query, (term) => index.termWeight(term));
    return [{ id: article.id, slug: article.slug, title: article.title, confidence: candidate.score, text }];
  });
  return suggestions.length > 0 ? { suggestions } : null;
}
