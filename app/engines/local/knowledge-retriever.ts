/**
 * The embedded KnowledgeRetriever: hybrid ranking over a KnowledgeIndex (knowledge-ranker.ts:
 * words and sentence vectors, with a calibrated confidence) and an extractive answer from the
 * best article, or, asked to `suggest`, the closest articles below minScore instead
 * (knowledge-suggestions.ts). The index comes from a loader so the server can build it lazily
 * from the database (knowledge-store.server.ts) and tests can hand in a fixed one.
 */
import { rankArticles } from "./knowledge-ranker";
import { buildSuggestions, MAX_SUGGESTIONS } from "./knowledge-suggestions";
import { selectPassage } from "./passage";
import type { KnowledgeIndex } from "./knowledge-index";
import type { KbAnswer, KbAnswerInput, KbSuggestions, KnowledgeRetriever, RetrievedArticle } from "../types";

export class LocalKnowledgeRetriever implements KnowledgeRetriever {
  constructor(private readonly loadIndex: () => Promise<KnowledgeIndex>) {}

  async search(input: { query: string; tags?: string[]; limit?: number }): Promise<RetrievedArticle[]> {
    const index = await this.loadIndex();
    return rankArticles(index, input.query, { tags: input.tags, limit: input.limit });
  }

  answer(input: KbAnswerInput & { suggest: boolean }): Promise<KbAnswer | KbSuggestions | null>;
  answer(input: KbAnswerInput): Promise<KbAnswer | null>;
  async answer(input: KbAnswerInput & { suggest?: boolean }): Promise<KbAnswer | KbSuggestions | null> {
    const index = await this.loadIndex();
    // The ranking scores every article anyway: asking for the runners-up costs nothing.
    const ranked = await rankArticles(index, input.query, { tags: input.tags, limit: MAX_SUGGESTIONS });
    const best = ranked[0];
    if (!best || best.score < input.minScore) return input.suggest ? buildSuggestions(index, ranked, input.query, input.minScore) : null;
    const article = index.get(best.id);
    if (!article) return null;
    const ref = { id: article.id, slug: article.slug, title: article.title };
    const text = selectPassage(article.outline, input.query, (term) => index.termWeight(term));
    return { article: ref, text, score: best.score, citations: [ref] };
  }
}
